/**
 * The options of `simulateGlobalRouting`, checked once into a plain configuration.
 * Every wrong value fails here, naming the option, the value and what is allowed,
 * before anything is simulated.
 *
 * Defaults and where they come from:
 * - the request is the first one of a visit: a new connection with TLS 1.3, a
 *   10 kB response (one round of RFC 6928's initial window) and 5 ms of server
 *   time, the course's "the server could respond in 5ms";
 * - health checks are Amazon Route 53's defaults for an HTTPS check: a probe
 *   every 30 s, a 4 s limit to connect, 3 results in a row to change the state
 *   (Route 53 Developer Guide, "How Amazon Route 53 determines whether a health
 *   check is healthy"; CreateHealthCheck's FailureThreshold default);
 * - the client gives up on a connection after 3 s (a choice: by then a SYN has
 *   been sent twice, at 0 and after RFC 6298's 1 s initial timer) and retries
 *   once.
 */
import { CONGESTION_CONTROLS, type CongestionControl } from '../../net/congestion/congestionControl';
import { MAX_WEEK_RUN_MS } from '../../sim/limits';
import { ttlSecondsToMs } from '../../net/dns/dnsZone';
import type { RegionRtts } from '../../net/path/regionRtts';
import { CONNECTION_STATES, type ConnectionState } from '../../net/tcp/requestPlan';
import { TLS_MODES, type TlsMode } from '../../net/tcp/tls';
import { checkHealthCheck, HEALTH_CHECK_KEYS, type HealthCheck, type HealthCheckOptions } from '../../balance/cluster/healthCheck';
import { delayMs, MAX_DELAY_MS } from '../../net/limits';
import { DEFAULT_MSS_BYTES, segmentsFor } from '../../net/tcp/slowStart';
import type { Rng } from '../../random/rng';
import { requireRng } from '../../random/rng';
import { checkProgress, type ProgressCallback } from '../../sim/progress';
import { MS_PER_SECOND } from '../../sim/time';
import * as check from '../../validate';
import { GLOBAL_STRATEGIES, type GlobalStrategy } from './globalRoutingDns';
import { checkRegions, checkRtts, checkUsers, type CheckedPopulation, type UserPopulation } from './globalRoutingPlaces';
import { checkBuckets } from '../../sim/measures/buckets';

/** Edge servers in the users' cities that answer part of the requests themselves. */
export interface EdgeOptions {
  /** Share of requests an edge can answer on its own (cacheable responses, auth checks, personalisation), in [0, 1]. */
  share: number;
  /** Round trip from the user's city to its edge server, beyond the access network (ms, in [0, 3 600 000]; default 0: the same metro). */
  rttMs?: number;
}

/** The keys of `EdgeOptions`. */
export const EDGE_KEYS: readonly (keyof EdgeOptions)[] = ['share', 'rttMs'];

/** A region that stops answering: attempts sent to it in [atMs, untilMs) fail. */
export interface RegionFailure {
  /** One of `regions`. */
  region: string;
  /** Start of the outage (ms, in [0, durationMs)). */
  atMs: number;
  /** End of the outage (ms, in (atMs, 10^10]; it may outlast the run). */
  untilMs: number;
}

/** The keys of `RegionFailure`. */
export const REGION_FAILURE_KEYS: readonly (keyof RegionFailure)[] = ['region', 'atMs', 'untilMs'];

/** What one request is. */
export interface GlobalRequestShape {
  /** Response size (bytes ≥ 0; default 10 000; see MAX_GLOBAL_SEGMENTS for the bound). */
  bytes?: number;
  /** TLS handshake (default '1.3'). */
  tls?: TlsMode;
  /** 'new' (default) pays the TCP and TLS handshakes; 'reused' is a warm keep-alive connection. */
  connection?: ConnectionState;
  /** Server time per request (ms, in [0, 3 600 000]; default 5). */
  serverMs?: number;
  /** TCP's congestion controller: 'newreno' (default) or 'cubic' (RFC 9438, Linux's default). */
  congestionControl?: CongestionControl;
}

/** The keys of `GlobalRequestShape`. */
export const REQUEST_SHAPE_KEYS: readonly (keyof GlobalRequestShape)[] = ['bytes', 'tls', 'connection', 'serverMs', 'congestionControl'];

/** Options of `simulateGlobalRouting`. */
export interface GlobalRoutingOptions {
  /** Measured round trips between regions (`loadRegionRtts('../data/region-rtt.csv')`). */
  rtts: RegionRtts;
  /** Where the users are (1 to 50 populations, distinct regions). */
  users: UserPopulation[];
  /** Regions the service runs in (1 to 50 distinct ids of the RTT table); 'single-region' takes exactly one. */
  regions: string[];
  /** How DNS picks a region: 'single-region', 'dns-round-robin' or 'geo-dns'. */
  strategy: GlobalStrategy;
  /** All users' requests per second (> 0), a Poisson process; each population gets its share. */
  arrivalRate: number;
  /** Requests are sent in [0, durationMs) (ms > 0, at most 7 days). */
  durationMs: number;
  /** TTL of the DNS answer (seconds, an integer ≥ 0; 0: every lookup asks the authority). */
  ttlS: number;
  /** Recursive resolvers per user population, each caching its own answer (integer in [1, 10 000]; default 16). */
  resolversPerRegion?: number;
  /** Edge servers (default: none). */
  edge?: EdgeOptions;
  request?: GlobalRequestShape;
  /** Health checks of the DNS service (default Route 53's: 30 s, 4 s, 3, 3); false: it keeps handing out a dead region. */
  healthCheck?: HealthCheckOptions | false;
  /** A region outage (default: none). */
  failure?: RegionFailure;
  /** Time a client waits for a connection before giving up on an attempt (ms, in (0, 3 600 000]; default 3000). */
  connectTimeoutMs?: number;
  /** Attempts after the first, each after re-resolving the name (integer in [0, 10]; default 1). */
  retries?: number;
  /** Width of a time bucket of the error series (ms; default durationMs / 60; at most 10 000 buckets). */
  bucketMs?: number;
  rng: Rng;
  onProgress?: ProgressCallback;
}

/** The keys of `GlobalRoutingOptions`. */
export const GLOBAL_ROUTING_KEYS: readonly (keyof GlobalRoutingOptions)[] = [
  'rtts', 'users', 'regions', 'strategy', 'arrivalRate', 'durationMs', 'ttlS', 'resolversPerRegion', 'edge', 'request',
  'healthCheck', 'failure', 'connectTimeoutMs', 'retries', 'bucketMs', 'rng', 'onProgress',
];

/** The checked options of a run. */
export interface GlobalRoutingConfig {
  rtts: RegionRtts;
  users: CheckedPopulation[];
  regions: string[];
  strategy: GlobalStrategy;
  arrivalRate: number;
  durationMs: number;
  ttlS: number;
  ttlMs: number;
  resolversPerRegion: number;
  edge: { share: number; rttMs: number } | null;
  request: Required<GlobalRequestShape>;
  healthCheck: HealthCheck | null;
  failure: (RegionFailure & { regionIndex: number }) | null;
  connectTimeoutMs: number;
  retries: number;
  bucketMs: number;
  buckets: number;
  rng: Rng;
  onProgress?: ProgressCallback;
}

/** Route 53's defaults for an HTTPS health check (see the module header). */
export const DNS_HEALTH_CHECK_DEFAULTS: Readonly<Required<HealthCheckOptions>> = Object.freeze({
  intervalMs: 30_000,
  timeoutMs: 4_000,
  unhealthyThreshold: 3,
  healthyThreshold: 3,
});
/** Default client connect timeout (ms). */
export const DEFAULT_CONNECT_TIMEOUT_MS = 3000;
/** Most requests one run may expect (rate × duration): each becomes a record. */
export const MAX_GLOBAL_REQUESTS = 1_000_000;
/**
 * Most response segments one run may draw: expected requests × attempts each (1 +
 * retries) × segments of a response (bytes / 1460). The round model draws every
 * segment's loss, about 0.1 µs each: 2·10^8 is some 20 s.
 */
export const MAX_GLOBAL_SEGMENTS = 2e8;
/** Latest end of an outage (ms): 10^10, about 116 days. */
const MAX_FAILURE_END_MS = 1e10;
const MAX_DURATION_MS = MAX_WEEK_RUN_MS;

/** Checks every option (see `GlobalRoutingOptions` for the ranges) and the work they imply, before anything runs. */
export function checkGlobalRoutingOptions(opts: GlobalRoutingOptions): GlobalRoutingConfig {
  check.options('simulateGlobalRouting', opts, GLOBAL_ROUTING_KEYS);
  const rtts = checkRtts(opts.rtts);
  const strategy = check.oneOf('strategy', opts.strategy, GLOBAL_STRATEGIES);
  const regions = checkRegions(rtts, opts.regions, strategy);
  const users = checkUsers(rtts, opts.users);
  const arrivalRate = check.positive('arrivalRate', opts.arrivalRate);
  const durationMs = check.inRange('durationMs', opts.durationMs, 0, MAX_DURATION_MS, '(]');
  const expected = (arrivalRate * durationMs) / MS_PER_SECOND;
  if (expected > MAX_GLOBAL_REQUESTS) {
    throw new RangeError(`arrivalRate × durationMs / 1000 (the expected requests) must be <= ${MAX_GLOBAL_REQUESTS}; got ${arrivalRate} × ${durationMs} / 1000 = ${expected}`);
  }
  const ttlMs = ttlSecondsToMs('ttlS', opts.ttlS);
  const resolversPerRegion = check.integer('resolversPerRegion', opts.resolversPerRegion ?? 16, 1, 10_000);
  let edge: GlobalRoutingConfig['edge'] = null;
  if (opts.edge !== undefined) {
    const e = check.nestedOptions('edge', opts.edge, EDGE_KEYS);
    edge = { share: check.probability('edge.share', e.share), rttMs: delayMs('edge.rttMs', e.rttMs ?? 0) };
  }
  const r = check.nestedOptions('request', opts.request ?? {}, REQUEST_SHAPE_KEYS);
  const request: Required<GlobalRequestShape> = {
    bytes: check.nonNegative('request.bytes', r.bytes ?? 10_000),
    tls: check.oneOf('request.tls', r.tls ?? '1.3', TLS_MODES),
    connection: check.oneOf('request.connection', r.connection ?? 'new', CONNECTION_STATES),
    serverMs: delayMs('request.serverMs', r.serverMs ?? 5),
    congestionControl: check.oneOf('request.congestionControl', r.congestionControl ?? 'newreno', CONGESTION_CONTROLS),
  };
  let healthCheck: HealthCheck | null = null;
  if (opts.healthCheck !== false) {
    const hc = check.nestedOptions('healthCheck', opts.healthCheck ?? {}, HEALTH_CHECK_KEYS);
    healthCheck = checkHealthCheck('healthCheck', { ...DNS_HEALTH_CHECK_DEFAULTS, ...hc });
  }
  const failure = opts.failure === undefined ? null : checkFailure(opts.failure, regions, durationMs);
  const connectTimeoutMs = check.inRange('connectTimeoutMs', opts.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS, 0, MAX_DELAY_MS, '(]');
  const retries = check.integer('retries', opts.retries ?? 1, 0, 10);
  check.workWithin('arrivalRate × durationMs × (1 + retries) × request.bytes', expected * (1 + retries) * segmentsFor(request.bytes, DEFAULT_MSS_BYTES),
    MAX_GLOBAL_SEGMENTS, 'response segments to draw (expected requests × attempts × bytes / 1460)');
  const { bucketMs, buckets } = checkBuckets(durationMs, opts.bucketMs, 60);
  const rng = requireRng('rng', opts.rng);
  return {
    rtts, users, regions, strategy, arrivalRate, durationMs, ttlS: ttlMs / MS_PER_SECOND, ttlMs, resolversPerRegion, edge, request,
    healthCheck, failure, connectTimeoutMs, retries, bucketMs, buckets, rng, onProgress: checkProgress(opts.onProgress),
  };
}

function checkFailure(value: unknown, regions: string[], durationMs: number): RegionFailure & { regionIndex: number } {
  const f = check.nestedOptions('failure', value as RegionFailure, REGION_FAILURE_KEYS);
  const regionIndex = regions.indexOf(f.region);
  if (regionIndex < 0) {
    throw new RangeError(`failure.region must be one of the regions the service runs in (${regions.join(', ')}); got ${check.describe(f.region)}`);
  }
  const atMs = check.inRange('failure.atMs', f.atMs, 0, durationMs, '[)');
  const untilMs = check.inRange('failure.untilMs', f.untilMs, 0, MAX_FAILURE_END_MS, '(]');
  if (!(untilMs > atMs)) throw new RangeError(`failure.untilMs must be after failure.atMs (${atMs}); got ${untilMs}`);
  return { region: f.region, atMs, untilMs, regionIndex };
}
