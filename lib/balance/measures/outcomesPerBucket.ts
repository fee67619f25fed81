/**
 * A cluster run's outcomes over time: how many requests, by arrival time, were
 * answered, failed or timed out in each bucket of a window. It is what an error-rate
 * panel plots around a failure. Buckets are counted by when requests arrived, not by
 * when they ended; the warm-up requests the run did not measure are not counted.
 */
import * as check from '../../validate';
import { CLUSTER_OUTCOME, type ClusterResult } from '../cluster/clusterReport';
import { requireClusterResult } from '../cluster/requireClusterResult';

/** Options of `outcomesPerBucket`. */
export interface OutcomesPerBucketOptions {
  /** Window start (ms of simulated time, ≥ 0). */
  fromMs: number;
  /** Window end, exclusive (ms, > fromMs). */
  toMs: number;
  /** Bucket length (ms, > 0; at most 100 000 buckets in the window). */
  bucketMs: number;
}

/** Every key of `OutcomesPerBucketOptions`. */
export const OUTCOMES_PER_BUCKET_KEYS: readonly (keyof OutcomesPerBucketOptions)[] = ['fromMs', 'toMs', 'bucketMs'];

/** Requests per bucket by outcome; every array has one entry per bucket. */
export interface BucketOutcomes {
  /** Start of each bucket (ms of simulated time). */
  startMs: number[];
  ok: number[];
  failed: number[];
  timedOut: number[];
}

const FN = 'outcomesPerBucket';

/**
 * Counts the measured requests arriving in [fromMs, toMs), per bucket of `bucketMs`
 * (the last bucket may be shorter), by outcome.
 *
 * @example
 * ```ts
 * import { createRng, exponential, outcomesPerBucket, simulateCluster } from 'netlab';
 *
 * const run = simulateCluster({
 *   servers: [{}, { failures: [{ atMs: 20_000 }] }, {}, {}], workers: 2, serviceTime: exponential(10),
 *   arrivalRate: 200, requests: 8_000, balancer: 'round-robin',
 *   healthCheck: { intervalMs: 1000, timeoutMs: 200, unhealthyThreshold: 2 }, rng: createRng(1),
 * });
 * const { startMs, failed } = outcomesPerBucket(run, { fromMs: 15_000, toMs: 30_000, bucketMs: 1000 });
 * ```
 */
export function outcomesPerBucket(result: ClusterResult, opts: OutcomesPerBucketOptions): BucketOutcomes {
  requireClusterResult(FN, result);
  check.options(FN, opts, OUTCOMES_PER_BUCKET_KEYS);
  const fromMs = check.nonNegative(`${FN} fromMs`, opts.fromMs);
  const toMs = check.finite(`${FN} toMs`, opts.toMs);
  if (!(toMs > fromMs)) throw new RangeError(`${FN} toMs must be greater than fromMs (${fromMs}); got ${toMs}`);
  const bucketMs = check.positive(`${FN} bucketMs`, opts.bucketMs);
  const buckets = Math.ceil((toMs - fromMs) / bucketMs);
  check.workWithin(`${FN} fromMs, toMs and bucketMs`, buckets, 100_000, 'buckets');
  const out: BucketOutcomes = {
    startMs: Array.from({ length: buckets }, (_, b) => fromMs + b * bucketMs),
    ok: new Array<number>(buckets).fill(0),
    failed: new Array<number>(buckets).fill(0),
    timedOut: new Array<number>(buckets).fill(0),
  };
  for (let i = 0; i < result.arrivalMs.length; i++) {
    const t = result.arrivalMs[i];
    if (t < fromMs || t >= toMs) continue;
    const b = Math.floor((t - fromMs) / bucketMs);
    const code = result.outcome[i];
    if (code === CLUSTER_OUTCOME.ok) out.ok[b]++;
    else if (code === CLUSTER_OUTCOME.failed) out.failed[b]++;
    else out.timedOut[b]++;
  }
  return out;
}
