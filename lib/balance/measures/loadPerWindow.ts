/**
 * Load "right now" rather than over a whole run: the work sent to each server in
 * consecutive time windows, over what its workers can do in a window. A run whose
 * totals look even can hide windows where one server is asked for twice its
 * capacity (DNS caches, sticky sessions). Work is estimated as requests × the mean
 * work per request (`workMs`), since a cluster run does not report each request's
 * work; windows start at the first measured arrival, and a last, partial window is
 * left out.
 */
import * as check from '../../validate';
import type { ClusterResult } from '../cluster/clusterReport';
import { requireClusterResult } from '../cluster/requireClusterResult';

/** Options of `loadPerWindow`. */
export interface LoadPerWindowOptions {
  /** Window length (ms, > 0). */
  windowMs: number;
  /** Mean work of one request on one worker (ms, > 0). */
  workMs: number;
  /** Workers of every server (an integer ≥ 1), or one count per server. */
  workers: number | number[];
}

/** Every key of `LoadPerWindowOptions`. */
export const LOAD_PER_WINDOW_KEYS: readonly (keyof LoadPerWindowOptions)[] = ['windowMs', 'workMs', 'workers'];

/** What `loadPerWindow` returns. */
export interface WindowLoad {
  /** Start of each window (ms of simulated time). */
  startMs: number[];
  /** load[server][window]: work sent in the window over the server's capacity in it (1 = full). */
  load: number[][];
}

const FN = 'loadPerWindow';

/**
 * Work sent to each server per window over its capacity: requests arriving in the
 * window × `workMs` / (workers × `windowMs`).
 *
 * @example
 * ```ts
 * import { constant, createRng, loadPerWindow, simulateCluster } from 'netlab';
 *
 * const run = simulateCluster({ servers: 4, workers: 4, serviceTime: constant(80), arrivalRate: 150, requests: 6_000, balancer: 'random', rng: createRng(1) });
 * const { load } = loadPerWindow(run, { windowMs: 10_000, workMs: 80, workers: 4 });
 * const peak = Math.max(...load.flat());       // the highest load any server saw in any 10 s
 * ```
 */
export function loadPerWindow(result: ClusterResult, opts: LoadPerWindowOptions): WindowLoad {
  requireClusterResult(FN, result);
  check.options(FN, opts, LOAD_PER_WINDOW_KEYS);
  const windowMs = check.positive(`${FN} windowMs`, opts.windowMs);
  const workMs = check.positive(`${FN} workMs`, opts.workMs);
  const servers = result.perServer.length;
  let workers: number[];
  if (Array.isArray(opts.workers)) {
    if (opts.workers.length !== servers) throw new RangeError(`${FN} workers must hold one count per server (${servers}); got ${opts.workers.length}`);
    workers = opts.workers.map((w, s) => check.integer(`${FN} workers[${s}]`, w, 1, 1_000_000));
  } else {
    workers = new Array(servers).fill(check.integer(`${FN} workers`, opts.workers, 1, 1_000_000));
  }
  const arrivals = result.arrivalMs;
  const start = arrivals.length > 0 ? arrivals[0] : 0;
  const span = arrivals.length > 0 ? arrivals[arrivals.length - 1] - start : 0;
  const windows = Math.floor(span / windowMs);
  check.workWithin(`${FN} windowMs (over the run)`, windows * servers, 10_000_000, 'cells (servers × windows)');
  const load = Array.from({ length: servers }, () => new Array<number>(windows).fill(0));
  for (let i = 0; i < arrivals.length; i++) {
    const w = Math.floor((arrivals[i] - start) / windowMs);
    const s = result.server[i];
    if (w < windows && s >= 0) load[s][w] += workMs / (workers[s] * windowMs);
  }
  return { startMs: Array.from({ length: windows }, (_, w) => start + w * windowMs), load };
}
