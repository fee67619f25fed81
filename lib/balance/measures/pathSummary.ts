/**
 * The latency of one path of a cluster run (e.g. `/api/payments` apart from
 * `/api/products`): the summary of its answered requests, by the library's one
 * quantile method. Failed and timed-out requests are left out, as in the run's own
 * summary; their counts are in the run.
 */
import * as check from '../../validate';
import { EMPTY_SUMMARY, summarize, type Summary } from '../../stats/summarize';
import { CLUSTER_OUTCOME, type ClusterResult } from '../cluster/clusterReport';
import { requireClusterResult } from '../cluster/requireClusterResult';

/** Options of `pathSummary`. */
export interface PathSummaryOptions {
  /** The path's index in the run's `paths` option (an integer ≥ 0). */
  path: number;
}

/** Every key of `PathSummaryOptions`. */
export const PATH_SUMMARY_KEYS: readonly (keyof PathSummaryOptions)[] = ['path'];

const FN = 'pathSummary';

/**
 * Count, mean and percentiles (ms) of the answered requests of one path; every
 * statistic NaN (count 0) when none was answered.
 *
 * @example
 * ```ts
 * import { createRng, exponential, pathSummary, simulateCluster } from 'netlab';
 *
 * const run = simulateCluster({
 *   servers: 4, workers: 2, serviceTime: exponential(10), arrivalRate: 200, requests: 4_000, balancer: 'round-robin',
 *   paths: [{ path: '/pay', share: 0.3, serviceTime: exponential(30) }, { path: '/', share: 0.7 }], rng: createRng(1),
 * });
 * pathSummary(run, { path: 0 }).p99;           // ms, the /pay requests only
 * ```
 */
export function pathSummary(result: ClusterResult, opts: PathSummaryOptions): Summary {
  requireClusterResult(FN, result);
  check.options(FN, opts, PATH_SUMMARY_KEYS);
  const path = check.integer(`${FN} path`, opts.path, 0, 1_000_000);
  const xs: number[] = [];
  for (let i = 0; i < result.latencyMs.length; i++) {
    if (result.path[i] === path && result.outcome[i] === CLUSTER_OUTCOME.ok) xs.push(result.latencyMs[i]);
  }
  return xs.length === 0 ? { ...EMPTY_SUMMARY } : summarize(xs);
}
