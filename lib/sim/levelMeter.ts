/**
 * A level that steps up and down over simulated time (busy workers, ports held,
 * connections open): its area (level × ms) in all and per time bucket, as a
 * dashboard gauge sampled continuously would show it. Changes must come in time
 * order; the area is split exactly at bucket edges, and the buckets grow as time
 * passes. With `bucketMs` 0 only the total is kept.
 */
import * as check from '../validate';
import { grown } from './grown';

export class LevelMeter {
  /** The level now. */
  level = 0;
  /** Highest level reached. */
  peak = 0;
  /** Level × time (ms) per bucket, up to the last change or `advance`. */
  areaByBucket = new Float64Array(0);
  private area = 0;
  private lastMs = 0;

  constructor(readonly bucketMs = 0) {
    if (bucketMs !== 0) check.positive('bucketMs', bucketMs);
  }

  /** Moves the level by `delta` at `tMs` (not before the previous change). */
  add(tMs: number, delta: number): void {
    this.advance(tMs);
    this.level += delta;
    if (this.level > this.peak) this.peak = this.level;
  }

  /** Brings the record up to `tMs` (call before reading a bucket that is still open). */
  advance(tMs: number): void {
    const from = this.lastMs;
    if (tMs < from) throw new RangeError(`LevelMeter changes must come in time order; got ${tMs} ms after ${from} ms`);
    if (tMs > from && this.level !== 0) {
      this.area += this.level * (tMs - from);
      if (this.bucketMs > 0) this.spread(from, tMs);
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

  private spread(from: number, to: number): void {
    let t = from;
    while (t < to) {
      const b = Math.floor(t / this.bucketMs);
      const end = Math.min(to, (b + 1) * this.bucketMs);
      if (b >= this.areaByBucket.length) this.areaByBucket = grown(this.areaByBucket, b + 1);
      this.areaByBucket[b] += this.level * (end - t);
      t = end;
    }
  }
}
