/**
 * Sample quantiles by one documented method: Hyndman & Fan (1996) type 7, the
 * default of R's `quantile()` and NumPy's `quantile()`. For n sorted values
 * x[0..n-1] and p in [0, 1], let h = (n − 1)·p; the quantile is
 * x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]), a linear interpolation between the two
 * order statistics around position h. p = 0 gives the minimum, p = 1 the maximum.
 *
 * Every quantile NetLab reports (summaries, tables, interval estimates) uses this
 * function, so numbers agree across notebooks. It does not weight samples and
 * does not estimate quantiles beyond the data (p99.9 of 100 values is close to
 * the maximum; see `percentileInterval` for how uncertain that is).
 */
import * as check from '../validate';

/**
 * A sorted Float64Array copy of `values` (ascending). Throws, naming `option`, on an
 * empty input or a non-finite element; the input is never modified.
 */
export function sortedCopy(values: ArrayLike<number>, option = 'values'): Float64Array {
  return Float64Array.from(check.finiteArray(option, values)).sort();
}

/**
 * The type-7 quantile of already-sorted values (ascending; not re-checked, so that
 * repeated calls on a large array stay O(1)). `p` is a probability in [0, 1].
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  check.probability('quantile p', p);
  const n = sorted == null ? undefined : sorted.length;
  if (typeof n !== 'number') throw new TypeError(`quantileSorted(sorted) must be a sorted array of numbers; got ${String(sorted)}`);
  if (n === 0) throw new RangeError('quantileSorted(sorted) must be a non-empty sorted array; got an empty array');
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const frac = h - lo;
  const a = sorted[lo];
  if (frac === 0 || lo + 1 >= n) return a;
  const b = sorted[lo + 1];
  return a === b ? a : a + frac * (b - a);
}

/** Type-7 quantiles of `values` at each probability in `ps`, sorting one copy once. */
export function quantiles(values: ArrayLike<number>, ps: ArrayLike<number>): number[] {
  if (!(Array.isArray(ps) || ArrayBuffer.isView(ps))) {
    throw new TypeError(`quantiles(ps) must be an array of probabilities in [0, 1]; got a value of type ${typeof ps}`);
  }
  for (let i = 0; i < ps.length; i++) check.probability(`quantiles(ps) element ${i}`, ps[i]);
  const sorted = sortedCopy(values);
  const out: number[] = new Array(ps.length);
  for (let i = 0; i < ps.length; i++) out[i] = quantileSorted(sorted, ps[i]);
  return out;
}
