/**
 * The servers behind a balancer, checked and laid out in arrays: workers, speed,
 * weight, the pool each belongs to (what L7 path routing sends to) and the periods
 * during which each is down (scheduled failures and recoveries).
 *
 * A server's time for a request is the request's work divided by its speed, or a
 * draw from its own `serviceTime` when it has one. Weights default to 1: a weighted
 * algorithm is only as good as the weights an operator writes down.
 */
import { requireDistribution, type Distribution } from '../random/distribution';
import * as check from '../validate';
import type { Downtime } from './healthCheck';

/** A scheduled failure: the server is down from `atMs` until `recoverAtMs` (default: for good). */
export interface ServerFailure {
  atMs: number;
  recoverAtMs?: number;
}

export interface ServerSpec {
  /** Shown in tables (default `s0`, `s1`, …). */
  name?: string;
  /** Requests served at once (integer ≥ 1; default the cluster's `workers`). */
  workers?: number;
  /** Work done per ms relative to a speed-1 server (> 0; default 1). */
  speed?: number;
  /** This server's own service time per request (ms), replacing work / speed. */
  serviceTime?: Distribution;
  /** Weight for weighted algorithms (> 0; default 1). */
  weight?: number;
  /** The pool it belongs to (default "default"). */
  pool?: string;
  failures?: readonly ServerFailure[];
}

export interface ClusterServers {
  count: number;
  names: string[];
  workers: Int32Array;
  speed: Float64Array;
  weights: Float64Array;
  serviceTime: (Distribution | undefined)[];
  /** Pool index per server, into `poolNames`. */
  pool: Int32Array;
  poolNames: string[];
  /** Per server: its downtimes, sorted. */
  downtimes: Downtime[][];
}

export const DEFAULT_POOL = 'default';
const MAX_SERVERS = 100_000;

export function checkServers(value: unknown, defaultWorkers: number): ClusterServers {
  const specs: ServerSpec[] =
    typeof value === 'number' ? Array.from({ length: check.integer('servers', value, 1, MAX_SERVERS) }, () => ({})) : (value as ServerSpec[]);
  if (!Array.isArray(specs) || specs.length === 0 || specs.length > MAX_SERVERS) {
    throw new RangeError(`servers must be a count or an array of 1 to ${MAX_SERVERS} server specs; got ${check.describe(value)}`);
  }
  const n = specs.length;
  const out: ClusterServers = {
    count: n,
    names: [],
    workers: new Int32Array(n),
    speed: new Float64Array(n),
    weights: new Float64Array(n),
    serviceTime: [],
    pool: new Int32Array(n),
    poolNames: [],
    downtimes: [],
  };
  specs.forEach((spec, i) => {
    const o = `servers[${i}]`;
    check.legacyOptions(o, spec);
    out.names.push(spec.name === undefined ? `s${i}` : String(spec.name));
    out.workers[i] = spec.workers === undefined ? defaultWorkers : check.integer(`${o}.workers`, spec.workers, 1, 10_000);
    out.speed[i] = spec.speed === undefined ? 1 : check.positive(`${o}.speed`, spec.speed);
    out.weights[i] = spec.weight === undefined ? 1 : check.positive(`${o}.weight`, spec.weight);
    out.serviceTime.push(spec.serviceTime === undefined ? undefined : requireDistribution(`${o}.serviceTime`, spec.serviceTime));
    const pool = spec.pool === undefined ? DEFAULT_POOL : spec.pool;
    if (typeof pool !== 'string' || pool.length === 0) throw new TypeError(`${o}.pool must be a non-empty string; got ${check.describe(pool)}`);
    if (!out.poolNames.includes(pool)) out.poolNames.push(pool);
    out.pool[i] = out.poolNames.indexOf(pool);
    out.downtimes.push(checkFailures(`${o}.failures`, spec.failures));
  });
  return out;
}

function checkFailures(option: string, failures: unknown): Downtime[] {
  if (failures === undefined) return [];
  if (!Array.isArray(failures)) throw new TypeError(`${option} must be an array of { atMs, recoverAtMs? }; got ${check.describe(failures)}`);
  let previousEnd = -Infinity;
  return failures.map((f: ServerFailure, k) => {
    check.legacyOptions(`${option}[${k}]`, f);
    const fromMs = check.nonNegative(`${option}[${k}].atMs`, f.atMs);
    if (fromMs < previousEnd) throw new RangeError(`${option}[${k}].atMs must come after the previous recovery (${previousEnd} ms); got ${fromMs}`);
    const toMs = f.recoverAtMs === undefined ? Infinity : check.positive(`${option}[${k}].recoverAtMs`, f.recoverAtMs);
    if (!(toMs > fromMs)) throw new RangeError(`${option}[${k}].recoverAtMs must be > atMs (${fromMs} ms); got ${toMs}`);
    previousEnd = toMs;
    return { fromMs, toMs };
  });
}
