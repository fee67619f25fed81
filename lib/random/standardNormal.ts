/**
 * The standard normal quantile function Φ⁻¹(p), by Acklam's rational approximation
 * (relative error below 1.2e-9 over (0, 1)), shared by `normal` and `lognormal`.
 */
import * as check from '../validate';

const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

function tail(q: number): number {
  return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
}

/** Φ⁻¹(p) for an already-checked p in [0, 1]. */
function phiInverse(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  if (p < P_LOW) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - P_LOW) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
}

/** Φ⁻¹(p) for p in [0, 1]: −Infinity at 0, +Infinity at 1; anything else throws naming p. */
export function standardNormalQuantile(p: number): number {
  return phiInverse(check.probability('standardNormalQuantile(p)', p));
}

/**
 * A standard normal draw from one uniform draw u in [0, 1), by inversion. u = 0 (one
 * chance in 2^32 with a 32-bit generator) is read as 2^-33, the middle of its 32-bit
 * cell, so that a draw is always finite (about −6.4 there).
 */
export function standardNormalDraw(u: number): number {
  return phiInverse(u > 0 ? u : 2 ** -33);
}

/** Φ⁻¹(0.99): how many standard deviations the 99th percentile lies above the median. */
export const Z_99 = standardNormalQuantile(0.99);
