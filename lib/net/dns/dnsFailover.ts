/**
 * The TTL trap as an experiment: a name is repointed from an old address to a new
 * one at `changeAtMs`; how long do clients keep sending requests to the old one?
 *
 * Many clients, each with a runtime cache and an OS stub cache (`DnsClient`), share
 * a few recursive resolvers (`DnsResolver`); client i uses resolver i mod
 * `resolvers` (the state lives in a `DnsFleet`, the same rules on typed arrays). Each client sends requests as a Poisson process of `ratePerClient`
 * per second and resolves the name before each one. The clients' processes are
 * generated together as one Poisson stream of rate clients × ratePerClient whose
 * requests go to uniformly drawn clients (the same process, already in time order,
 * so no event heap is needed).
 *
 * With `warmStart` (default) the run begins in steady state: each resolver already
 * holds the record with a remaining TTL drawn uniformly from (0, TTL], as a busy
 * resolver's refresh falls at an arbitrary moment relative to the change. Clients
 * start with empty caches. Under 'honour-ttl' no request can reach the old address
 * at or after `changeAtMs` + TTL; a runtime that ignores TTLs extends or removes
 * that bound (`staleBoundMs`).
 *
 * Random streams: request times come from `rng.fork('dns-arrivals')` and the
 * client of each request from `rng.fork('dns-clients')` (the client population's
 * merged process); resolver r's phase is draw r of `rng.fork('dns-resolver-phase')`,
 * drawn whether or not `warmStart` uses it. The parent stream is never drawn from.
 * Runs given the same `rng` (or seed) that differ only in TTL, runtime policy,
 * caches or RTTs see exactly the same requests, so their curves differ by the
 * policy alone.
 *
 * Bounds: clients at most 200 000, durationMs at most 7 days, expected requests
 * (clients × ratePerClient × durationMs / 1000) at most 2 × 10^7, at most 100 000
 * buckets: about 10 s and a few hundred MB.
 *
 * Fidelity: discrete-event over requests, budget-level lookup costs. Not modelled:
 * connection pools that keep a socket to the old host after re-resolving (see the
 * course's "connection reuse vs freshness"), resolvers that serve stale or clamp
 * TTLs, clients switching resolvers, process restarts, request failures at the old
 * address.
 */
import type { Rng } from '../../random/rng';
import { requireRng } from '../../random/rng';
import type { ProgressCallback } from '../../sim/progress';
import { MS_PER_SECOND } from '../../sim/time';
import { MAX_WEEK_RUN_MS } from '../../sim/limits';
import { bucketCount as bucketsIn, bucketOf } from '../../sim/measures/buckets';
import * as check from '../../validate';
import { DNS_RTT_KEYS, dnsRtts, type DnsAnsweredBy } from './dnsBudget';
import { checkRuntimePolicy, type RuntimeCachePolicy } from './dnsClient';
import type { DnsUpstreamCounts } from './dnsResolver';
import { DnsFleet } from './dnsFleet';
import { dnsZone, ttlSecondsToMs } from './dnsZone';

export interface DnsFailoverOptions {
  /** Client hosts (an integer in [1, 200 000]). */
  clients: number;
  /** Shared recursive resolvers (an integer in [1, clients]; default min(8, clients)). */
  resolvers?: number;
  /** Requests per second per client (> 0; default 0.1, one every 10 s on average; clients × ratePerClient × durationMs / 1000 at most 2 × 10^7). */
  ratePerClient?: number;
  /** Simulated time (ms, > 0, at most 7 days). */
  durationMs: number;
  /** When the record is repointed (ms, in [0, durationMs)). */
  changeAtMs: number;
  /** Record TTL (seconds, an integer in [0, 2^31 − 1]). */
  ttlS: number;
  /** Runtime cache policy of every client (default 'honour-ttl'; see `DnsClient`). */
  runtime?: RuntimeCachePolicy;
  /** Whether clients run a caching stub resolver (default true). */
  stubCache?: boolean;
  /** Start with resolvers holding the record at random points of its TTL (default true). */
  warmStart?: boolean;
  /** Width of a series bucket (ms, > 0; default 10 000; at most 100 000 buckets). */
  bucketMs?: number;
  /** Client ↔ resolver RTT (ms, in [0, 3 600 000]; default 20). */
  resolverRttMs?: number;
  /** Resolver ↔ root, TLD and authoritative RTTs (ms, each in [0, 3 600 000]; defaults 25, 30, 50). */
  rootMs?: number;
  tldMs?: number;
  authoritativeMs?: number;
  rng: Rng;
  /** Called about 100 times with (simulated ms done, durationMs). */
  onProgress?: ProgressCallback;
}

/** Every key of `DnsFailoverOptions`. */
export const DNS_FAILOVER_KEYS: readonly (keyof DnsFailoverOptions & string)[] = [
  ...DNS_RTT_KEYS, 'clients', 'resolvers', 'ratePerClient', 'durationMs', 'changeAtMs', 'ttlS', 'runtime', 'stubCache', 'warmStart', 'bucketMs', 'rng', 'onProgress',
];

/** One bucket of the series, from the change on. */
export interface DnsFailoverBucket {
  /** Bucket start (ms since the run began). */
  tMs: number;
  /** Bucket start (ms since the change). */
  sinceChangeMs: number;
  /** Requests sent in the bucket. */
  requests: number;
  /** Of those, requests sent to the old address. */
  stale: number;
  /** stale / requests, or null for a bucket without requests. */
  staleShare: number | null;
}

export interface DnsFailoverResult {
  /** e.g. "TTL 300 s, runtime honour-ttl", for legends. */
  label: string;
  ttlS: number;
  runtime: RuntimeCachePolicy;
  changeAtMs: number;
  durationMs: number;
  bucketMs: number;
  /** Buckets of `bucketMs` from `changeAtMs` to the end (the last may be shorter). */
  series: DnsFailoverBucket[];
  /** Requests in the whole run, and from the change on. */
  requests: number;
  requestsAfterChange: number;
  /** Requests sent to the old address at or after the change. */
  staleRequests: number;
  /** Time of the last request sent to the old address after the change, or null. */
  lastStaleMs: number | null;
  /** No stale request can happen at or after this time (ms): change + TTL (+ a fixed runtime time); null under 'forever'. */
  staleBoundMs: number | null;
  /** Lookups by where they were answered. */
  answeredBy: Record<DnsAnsweredBy, number>;
  /** Queries all resolvers together sent to the root, TLD and authoritative servers. */
  upstream: DnsUpstreamCounts;
  /** Mean lookup cost (ms). */
  meanLookupMs: number;
  /** Clients that resolved the name at least once before the change. */
  clientsResolvedBeforeChange: number;
  /** Clients that a request at `durationMs` would still send to the old address. */
  clientsOnOldAtEnd: number;
}

/** Largest expected number of requests in one run. */
export const MAX_FAILOVER_REQUESTS = 20_000_000;
const MAX_CLIENTS = 200_000;
const MAX_BUCKETS = 100_000;
const MAX_DURATION_MS = MAX_WEEK_RUN_MS;
const NAME = 'db.example.com';
/** Documentation addresses (RFC 5737). */
const OLD_ADDRESS = '192.0.2.10';
const NEW_ADDRESS = '192.0.2.20';

/**
 * Simulates a DNS record repointed at `changeAtMs`: clients behind shared caching
 * resolvers keep resolving it before each request. Returns request counts per
 * time bucket, requests after the change and how many of those still went to the
 * old address.
 *
 * @throws TypeError or RangeError naming a wrong option, or a run beyond its bounds.
 *
 * @example
 * ```ts
 * import { createRng, simulateDnsFailover } from 'netlab';
 *
 * const r = simulateDnsFailover({ clients: 200, durationMs: 120_000, changeAtMs: 30_000, ttlS: 60, rng: createRng(1) });
 * r.staleRequests / r.requestsAfterChange;     // share still sent to the old address
 * ```
 */
export function simulateDnsFailover(opts: DnsFailoverOptions): DnsFailoverResult {
  check.options('simulateDnsFailover', opts, DNS_FAILOVER_KEYS);
  const clients = check.integer('clients', opts.clients, 1, MAX_CLIENTS);
  const resolverCount = check.integer('resolvers', opts.resolvers ?? Math.min(8, clients), 1, clients);
  const rate = check.positive('ratePerClient', opts.ratePerClient ?? 0.1);
  const durationMs = check.inRange('durationMs', opts.durationMs, 0, MAX_DURATION_MS, '(]');
  const changeAtMs = check.inRange('changeAtMs', opts.changeAtMs, 0, durationMs, '[)');
  const ttlMs = ttlSecondsToMs('ttlS', opts.ttlS);
  const ttlS = ttlMs / MS_PER_SECOND;
  const runtime = checkRuntimePolicy('runtime', opts.runtime ?? 'honour-ttl');
  const stubCache = check.flag('stubCache', opts.stubCache, true);
  const warmStart = check.flag('warmStart', opts.warmStart, true);
  const bucketMs = check.positive('bucketMs', opts.bucketMs ?? 10_000);
  const bucketCount = bucketsIn(durationMs - changeAtMs, bucketMs);
  if (bucketCount > MAX_BUCKETS) {
    throw new RangeError(`bucketMs must give at most ${MAX_BUCKETS} buckets after the change (bucketMs >= ${(durationMs - changeAtMs) / MAX_BUCKETS}); got ${bucketMs}`);
  }
  const rtts = dnsRtts(opts);
  const totalRate = clients * rate;
  const expected = (totalRate * durationMs) / MS_PER_SECOND;
  if (expected > MAX_FAILOVER_REQUESTS) {
    throw new RangeError(
      `clients × ratePerClient × durationMs / 1000 (the expected requests) must be <= ${MAX_FAILOVER_REQUESTS}; got ${clients} × ${rate} × ${durationMs} / 1000 = ${expected}`,
    );
  }
  const rng = requireRng('rng', opts.rng);
  if (opts.onProgress !== undefined && typeof opts.onProgress !== 'function') {
    throw new TypeError(`onProgress must be a function (done, total) => void; got ${check.describe(opts.onProgress)}`);
  }

  const authority = dnsZone({ records: { [NAME]: OLD_ADDRESS }, ttlS, changes: [{ atMs: changeAtMs, name: NAME, address: NEW_ADDRESS }] });
  const fleet = new DnsFleet({ clients, resolvers: resolverCount, authority, name: NAME, runtime, stubCache, ...rtts });
  const OLD = fleet.code(OLD_ADDRESS);
  const phase = rng.fork('dns-resolver-phase');
  for (let r = 0; r < resolverCount; r++) {
    const u = phase();
    if (warmStart && ttlMs > 0) fleet.preload(r, 0, (1 - u) * ttlMs);
  }
  const resolvedBefore = new Uint8Array(clients);
  const requests = new Float64Array(bucketCount);
  const stale = new Float64Array(bucketCount);
  let total = 0;
  let lastStaleMs: number | null = null;
  const arrivals = rng.fork('dns-arrivals');
  const who = rng.fork('dns-clients');
  const meanGap = MS_PER_SECOND / totalRate;
  const progressEvery = durationMs / 100;
  let nextProgress = progressEvery;

  for (let t = -meanGap * Math.log(1 - arrivals()); t < durationMs; t -= meanGap * Math.log(1 - arrivals())) {
    const c = Math.floor(who() * clients);
    const old = fleet.lookup(c, t) === OLD ? 1 : 0;
    total++;
    if (t < changeAtMs) {
      resolvedBefore[c] = 1;
    } else {
      const b = bucketOf(t - changeAtMs, bucketMs, bucketCount);
      requests[b]++;
      if (old === 1) {
        stale[b]++;
        lastStaleMs = t;
      }
    }
    if (opts.onProgress !== undefined && t >= nextProgress) {
      opts.onProgress(t, durationMs);
      nextProgress = (Math.floor(t / progressEvery) + 1) * progressEvery;
    }
  }
  opts.onProgress?.(durationMs, durationMs);

  const series: DnsFailoverBucket[] = [];
  let afterChange = 0;
  let staleTotal = 0;
  for (let b = 0; b < bucketCount; b++) {
    afterChange += requests[b];
    staleTotal += stale[b];
    const sinceChangeMs = b * bucketMs;
    series.push({ tMs: changeAtMs + sinceChangeMs, sinceChangeMs, requests: requests[b], stale: stale[b], staleShare: requests[b] > 0 ? stale[b] / requests[b] : null });
  }
  return {
    label: `TTL ${ttlS} s, runtime ${typeof runtime === 'number' ? `fixed ${runtime} ms` : runtime}`,
    ttlS,
    runtime,
    changeAtMs,
    durationMs,
    bucketMs,
    series,
    requests: total,
    requestsAfterChange: afterChange,
    staleRequests: staleTotal,
    lastStaleMs,
    staleBoundMs: staleBound(changeAtMs, ttlMs, runtime),
    answeredBy: { ...fleet.answeredBy },
    upstream: { ...fleet.upstream },
    meanLookupMs: total > 0 ? fleet.lookupMsSum / total : 0,
    clientsResolvedBeforeChange: count(resolvedBefore),
    clientsOnOldAtEnd: onOldAt(fleet, durationMs, OLD),
  };
}

/**
 * The time from which no request can reach the old address: every cache that
 * honours TTLs got its copy before `change + TTL` at the latest; a runtime with a
 * fixed time keeps a copy that long more; 'forever' never lets go (null).
 */
export function staleBound(changeAtMs: number, ttlMs: number, runtime: RuntimeCachePolicy): number | null {
  if (runtime === 'forever') return null;
  return changeAtMs + ttlMs + (typeof runtime === 'number' ? runtime : 0);
}

function count(flags: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < flags.length; i++) n += flags[i];
  return n;
}

function onOldAt(fleet: DnsFleet, nowMs: number, old: number): number {
  let n = 0;
  for (let c = 0; c < fleet.clients; c++) if (fleet.peek(c, nowMs) === old) n++;
  return n;
}
