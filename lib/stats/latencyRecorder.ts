/**
 * Latencies summarised without misleading digits.
 *
 * A model's latencies are often a few exact protocol constants (half a round
 * trip; half a round trip after a two-round-trip handshake) plus a continuous
 * waiting part. A quantile sketch answers with a bucket's
 * representative: for a point mass at exactly 250 ms it reports 252.18 ms,
 * within its 1% bound but wrong in every digit a reader compares with RTT
 * arithmetic. So each latency is kept (a growable Float64Array) and the
 * summary is exact (type-7 quantiles, `summarize`) up to
 * `MAX_EXACT_LATENCIES` values; a larger run moves them into a `LogHistogram`
 * with `SKETCH_RELATIVE_ERROR` and says so (`exact` false).
 *
 * Latencies are differences of timestamps up to ~10^8 ms, whose last bits are
 * rounding noise (half of a 100 ms round trip came out as 49.99999999994 ms);
 * they are rounded to the nanosecond (1e-6 ms) before they are recorded.
 */
import { LogHistogram } from './streamingHistogram';
import { EMPTY_SUMMARY, summarize, type Summary } from './summarize';

/** Most latencies kept for an exact summary (32 MB); beyond, a sketch. */
export const MAX_EXACT_LATENCIES = 2 ** 22;
/** Relative error of the sketch used beyond MAX_EXACT_LATENCIES values (0.1%). */
export const SKETCH_RELATIVE_ERROR = 0.001;
/** Latencies are rounded to 1 ns: multiplied by this, rounded, divided again. */
const STEPS_PER_MS = 1e6;

/** Keeps latencies for an exact summary up to MAX_EXACT_LATENCIES, then sketches them. */
export class LatencyRecorder {
  private values = new Float64Array(1024);
  private n = 0;
  private sketch: LogHistogram | null = null;

  /** True while every latency is kept and the summary is exact. */
  get exact(): boolean {
    return this.sketch === null;
  }

  /**
   * Records one latency (ms, finite and ≥ 0).
   *
   * @throws RangeError when it is not.
   */
  add(latencyMs: number): void {
    if (!(latencyMs >= 0 && latencyMs < Infinity)) throw new RangeError(`latencyMs must be a finite number >= 0; got ${latencyMs}`);
    const v = Math.round(latencyMs * STEPS_PER_MS) / STEPS_PER_MS;
    if (this.sketch !== null) {
      this.sketch.add(v);
      return;
    }
    if (this.n === this.values.length) {
      if (this.n >= MAX_EXACT_LATENCIES) {
        this.sketch = new LogHistogram({ relativeError: SKETCH_RELATIVE_ERROR }).addAll(this.values);
        this.values = new Float64Array(0);
        this.sketch.add(v);
        return;
      }
      const more = new Float64Array(2 * this.n);
      more.set(this.values);
      this.values = more;
    }
    this.values[this.n++] = v;
  }

  /** count, mean, min, p50 … p999, max (count 0 and NaN when nothing was recorded). */
  summary(): Summary {
    if (this.sketch !== null) return this.sketch.summary();
    if (this.n === 0) return { ...EMPTY_SUMMARY };
    return summarize(this.values.subarray(0, this.n));
  }
}
