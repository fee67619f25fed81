/**
 * Report buckets: a run of `durationMs` cut into buckets of `bucketMs`, the last
 * one possibly shorter. One rule for every simulator's time series: how many
 * buckets there are, how wide they may be, and which bucket a moment falls in.
 *
 * Bucket b covers [b · bucketMs, (b + 1) · bucketMs) with its edges computed exactly
 * that way, as floating-point products. A moment's bucket is found from its index
 * and checked against those edges, never by adding widths up, so a width that is not
 * exactly representable (1000 / 3 ms) neither drifts nor stalls a loop on an edge.
 */
import * as check from '../../validate';

/** Most buckets a run may report (bounded memory whatever the bucket width). */
export const MAX_BUCKETS = 10_000;

/** Buckets of `bucketMs` in `durationMs`, a short last one included. */
export function bucketCount(durationMs: number, bucketMs: number): number {
  check.positive('durationMs', durationMs);
  check.positive('bucketMs', bucketMs);
  return Math.max(1, Math.ceil(durationMs / bucketMs - 1e-9));
}

/**
 * Checks `bucketMs` (in (0, durationMs]; default durationMs / defaultBuckets) and
 * returns it with the number of buckets, at most MAX_BUCKETS.
 */
export function checkBuckets(durationMs: number, bucketMs: number | undefined, defaultBuckets: number): { bucketMs: number; buckets: number } {
  check.positive('durationMs', durationMs);
  check.integer('defaultBuckets', defaultBuckets, 1, MAX_BUCKETS);
  const width = bucketMs === undefined ? durationMs / defaultBuckets : check.inRange('bucketMs', bucketMs, 0, durationMs, '(]');
  const buckets = bucketCount(durationMs, width);
  if (buckets > MAX_BUCKETS) {
    throw new RangeError(`bucketMs must leave at most ${MAX_BUCKETS} buckets in durationMs (${durationMs} ms); got ${width}, which gives ${buckets}`);
  }
  return { bucketMs: width, buckets };
}

/**
 * The index b of the bucket holding `tMs` (≥ 0): b · bucketMs ≤ tMs < (b + 1) · bucketMs,
 * with no upper end. Not re-checked: callers pass a checked time and width.
 */
export function bucketIndexAt(tMs: number, bucketMs: number): number {
  let b = Math.floor(tMs / bucketMs);
  // The quotient is rounded: settle the index against the edges themselves.
  if (b * bucketMs > tMs) b--;
  else if ((b + 1) * bucketMs <= tMs) b++;
  return b;
}

/** The bucket holding `tMs` (≥ 0); moments at or after the end fall in the last one. */
export function bucketOf(tMs: number, bucketMs: number, buckets: number): number {
  if (!(tMs >= 0) || !(bucketMs > 0) || !(buckets >= 1)) throw bucketQueryError(tMs, bucketMs, buckets);
  return Math.min(buckets - 1, bucketIndexAt(tMs, bucketMs));
}

/**
 * bucketOf's error, built outside it: a template literal in a function called millions of
 * times per run can leave V8 (node 20) running that function on a slow path for the rest
 * of the run. A 100,000-user realtime run took 0.7–1.2 s instead of 0.2 s when it did.
 */
function bucketQueryError(tMs: number, bucketMs: number, buckets: number): RangeError {
  return new RangeError(`bucketOf needs tMs >= 0, bucketMs > 0 and buckets >= 1; got ${tMs}, ${bucketMs} and ${buckets}`);
}

/**
 * `bucketOf` for a tally asked about many moments in a row, most in the bucket of
 * the one before: it remembers the last bucket's edges and answers a moment inside
 * them without dividing. The same answers as `bucketOf` (the edges are its products).
 */
export class BucketLookup {
  private bucket = 0;
  /** The remembered bucket's edges; [0, 0) until the first lookup. */
  private from = 0;
  private to = 0;

  constructor(
    private readonly bucketMs: number,
    private readonly buckets: number,
  ) {}

  /** The bucket holding `tMs` (≥ 0), as `bucketOf(tMs, bucketMs, buckets)`. */
  of(tMs: number): number {
    if (tMs >= this.from && tMs < this.to) return this.bucket;
    const b = bucketOf(tMs, this.bucketMs, this.buckets);
    this.bucket = b;
    this.from = b * this.bucketMs;
    this.to = b === this.buckets - 1 ? Infinity : (b + 1) * this.bucketMs;
    return b;
  }
}
