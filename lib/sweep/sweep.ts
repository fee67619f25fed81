/**
 * `sweep`: a model over a grid of options, each grid point replicated, as one arquero
 * table with each metric's mean, standard deviation and Student-t interval. With
 * `workers` > 1 the grid points run on worker threads (sweepPool.ts; a point's row
 * is computed exactly as in this thread), handed out one at a time as threads come
 * free, and put back in grid order: the table is byte-identical whatever `workers`
 * is. The first error stops the sweep: its other points are abandoned. See
 * sweepSpec.ts for the grid and the random numbers, shards.ts for spreading a sweep
 * over machines.
 */
import { checkProgress, type ProgressCallback } from '../sim/progress';
import * as check from '../validate';
import { provenanceOf } from './provenance';
import { MAX_WORKERS, sweepPool } from './sweepPool';
import { sweepTable, type SweepTable } from './sweepTable';
import type { SweepTask, SweepWorkerReply } from './sweepWorker';
import { checkSweepSpec, gridSize, SWEEP_SPEC_KEYS, sweepPointRow, type CheckedSweepSpec, type SweepRow, type SweepSpec } from './sweepSpec';

/** Options of `sweep`: the spec (data) plus how to run it here. */
export interface SweepOptions extends SweepSpec {
  /** Worker threads, an integer in [1, 64] (default 1: this thread). The table does not depend on it. */
  workers?: number;
  /** Called with (grid points done, grid points in all) as points finish, e.g. a notebook's progress bar. */
  onProgress?: ProgressCallback;
}

const FN = 'sweep';

/**
 * Runs the sweep and resolves to its table (one row per grid point, in grid order,
 * `table.provenance` saying where it came from). The spec is checked before anything
 * runs: a bad option throws at once, not in the promise.
 *
 * @throws TypeError or RangeError naming a wrong part of the spec, at once.
 *
 * @example
 * ```ts
 * import { sweep } from 'netlab';
 *
 * const t = await sweep({
 *   model: 'simulateQueue', seed: 42, runs: 3,
 *   options: { workers: 1, serviceTime: { kind: 'exponential', meanMs: 10 }, requests: 2_000 },
 *   grid: { arrivalRate: [50, 70, 90] },
 *   metrics: ['summary.mean', 'summary.p99'],
 * });
 * t.objects();   // one row per arrival rate: arrivalRate, summary.mean, summary.mean sd, … ciLow, … ciHigh, summary.p99, …
 * ```
 */
export function sweep(options: SweepOptions): Promise<SweepTable> {
  if (options === null || typeof options !== 'object') throw new TypeError(`${FN} needs options { model, options, grid, metrics, seed }; got ${check.describe(options)}`);
  check.options(FN, options, [...SWEEP_SPEC_KEYS, 'workers', 'onProgress']);
  const { workers: w, onProgress: p, ...spec } = options;
  const workers = w === undefined ? 1 : check.integer(`${FN} workers`, w, 1, MAX_WORKERS);
  const onProgress = check.within(FN, () => checkProgress(p));
  const checked = checkSweepSpec(spec);
  const points = gridSize(checked);
  const rows = workers === 1 || points === 1 ? new Promise<SweepRow[]>((resolve) => resolve(inThisThread(checked, points, onProgress))) : onWorkers(checked, points, Math.min(workers, points), onProgress);
  return rows.then((r) => sweepTable(r, provenanceOf(checked)));
}

function inThisThread(spec: CheckedSweepSpec, points: number, onProgress: ProgressCallback | undefined): SweepRow[] {
  const rows: SweepRow[] = [];
  for (let index = 0; index < points; index++) {
    rows.push(sweepPointRow(spec, index));
    onProgress?.(index + 1, points);
  }
  return rows;
}

function onWorkers(spec: CheckedSweepSpec, points: number, count: number, onProgress: ProgressCallback | undefined): Promise<SweepRow[]> {
  const pool = sweepPool();
  const stopped = new AbortController();
  return new Promise((resolve, reject) => {
    const rows: SweepRow[] = new Array(points);
    let next = 0;
    let done = 0;
    const stop = (error: Error): void => {
      if (stopped.signal.aborted) return;
      stopped.abort();
      reject(error);
    };
    const hand = (): void => {
      if (next === points || stopped.signal.aborted) return;
      const index = next++;
      pool.run({ spec, index } satisfies SweepTask, { signal: stopped.signal }).then(
        (reply: SweepWorkerReply) => {
          if (stopped.signal.aborted) return;
          if (reply.error) {
            const ErrorType = reply.error.name === 'RangeError' ? RangeError : reply.error.name === 'TypeError' ? TypeError : Error;
            stop(new ErrorType(reply.error.message));
            return;
          }
          rows[index] = reply.row as SweepRow;
          done++;
          onProgress?.(done, points);
          if (done === points) resolve(rows);
          else hand();
        },
        (error: unknown) => stop(new Error(`${FN}: a worker thread failed: ${error instanceof Error ? error.message : String(error)}`)),
      );
    };
    for (let k = 0; k < count; k++) hand();
  });
}
