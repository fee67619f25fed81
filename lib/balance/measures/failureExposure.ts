/**
 * What one server failure cost a cluster run: when the health checks took the
 * server out of rotation, when the last failed request arrived, and how many failed
 * in all. With a balancer that sees the checks, errors stop at detection; with DNS
 * they go on while cached answers still name the dead server. It reads the run; it
 * does not know why a request failed beyond its server's outage.
 */
import * as check from '../../validate';
import { CLUSTER_OUTCOME, type ClusterResult } from '../cluster/clusterReport';
import { requireClusterResult } from '../cluster/requireClusterResult';

/** Options of `failureExposure`. */
export interface FailureExposureOptions {
  /** When the server failed (ms of simulated time, ≥ 0). */
  failAtMs: number;
  /** The server that failed (an index; default 0). */
  server?: number;
}

/** Every key of `FailureExposureOptions`. */
export const FAILURE_EXPOSURE_KEYS: readonly (keyof FailureExposureOptions)[] = ['failAtMs', 'server'];

/** What `failureExposure` returns; times are measured from the failure. */
export interface FailureExposure {
  /** Failed requests in the measured run. */
  errors: number;
  /** When the checks first took the server out at or after the failure (ms after it; NaN: never). */
  detectedAfterMs: number;
  /** Arrival of the last failed request (ms after the failure; NaN: none failed). */
  lastErrorAfterMs: number;
  /** Failed requests that arrived after detection (0 when the balancer obeys the checks at once). */
  errorsAfterDetection: number;
}

const FN = 'failureExposure';

/**
 * How long a failed server kept costing requests, and how many.
 *
 * @example
 * ```ts
 * import { createRng, exponential, failureExposure, simulateCluster } from 'netlab';
 *
 * const run = simulateCluster({
 *   servers: [{}, { failures: [{ atMs: 20_000 }] }, {}, {}], workers: 2, serviceTime: exponential(10),
 *   arrivalRate: 200, requests: 8_000, balancer: 'round-robin',
 *   healthCheck: { intervalMs: 1000, timeoutMs: 200, unhealthyThreshold: 2 }, rng: createRng(1),
 * });
 * const e = failureExposure(run, { failAtMs: 20_000, server: 1 });
 * [e.detectedAfterMs, e.errors];               // at most 2 intervals + the probe timeout; about 50 requests/s × exposure
 * ```
 */
export function failureExposure(result: ClusterResult, opts: FailureExposureOptions): FailureExposure {
  requireClusterResult(FN, result);
  check.options(FN, opts, FAILURE_EXPOSURE_KEYS);
  const failAtMs = check.nonNegative(`${FN} failAtMs`, opts.failAtMs);
  const server = opts.server === undefined ? 0 : check.integer(`${FN} server`, opts.server, 0, Math.max(0, result.perServer.length - 1));
  const out = result.health.find((h) => h.server === server && !h.healthy && h.atMs >= failAtMs);
  const detectedAfterMs = out === undefined ? NaN : out.atMs - failAtMs;
  let errors = 0;
  let last = NaN;
  let afterDetection = 0;
  for (let i = 0; i < result.outcome.length; i++) {
    if (result.outcome[i] !== CLUSTER_OUTCOME.failed) continue;
    errors++;
    last = result.arrivalMs[i];
    if (out !== undefined && result.arrivalMs[i] > out.atMs) afterDetection++;
  }
  return { errors, detectedAfterMs, lastErrorAfterMs: last - failAtMs, errorsAfterDetection: afterDetection };
}
