/**
 * The check every reader of a cluster run starts with: the value must be what
 * `simulateCluster` returned (its typed columns present and of one length), so a
 * wrong argument fails with a TypeError that names the function, not deep inside a
 * loop, and a run that kept summaries with a RangeError that says how to keep columns.
 * Internal to lib/balance; it checks the shape, not the numbers.
 */
import * as check from '../../validate';
import type { ClusterResult } from './clusterReport';

/**
 * Throws a TypeError naming `fn` unless `result` has the columns of a ClusterResult, and
 * a RangeError when it is one that kept summaries instead of columns.
 */
export function requireClusterResult(fn: string, result: ClusterResult): ClusterResult {
  const r = result as Partial<ClusterResult> | null | undefined;
  if (r !== null && typeof r === 'object' && r.kept === 'summaries') {
    throw new RangeError(`${fn} reads the per-request columns of a cluster run, and this run kept summaries instead; rerun simulateCluster with keep: 'columns'`);
  }
  const ok = r !== null && typeof r === 'object'
    && r.arrivalMs instanceof Float64Array && r.server instanceof Int32Array && r.outcome instanceof Uint8Array
    && r.path instanceof Int32Array && r.latencyMs instanceof Float64Array
    && r.server.length === r.arrivalMs.length && r.outcome.length === r.arrivalMs.length && r.path.length === r.arrivalMs.length
    && Array.isArray(r.perServer) && Array.isArray(r.health);
  if (!ok) throw new TypeError(`${fn}: result must be what simulateCluster returned; got ${check.describe(result)}`);
  return result;
}
