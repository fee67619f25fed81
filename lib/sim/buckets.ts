/**
 * Report buckets: a run of `durationMs` cut into buckets of `bucketMs`, the last
 * one possibly shorter. One rule for every simulator's time series: how many
 * buckets there are, how wide they may be, and which bucket a moment falls in.
 */
import * as check from '../validate';

/** Most buckets a run may report (bounded memory whatever the bucket width). */
export const MAX_BUCKETS = 10_000;

/** Buckets of `bucketMs` in `durationMs`, a short last one included. */
export function bucketCount(durationMs: number, bucketMs: number): number {
  return Math.ceil(durationMs / bucketMs - 1e-9);
}

/**
 * Checks `bucketMs` (in (0, durationMs]; default durationMs / defaultBuckets) and
 * returns it with the number of buckets, at most MAX_BUCKETS.
 */
export function checkBuckets(durationMs: number, bucketMs: number | undefined, defaultBuckets: number): { bucketMs: number; buckets: number } {
  const width = bucketMs === undefined ? durationMs / defaultBuckets : check.inRange('bucketMs', bucketMs, 0, durationMs, '(]');
  const buckets = bucketCount(durationMs, width);
  if (buckets > MAX_BUCKETS) {
    throw new RangeError(`bucketMs must leave at most ${MAX_BUCKETS} buckets in durationMs (${durationMs} ms); got ${width}, which gives ${buckets}`);
  }
  return { bucketMs: width, buckets };
}

/** The bucket holding `tMs`; moments at or after the end fall in the last one. */
export function bucketOf(tMs: number, bucketMs: number, buckets: number): number {
  return Math.min(buckets - 1, Math.floor(tMs / bucketMs));
}
