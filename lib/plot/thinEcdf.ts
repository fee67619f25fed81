/**
 * The empirical CDF of a sample as plot points, thinned for display.
 *
 * One point per distinct value x: `atMost` = P(X ≤ x) and `atLeast` = P(X ≥ x),
 * both exact for the sample. A million-value sample has up to a million steps,
 * far more than a page should carry, so when there are more than `maxPoints`
 * distinct values it keeps: the minimum and the maximum, half the budget evenly
 * spaced in p (the body), and the rest evenly spaced in log(1 − p) down to
 * p = 1 − 1/n (the tail, where p99.9 and p99.99 live). Kept points keep their
 * exact probabilities; only the steps between them are dropped. It does not
 * interpolate or smooth. Sorting copies the input: O(n log n).
 */
import * as check from '../validate';

export interface EcdfPoints {
  /** Distinct sample values, ascending. */
  x: number[];
  /** P(X ≤ x) for each x. */
  atMost: number[];
  /** P(X ≥ x) for each x. */
  atLeast: number[];
}

/** Default cap on points per series: ample for a plot, small in a saved page. */
export const DEFAULT_MAX_POINTS = 2000;

/** The smallest j with ends[j] ≥ target (ends ascending), or ends.length. */
function firstAtLeast(ends: Int32Array, count: number, target: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ends[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * ECDF points of `values` (finite numbers), at most `maxPoints` of them (an
 * integer ≥ 16), always including the minimum and the maximum.
 */
export function thinEcdf(values: ArrayLike<number>, maxPoints: number = DEFAULT_MAX_POINTS): EcdfPoints {
  check.integer('thinEcdf maxPoints', maxPoints, 16);
  const sorted = Float64Array.from(check.finiteArray('thinEcdf(values)', values)).sort();
  const n = sorted.length;
  // ends[j]: index in `sorted` of the last copy of the j-th distinct value.
  const ends = new Int32Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) if (i === n - 1 || sorted[i] !== sorted[i + 1]) ends[m++] = i;

  const keep = new Uint8Array(m);
  if (m <= maxPoints) {
    keep.fill(1);
  } else {
    keep[0] = 1;
    keep[m - 1] = 1;
    const body = Math.floor((maxPoints - 2) / 2);
    const tail = maxPoints - 2 - body;
    // A target probability p is met by the first distinct value whose P(X ≤ x) ≥ p,
    // i.e. whose end index is ≥ p·n − 1.
    const mark = (p: number) => {
      const j = firstAtLeast(ends, m, Math.ceil(p * n - 1 - 1e-9));
      if (j < m) keep[j] = 1;
    };
    for (let t = 1; t <= body; t++) mark(t / (body + 1));
    const u0 = Math.log(1 - (ends[0] + 1) / n);
    const u1 = Math.log(1 / n);
    for (let t = 0; t < tail; t++) mark(1 - Math.exp(u0 + ((u1 - u0) * t) / Math.max(1, tail - 1)));
  }

  const x: number[] = [];
  const atMost: number[] = [];
  const atLeast: number[] = [];
  for (let j = 0; j < m; j++) {
    if (!keep[j]) continue;
    const start = j === 0 ? 0 : ends[j - 1] + 1;
    x.push(sorted[ends[j]]);
    atMost.push((ends[j] + 1) / n);
    atLeast.push((n - start) / n);
  }
  return { x, atMost, atLeast };
}
