/**
 * The servers behind a balancer, checked and laid out in arrays: workers, speed,
 * weight, the pool each belongs to (what L7 path routing sends to) and the periods
 * during which each is down (scheduled failures and recoveries).
 *
 * A server's time for a request is the request's work divided by its speed, or a
 * draw from its own `serviceTime` when it has one. Weights default to 1: a weighted
 * algorithm is only as good as the weights an operator writes down.
 */
import { type Distribution } from '../../random/distribution';
import { requireDistribution } from '../../random/requireDistribution';
import type { DistributionLike } from '../../random/spec';
import * as check from '../../validate';
import type { Downtime } from './healthCheck';

/** A scheduled failure: the server is down from `atMs` until `untilMs`. */
export interface ServerFailure {
  /** When it goes down (ms in [0, 10^12], not before the previous failure's `untilMs`). */
  atMs: number;
  /** When it is back (ms, > atMs and ≤ 10^12); omit it, or pass Infinity, for a server that never recovers. */
  untilMs?: number;
}

/** Every key of `ServerFailure`. */
export const FAILURE_KEYS: readonly (keyof ServerFailure & string)[] = ['atMs', 'untilMs'];

export interface ServerSpec {
  /** Shown in tables (default `s0`, `s1`, …). */
  name?: string;
  /** Requests served at once (integer ≥ 1; default the cluster's `workers`). */
  workers?: number;
  /** Work done per ms relative to a speed-1 server (> 0; default 1). */
  speed?: number;
  /** This server's own service time per request (ms), replacing work / speed. */
  serviceTime?: DistributionLike;
  /** Weight for weighted algorithms (> 0; default 1). */
  weight?: number;
  /** The pool it belongs to (default "default"). */
  pool?: string;
  /** Scheduled failures, in time order (at most 10 000 per server, 10^6 over the cluster). */
  failures?: readonly ServerFailure[];
}

/** Every key of `ServerSpec`. */
export const SERVER_KEYS: readonly (keyof ServerSpec & string)[] = ['name', 'workers', 'speed', 'serviceTime', 'weight', 'pool', 'failures'];

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
/** Latest scheduled time (ms, about 31 years): keeps probe and event arithmetic exact. */
const MAX_TIME_MS = 1e12;
const MAX_FAILURES_PER_SERVER = 10_000;
const MAX_FAILURES = 1_000_000;

/**
 * Checks `simulateCluster`'s `servers` option (a count or one spec per server) and
 * lays the servers out in arrays: workers (default `defaultWorkers`), speed, weight,
 * pool and down periods (ms).
 *
 * @throws TypeError or RangeError naming the server and the value that is wrong.
 */
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
  let failures = 0;
  specs.forEach((spec, i) => {
    const o = `servers[${i}]`;
    check.nestedOptions(o, spec, SERVER_KEYS);
    if (spec.name !== undefined && typeof spec.name !== 'string') throw new TypeError(`${o}.name must be a string; got ${check.describe(spec.name)}`);
    out.names.push(spec.name === undefined ? `s${i}` : spec.name);
    out.workers[i] = spec.workers === undefined ? defaultWorkers : check.integer(`${o}.workers`, spec.workers, 1, 10_000);
    out.speed[i] = spec.speed === undefined ? 1 : check.positive(`${o}.speed`, spec.speed);
    out.weights[i] = spec.weight === undefined ? 1 : check.positive(`${o}.weight`, spec.weight);
    out.serviceTime.push(spec.serviceTime === undefined ? undefined : requireDistribution(`${o}.serviceTime`, spec.serviceTime));
    const pool = spec.pool === undefined ? DEFAULT_POOL : spec.pool;
    if (typeof pool !== 'string' || pool.length === 0) throw new TypeError(`${o}.pool must be a non-empty string; got ${check.describe(pool)}`);
    if (!out.poolNames.includes(pool)) out.poolNames.push(pool);
    out.pool[i] = out.poolNames.indexOf(pool);
    out.downtimes.push(checkFailures(`${o}.failures`, spec.failures));
    failures += out.downtimes[i].length;
  });
  check.workWithin('servers[].failures', failures, MAX_FAILURES, 'scheduled failures');
  return out;
}

function checkFailures(option: string, failures: unknown): Downtime[] {
  if (failures === undefined) return [];
  if (!Array.isArray(failures) || failures.length > MAX_FAILURES_PER_SERVER) {
    throw new TypeError(`${option} must be an array of at most ${MAX_FAILURES_PER_SERVER} { atMs, untilMs? }; got ${check.describe(failures)}`);
  }
  let previousEnd = -Infinity;
  return failures.map((f: ServerFailure, k) => {
    const o = `${option}[${k}]`;
    check.nestedOptions(o, f, FAILURE_KEYS);
    const fromMs = check.inRange(`${o}.atMs`, f.atMs, 0, MAX_TIME_MS);
    if (fromMs < previousEnd) throw new RangeError(`${o}.atMs must come at or after the previous failure's untilMs (${previousEnd} ms); got ${fromMs}`);
    const toMs = f.untilMs === undefined || f.untilMs === Infinity ? Infinity : check.inRange(`${o}.untilMs`, f.untilMs, 0, MAX_TIME_MS);
    if (!(toMs > fromMs)) throw new RangeError(`${o}.untilMs must be a number > atMs (${fromMs} ms) and ≤ ${MAX_TIME_MS}, or Infinity (never recovers); got ${toMs}`);
    previousEnd = toMs;
    return { fromMs, toMs };
  });
}
