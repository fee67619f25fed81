/**
 * The mean number of downstream attempts per user request over the requests that
 * finished (answered or failed) by the end of a retry-storm run. Requests still
 * unfinished when the run stopped are left out: their count of attempts is not final.
 * With k layers of a attempts each and every attempt failing at once this is a^k; with
 * nested timeouts and propagated deadlines it is smaller (see `simulateRetryStorm`).
 * Not done: weighting by arrival time or phase (see `summary.amplificationByPhase`).
 */
import type { RetryStormResult } from './retryStormReport';
import { STORM_OUTCOME } from './retryStormTally';

/**
 * Mean downstream attempts per finished user request of `result`; NaN when no request
 * finished. Throws a TypeError when `result` is not a `simulateRetryStorm` result.
 */
export function attemptsPerRequest(result: RetryStormResult): number {
  const requests = (result as { requests?: RetryStormResult['requests'] } | null)?.requests;
  if (!requests || !(requests.outcome instanceof Uint8Array) || !(requests.downstreamAttempts instanceof Int32Array)) {
    throw new TypeError('attemptsPerRequest: result must be what simulateRetryStorm returned (with requests.outcome and requests.downstreamAttempts)');
  }
  let sum = 0;
  let n = 0;
  for (let u = 0; u < requests.outcome.length; u++) {
    if (requests.outcome[u] === STORM_OUTCOME.unfinished) continue;
    sum += requests.downstreamAttempts[u];
    n++;
  }
  return n === 0 ? NaN : sum / n;
}
