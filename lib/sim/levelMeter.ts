/**
 * A level that steps up and down over simulated time (ports held, connections
 * open) and its time average per bucket, as a dashboard gauge sampled
 * continuously would show it. Changes must come in time order; the area under
 * the level is split exactly at bucket edges. Time past the last bucket is not
 * recorded.
 */
import * as check from '../validate';

export class LevelMeter {
  /** The level now. */
  level = 0;
  /** Highest level reached. */
  peak = 0;
  /** Level × time (ms) accumulated in each bucket. */
  readonly areaByBucket: Float64Array;
  private lastMs = 0;

  constructor(readonly bucketMs: number, buckets: number) {
    check.positive('bucketMs', bucketMs);
    this.areaByBucket = new Float64Array(check.integer('buckets', buckets, 1));
  }

  /** Moves the level by `delta` at `tMs` (not before the previous change). */
  add(tMs: number, delta: number): void {
    this.advance(tMs);
    this.level += delta;
    if (this.level > this.peak) this.peak = this.level;
  }

  /** Brings the record up to `tMs` (call before reading a bucket that is still open). */
  advance(tMs: number): void {
    if (tMs < this.lastMs) throw new RangeError(`LevelMeter changes must come in time order; got ${tMs} ms after ${this.lastMs} ms`);
    let t = this.lastMs;
    const last = this.areaByBucket.length - 1;
    while (t < tMs && this.level !== 0) {
      const b = Math.floor(t / this.bucketMs);
      if (b > last) break;
      const end = Math.min(tMs, (b + 1) * this.bucketMs);
      this.areaByBucket[b] += this.level * (end - t);
      t = end;
    }
    this.lastMs = tMs;
  }

  /** Time-averaged level over bucket `b`, whose width is `widthMs` (shorter for a last, partial bucket). */
  mean(b: number, widthMs = this.bucketMs): number {
    return this.areaByBucket[b] / widthMs;
  }
}
