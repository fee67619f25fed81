/**
 * The options of `simulateStack`, checked once into a plain configuration, with
 * each layer's theoretical capacity. Every wrong value fails here, naming the
 * option (nested ones by their path: `l7.dns.ttlMs`, `faults[2].untilMs`), the
 * value and what is allowed, before anything is simulated; so does a call whose
 * size would take more than about a minute or 2 GB (see the MAX_STACK_… limits).
 */
import { CONGESTION_CONTROLS, type CongestionControl } from '../../net/congestion/congestionControl';
import type { Rng } from '../../random/rng';
import { requireRng } from '../../random/rng';
import { type Distribution } from '../../random/distribution';
import { requireDistribution } from '../../random/requireDistribution';
import type { DistributionLike } from '../../random/spec';
import { DEFAULT_MSS_BYTES } from '../../net/tcp/slowStart';
import { constant } from '../../random/constant';
import { checkLoad, type Load } from '../../sim/arrivals';
import type { ProgressCallback } from '../../sim/progress';
import { MS_PER_SECOND } from '../../sim/time';
import { LINUX_EPHEMERAL_PORTS, LINUX_TIME_WAIT_MS } from '../../net/connections/portsOptions';
import * as check from '../../validate';
import { checkFaults, MAX_STACK_DURATION_MS, type PlacedFault, type StackFault } from './stackFaults';
import type { StackLayer } from './stackLayers';
import { checkBuckets } from '../../sim/measures/buckets';
import { DEFAULT_REQUESTS_PER_CONNECTION } from '../../net/connections/keepAlive';

export { DEFAULT_REQUESTS_PER_CONNECTION };

/** L1: the link that carries the responses. */
export interface L1Options {
  /** Link bandwidth (Mbit/s, > 0). */
  bandwidthMbps: number;
}

/** Every key of `L1Options`. */
export const L1_KEYS: readonly (keyof L1Options)[] = ['bandwidthMbps'];

/** L3: the path between client and server. */
export interface L3Options {
  /** Round-trip time (ms, ≥ 0). */
  rttMs: number;
  /** Independent packet loss in [0, 1) (default 0). */
  lossRate?: number;
}

/** Every key of `L3Options`. */
export const L3_KEYS: readonly (keyof L3Options)[] = ['rttMs', 'lossRate'];

/** L4: connections. Defaults are Linux's and nginx's. */
export interface L4Options {
  /** Client ephemeral ports (integer in [1, 65535]; default 28,232, Linux's 32768–60999). */
  ports?: number;
  /** TIME_WAIT after the client closes (ms, ≥ 0; default 60,000, Linux). */
  timeWaitMs?: number;
  /** Requests per keep-alive connection before it is closed (≥ 1, Infinity allowed; default 1000, nginx `keepalive_requests`). */
  requestsPerConnection?: number;
  /** Connections the server accepts at once (integer ≥ 1 or Infinity; default Infinity). */
  maxConnections?: number;
  /** Accept backlog beyond `maxConnections` (integer ≥ 0; default 4096, Linux `somaxconn`); it holds only connections actually waiting. */
  backlog?: number;
  /** TCP's congestion controller: 'newreno' (default) or 'cubic' (RFC 9438, Linux's default). */
  congestionControl?: CongestionControl;
}

/** Every key of `L4Options`. */
export const L4_KEYS: readonly (keyof L4Options)[] = ['ports', 'timeWaitMs', 'requestsPerConnection', 'maxConnections', 'backlog', 'congestionControl'];

/** L7's name resolution. */
export interface DnsOptions {
  /** How long clients cache the record (ms ≥ 0; default 60,000). */
  ttlMs?: number;
  /** What a lookup costs (ms ≥ 0; default 20). */
  lookupMs?: number;
}

/** Every key of `DnsOptions`. */
export const DNS_KEYS: readonly (keyof DnsOptions)[] = ['ttlMs', 'lookupMs'];

/** L7: name resolution and the application's workers. */
export interface L7Options {
  /** Worker threads or processes serving requests (integer in [1, 10^6]). */
  workers: number;
  /** CPU time per request: parsing, authentication, business logic (ms; every draw must be finite and ≥ 0). */
  serviceTime: DistributionLike;
  /** Requests allowed to wait for a worker (integer ≥ 0 or Infinity; default Infinity); beyond it the server answers 503. */
  queueLimit?: number;
  /** DNS: the clients' cache and the cost of a lookup. */
  dns?: DnsOptions;
}

/** Every key of `L7Options`. */
export const L7_KEYS: readonly (keyof L7Options)[] = ['workers', 'serviceTime', 'queueLimit', 'dns'];

/** The client's patience. */
export interface ClientOptions {
  /** Time before an attempt is abandoned (ms > 0 or Infinity; default 5000). */
  timeoutMs?: number;
  /** Further attempts after a failure (integer in [0, 10]; default 0). */
  retries?: number;
  /** Wait before each retry (ms ≥ 0; default 0: at once, as a naive client does). */
  retryDelayMs?: number;
}

/** Every key of `ClientOptions`. */
export const CLIENT_KEYS: readonly (keyof ClientOptions)[] = ['timeoutMs', 'retries', 'retryDelayMs'];

/** Every key of a ramping `load`. */
export const LOAD_KEYS: readonly (keyof Exclude<Load, number>)[] = ['startRps', 'endRps'];

/**
 * The options of `simulateStack`. Sizes are bounded so that one call stays within about
 * a minute and 2 GB: durationMs ≤ MAX_STACK_DURATION_MS (fault windows too), user
 * requests (mean load × durationMs / 1000) ≤ MAX_STACK_REQUESTS, attempts if every one
 * were retried (requests × (1 + client.retries)) ≤ MAX_STACK_ATTEMPTS, segments those
 * attempts would send (attempts × mean responseBytes / 1460) ≤ MAX_STACK_SEGMENTS, each
 * response ≤ MAX_RESPONSE_BYTES, clients and workers ≤ 10^6, ports ≤ 65,535, at most
 * MAX_STACK_FAULTS faults and MAX_BUCKETS buckets.
 */
export interface StackOptions {
  /** Simulated time (ms, in (0, MAX_STACK_DURATION_MS]); requests arrive in [0, durationMs). */
  durationMs: number;
  /** Requests per second: a constant, or `{ startRps, endRps }` ramping linearly over the run. */
  load: Load;
  /** Response size (bytes): a number or a Distribution; every size must be finite, in [0, MAX_RESPONSE_BYTES]. */
  responseBytes: number | DistributionLike;
  /** Clients, each with its own DNS cache (integer in [1, 10^6]; default 100). */
  clients?: number;
  l1: L1Options;
  l3: L3Options;
  l4?: L4Options;
  l7: L7Options;
  client?: ClientOptions;
  /** Faults, each for a window of time (at most MAX_STACK_FAULTS; see stackFaults). */
  faults?: StackFault[];
  /** Width of a dashboard bucket (ms; default durationMs / 60). */
  bucketMs?: number;
  /** Utilisation over one bucket at which a layer counts as saturated (in (0, 1]; default 0.99). */
  saturationThreshold?: number;
  rng: Rng;
  onProgress?: ProgressCallback;
}

/** Most user requests one run may draw (mean load × durationMs / 1000). */
export const MAX_STACK_REQUESTS = 1e7;
/** Most attempts one run may imply, every request retried: each costs about 2 µs and at most 120 bytes while the run lasts (about 60 kept in its result), so well within a minute and 2 GB. */
export const MAX_STACK_ATTEMPTS = 1e7;
/** Most TCP segments those attempts may send (attempts × mean response / MSS): about 30 ns each, a minute. */
export const MAX_STACK_SEGMENTS = 2e9;
/** Largest response (bytes): 1 GB, about 700,000 segments. */
export const MAX_RESPONSE_BYTES = 1e9;
export { MAX_STACK_DURATION_MS };
/** Linux's default `net.core.somaxconn` since 5.4. */
export const DEFAULT_BACKLOG = 4096;

/** The checked options, defaults filled in, flattened by layer. */
export interface StackConfig {
  durationMs: number;
  load: Load;
  responseBytes: Distribution;
  clients: number;
  bandwidthMbps: number;
  rttMs: number;
  lossRate: number;
  ports: number;
  timeWaitMs: number;
  requestsPerConnection: number;
  maxConnections: number;
  backlog: number;
  congestionControl: CongestionControl;
  workers: number;
  serviceTime: Distribution;
  queueLimit: number;
  dnsTtlMs: number;
  dnsLookupMs: number;
  timeoutMs: number;
  retries: number;
  retryDelayMs: number;
  faults: PlacedFault[];
  bucketMs: number;
  buckets: number;
  saturationThreshold: number;
  rng: Rng;
  onProgress?: ProgressCallback;
}

/** Every key of `StackOptions`. */
export const STACK_KEYS: readonly (keyof StackOptions)[] = [
  'durationMs', 'load', 'responseBytes', 'clients', 'l1', 'l3', 'l4', 'l7', 'client', 'faults', 'bucketMs', 'saturationThreshold', 'rng', 'onProgress',
];

/** Checks every option of `simulateStack` and the work it implies, before anything is simulated. */
export function checkStackOptions(opts: StackOptions): StackConfig {
  check.options('simulateStack', opts, STACK_KEYS);
  const durationMs = check.inRange('durationMs', opts.durationMs, 0, MAX_STACK_DURATION_MS, '(]');
  if (typeof opts.load === 'object' && opts.load !== null) check.nestedOptions('load', opts.load, LOAD_KEYS);
  const load = checkLoad('load', opts.load);
  const responseBytes = typeof opts.responseBytes === 'number'
    ? constant(check.inRange('responseBytes', opts.responseBytes, 0, MAX_RESPONSE_BYTES))
    : requireDistribution('responseBytes', opts.responseBytes);
  const l1 = check.nestedOptions('l1', opts.l1, L1_KEYS);
  const l3 = check.nestedOptions('l3', opts.l3, L3_KEYS);
  const l4 = check.nestedOptions('l4', opts.l4 ?? {}, L4_KEYS);
  const l7 = check.nestedOptions('l7', opts.l7, L7_KEYS);
  const dns = check.nestedOptions('l7.dns', l7.dns ?? {}, DNS_KEYS);
  const client = check.nestedOptions('client', opts.client ?? {}, CLIENT_KEYS);
  const retries = client.retries === undefined ? 0 : check.integer('client.retries', client.retries, 0, 10);
  const { bucketMs, buckets } = checkBuckets(durationMs, opts.bucketMs, 60);
  const serviceTime = requireDistribution('l7.serviceTime', l7.serviceTime);
  if (!(typeof serviceTime.mean === 'number' && serviceTime.mean > 0 && serviceTime.mean < Infinity)) {
    throw new RangeError(`l7.serviceTime must have a known finite mean > 0 (it sets L7's capacity); got ${serviceTime.mean}`);
  }
  if (!(typeof responseBytes.mean === 'number' && responseBytes.mean >= 0 && responseBytes.mean <= MAX_RESPONSE_BYTES)) {
    throw new RangeError(`responseBytes must have a known mean in [0, ${MAX_RESPONSE_BYTES}] (it sets L1's capacity); got ${responseBytes.mean}`);
  }
  const requests = (meanRps(load) * durationMs) / MS_PER_SECOND;
  check.workWithin('load × durationMs', requests, MAX_STACK_REQUESTS, 'user requests (mean load × durationMs / 1000)');
  const attempts = requests * (1 + retries);
  check.workWithin('load × durationMs × (1 + client.retries)', attempts, MAX_STACK_ATTEMPTS, 'attempts if every request were retried');
  check.workWithin(
    'load × durationMs × (1 + client.retries) × responseBytes',
    (attempts * responseBytes.mean) / DEFAULT_MSS_BYTES,
    MAX_STACK_SEGMENTS,
    `TCP segments of ${DEFAULT_MSS_BYTES} bytes those attempts would send`,
  );
  return {
    durationMs,
    load,
    responseBytes,
    clients: opts.clients === undefined ? 100 : check.integer('clients', opts.clients, 1, 1e6),
    bandwidthMbps: check.positive('l1.bandwidthMbps', l1.bandwidthMbps),
    rttMs: check.nonNegative('l3.rttMs', l3.rttMs),
    lossRate: l3.lossRate === undefined ? 0 : check.inRange('l3.lossRate', l3.lossRate, 0, 1, '[)'),
    ports: l4.ports === undefined ? LINUX_EPHEMERAL_PORTS : check.integer('l4.ports', l4.ports, 1, 65535),
    timeWaitMs: l4.timeWaitMs === undefined ? LINUX_TIME_WAIT_MS : check.nonNegative('l4.timeWaitMs', l4.timeWaitMs),
    requestsPerConnection: l4.requestsPerConnection === undefined
      ? DEFAULT_REQUESTS_PER_CONNECTION
      : check.countOrInfinity('l4.requestsPerConnection', l4.requestsPerConnection, 1),
    maxConnections: l4.maxConnections === undefined ? Infinity : check.countOrInfinity('l4.maxConnections', l4.maxConnections, 1),
    backlog: l4.backlog === undefined ? DEFAULT_BACKLOG : check.integer('l4.backlog', l4.backlog, 0),
    congestionControl: check.oneOf('l4.congestionControl', l4.congestionControl ?? 'newreno', CONGESTION_CONTROLS),
    workers: check.integer('l7.workers', l7.workers, 1, 1e6),
    serviceTime,
    queueLimit: l7.queueLimit === undefined ? Infinity : check.countOrInfinity('l7.queueLimit', l7.queueLimit, 0),
    dnsTtlMs: dns.ttlMs === undefined ? 60_000 : check.nonNegative('l7.dns.ttlMs', dns.ttlMs),
    dnsLookupMs: dns.lookupMs === undefined ? 20 : check.nonNegative('l7.dns.lookupMs', dns.lookupMs),
    timeoutMs: client.timeoutMs === undefined ? 5000 : check.positive('client.timeoutMs', client.timeoutMs, true),
    retries,
    retryDelayMs: client.retryDelayMs === undefined ? 0 : check.nonNegative('client.retryDelayMs', client.retryDelayMs),
    faults: checkFaults(opts.faults, MAX_STACK_DURATION_MS),
    bucketMs,
    buckets,
    saturationThreshold: opts.saturationThreshold === undefined ? 0.99 : check.inRange('saturationThreshold', opts.saturationThreshold, 0, 1, '(]'),
    rng: requireRng('rng', opts.rng),
    onProgress: opts.onProgress,
  };
}

/** The mean of a load over the run (requests per second). */
export function meanRps(load: Load): number {
  return typeof load === 'number' ? load : (load.startRps + load.endRps) / 2;
}

/** The highest rate of a load over the run (requests per second). */
export function peakRps(load: Load): number {
  return typeof load === 'number' ? load : Math.max(load.startRps, load.endRps);
}

/**
 * Each layer's capacity in requests per second, the figures the fault map compares:
 * L7 workers / mean service time; L4 ports × requests per connection / TIME_WAIT
 * (the time a connection stays open is left out); L1 bandwidth / mean response
 * size. L3 has no capacity in this model (Infinity): its faults are loss and
 * withdrawal, not saturation.
 */
export function stackCapacity(cfg: StackConfig): Record<StackLayer, number> {
  const meanBytes = cfg.responseBytes.mean as number;
  return {
    L7: (cfg.workers * MS_PER_SECOND) / (cfg.serviceTime.mean as number),
    L4: cfg.timeWaitMs === 0 ? Infinity : (cfg.ports * cfg.requestsPerConnection * MS_PER_SECOND) / cfg.timeWaitMs,
    L3: Infinity,
    L1: meanBytes === 0 ? Infinity : (cfg.bandwidthMbps * 1e6) / 8 / meanBytes,
  };
}
