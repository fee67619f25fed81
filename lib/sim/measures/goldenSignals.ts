/**
 * The four golden signals per time bucket, computed from per-request records the
 * way a dashboard would: traffic from arrivals, latency percentiles of successful
 * requests by the time they finished, errors by the time the client saw them fail,
 * and saturation as the busiest stage's utilisation in the bucket.
 */
import { quantiles } from '../../stats/quantile';
import * as check from '../../validate';
import { bucketOf, MAX_BUCKETS } from './buckets';
import { latencySketch, type Keep } from '../keptColumns';
import type { LogHistogram } from '../../stats/streamingHistogram';

export interface SignalBucket {
  /** Bucket start (ms). */
  tMs: number;
  /** Traffic: arrivals per second in the bucket. */
  offeredRps: number;
  /** Successful completions per second. */
  throughputRps: number;
  /** Failed requests (dropped or timed out) per second. */
  errorRps: number;
  /** Latency percentiles (ms) of requests that succeeded in this bucket; NaN if none. */
  p50Ms: number;
  p99Ms: number;
  /** Highest stage utilisation in the bucket, in [0, 1]. */
  saturation: number;
}

export interface SignalInput {
  arrivalMs: Float64Array;
  /** When the request succeeded or failed (ms); NaN while unfinished. */
  endMs: Float64Array;
  latencyMs: Float64Array;
  /** True when the request succeeded. */
  ok: (i: number) => boolean;
  durationMs: number;
  bucketMs: number;
  /** Saturation per bucket. */
  saturation: ArrayLike<number>;
}

/** The golden signals per bucket, one bucket per entry of `input.saturation` (1 to MAX_BUCKETS). */
export function bucketSignals(input: SignalInput): SignalBucket[] {
  const { arrivalMs, endMs, latencyMs } = input;
  const durationMs = check.positive('durationMs', input.durationMs);
  const bucketMs = check.positive('bucketMs', input.bucketMs);
  const buckets = check.integer('saturation.length', input.saturation?.length, 1, MAX_BUCKETS);
  if (endMs.length !== arrivalMs.length || latencyMs.length !== arrivalMs.length) {
    throw new RangeError(`bucketSignals needs arrivalMs, endMs and latencyMs of one length; got ${arrivalMs.length}, ${endMs.length} and ${latencyMs.length}`);
  }
  const tally = new SignalTally(durationMs, bucketMs, buckets, 'columns');
  for (let i = 0; i < arrivalMs.length; i++) {
    tally.arrived(arrivalMs[i]);
    tally.ended(endMs[i], input.ok(i), latencyMs[i]);
  }
  return tally.signals(input.saturation);
}

/**
 * The golden signals added up request by request, for runs that do not keep their
 * requests: arrivals and errors are counted per bucket, and the latencies of each
 * bucket's successes kept (`'columns'`: exact percentiles) or sketched
 * (`'summaries'`: within 0.5 %, memory bounded per bucket).
 */
export class SignalTally {
  private readonly arrivals: Float64Array;
  private readonly errors: Float64Array;
  private readonly successes: Float64Array;
  private readonly latencies: (number[] | LogHistogram | undefined)[];

  /** A tally over `buckets` buckets of `bucketMs` covering [0, durationMs). */
  constructor(
    private readonly durationMs: number,
    private readonly bucketMs: number,
    private readonly buckets: number,
    private readonly keep: Keep,
  ) {
    this.arrivals = new Float64Array(buckets);
    this.errors = new Float64Array(buckets);
    this.successes = new Float64Array(buckets);
    this.latencies = new Array<undefined>(buckets).fill(undefined);
  }

  /** A request arrived at `arrivalMs`. */
  arrived(arrivalMs: number): void {
    this.arrivals[bucketOf(arrivalMs, this.bucketMs, this.buckets)]++;
  }

  /** A request succeeded (`ok`, after `latencyMs`) or failed at `endMs`; ends at or after the run's end (or NaN) are not counted. */
  ended(endMs: number, ok: boolean, latencyMs: number): void {
    if (!(endMs < this.durationMs)) return;
    const b = bucketOf(endMs, this.bucketMs, this.buckets);
    if (!ok) {
      this.errors[b]++;
      return;
    }
    this.successes[b]++;
    const kept = this.latencies[b] ?? (this.latencies[b] = this.keep === 'columns' ? [] : latencySketch());
    if (Array.isArray(kept)) kept.push(latencyMs);
    else kept.add(latencyMs);
  }

  /** The signals per bucket, with each bucket's saturation from `saturation`. */
  signals(saturation: ArrayLike<number>): SignalBucket[] {
    const out: SignalBucket[] = [];
    for (let b = 0; b < this.buckets; b++) {
      const perSecond = 1000 / Math.min(this.bucketMs, this.durationMs - b * this.bucketMs);
      const kept = this.latencies[b];
      const [p50, p99] = kept === undefined ? [NaN, NaN] : Array.isArray(kept) ? quantiles(kept, [0.5, 0.99]) : [kept.quantile(0.5), kept.quantile(0.99)];
      out.push({
        tMs: b * this.bucketMs,
        offeredRps: this.arrivals[b] * perSecond,
        throughputRps: this.successes[b] * perSecond,
        errorRps: this.errors[b] * perSecond,
        p50Ms: p50,
        p99Ms: p99,
        saturation: saturation[b],
      });
    }
    return out;
  }
}
