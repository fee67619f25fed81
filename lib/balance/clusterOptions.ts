/**
 * The options of `simulateCluster`, checked once into a plain configuration. Every
 * wrong value fails here, naming the option, the value and what is allowed, before
 * anything is simulated.
 */
import type { Rng } from '../random/rng';
import { requireRng } from '../random/rng';
import { requireDistribution, type Distribution } from '../random/distribution';
import type { ProgressCallback } from '../sim/progress';
import * as check from '../validate';
import type { BalancerSpec } from './balancer';
import { balancerLabel } from './createBalancer';
import { checkServers, type ClusterServers, type ServerSpec } from './clusterServers';
import { checkHealthCheck, type HealthCheck, type HealthCheckOptions } from './healthCheck';
import { checkPaths, routePaths } from './pathRoutes';
import { checkProxyTiers, requireL7, type ProxyTier, type ProxyTierSpec } from './proxyTier';
import type { BurstSpec, PathSpec } from './requestMix';

/** What hash-based balancers hash: the client's address (L4 or L7), its session cookie or the URL path (L7). */
export type HashKey = 'client' | 'session' | 'path';

export interface ClusterOptions {
  /** A number of identical servers (1 … 100 000) or one spec per server. */
  servers: number | ServerSpec[];
  /** Workers per server unless a spec says otherwise (integer ≥ 1; default 1). */
  workers?: number;
  /** Work per request (ms on a server of speed 1), for paths without their own. */
  serviceTime: Distribution;
  /** Requests per second (> 0), long-run average. */
  arrivalRate: number;
  /** Send requests in bursts (an on/off source) rather than as a Poisson stream. */
  burst?: BurstSpec;
  /** Requests to simulate, warm-up included (integer in [1, 10^7]). */
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
  /** Requests per session (integer ≥ 1; default 10). */
  requestsPerSession?: number;
  /** URL paths by share (default: all "/"). */
  paths?: PathSpec[];
  /** Path prefix → pool name (L7 routing). */
  routes?: Record<string, string>;
  /** Keep each session on the server that served its first request (an L7 cookie; default false). */
  sticky?: boolean;
  /** Proxy tiers from the client inward; the last one runs the balancer. Default none: a balancer of no cost. */
  proxies?: ProxyTierSpec[];
  /** Active health checks by the balancer (default none: it never learns that a server is down). */
  healthCheck?: HealthCheckOptions;
  /** How long a request sent to a down server takes to fail (ms ≥ 0; default 0, refused at once). */
  failedRequestMs?: number;
  /** Clients give up after this long (ms > 0; default Infinity). */
  timeoutMs?: number;
  rng: Rng;
  onProgress?: ProgressCallback;
}

export interface ClusterConfig {
  servers: ClusterServers;
  serviceTime: Distribution;
  arrivalRate: number;
  burst: BurstSpec | undefined;
  requests: number;
  warmup: number;
  balancer: BalancerSpec;
  /** The balancer as tables name it (checking the spec on the way). */
  balancerLabel: string;
  hashKey: HashKey;
  clients: number;
  clientSkew: number;
  requestsPerSession: number;
  paths: PathSpec[];
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

export function checkClusterOptions(opts: ClusterOptions): ClusterConfig {
  check.legacyOptions('simulateCluster', opts);
  const servers = checkServers(opts.servers, opts.workers === undefined ? 1 : check.integer('workers', opts.workers, 1, 10_000));
  const requests = check.integer('requests', opts.requests, 1, 1e7);
  const tiers = checkProxyTiers(opts.proxies);
  const paths = checkPaths(opts.paths);
  const hashKey = opts.hashKey === undefined ? 'client' : check.oneOf('hashKey', opts.hashKey, ['client', 'session', 'path'] as const);
  if (hashKey !== 'client') requireL7(tiers, `hashKey "${hashKey}"`);
  if (opts.routes !== undefined) requireL7(tiers, 'routes (path routing)');
  const sticky = check.flag('sticky', opts.sticky, false);
  if (sticky) requireL7(tiers, 'sticky (cookie stickiness)');
  return {
    servers,
    serviceTime: requireDistribution('serviceTime', opts.serviceTime),
    arrivalRate: check.positive('arrivalRate', opts.arrivalRate),
    burst: opts.burst === undefined ? undefined : checkBurst(opts.burst),
    requests,
    warmup: opts.warmupRequests === undefined ? Math.floor(requests / 10) : check.integer('warmupRequests', opts.warmupRequests, 0, requests - 1),
    balancer: opts.balancer,
    balancerLabel: balancerLabel(opts.balancer),
    hashKey,
    clients: opts.clients === undefined ? 10_000 : check.integer('clients', opts.clients, 1, 1e7),
    clientSkew: opts.clientSkew === undefined ? 0 : check.inRange('clientSkew', opts.clientSkew, 0, 5),
    requestsPerSession: opts.requestsPerSession === undefined ? 10 : check.integer('requestsPerSession', opts.requestsPerSession, 1),
    paths,
    poolOfPath: routePaths(paths, opts.routes, servers.poolNames),
    sticky,
    tiers,
    healthCheck: opts.healthCheck === undefined ? undefined : checkHealthCheck('healthCheck', opts.healthCheck),
    failedRequestMs: opts.failedRequestMs === undefined ? 0 : check.nonNegative('failedRequestMs', opts.failedRequestMs),
    timeoutMs: opts.timeoutMs === undefined ? Infinity : check.positive('timeoutMs', opts.timeoutMs, true),
    rng: requireRng('rng', opts.rng),
    onProgress: opts.onProgress,
  };
}

function checkBurst(value: BurstSpec): BurstSpec {
  check.legacyOptions('burst', value);
  return { meanOnMs: check.positive('burst.meanOnMs', value.meanOnMs), meanOffMs: check.positive('burst.meanOffMs', value.meanOffMs) };
}
