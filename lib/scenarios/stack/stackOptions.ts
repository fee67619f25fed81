/**
 * The options of `simulateStack`, checked once into a plain configuration, with
 * each layer's theoretical capacity. Every wrong value fails here, naming the
 * option, the value and what is allowed, before anything is simulated.
 */
import type { Rng } from '../../random/rng';
import { requireRng } from '../../random/rng';
import { requireDistribution, type Distribution } from '../../random/distribution';
import { constant } from '../../random/constant';
import { checkLoad, type Load } from '../../sim/arrivals';
import type { ProgressCallback } from '../../sim/progress';
import { MS_PER_SECOND } from '../../sim/time';
import { LINUX_EPHEMERAL_PORTS, LINUX_TIME_WAIT_MS } from '../../net/simulatePorts';
import * as check from '../../validate';
import { checkFaults, type PlacedFault, type StackFault } from './stackFaults';
import type { StackLayer } from './stackLayers';
import { checkBuckets } from '../../sim/buckets';
import { DEFAULT_REQUESTS_PER_CONNECTION } from '../../net/keepAlive';

export { DEFAULT_REQUESTS_PER_CONNECTION };

/** L1: the link that carries the responses. */
export interface L1Options {
  /** Link bandwidth (Mbit/s, > 0). */
  bandwidthMbps: number;
}

/** L3: the path between client and server. */
export interface L3Options {
  /** Round-trip time (ms, ≥ 0). */
  rttMs: number;
  /** Independent packet loss in [0, 1) (default 0). */
  lossRate?: number;
}

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
  /** Accept backlog beyond `maxConnections` (integer ≥ 0; default 4096, Linux `somaxconn`). */
  backlog?: number;
}

/** L7: name resolution and the application's workers. */
export interface L7Options {
  /** Worker threads or processes serving requests (integer ≥ 1). */
  workers: number;
  /** CPU time per request: parsing, authentication, business logic (ms). */
  serviceTime: Distribution;
  /** Requests allowed to wait for a worker (integer ≥ 0 or Infinity; default Infinity); beyond it the server answers 503. */
  queueLimit?: number;
  /** DNS: how long clients cache the record (ms ≥ 0; default 60,000) and what a lookup costs (ms ≥ 0; default 20). */
  dns?: { ttlMs?: number; lookupMs?: number };
}

/** The client's patience. */
export interface ClientOptions {
  /** Time before an attempt is abandoned (ms > 0 or Infinity; default 5000). */
  timeoutMs?: number;
  /** Further attempts after a failure (integer in [0, 10]; default 0). */
  retries?: number;
  /** Wait before each retry (ms ≥ 0; default 0: at once, as a naive client does). */
  retryDelayMs?: number;
}

export interface StackOptions {
  /** Simulated time (ms > 0); requests arrive in [0, durationMs). */
  durationMs: number;
  /** Requests per second: a constant, or `{ startRps, endRps }` ramping linearly over the run. */
  load: Load;
  /** Response size (bytes): a number or a Distribution. */
  responseBytes: number | Distribution;
  /** Clients, each with its own DNS cache (integer in [1, 10^6]; default 100). */
  clients?: number;
  l1: L1Options;
  l3: L3Options;
  l4?: L4Options;
  l7: L7Options;
  client?: ClientOptions;
  faults?: StackFault[];
  /** Width of a dashboard bucket (ms; default durationMs / 60). */
  bucketMs?: number;
  /** Utilisation over one bucket at which a layer counts as saturated (in (0, 1]; default 0.99). */
  saturationThreshold?: number;
  rng: Rng;
  onProgress?: ProgressCallback;
}

/** Most requests one run may draw (mean rate × duration). */
export const MAX_STACK_REQUESTS = 2e7;
/** Linux's default `net.core.somaxconn` since 5.4. */
export const DEFAULT_BACKLOG = 4096;

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

const TOP = ['durationMs', 'load', 'responseBytes', 'clients', 'l1', 'l3', 'l4', 'l7', 'client', 'faults', 'bucketMs', 'saturationThreshold', 'rng', 'onProgress'];

/** An integer ≥ min, or Infinity. */

export function checkStackOptions(opts: StackOptions): StackConfig {
  check.knownOptions('simulateStack', opts, TOP);
  const durationMs = check.positive('durationMs', opts.durationMs);
  const load = checkLoad('load', opts.load);
  const responseBytes = typeof opts.responseBytes === 'number'
    ? constant(check.nonNegative('responseBytes', opts.responseBytes))
    : requireDistribution('responseBytes', opts.responseBytes);
  const l1 = check.knownOptions('l1', opts.l1, ['bandwidthMbps']);
  const l3 = check.knownOptions('l3', opts.l3, ['rttMs', 'lossRate']);
  const l4 = check.knownOptions('l4', opts.l4 ?? {}, ['ports', 'timeWaitMs', 'requestsPerConnection', 'maxConnections', 'backlog']);
  const l7 = check.knownOptions('l7', opts.l7, ['workers', 'serviceTime', 'queueLimit', 'dns']);
  const dns = check.knownOptions('l7.dns', l7.dns ?? {}, ['ttlMs', 'lookupMs']);
  const client = check.knownOptions('client', opts.client ?? {}, ['timeoutMs', 'retries', 'retryDelayMs']);
  const { bucketMs, buckets } = checkBuckets(durationMs, opts.bucketMs, 60);
  const meanRps = typeof load === 'number' ? load : (load.startRps + load.endRps) / 2;
  const expected = (meanRps * durationMs) / MS_PER_SECOND;
  if (expected > MAX_STACK_REQUESTS) {
    throw new RangeError(`simulateStack would draw about ${Math.round(expected)} requests (mean load × durationMs / 1000); the limit is ${MAX_STACK_REQUESTS}: shorten durationMs or lower load`);
  }
  const serviceTime = requireDistribution('l7.serviceTime', l7.serviceTime);
  if (!(typeof serviceTime.mean === 'number' && serviceTime.mean > 0)) {
    throw new RangeError(`l7.serviceTime must have a known mean > 0 (it sets L7's capacity); got ${serviceTime.mean}`);
  }
  if (!(typeof responseBytes.mean === 'number' && responseBytes.mean >= 0)) {
    throw new RangeError(`responseBytes must have a known mean ≥ 0 (it sets L1's capacity); got ${responseBytes.mean}`);
  }
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
    workers: check.integer('l7.workers', l7.workers, 1, 1e6),
    serviceTime,
    queueLimit: l7.queueLimit === undefined ? Infinity : check.countOrInfinity('l7.queueLimit', l7.queueLimit, 0),
    dnsTtlMs: dns.ttlMs === undefined ? 60_000 : check.nonNegative('l7.dns.ttlMs', dns.ttlMs),
    dnsLookupMs: dns.lookupMs === undefined ? 20 : check.nonNegative('l7.dns.lookupMs', dns.lookupMs),
    timeoutMs: client.timeoutMs === undefined ? 5000 : check.positive('client.timeoutMs', client.timeoutMs, true),
    retries: client.retries === undefined ? 0 : check.integer('client.retries', client.retries, 0, 10),
    retryDelayMs: client.retryDelayMs === undefined ? 0 : check.nonNegative('client.retryDelayMs', client.retryDelayMs),
    faults: checkFaults(opts.faults),
    bucketMs,
    buckets,
    saturationThreshold: opts.saturationThreshold === undefined ? 0.99 : check.inRange('saturationThreshold', opts.saturationThreshold, 0, 1, '(]'),
    rng: requireRng('rng', opts.rng),
    onProgress: opts.onProgress,
  };
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
