/**
 * The failed share of a global-routing run's requests per time bucket, all user
 * regions together: the line an outage draws over time. Buckets are the run's own
 * (`result.bucketMs`), by first-send time; a bucket with no request gives NaN (a gap).
 * Not done: one series per region (filter `result.series` by `userRegion`).
 */
import type { GlobalRoutingResult } from './globalRoutingReport';

/** Bucket start times (ms) and the percentage of the requests sent in each that failed. */
export interface FailureSeries {
  tMs: number[];
  failedPct: number[];
}

/** Failed requests per bucket, as a percentage of those sent in it, every user region together. */
export function failureSeries(result: GlobalRoutingResult): FailureSeries {
  if (!result || !Array.isArray(result.series) || !(result.bucketMs > 0)) {
    throw new TypeError('failureSeries: result must be what simulateGlobalRouting returned (with series and bucketMs)');
  }
  const buckets = Math.ceil(result.durationMs / result.bucketMs);
  const sent = new Float64Array(buckets);
  const failed = new Float64Array(buckets);
  for (const s of result.series) {
    const b = Math.round(s.tMs / result.bucketMs);
    if (b < 0 || b >= buckets) continue;
    sent[b] += s.requests;
    failed[b] += s.failed;
  }
  const tMs: number[] = [];
  const failedPct: number[] = [];
  for (let b = 0; b < buckets; b++) {
    tMs.push(b * result.bucketMs);
    failedPct.push(sent[b] > 0 ? (100 * failed[b]) / sent[b] : NaN);
  }
  return { tMs, failedPct };
}
