/**
 * A level that steps up and down over simulated time (busy workers, ports held,
 * connections open): its area (level × ms) in all and per time bucket, as a
 * dashboard gauge sampled continuously would show it. Changes must come in time
 * order; the area is split exactly at bucket edges, and the buckets grow as time
 * passes. With `bucketMs` 0 only the total is kept.
 *
 * The split walks bucket indices (see buckets.ts), from the bucket of the last
 * change to that of the new one, so it takes one step per bucket crossed whatever
 * the width. At most MAX_TRACKED_BUCKETS buckets are kept: a change beyond them
 * throws a RangeError up front instead of allocating or looping without end.
 */
import * as check from '../../validate';
import { grown } from '../grown';
import { bucketIndexAt } from './buckets';
import { MAX_TRACKED_BUCKETS } from '../limits';

/** A stepped level over time with its area in all and per bucket (see the module header). */
export class LevelMeter {
  /** The level now. */
  level = 0;
  /** Highest level reached. */
  peak = 0;
  /** Level × time (ms) per bucket, up to the last change or `advance`. */
  areaByBucket = new Float64Array(0);
  private area = 0;
  private lastMs = 0;

  /** `bucketMs`: width of a bucket (ms, > 0), or 0 (the default) to keep only the total. */
  constructor(readonly bucketMs = 0) {
    if (bucketMs !== 0) check.positive('bucketMs', bucketMs);
  }

  /** Moves the level by `delta` (finite) at `tMs` (not before the previous change). */
  add(tMs: number, delta: number): void {
    if (typeof delta !== 'number' || !Number.isFinite(delta)) throw new RangeError(`LevelMeter delta must be a finite number; got ${check.describe(delta)}`);
    this.advance(tMs);
    this.level += delta;
    if (this.level > this.peak) this.peak = this.level;
  }

  /** Brings the record up to `tMs` (call before reading a bucket that is still open). */
  advance(tMs: number): void {
    const from = this.lastMs;
    if (!(tMs >= from) || tMs === Infinity) {
      throw new RangeError(`LevelMeter changes must come in time order; got ${tMs} ms after ${from} ms (times must be finite)`);
    }
    if (tMs > from && this.level !== 0) {
      if (this.bucketMs > 0) this.spread(from, tMs);
      this.area += this.level * (tMs - from);
    }
    this.lastMs = tMs;
  }

  /** Level × time (ms) from 0 to `tMs` (≥ the last change), without recording anything. */
  areaUntil(tMs: number): number {
    return this.area + this.level * (tMs - this.lastMs);
  }

  /** Time-averaged level over bucket `b`, whose width is `widthMs` (shorter for a last, partial bucket). */
  mean(b: number, widthMs = this.bucketMs): number {
    return (this.areaByBucket[b] ?? 0) / widthMs;
  }

  /** Adds level × time over [from, to) to the buckets it crosses, one step per bucket. */
  private spread(from: number, to: number): void {
    const w = this.bucketMs;
    const first = bucketIndexAt(from, w);
    let last = bucketIndexAt(to, w);
    // `to` exactly on an edge adds nothing to the bucket that starts there.
    if (last > first && last * w >= to) last--;
    if (last >= MAX_TRACKED_BUCKETS) {
      throw new RangeError(
        `LevelMeter with bucketMs ${w} would need ${last + 1} buckets to reach ${to} ms; at most ${MAX_TRACKED_BUCKETS} are kept (use wider buckets or a shorter run)`,
      );
    }
    if (last >= this.areaByBucket.length) this.areaByBucket = grown(this.areaByBucket, last + 1);
    const area = this.areaByBucket;
    for (let b = first; b <= last; b++) {
      const lo = b === first ? from : b * w;
      const hi = b === last ? to : (b + 1) * w;
      area[b] += this.level * (hi - lo);
    }
  }
}
