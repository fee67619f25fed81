/**
 * `sweep`: a model over a grid of options, each grid point replicated, as one arquero
 * table with each metric's mean, standard deviation and Student-t interval. With
 * `workers` > 1 the grid points run on Node's worker threads (worker_threads: no
 * extra dependency, and a point's row is computed exactly as in this thread), handed
 * out one at a time as threads come free, and put back in grid order: the table is
 * byte-identical whatever `workers` is. See sweepSpec.ts for the grid and the random
 * numbers, shards.ts for spreading a sweep over machines.
 */
import { Worker } from 'worker_threads';
import { extname, join } from 'path';
import { checkProgress, type ProgressCallback } from '../sim/progress';
import * as check from '../validate';
import { provenanceOf } from './provenance';
import { sweepTable, type SweepTable } from './sweepTable';
import { checkSweepSpec, gridSize, SWEEP_SPEC_KEYS, sweepPointRow, type CheckedSweepSpec, type SweepRow, type SweepSpec } from './sweepSpec';

/** Options of `sweep`: the spec (data) plus how to run it here. */
export interface SweepOptions extends SweepSpec {
  /** Worker threads, an integer in [1, 64] (default 1: this thread). The table does not depend on it. */
  workers?: number;
  /** Called with (grid points done, grid points in all) as points finish, e.g. a notebook's progress bar. */
  onProgress?: ProgressCallback;
}

/** A message from a sweep worker: one grid point's row, or the error it raised. */
export interface SweepWorkerReply {
  index: number;
  row?: SweepRow;
  error?: { name: string; message: string };
}

const FN = 'sweep';
const MAX_WORKERS = 64;

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

/** Loads TypeScript in a worker when the library itself runs from its sources (the test suite; a devDependency). */
const SOURCE_LOADER = 'tsx/cjs';

/** The worker beside this file: compiled JavaScript, or (when the library runs from source) TypeScript through tsx. */
function startWorker(spec: CheckedSweepSpec): Worker {
  const file = join(__dirname, `sweepWorker${extname(__filename)}`);
  if (extname(__filename) !== '.ts') return new Worker(file, { workerData: spec });
  return new Worker(`require(${JSON.stringify(SOURCE_LOADER)}); require(${JSON.stringify(file)});`, { eval: true, workerData: spec });
}

function onWorkers(spec: CheckedSweepSpec, points: number, count: number, onProgress: ProgressCallback | undefined): Promise<SweepRow[]> {
  return new Promise((resolve, reject) => {
    const rows: SweepRow[] = new Array(points);
    const pool: Worker[] = [];
    let next = 0;
    let done = 0;
    let failed = false;
    const stop = (error: Error): void => {
      if (failed) return;
      failed = true;
      for (const worker of pool) void worker.terminate();
      reject(error);
    };
    const hand = (worker: Worker): void => {
      if (next < points) worker.postMessage(next++);
      else void worker.terminate();
    };
    for (let k = 0; k < count; k++) {
      const worker = startWorker(spec);
      pool.push(worker);
      worker.on('message', (reply: SweepWorkerReply) => {
        if (failed) return;
        if (reply.error) {
          const ErrorType = reply.error.name === 'RangeError' ? RangeError : reply.error.name === 'TypeError' ? TypeError : Error;
          stop(new ErrorType(reply.error.message));
          return;
        }
        rows[reply.index] = reply.row as SweepRow;
        done++;
        onProgress?.(done, points);
        if (done === points) {
          for (const w of pool) void w.terminate();
          resolve(rows);
        } else hand(worker);
      });
      worker.on('error', (error) => stop(new Error(`${FN}: a worker thread failed: ${error.message}`)));
      hand(worker);
    }
  });
}
