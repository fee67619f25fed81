/**
 * One incident of a stack run in a few numbers: the layer of its (first) fault, how long
 * after the fault began the clients saw the first failure (overall and per layer), the
 * start of the last attempt that still succeeded while the fault lasted, the share of
 * user requests that succeeded, attempts per request and failures charged per layer.
 * It reads a `simulateStack` result and runs nothing. Not done: several faults at once
 * (times are measured from the first fault in the result's `faults`).
 */
import * as check from '../../validate';
import { STACK_OUTCOME } from './stackAttemptLog';
import { failureSpan, stackAttemptsOf } from './failureSpan';
import type { PlacedFault } from './stackFaults';
import { STACK_LAYERS, type StackLayer } from './stackLayers';
import type { StackResult } from './stackReport';

/** What `incidentSummary` returns. Times are in seconds after the fault began; NaN when there is no such event or no fault. */
export interface IncidentSummary {
  /** The first fault of the run, or null for a run without one. */
  fault: PlacedFault | null;
  /** The fault's layer, or null. */
  layer: StackLayer | null;
  /** The first failed attempt, at any layer. */
  firstFailureS: number;
  /** The first failed attempt charged to each layer. */
  firstFailureByLayerS: Record<StackLayer, number>;
  /** The last failed attempt charged to each layer. */
  lastFailureByLayerS: Record<StackLayer, number>;
  /** Start of the last successful attempt that began while the fault lasted. */
  lastSuccessS: number;
  /** Share of user requests whose last attempt succeeded, in [0, 1]. */
  requestsOkShare: number;
  /** Attempts per user request, retries included. */
  attemptsPerRequest: number;
  /** Failed attempts charged to each layer over the run. */
  failuresByLayer: Record<StackLayer, number>;
}

/**
 * The incident of `result` (see the module header). Throws a TypeError when `result` is
 * not what `simulateStack` returned.
 */
export function incidentSummary(result: StackResult): IncidentSummary {
  const FN = 'incidentSummary';
  const attempts = stackAttemptsOf(FN, result);
  if (!Array.isArray(result.faults) || !result.counts || typeof result.counts.requests !== 'number') {
    throw new TypeError(`${FN}: result must be what simulateStack returned (with faults and counts); got ${check.describe(result)}`);
  }
  const fault = result.faults.length > 0 ? result.faults[0] : null;
  const since = (tMs: number | undefined): number => (fault === null || tMs === undefined ? NaN : (tMs - fault.atMs) / 1000);
  const first = {} as Record<StackLayer, number>;
  const last = {} as Record<StackLayer, number>;
  for (const layer of STACK_LAYERS) {
    const span = failureSpan(result, { layer });
    first[layer] = since(span?.firstMs);
    last[layer] = since(span?.lastMs);
  }
  let lastOk = -Infinity;
  if (fault !== null) {
    for (let a = 0; a < attempts.startMs.length; a++) {
      const t = attempts.startMs[a];
      if (attempts.outcome[a] === STACK_OUTCOME.ok && t >= fault.atMs && t < fault.untilMs && t > lastOk) lastOk = t;
    }
  }
  const { requests, requestsOk, attempts: attemptCount, failuresByLayer } = result.counts;
  return {
    fault,
    layer: fault === null ? null : fault.layer,
    firstFailureS: since(failureSpan(result)?.firstMs),
    firstFailureByLayerS: first,
    lastFailureByLayerS: last,
    lastSuccessS: lastOk === -Infinity ? NaN : since(lastOk),
    requestsOkShare: requests === 0 ? NaN : requestsOk / requests,
    attemptsPerRequest: requests === 0 ? NaN : attemptCount / requests,
    failuresByLayer: { ...failuresByLayer },
  };
}
