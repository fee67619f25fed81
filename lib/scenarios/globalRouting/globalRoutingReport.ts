/**
 * What a global-routing run returns: one record per request and per attempt, the
 * paths with their budget, per user region the latency summary, where its
 * requests were served and how it fared during an outage, the error rate per
 * time bucket and user region, and the outage's timeline (when the DNS noticed,
 * the bound after which no attempt can reach the dead region, when each user
 * region stopped reaching it).
 *
 * A user region "recovers" at the last attempt it sent to the dead region; the
 * time to recover is counted from the outage's start (0 for a user region that
 * never sent one).
 */
import { EMPTY_SUMMARY, summarize, type Summary } from '../../stats/summarize';
import type { GlobalStrategy } from './globalRoutingDns';
import type { DnsHealthView } from './globalRoutingHealth';
import type { GlobalRoutingConfig } from './globalRoutingOptions';
import { bucketOf } from '../../sim/measures/buckets';

/** One request, in arrival order. */
export interface GlobalRequestRecord {
  /** Where the user is (a population's region id). */
  userRegion: string;
  /** The region that answered its last attempt, or 'edge'. */
  servedBy: string;
  /** When it was first sent (ms). */
  tMs: number;
  /** First send to the end of its last attempt (ms), failed attempts and their timeouts included. */
  latencyMs: number;
  /** Whether its last attempt succeeded. */
  ok: boolean;
  attempts: number;
}

/** One attempt, in the order they were sent. */
export interface GlobalAttemptRecord {
  /** Index of its request in `requests`. */
  request: number;
  tMs: number;
  /** The region it was sent to, or 'edge'. */
  target: string;
  ok: boolean;
  /** Sent to the failed region while it was down. */
  hitOutage: boolean;
}

/** One route from a user region, with its round trip and its budget. */
export interface RoutePath {
  userRegion: string;
  /** A region, or 'edge'. */
  target: string;
  /** Measured backbone round trip from the user's city (ms; for the edge, `edge.rttMs`). */
  backboneRttMs: number;
  /** Access RTT + backbone RTT (ms). */
  rttMs: number;
  /** The request's time on this path without jitter or loss (ms): (1 + TLS round trips + slow-start rounds) × RTT + server. */
  budgetMs: number;
  /** True for the region nearest to the user region (GeoDNS's first choice). */
  nearest: boolean;
}

export interface UserRegionSummary {
  userRegion: string;
  requests: number;
  ok: number;
  failed: number;
  errorRate: number;
  /** Latency of the requests that succeeded (ms). */
  latency: Summary;
  /** Share of its requests served by each region (and 'edge'), last attempt counted. */
  servedShare: Record<string, number>;
  /** Its last attempt sent to the failed region while down (ms), or null. */
  lastOutageHitMs: number | null;
  /** From the outage's start to that attempt (ms); 0 if it never sent one; null without a failure. */
  recoveredAfterMs: number | null;
}

/** One user region in one bucket [tMs, tMs + bucketMs) of first-send times. */
export interface GlobalBucket {
  tMs: number;
  userRegion: string;
  requests: number;
  /** Requests whose last attempt failed. */
  failed: number;
  /** failed / requests, NaN for a bucket without requests. */
  errorRate: number;
  /** Attempts sent to the failed region while it was down. */
  outageHits: number;
}

export interface FailureReport {
  region: string;
  atMs: number;
  untilMs: number;
  /** When the DNS stopped answering the region, or null. */
  detectedAtMs: number | null;
  /** When it answered it again, or null. */
  restoredAtMs: number | null;
  /** No attempt can reach the dead region at or after this time: min(untilMs, detectedAtMs + TTL) when the DNS has another region to answer, else untilMs. */
  boundMs: number;
  /** The last attempt sent to the dead region, or null. */
  lastHitMs: number | null;
  /** Attempts sent to the dead region. */
  hits: number;
  /** From the outage's start until every user region had recovered (ms). */
  allRecoveredAfterMs: number;
}

export interface GlobalRoutingResult {
  /** e.g. "geo-dns + edge 50%, TTL 60 s", for legends. */
  label: string;
  strategy: GlobalStrategy;
  ttlS: number;
  regions: string[];
  userRegions: string[];
  durationMs: number;
  bucketMs: number;
  requests: GlobalRequestRecord[];
  attempts: GlobalAttemptRecord[];
  paths: RoutePath[];
  byUserRegion: UserRegionSummary[];
  series: GlobalBucket[];
  failure: FailureReport | null;
  /** Lookups answered from resolvers' caches, and those the authority answered. */
  dns: { cacheHits: number; authorityAnswers: number };
  counts: { requests: number; ok: number; failed: number; attempts: number; retries: number; servedAtEdge: number };
}

/** The raw columns the run fills in. */
export interface RunLog {
  place: Int32Array;
  arrivals: Float64Array;
  atEdge: Uint8Array;
  latencyMs: Float64Array;
  ok: Uint8Array;
  served: Int32Array;
  attempts: Int32Array;
  attemptRequest: number[];
  attemptMs: number[];
  attemptTarget: number[];
  attemptOk: number[];
  attemptHit: number[];
}

/**
 * Turns a global-routing run's log into its result: request and attempt records,
 * paths, per user region the latency summary (ms) and where it was served, error
 * rates per time bucket and the outage's timeline.
 */
export function globalRoutingReport(
  cfg: GlobalRoutingConfig,
  log: RunLog,
  paths: RoutePath[],
  health: DnsHealthView,
  dns: { hits: number; misses: number },
): GlobalRoutingResult {
  const places = cfg.users.map((u) => u.region);
  const targets = [...cfg.regions, 'edge'];
  const n = log.arrivals.length;
  const requests: GlobalRequestRecord[] = new Array(n);
  for (let i = 0; i < n; i++) {
    requests[i] = {
      userRegion: places[log.place[i]], servedBy: targets[log.served[i]], tMs: log.arrivals[i], latencyMs: log.latencyMs[i], ok: log.ok[i] === 1, attempts: log.attempts[i],
    };
  }
  const attempts: GlobalAttemptRecord[] = log.attemptRequest.map((request, k) => ({
    request, tMs: log.attemptMs[k], target: targets[log.attemptTarget[k]], ok: log.attemptOk[k] === 1, hitOutage: log.attemptHit[k] === 1,
  }));

  // Buckets per user region, and each user region's last hit of the outage.
  const B = cfg.buckets;
  const cell = (p: number, b: number): number => p * B + b;
  const reqs = new Float64Array(places.length * B);
  const fails = new Float64Array(places.length * B);
  const hits = new Float64Array(places.length * B);
  for (let i = 0; i < n; i++) {
    const c = cell(log.place[i], bucketOf(log.arrivals[i], cfg.bucketMs, B));
    reqs[c]++;
    if (log.ok[i] === 0) fails[c]++;
  }
  const lastHit: (number | null)[] = places.map(() => null);
  let hitCount = 0;
  for (let k = 0; k < log.attemptRequest.length; k++) {
    if (log.attemptHit[k] === 0) continue;
    const p = log.place[log.attemptRequest[k]];
    hits[cell(p, bucketOf(log.attemptMs[k], cfg.bucketMs, B))]++;
    lastHit[p] = Math.max(lastHit[p] ?? -Infinity, log.attemptMs[k]);
    hitCount++;
  }
  const series: GlobalBucket[] = [];
  for (let b = 0; b < B; b++) {
    places.forEach((userRegion, p) => {
      const c = cell(p, b);
      series.push({ tMs: b * cfg.bucketMs, userRegion, requests: reqs[c], failed: fails[c], errorRate: reqs[c] > 0 ? fails[c] / reqs[c] : NaN, outageHits: hits[c] });
    });
  }

  const f = cfg.failure;
  const recoveredAfter = (p: number): number | null => (f === null ? null : lastHit[p] === null ? 0 : (lastHit[p] as number) - f.atMs);
  const byUserRegion = places.map((userRegion, p): UserRegionSummary => {
    const okLatency: number[] = [];
    const served = new Float64Array(targets.length);
    let count = 0;
    for (let i = 0; i < n; i++) {
      if (log.place[i] !== p) continue;
      count++;
      served[log.served[i]]++;
      if (log.ok[i] === 1) okLatency.push(log.latencyMs[i]);
    }
    const servedShare: Record<string, number> = {};
    targets.forEach((t, k) => {
      if (k < cfg.regions.length || cfg.edge !== null) servedShare[t] = count > 0 ? served[k] / count : 0;
    });
    return {
      userRegion, requests: count, ok: okLatency.length, failed: count - okLatency.length, errorRate: count > 0 ? (count - okLatency.length) / count : 0,
      latency: okLatency.length > 0 ? summarize(okLatency) : { ...EMPTY_SUMMARY }, servedShare, lastOutageHitMs: lastHit[p], recoveredAfterMs: recoveredAfter(p),
    };
  });

  let failure: FailureReport | null = null;
  if (f !== null) {
    const canMove = cfg.regions.length > 1 && health.detectedAtMs !== null;
    const boundMs = canMove ? Math.min(f.untilMs, (health.detectedAtMs as number) + cfg.ttlMs) : f.untilMs;
    const hitTimes = lastHit.filter((t): t is number => t !== null);
    failure = {
      region: f.region, atMs: f.atMs, untilMs: f.untilMs, detectedAtMs: health.detectedAtMs, restoredAtMs: health.restoredAtMs, boundMs,
      lastHitMs: hitTimes.length > 0 ? Math.max(...hitTimes) : null, hits: hitCount,
      allRecoveredAfterMs: Math.max(0, ...places.map((_, p) => recoveredAfter(p) as number)),
    };
  }

  let ok = 0;
  let servedAtEdge = 0;
  for (let i = 0; i < n; i++) {
    ok += log.ok[i];
    if (log.served[i] === cfg.regions.length) servedAtEdge++;
  }
  return {
    label: label(cfg),
    strategy: cfg.strategy,
    ttlS: cfg.ttlS,
    regions: [...cfg.regions],
    userRegions: places,
    durationMs: cfg.durationMs,
    bucketMs: cfg.bucketMs,
    requests,
    attempts,
    paths,
    byUserRegion,
    series,
    failure,
    dns: { cacheHits: dns.hits, authorityAnswers: dns.misses },
    counts: { requests: n, ok, failed: n - ok, attempts: attempts.length, retries: attempts.length - n, servedAtEdge },
  };
}

function label(cfg: GlobalRoutingConfig): string {
  const edge = cfg.edge === null ? '' : ` + edge ${Math.round(cfg.edge.share * 100)}%`;
  return `${cfg.strategy}${edge}, TTL ${cfg.ttlS} s`;
}
