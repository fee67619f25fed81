/**
 * The summary NetLab prints for every latency sample: count, mean, min, the
 * median, p90, p99, p99.9 and max. Quantiles are type 7 (see `quantile.ts`); the
 * mean uses compensated (Neumaier) summation so that 10^6+ values do not lose digits.
 *
 * One sorted Float64Array copy is made (O(n log n), about 0.1 s for 10^6 values);
 * for runs too large to keep, use `LogHistogram`, whose `summary()` has the same
 * shape. No rounding is applied: format numbers where they are displayed.
 */
import * as check from '../validate';
import { quantileSorted } from './quantile';
import { bucketQuantiles, selectQuantiles } from './selectQuantiles';

export interface Summary {
  /** Number of values. */
  count: number;
  mean: number;
  min: number;
  /** Median. */
  p50: number;
  p90: number;
  p99: number;
  /** 99.9th percentile. */
  p999: number;
  max: number;
}

/** The quantile levels of a Summary, by field name. */
export const SUMMARY_QUANTILES = { p50: 0.5, p90: 0.9, p99: 0.99, p999: 0.999 } as const;

/** Compensated sum (Neumaier) of an array of numbers: exact to a few ulps even for millions of terms. */
export function accurateSum(values: ArrayLike<number>): number {
  if (!(Array.isArray(values) || ArrayBuffer.isView(values))) throw new TypeError(`accurateSum(values) must be an array of numbers; got ${check.describe(values)}`);
  let sum = 0;
  let comp = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const t = sum + v;
    comp += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  return sum + comp;
}

/** The summary of no values at all (every request failed or was dropped): count 0, the rest NaN. */
export const EMPTY_SUMMARY: Readonly<Summary> = Object.freeze({ count: 0, mean: NaN, min: NaN, p50: NaN, p90: NaN, p99: NaN, p999: NaN, max: NaN });

/**
 * Summary of values that are already sorted ascending: a non-empty array of finite
 * numbers in ascending order (checked in one pass, without sorting a copy).
 */
export function summarizeSorted(sorted: ArrayLike<number>): Summary {
  check.finiteArray('summarizeSorted(sorted)', sorted);
  const n = sorted.length;
  for (let i = 1; i < n; i++) {
    if (sorted[i] < sorted[i - 1]) throw new RangeError(`summarizeSorted(sorted) must be in ascending order; element ${i} (${sorted[i]}) follows ${sorted[i - 1]}`);
  }
  return {
    count: n,
    mean: accurateSum(sorted) / n,
    min: sorted[0],
    p50: quantileSorted(sorted, SUMMARY_QUANTILES.p50),
    p90: quantileSorted(sorted, SUMMARY_QUANTILES.p90),
    p99: quantileSorted(sorted, SUMMARY_QUANTILES.p99),
    p999: quantileSorted(sorted, SUMMARY_QUANTILES.p999),
    max: sorted[n - 1],
  };
}

/**
 * Summary of a non-empty array of finite numbers: count, mean, min, p50, p90,
 * p99, p99.9 and max, in the values' unit.
 *
 * @throws RangeError naming `option` (default `values`) when the array is empty or holds NaN or ±Infinity.
 *
 * @example
 * ```ts
 * import { summarize } from 'netlab';
 *
 * const s = summarize([12, 15, 15, 18, 40]);
 * [s.mean, s.p50, s.max];                      // [20, 15, 40]
 * ```
 */
export function summarize(values: ArrayLike<number>, option = 'values'): Summary {
  check.finiteArray(option, values);
  // Many values in a Float64Array are summarised where they are (bucketQuantiles), not copied.
  const inPlace = values instanceof Float64Array && values.length >= MIN_BUCKETED;
  const data = inPlace ? values : new Float64Array(values);
  const n = data.length;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = data[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const mean = accurateSum(data) / n;
  const [p50, p90, p99, p999] =
    (n >= MIN_BUCKETED ? bucketQuantiles(data, min, max, LEVELS) : null) ?? selectQuantiles(inPlace ? new Float64Array(data) : data, LEVELS);
  return { count: n, mean, min, p50, p90, p99, p999, max };
}

/** The fewest values for which buckets beat selection (`bucketQuantiles` counts 65,536 of them). */
const MIN_BUCKETED = 1 << 15;

const LEVELS = [SUMMARY_QUANTILES.p50, SUMMARY_QUANTILES.p90, SUMMARY_QUANTILES.p99, SUMMARY_QUANTILES.p999];
