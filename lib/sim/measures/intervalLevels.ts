/**
 * A level (connections open, sockets held) built from intervals that arrive in
 * any order, e.g. one user's connections after another's, so that a run can
 * walk each user's timeline on its own instead of merging every user's events
 * in time order.
 *
 * Two views, both O(1) per interval:
 * - the time-averaged level per bucket, exact: an interval adds its overlap
 *   with its first and last bucket directly and marks the whole buckets between
 *   in a difference array;
 * - the level sampled every `sampleMs` (a difference array over sample points),
 *   giving the peak per bucket and over the run. The peak is that of the level at
 *   the sample instants: an interval shorter than `sampleMs` may fall between two
 *   samples and be missed.
 * Intervals are half-open, [fromMs, toMs), clipped to [0, durationMs). Bucket
 * and sample indices come from bucket arithmetic by index (see buckets.ts), and
 * both counts are bounded by MAX_TRACKED_BUCKETS, checked when the levels are made.
 */
import * as check from '../../validate';
import { BucketLookup, bucketCount, bucketOf } from './buckets';
import { MAX_TRACKED_BUCKETS } from '../limits';

/** A level built from intervals given in any order: exact means and sampled peaks per bucket. */
export class IntervalLevels {
  readonly buckets: number;
  readonly samples: number;
  /** Level × ms inside each bucket, partial buckets at the ends of intervals. */
  private readonly edgeArea: Float64Array;
  /** +1 where a run of whole buckets starts, −1 after it ends. */
  private readonly wholeDiff: Float64Array;
  /** +1 at the first sample inside an interval, −1 at the first sample after it. */
  private readonly sampleDiff: Int32Array;

  /** Levels over [0, durationMs) (ms, > 0), averaged per `bucketMs` and sampled every `sampleMs` (ms, > 0). */
  constructor(readonly durationMs: number, readonly bucketMs: number, readonly sampleMs: number) {
    this.buckets = bucketCount(durationMs, bucketMs);
    this.samples = bucketCount(durationMs, check.positive('sampleMs', sampleMs));
    check.workWithin('durationMs / bucketMs', this.buckets, MAX_TRACKED_BUCKETS, 'buckets');
    check.workWithin('durationMs / sampleMs', this.samples, MAX_TRACKED_BUCKETS, 'sample points');
    this.edgeArea = new Float64Array(this.buckets);
    this.wholeDiff = new Float64Array(this.buckets + 1);
    this.sampleDiff = new Int32Array(this.samples + 1);
  }

  /** The level is one higher during [fromMs, toMs). */
  add(fromMs: number, toMs: number): void {
    if (!(toMs >= fromMs)) throw new RangeError(`IntervalLevels.add needs numbers fromMs <= toMs; got ${fromMs} and ${toMs}`);
    const from = fromMs > 0 ? fromMs : 0;
    const to = toMs < this.durationMs ? toMs : this.durationMs;
    if (!(to > from)) return;
    const bw = this.bucketMs;
    const first = bucketOf(from, bw, this.buckets);
    const last = bucketOf(to, bw, this.buckets);
    if (first === last) {
      this.edgeArea[first] += to - from;
    } else {
      this.edgeArea[first] += (first + 1) * bw - from;
      this.edgeArea[last] += to - last * bw;
      this.wholeDiff[first + 1] += 1;
      this.wholeDiff[last] -= 1;
    }
    const s0 = Math.ceil(from / this.sampleMs);
    const s1 = Math.min(Math.ceil(to / this.sampleMs), this.samples);
    if (s1 > s0) {
      this.sampleDiff[s0]++;
      this.sampleDiff[s1]--;
    }
  }

  /** Width of bucket `b` (the last one may be partial). */
  bucketWidth(b: number): number {
    return Math.min(this.bucketMs, this.durationMs - b * this.bucketMs);
  }

  /** Time-averaged level in each bucket. */
  meanByBucket(): Float64Array {
    const out = new Float64Array(this.buckets);
    let whole = 0;
    for (let b = 0; b < this.buckets; b++) {
      whole += this.wholeDiff[b];
      out[b] = (this.edgeArea[b] + whole * this.bucketMs) / this.bucketWidth(b);
    }
    return out;
  }

  /** Time-averaged level over the whole run. */
  mean(): number {
    const means = this.meanByBucket();
    let area = 0;
    for (let b = 0; b < this.buckets; b++) area += means[b] * this.bucketWidth(b);
    return area / this.durationMs;
  }

  /** Highest sampled level in each bucket. */
  peakByBucket(): Float64Array {
    const { sampleMs, sampleDiff } = this;
    const out = new Float64Array(this.buckets);
    // The samples come in time order, so the lookup divides only when one enters a new bucket.
    const bucketOfTime = new BucketLookup(this.bucketMs, this.buckets);
    let level = 0;
    for (let s = 0; s < this.samples; s++) {
      level += sampleDiff[s];
      const b = bucketOfTime.of(s * sampleMs);
      if (level > out[b]) out[b] = level;
    }
    return out;
  }
}
