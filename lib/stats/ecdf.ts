/**
 * Empirical distribution curves for plotting: the ECDF F(x) = fraction of values
 * ≤ x, and the complementary CDF 1 − F(x) that tail plots draw on log axes (or,
 * with `inclusive`, P(X ≥ x): the level just before each downward step).
 *
 * Exact: one point per distinct value (ties are merged, so x is strictly
 * increasing and p is the true step height at x); draw with a step line shape
 * ('hv'). Optional thinning (`maxPoints`) keeps a subset of those exact points —
 * never interpolated ones — chosen half evenly in p (the body, for linear axes)
 * and half evenly in log(1 − p) (the tail: p99, p99.9, p99.99 each get a similar
 * share), always with the first and the last point. Between kept points a thinned
 * curve is only an outline. It does not smooth or estimate a density.
 */
import * as check from '../validate';
import { sortedCopy } from './quantile';

/** Points of a distribution curve: x ascending, p the probability at each x. */
export interface Curve {
  x: Float64Array;
  p: Float64Array;
}

export interface CurveOptions {
  /** Keep at most this many points (an integer ≥ 2); all distinct values when omitted. */
  maxPoints?: number;
}

export interface CcdfOptions extends CurveOptions {
  /**
   * p = fraction of values ≥ x instead of > x (default false). Every distinct
   * value then has p > 0, so the maximum is kept too.
   */
  inclusive?: boolean;
}

/** Every key of CurveOptions. */
export const CURVE_KEYS: readonly (keyof CurveOptions)[] = ['maxPoints'];
/** Every key of CcdfOptions. */
export const CCDF_KEYS: readonly (keyof CcdfOptions)[] = ['maxPoints', 'inclusive'];

/** Distinct sorted values and, for each, how many values are ≤ it. */
function steps(values: ArrayLike<number>): { x: Float64Array; below: Float64Array; n: number } {
  const sorted = sortedCopy(values);
  const n = sorted.length;
  let k = 0;
  const x = new Float64Array(n);
  const below = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (i + 1 < n && sorted[i + 1] === sorted[i]) continue;
    x[k] = sorted[i];
    below[k] = i + 1;
    k++;
  }
  return { x: x.slice(0, k), below: below.slice(0, k), n };
}

/** First index in [0, len) whose value satisfies `ok` (monotone false→true), or len. */
function firstWhere(len: number, ok: (i: number) => boolean): number {
  let lo = 0;
  let hi = len;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ok(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Indices (ascending, unique) of at most `max` of the first `len` points, given how
 * many of the n values are ≤ each point (`below`, increasing).
 */
function thin(len: number, below: Float64Array, n: number, max: number): Int32Array {
  if (len <= max) return Int32Array.from({ length: len }, (_, i) => i);
  const keep = new Uint8Array(len);
  keep[0] = 1;
  keep[len - 1] = 1;
  const inner = max - 2;
  const linear = Math.ceil(inner / 2);
  const logs = inner - linear;
  for (let j = 1; j <= linear; j++) {
    const target = (n * j) / (linear + 1);
    keep[Math.min(len - 1, firstWhere(len, (i) => below[i] >= target))] = 1;
  }
  // Tail levels 1 − p from 1 down to 1/n, evenly spaced in log.
  const logMin = Math.log(1 / n);
  for (let j = 1; j <= logs; j++) {
    const tail = n * Math.exp((logMin * j) / (logs + 1));
    keep[Math.min(len - 1, firstWhere(len, (i) => n - below[i] <= tail))] = 1;
  }
  let count = 0;
  for (let i = 0; i < len; i++) count += keep[i];
  const idx = new Int32Array(count);
  for (let i = 0, k = 0; i < len; i++) if (keep[i]) idx[k++] = i;
  return idx;
}

function maxPointsOf(opts: CurveOptions, fn: string): number {
  return opts.maxPoints === undefined ? Infinity : check.integer(`${fn} maxPoints`, opts.maxPoints, 2);
}

function pick(x: Float64Array, values: Float64Array, idx: Int32Array | null): Curve {
  if (idx === null) return { x, p: values };
  return { x: Float64Array.from(idx, (i) => x[i]), p: Float64Array.from(idx, (i) => values[i]) };
}

/**
 * Empirical CDF: for each distinct value x (ascending), p = fraction of values ≤ x.
 * The last point has p = 1. `maxPoints` thins as described in the module header.
 */
export function ecdf(values: ArrayLike<number>, opts: CurveOptions = {}): Curve {
  const max = maxPointsOf(check.options('ecdf', opts, CURVE_KEYS), 'ecdf');
  const { x, below, n } = steps(values);
  const p = below.map((b) => b / n);
  return pick(x, p, x.length > max ? thin(x.length, below, n, max) : null);
}

/**
 * Complementary CDF: for each distinct value x, p = fraction of values > x. The
 * maximum, where that fraction is 0, is left out so the curve fits log axes; a
 * sample whose values are all equal therefore gives an empty curve. With
 * `inclusive`, p = fraction of values ≥ x at every distinct value (the first is 1).
 */
export function ccdf(values: ArrayLike<number>, opts: CcdfOptions = {}): Curve {
  const max = maxPointsOf(check.options('ccdf', opts, CCDF_KEYS), 'ccdf');
  const inclusive = check.flag('ccdf inclusive', opts.inclusive, false);
  const all = steps(values);
  const { below, n } = all;
  const len = inclusive ? all.x.length : all.x.length - 1;
  const x = all.x.slice(0, len);
  // Values ≥ x are all but those ≤ the previous distinct value; values > x all but those ≤ x.
  const q = inclusive ? below.map((_, i) => (n - (i === 0 ? 0 : below[i - 1])) / n) : below.slice(0, len).map((b) => (n - b) / n);
  return pick(x, q, len > max ? thin(len, below, n, max) : null);
}
