/**
 * The four golden signals per time bucket, computed from per-request records the
 * way a dashboard would: traffic from arrivals, latency percentiles of successful
 * requests by the time they finished, errors by the time the client saw them fail,
 * and saturation as the busiest stage's utilisation in the bucket.
 */
import { quantiles } from '../../stats/quantile';
import * as check from '../../validate';
import { bucketOf, MAX_BUCKETS } from './buckets';

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
  const arrivals = new Float64Array(buckets);
  const errors = new Float64Array(buckets);
  const latencies: number[][] = Array.from({ length: buckets }, () => []);
  const bucketAt = (t: number): number => bucketOf(t, bucketMs, buckets);
  for (let i = 0; i < arrivalMs.length; i++) {
    arrivals[bucketAt(arrivalMs[i])]++;
    const end = endMs[i];
    if (!(end < durationMs)) continue;
    if (input.ok(i)) latencies[bucketAt(end)].push(latencyMs[i]);
    else errors[bucketAt(end)]++;
  }
  const out: SignalBucket[] = [];
  for (let b = 0; b < buckets; b++) {
    const perSecond = 1000 / Math.min(bucketMs, durationMs - b * bucketMs);
    const ok = latencies[b].length;
    const [p50, p99] = ok > 0 ? quantiles(latencies[b], [0.5, 0.99]) : [NaN, NaN];
    out.push({
      tMs: b * bucketMs,
      offeredRps: arrivals[b] * perSecond,
      throughputRps: ok * perSecond,
      errorRps: errors[b] * perSecond,
      p50Ms: p50,
      p99Ms: p99,
      saturation: input.saturation[b],
    });
  }
  return out;
}
