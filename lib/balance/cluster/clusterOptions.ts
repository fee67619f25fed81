/**
 * The options of `simulateCluster`, checked once into a plain configuration. Every
 * wrong value fails here, naming the option, the value and what is allowed, before
 * anything is simulated; so does a run whose size would take more than about a
 * minute or 2 GB (see `CLUSTER_LIMITS`).
 */
import type { Rng } from '../../random/rng';
import { requireRng } from '../../random/rng';
import { type Distribution } from '../../random/distribution';
import { requireDistribution } from '../../random/requireDistribution';
import type { DistributionLike } from '../../random/spec';
import type { ProgressCallback } from '../../sim/progress';
import { checkKeep, type Keep } from '../../sim/keptColumns';
import { checkSimulatedSpan } from '../../sim/horizon';
import { MS_PER_SECOND } from '../../sim/time';
import * as check from '../../validate';
import type { BalancerSpec } from '../balancers/balancer';
import { balancerLabel, balancerPickWork, hashRingPoints } from '../balancers/createBalancer';
import { MAX_RING_POINTS } from '../balancers/hashRing';
import { checkServers, type ClusterServers, type ServerSpec } from './clusterServers';
import { checkHealthCheck, type HealthCheck, type HealthCheckOptions } from './healthCheck';
import { checkPaths, routePaths } from './pathRoutes';
import { checkProxyTiers, requireL7, type ProxyTier, type ProxyTierSpec } from './proxyTier';
import type { BurstSpec, CheckedPath, PathSpec } from './requestMix';

/** What hash-based balancers hash: the client's address (L4 or L7), its session cookie or the URL path (L7). */
export type HashKey = 'client' | 'session' | 'path';

export interface ClusterOptions {
  /** A number of identical servers (1 … 100 000) or one spec per server. */
  servers: number | ServerSpec[];
  /** Workers per server unless a spec says otherwise (integer in [1, 10 000]; default 1; all stations' workers together at most 10^7). */
  workers?: number;
  /** Work per request (ms on a server of speed 1), for paths without their own. */
  serviceTime: DistributionLike;
  /** Requests per second (> 0), long-run average. */
  arrivalRate: number;
  /** Send requests in bursts (an on/off source) rather than as a Poisson stream. */
  burst?: BurstSpec;
  /**
   * Requests to simulate, warm-up included (integer in [1, 10^8]; at most 10^7 when keeping
   * columns; requests / arrivalRate at most 10^10 ms). Balancers that look
   * at several servers per request are further bounded: requests × servers looked at
   * ≤ 5 × 10^9 (weighted round robin scans the rotation; power of d choices looks at d).
   */
  requests: number;
  /** Leading requests left out of the results (default a tenth of `requests`). */
  warmupRequests?: number;
  /** The algorithm: a name, a name with parameters, or a factory such as `dnsRoundRobin(…)`. */
  balancer: BalancerSpec;
  /** What hash-based balancers hash (default 'client'). */
  hashKey?: HashKey;
  /** Distinct clients (integer in [1, 10^7]; default 10 000). */
  clients?: number;
  /** Zipf exponent of client activity (≥ 0, ≤ 5; default 0: all alike). */
  clientSkew?: number;
  /** Requests per session (integer in [1, 10^7]; default 10). */
  requestsPerSession?: number;
  /** URL paths by share (default: all "/"). */
  paths?: PathSpec[];
  /** Path prefix → pool name (L7 routing). */
  routes?: Record<string, string>;
  /** Keep each session on the server that served its first request (an L7 cookie; default false; requests × pools ≤ 10^8). */
  sticky?: boolean;
  /** Proxy tiers from the client inward; the last one runs the balancer. Default none: a balancer of no cost. */
  proxies?: ProxyTierSpec[];
  /** Active health checks by the balancer (default none: it never learns that a server is down). */
  healthCheck?: HealthCheckOptions;
  /** How long a request sent to a down server takes to fail (ms in [0, 10^12]; default 0, refused at once). */
  failedRequestMs?: number;
  /** Clients give up after this long (ms > 0, or Infinity: the default). */
  timeoutMs?: number;
  /** The run's random stream; its forks are listed in simulateCluster.ts. */
  rng: Rng;
  /** Called as requests arrive (done, total). */
  onProgress?: ProgressCallback;
  /**
   * Keep a row per measured request (`'columns'`), or only the summary, per-server rows
   * and counts (`'summaries'`, quantiles within 0.5 %, memory bounded by the requests in
   * flight); default columns up to COLUMNS_KEPT_UP_TO (10^7) requests, summaries above.
   */
  keep?: Keep;
}

/** Every key of `ClusterOptions`. */
export const CLUSTER_KEYS: readonly (keyof ClusterOptions & string)[] = [
  'servers', 'workers', 'serviceTime', 'arrivalRate', 'burst', 'requests', 'warmupRequests', 'balancer', 'hashKey', 'clients',
  'clientSkew', 'requestsPerSession', 'paths', 'routes', 'sticky', 'proxies', 'healthCheck', 'failedRequestMs', 'timeoutMs',
  'rng', 'onProgress', 'keep',
];

/** Every key of `BurstSpec`. */
export const BURST_KEYS: readonly (keyof BurstSpec & string)[] = ['meanOnMs', 'meanOffMs'];

/** What one call may ask for: each bound keeps a run within about a minute and 2 GB on a 2-core machine. */
export const CLUSTER_LIMITS = {
  /** Requests per run. */
  requests: 1e8,
  /** Requests per run that keeps a row per request (`keep: 'columns'`). */
  columnRequests: 1e7,
  /** Worker slots over all servers and proxies (memory of the station bank). */
  workerSlots: 1e7,
  /** Requests × servers a balancer looks at per request. */
  serverLooks: 5e9,
  /** Requests × pools when sessions are sticky (a pin per session and pool). */
  stickyPins: 1e8,
  /** Burst and silence periods drawn by a bursty source. */
  burstPeriods: 1e8,
  /** Servers re-listed when health checks change a pool's rotation (transitions × pool size). */
  rotationRebuilds: 1e9,
  /** Latest time for a scheduled event (ms, about 31 years). */
  timeMs: 1e12,
} as const;

export interface ClusterConfig {
  servers: ClusterServers;
  serviceTime: Distribution;
  arrivalRate: number;
  burst: BurstSpec | undefined;
  requests: number;
  warmup: number;
  /** What the run keeps (checked, default filled in). */
  keep: Keep;
  balancer: BalancerSpec;
  /** The balancer as tables name it (checking the spec on the way). */
  balancerLabel: string;
  hashKey: HashKey;
  clients: number;
  clientSkew: number;
  requestsPerSession: number;
  paths: CheckedPath[];
  /** Pool index per path. */
  poolOfPath: Int32Array;
  sticky: boolean;
  tiers: ProxyTier[];
  healthCheck: HealthCheck | undefined;
  failedRequestMs: number;
  timeoutMs: number;
  rng: Rng;
  onProgress: ProgressCallback | undefined;
}

/**
 * Checks `simulateCluster`'s options and fills in the defaults; returns the plain
 * configuration a run uses.
 *
 * @throws TypeError or RangeError naming the option, its value and what is allowed,
 * also when the run would exceed `CLUSTER_LIMITS`.
 */
export function checkClusterOptions(opts: ClusterOptions): ClusterConfig {
  check.options('simulateCluster', opts, CLUSTER_KEYS);
  const servers = checkServers(opts.servers, opts.workers === undefined ? 1 : check.integer('workers', opts.workers, 1, 10_000));
  const requests = check.integer('requests', opts.requests, 1, CLUSTER_LIMITS.requests);
  const tiers = checkProxyTiers(opts.proxies);
  let slots = 0;
  for (let s = 0; s < servers.count; s++) slots += servers.workers[s];
  for (const tier of tiers) slots += tier.instances * tier.workers;
  check.workWithin('servers × workers (and proxies × workers)', slots, CLUSTER_LIMITS.workerSlots, 'worker slots');
  const label = balancerLabel(opts.balancer);
  check.workWithin('requests × servers looked at per request', requests * balancerPickWork(opts.balancer, servers.count), CLUSTER_LIMITS.serverLooks, `server looks by ${label}`);
  check.workWithin('servers × balancer.vnodes', hashRingPoints(opts.balancer, servers.count), MAX_RING_POINTS, 'points on the hash rings');
  const keep = checkKeep(opts.keep, requests, CLUSTER_LIMITS.columnRequests);
  const arrivalRate = check.positive('arrivalRate', opts.arrivalRate);
  checkSimulatedSpan('requests / arrivalRate', (requests * MS_PER_SECOND) / arrivalRate);
  const burst = opts.burst === undefined ? undefined : checkBurst(opts.burst);
  if (burst !== undefined) {
    const periods = (requests * 1000) / (arrivalRate * (burst.meanOnMs + burst.meanOffMs));
    check.workWithin('requests / (arrivalRate × (burst.meanOnMs + burst.meanOffMs))', periods, CLUSTER_LIMITS.burstPeriods, 'burst and silence periods to draw');
  }
  const paths = checkPaths(opts.paths);
  const hashKey = opts.hashKey === undefined ? 'client' : check.oneOf('hashKey', opts.hashKey, ['client', 'session', 'path'] as const);
  if (hashKey !== 'client') requireL7(tiers, `hashKey "${hashKey}"`);
  if (opts.routes !== undefined) requireL7(tiers, 'routes (path routing)');
  const sticky = check.flag('sticky', opts.sticky, false);
  if (sticky) {
    requireL7(tiers, 'sticky (cookie stickiness)');
    check.workWithin('requests × pools', requests * servers.poolNames.length, CLUSTER_LIMITS.stickyPins, 'session pins for sticky sessions');
  }
  if (opts.onProgress !== undefined && typeof opts.onProgress !== 'function') {
    throw new TypeError(`onProgress must be a function (done, total) => void; got ${check.describe(opts.onProgress)}`);
  }
  return {
    servers,
    serviceTime: requireDistribution('serviceTime', opts.serviceTime),
    arrivalRate,
    burst,
    requests,
    keep,
    warmup: opts.warmupRequests === undefined ? Math.floor(requests / 10) : check.integer('warmupRequests', opts.warmupRequests, 0, requests - 1),
    balancer: opts.balancer,
    balancerLabel: label,
    hashKey,
    clients: opts.clients === undefined ? 10_000 : check.integer('clients', opts.clients, 1, 1e7),
    clientSkew: opts.clientSkew === undefined ? 0 : check.inRange('clientSkew', opts.clientSkew, 0, 5),
    requestsPerSession: opts.requestsPerSession === undefined ? 10 : check.integer('requestsPerSession', opts.requestsPerSession, 1, 1e7),
    paths,
    poolOfPath: routePaths(paths, opts.routes, servers.poolNames),
    sticky,
    tiers,
    healthCheck: opts.healthCheck === undefined ? undefined : checkHealthCheck('healthCheck', opts.healthCheck),
    failedRequestMs: opts.failedRequestMs === undefined ? 0 : check.inRange('failedRequestMs', opts.failedRequestMs, 0, CLUSTER_LIMITS.timeMs),
    timeoutMs: opts.timeoutMs === undefined ? Infinity : check.positive('timeoutMs', opts.timeoutMs, true),
    rng: requireRng('rng', opts.rng),
    onProgress: opts.onProgress,
  };
}

function checkBurst(value: BurstSpec): BurstSpec {
  check.nestedOptions('burst', value, BURST_KEYS);
  return { meanOnMs: check.positive('burst.meanOnMs', value.meanOnMs), meanOffMs: check.positive('burst.meanOffMs', value.meanOffMs) };
}
