/**
 * Users on several continents and a service in one or more cloud regions: where
 * DNS sends each request, what the distance costs, and what happens when a
 * region fails (course part 5, "Global Routing — Closing the Information Gap").
 *
 * The model, request by request:
 * 1. Requests arrive as a Poisson process of `arrivalRate` (the sum of many users'
 *    independent Poisson streams); each belongs to a population with probability
 *    its `share` and goes through one of that population's resolvers, drawn
 *    uniformly.
 * 2. With `edge`, a request is one the edge server in the user's city can answer
 *    with probability `edge.share`; it is served there over the access network
 *    plus `edge.rttMs`, and no region is involved.
 * 3. Otherwise the resolver's cached answer names the region (`RegionalResolvers`),
 *    or, when it has expired, the authority answers by the strategy
 *    (`dnsAnswerPolicy`), skipping regions its health checks count as down
 *    (`dnsHealthView`).
 * 4. The request's time comes from the transport model (`planRequest` /
 *    `sampleRequest`: handshakes, slow start, jitter, loss) over a path whose
 *    round trip is the access profile's RTT plus the measured backbone RTT from
 *    the user's city to the region; jitter and loss are the access network's.
 *    Without jitter and loss it is the course's budget arithmetic exactly (see
 *    `paths[].budgetMs`).
 * 5. An attempt sent to the failed region in [atMs, untilMs) gets no answer: the
 *    client gives up after `connectTimeoutMs`. So does an attempt whose handshake
 *    takes longer than that (lost SYNs); a connection that gives up later (too
 *    many timeouts) fails when it gives up. After a failed attempt the client
 *    re-resolves the name at once and tries again, up to `retries` times; the
 *    resolver's cached answer may still name the dead region until its TTL runs
 *    out, which is the point.
 * So, with health checks and another region to go to, no attempt reaches the
 * failed region at or after min(untilMs, detectedAtMs + TTL), with detectedAtMs ≤
 * atMs + unhealthyThreshold × intervalMs + timeoutMs (`detectionBoundMs`).
 *
 * Random streams (forks of `rng`): 'arrivals' (request times), 'users' (whose
 * request each is), 'health-phase' (the first probe's phase), and one fork per
 * user population, `population/<region>`, holding that population's own streams:
 * 'resolver' (which of its resolvers a request uses), 'edge' (whether the edge
 * can answer it), 'resolver-phase' (its resolvers' remaining TTLs at the start),
 * 'delay' and 'loss' (jitter and loss of its attempts). Changing one population's
 * access network or edge never moves another population's draws, and runs with
 * the same seed that differ in strategy or TTL see the same requests from the
 * same places.
 *
 * No capacity: regions and edges answer every request without queueing (see
 * below), so there is no offered load against a capacity and no `unstable` flag.
 *
 * Bounds: at most 10^6 expected requests (MAX_GLOBAL_REQUESTS), 2·10^8 response
 * segments drawn (MAX_GLOBAL_SEGMENTS), durationMs up to 7 days, an outage ending
 * by 10^10 ms, delays up to one hour; see `GlobalRoutingOptions`.
 *
 * Not modelled: the DNS lookup's own time (paid once per TTL, alike under every
 * strategy; part 2 measures it); loss or jitter on the backbone (a provider's
 * backbone is clean next to the last mile); servers' queues and capacity (a
 * failed-over region absorbs the extra load); edges relaying the other requests
 * to a region over warm connections; a region failing half-way through an
 * attempt (the send time decides); clients trying a second address.
 */
import { requestTime, sampleRequest } from '../../net/tcp/requestTime';
import { planRequest, type RequestPlan } from '../../net/tcp/requestPlan';
import { poissonArrivals } from '../../sim/arrivals';
import { progressTicker } from '../../sim/progress';
import { Simulation } from '../../sim/simulation';
import { upperBound } from '../../stats/sortedSearch';
import { dnsAnswerPolicy, nearestRegions } from './globalRoutingDns';
import { dnsHealthView } from './globalRoutingHealth';
import { checkGlobalRoutingOptions, type GlobalRoutingConfig, type GlobalRoutingOptions } from './globalRoutingOptions';
import type { Rng } from '../../random/rng';
import * as check from '../../validate';
import { globalRoutingReport, type GlobalRoutingResult, type RoutePath, type RunLog } from './globalRoutingReport';
import { RegionalResolvers } from './regionalResolvers';

/** The streams of one user population (see the module header). */
interface PopulationStreams {
  resolver: Rng;
  edge: Rng;
  resolverPhase: Rng;
  delay: Rng;
  loss: Rng;
}

/**
 * Simulates users in several places reaching a service in one or more regions
 * through DNS (`strategy`), with resolver caches, an optional edge and an optional
 * region failure. Returns a record per request and attempt, per user region the
 * latency summary (ms) and where it was served, error rates per bucket and the
 * outage's timeline.
 *
 * @throws TypeError or RangeError naming a wrong option.
 *
 * @example
 * ```ts
 * import { createRng, parseRegionRtts, simulateGlobalRouting, type AccessProfile } from 'netlab';
 *
 * const rtts = parseRegionRtts([
 *   'from,to,rttMs', 'seoul,tokyo,29', 'seoul,virginia,187', 'seoul,london,240', 'london,tokyo,220', 'london,virginia,76', 'tokyo,virginia,150',
 * ].join('\n'), 'example');
 * const access: AccessProfile = { name: 'cable', rttMs: 20, jitterMs: 2, lossRate: 0, meanLossBurst: 1, bandwidthMbps: 100, source: 'example' };
 * const r = simulateGlobalRouting({
 *   rtts, regions: ['virginia', 'tokyo'], strategy: 'geo-dns', ttlS: 60,
 *   users: [{ region: 'seoul', share: 0.5, access }, { region: 'london', share: 0.5, access }],
 *   arrivalRate: 20, durationMs: 60_000, rng: createRng(1),
 * });
 * r.byUserRegion;                              // per place: latency summary (ms), where it was served, …
 * ```
 */
export function simulateGlobalRouting(opts: GlobalRoutingOptions): GlobalRoutingResult {
  const cfg = checkGlobalRoutingOptions(opts);
  const { rng, users, regions } = cfg;
  const places = users.map((u) => u.region);
  const EDGE = regions.length;
  const streams = places.map((region): PopulationStreams => {
    const own = rng.fork('population').fork(region);
    return { resolver: own.fork('resolver'), edge: own.fork('edge'), resolverPhase: own.fork('resolver-phase'), delay: own.fork('delay'), loss: own.fork('loss') };
  });

  // Who sends each request, through which resolver, and whether an edge can answer it.
  const arrivals = poissonArrivals({ load: cfg.arrivalRate, durationMs: cfg.durationMs, rng: rng.fork('arrivals') });
  const n = arrivals.length;
  const cumulative = new Float64Array(users.length);
  users.reduce((sum, u, i) => (cumulative[i] = sum + u.share), 0);
  const userRng = rng.fork('users');
  const place = new Int32Array(n);
  const resolverOf = new Int32Array(n);
  const atEdge = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const p = Math.min(users.length - 1, upperBound(cumulative, userRng() * cumulative[users.length - 1]));
    place[i] = p;
    resolverOf[i] = p * cfg.resolversPerRegion + Math.floor(streams[p].resolver() * cfg.resolversPerRegion);
    if (cfg.edge !== null && streams[p].edge() < cfg.edge.share) atEdge[i] = 1;
  }

  const slack = cfg.healthCheck === null ? 0 : (cfg.healthCheck.healthyThreshold + 2) * cfg.healthCheck.intervalMs;
  const health = dnsHealthView(cfg.failure, cfg.healthCheck, rng.fork('health-phase'), Math.max(cfg.durationMs, cfg.failure?.untilMs ?? 0) + slack);
  const policy = dnsAnswerPolicy(cfg.strategy, cfg.rtts, regions, places);
  const resolvers = new RegionalResolvers(users.length, cfg.resolversPerRegion, cfg.ttlMs, policy, streams.map((s) => s.resolverPhase), (r) => health.healthy(r, 0));
  const { plans, paths } = routePlans(cfg, EDGE);

  const log: RunLog = {
    place, arrivals, atEdge,
    latencyMs: new Float64Array(n), ok: new Uint8Array(n), served: new Int32Array(n), attempts: new Int32Array(n),
    attemptRequest: [], attemptMs: [], attemptTarget: [], attemptOk: [], attemptHit: [],
  };
  const tick = progressTicker(n, cfg.onProgress);
  let finished = 0;
  const failure = cfg.failure;
  const sim = new Simulation();
  const ATTEMPT = sim.on((i, t) => {
    const u = place[i];
    const target = atEdge[i] === 1 ? EDGE : resolvers.lookup(resolverOf[i], t, (r) => health.healthy(r, t));
    const hit = failure !== null && target === failure.regionIndex && t >= failure.atMs && t < failure.untilMs;
    let elapsed = cfg.connectTimeoutMs;
    let ok = false;
    if (!hit) {
      const timing = sampleRequest(plans[u][target], streams[u].delay, streams[u].loss);
      if (timing.breakdown.tcpMs <= cfg.connectTimeoutMs) {
        elapsed = timing.totalMs;
        ok = !timing.failed;
      }
    }
    log.attemptRequest.push(i);
    log.attemptMs.push(t);
    log.attemptTarget.push(target);
    log.attemptOk.push(ok ? 1 : 0);
    log.attemptHit.push(hit ? 1 : 0);
    log.attempts[i]++;
    log.latencyMs[i] += elapsed; // attempts follow one another without a pause, so their times add up
    if (!ok && log.attempts[i] <= cfg.retries) {
      sim.schedule(t + elapsed, ATTEMPT, i);
      return;
    }
    log.ok[i] = ok ? 1 : 0;
    log.served[i] = target;
    tick(++finished);
  });
  for (let i = 0; i < n; i++) sim.schedule(arrivals[i], ATTEMPT, i);
  sim.run();
  return globalRoutingReport(cfg, log, paths, health, { hits: resolvers.hits, misses: resolvers.misses });
}

/** A request plan for every (population, region) pair, and one for the edge, with each path's budget. */
function routePlans(cfg: GlobalRoutingConfig, edgeIndex: number): { plans: RequestPlan[][]; paths: RoutePath[] } {
  const paths: RoutePath[] = [];
  const plans = cfg.users.map((u, i) => {
    const nearest = cfg.regions[nearestRegions(cfg.rtts, u.region, cfg.regions)[0]];
    const targets = cfg.regions.map((r) => ({ name: r, backboneMs: cfg.rtts.rttMs(u.region, r) }));
    if (cfg.edge !== null) targets.push({ name: 'edge', backboneMs: cfg.edge.rttMs });
    return targets.map((t, k) => check.within(`users[${i}] (${u.region}) to ${t.name}, access + backbone round trip`, () => {
      const rttMs = u.access.rttMs + t.backboneMs;
      const shape = { rttMs, bandwidthMbps: u.access.bandwidthMbps, ...cfg.request };
      const budgetMs = requestTime(shape).totalMs;
      paths.push({ userRegion: u.region, target: t.name, backboneRttMs: t.backboneMs, rttMs, budgetMs, nearest: k < edgeIndex && t.name === nearest });
      return planRequest({ ...shape, jitter: u.path.jitter ?? undefined, loss: u.path.loss });
    }));
  });
  return { plans, paths };
}
