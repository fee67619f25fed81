/**
 * A cluster behind a load balancer, request by request: requests arrive (Poisson or
 * in bursts), cross the proxy tiers if any (each a queue with a per-request cost),
 * and the balancer of the request's pool picks a server among those in rotation.
 * Servers queue requests FIFO over their workers, fail and recover on schedule, and
 * health checks take failed servers out of rotation after the detection delay.
 *
 * What the client sees: a response, an error (its server was down or failed while
 * holding the request), or a timeout (no answer within `timeoutMs`; the server still
 * does the work). Requests sent to a server that is down fail after
 * `failedRequestMs`; a pool with no server in rotation answers with an error at once.
 *
 * Streams (forks of `rng`), each drawn by one component only, so that changing one
 * component never moves another's draws:
 * - `arrivals`, `clients`, `paths`, `service`/<path index>: the requests, drawn before
 *   the run (requestMix.ts), so runs that differ only in the balancer or the servers
 *   meet the same requests (common random numbers);
 * - `servers`/<server index>: the service times of a server with its own `serviceTime`;
 * - `proxy`/<tier index>: the processing cost of each proxy tier;
 * - `balancer/<pool name>`: the balancer of each pool (ties, random choices, DNS caches);
 * - `health-phase`: one draw per server, in server order: its first probe's offset.
 *
 * Bounded: the run ends when all `requests` are answered; with offered load ≥ 1
 * queues grow for the whole run and the result says `unstable` (with `offeredLoad`
 * against capacity per pool, proxy tier and server). Sizes are bounded up front (see
 * `CLUSTER_LIMITS` in clusterOptions.ts).
 *
 * What it keeps (`keep`, see sim/keptColumns.ts): up to 10^7 requests, a row per
 * measured request; above, the requests in flight only, per-server tallies and a
 * latency sketch (quantiles within 0.5 %), so 10^8 requests run in bounded memory.
 * The requests are drawn as they arrive; only the arrival stream is drawn once more
 * before the run, to know when the last request arrives (health checks and the
 * utilisation snapshot stop there).
 *
 * Fidelity: discrete-event, one event per arrival, per proxy tier and per response.
 * The balancer knows what it has sent and not yet seen answered (outstanding
 * requests), never the servers' queues. Not modelled: network delay between the
 * tiers, retries (part 5), connection-level balancing of long-lived connections,
 * several balancer instances with separate views (all instances of the last tier
 * share one view).
 */
import { StationBank } from '../../sim/queues/stationBank';
import { Simulation } from '../../sim/simulation';
import { progressTicker } from '../../sim/progress';
import { sampleDuration } from '../../random/distribution';
import { emptyRequestSlot, type Balancer, type ClusterView } from '../balancers/balancer';
import { createBalancer } from '../balancers/createBalancer';
import { checkClusterOptions, CLUSTER_LIMITS, type ClusterOptions } from './clusterOptions';
import * as check from '../../validate';
import type { Rng } from '../../random/rng';
import { buildClusterReport, type ClusterResult, type ClusterRun } from './clusterReport';
import { hash32 } from '../balancers/hash32';
import { healthTransitions, type HealthTransition } from './healthCheck';
import { lastArrivalMs, RequestStream } from './requestMix';
import { JobWindow } from '../../sim/jobWindow';
import { grown } from '../../sim/grown';
import { OutcomeTally } from './outcomeTally';

export { CLUSTER_OUTCOME } from './clusterReport';

/**
 * Simulates `requests` requests through a load balancer to a cluster of servers;
 * returns per-request columns (ms), the latency summary of answered requests,
 * per-server rows (requests, utilisation), load balance and health transitions.
 *
 * @throws TypeError or RangeError naming a wrong option, before anything runs.
 *
 * @example
 * ```ts
 * import { createRng, exponential, simulateCluster } from 'netlab';
 *
 * const r = simulateCluster({
 *   servers: 4, serviceTime: exponential(10), arrivalRate: 280, requests: 5_000,
 *   balancer: 'least-connections', rng: createRng(1),
 * });
 * r.summary.p99;                               // latency of answered requests (ms)
 * r.perServer.map((s) => s.utilisation);      // about 0.7 each
 * ```
 */
export function simulateCluster(opts: ClusterOptions): ClusterResult {
  const cfg = checkClusterOptions(opts);
  const { servers, tiers, rng, requests: n } = cfg;
  const S = servers.count;
  const mixOptions = { ...cfg, rng };
  const horizonMs = lastArrivalMs(mixOptions);
  const stream = new RequestStream(mixOptions);
  const tick = progressTicker(n, cfg.onProgress);

  const sim = new Simulation();
  const outstanding = new Int32Array(S);
  const sentWorkMs = new Float64Array(S);
  const sentWorkSquares = new Float64Array(S);
  const view: ClusterView & { nowMs: number } = { nowMs: 0, outstanding };
  const up = new Uint8Array(S).fill(1);
  const inRotation = new Uint8Array(S).fill(1);
  const members = servers.poolNames.map((_, p) => Int32Array.from(servers.pool.keys()).filter((s) => servers.pool[s] === p));
  const live = members.slice();
  const balancers: Balancer[] = members.map((m, p) =>
    createBalancer(cfg.balancer, { members: m, weights: servers.weights, rng: rng.fork(`balancer/${servers.poolNames[p]}`) }),
  );

  // One row per request (every request's, or those in flight); dispatch times only for balancers that learn from latency.
  const columns = { ...REQUEST_COLUMNS, ...(balancers.some((b) => b.observe !== undefined) ? { dispatchMs: Float64Array } : {}) };
  const rows = cfg.keep === 'columns' ? JobWindow.everyRow(columns, n) : JobWindow.inFlight(columns);
  const tally = new OutcomeTally(S, cfg.timeoutMs, cfg.keep);
  const pools = servers.poolNames.length;
  let sessionServer = new Int32Array(0); // by session and pool: the pinned server + 1 (0: none yet)
  let sessionsRepinned = 0;
  const request = emptyRequestSlot();
  const keyColumn = cfg.hashKey;

  // Station numbers: servers first, then each proxy tier's instances.
  const tierStart: number[] = [];
  const stationWorkers = Array.from(servers.workers);
  for (const tier of tiers) {
    tierStart.push(stationWorkers.length);
    for (let k = 0; k < tier.instances; k++) stationWorkers.push(tier.workers);
  }
  const tierOfStation = (st: number): number => {
    let t = tiers.length - 1;
    while (tierStart[t] > st) t--;
    return t;
  };
  const costRngs = tiers.map((_, t) => rng.fork('proxy').fork(String(t)));
  const serverRngs: (Rng | undefined)[] = servers.serviceTime.map((own, s) => (own === undefined ? undefined : rng.fork('servers').fork(String(s))));
  /** Adds `delta` to a server's outstanding count and tells its pool's balancer. */
  const addOutstanding = (s: number, delta: number): void => {
    outstanding[s] += delta;
    balancers[servers.pool[s]].outstandingChanged?.(s);
  };

  /** Draws the next request into its row. */
  const openRequest = (): number => {
    const i = rows.openNext();
    stream.next();
    const k = i & rows.mask;
    const { col } = rows;
    col.arrivalMs[k] = stream.arrivalMs;
    col.client[k] = stream.client;
    col.session[k] = stream.session;
    col.path[k] = stream.path;
    col.workMs[k] = stream.workMs;
    col.server[k] = -1;
    col.endMs[k] = NaN;
    col.failed[k] = 0;
    return i;
  };
  /** Request `i` has its answer (or error) at `now`: measured ones are tallied, unless rows are kept for the report. */
  const settle = (i: number, now: number, failed: number): void => {
    const k = i & rows.mask;
    rows.col.endMs[k] = now;
    rows.col.failed[k] = failed;
    if (cfg.keep === 'columns') return;
    if (i >= cfg.warmup) tally.add(now - rows.col.arrivalMs[k], rows.col.server[k], failed);
    rows.close(i);
  };

  const enterTier = (t: number, i: number): void => {
    const tier = tiers[t];
    const instance = tier.instances === 1 ? 0 : hash32(rows.col.client[i & rows.mask], t + 1) % tier.instances;
    bank.submit(tierStart[t] + instance, i, sampleDuration(`proxies[${t}].costMs`, tier.cost, costRngs[t]));
  };

  const dispatch = (i: number, now: number): void => {
    const k = i & rows.mask;
    const { col } = rows;
    const pool = cfg.poolOfPath[col.path[k]];
    const candidates = live[pool];
    if (candidates.length === 0) return settle(i, now, 1);
    let s = -1;
    const pin = col.session[k] * pools + pool;
    if (cfg.sticky) {
      if (pin >= sessionServer.length) sessionServer = grown(sessionServer, pin + 1);
      const pinned = sessionServer[pin] - 1;
      if (pinned >= 0 && inRotation[pinned] === 1) s = pinned;
      else if (pinned >= 0) sessionsRepinned++;
    }
    if (s < 0) {
      request.index = i;
      request.client = col.client[k];
      request.session = col.session[k];
      request.path = col.path[k];
      request.key = keyColumn === 'client' ? col.client[k] : keyColumn === 'session' ? col.session[k] : col.path[k];
      view.nowMs = now;
      s = balancers[pool].pick(candidates, request, view);
      if (cfg.sticky) sessionServer[pin] = s + 1;
    }
    col.server[k] = s;
    if (col.dispatchMs !== undefined) col.dispatchMs[k] = now;
    addOutstanding(s, 1);
    if (up[s] === 0) {
      sim.schedule(now + cfg.failedRequestMs, REFUSED, i);
      return;
    }
    const own = servers.serviceTime[s];
    const serviceMs = own === undefined ? col.workMs[k] / servers.speed[s] : sampleDuration(`servers[${s}].serviceTime`, own, serverRngs[s]!);
    sentWorkMs[s] += serviceMs;
    sentWorkSquares[s] += serviceMs * serviceMs;
    bank.submit(s, i, serviceMs);
  };

  const bank = new StationBank(sim, stationWorkers, (i, st, now) => {
    if (st >= S) {
      const t = tierOfStation(st);
      if (t + 1 < tiers.length) enterTier(t + 1, i);
      else dispatch(i, now);
      return;
    }
    addOutstanding(st, -1);
    const dispatchMs = rows.col.dispatchMs;
    if (dispatchMs !== undefined) balancers[servers.pool[st]].observe!(st, now - dispatchMs[i & rows.mask]);
    settle(i, now, 0);
  });

  const ARRIVE = sim.on((i, now) => {
    if (tiers.length > 0) enterTier(0, i);
    else dispatch(i, now);
    tick(i + 1);
    if (i + 1 < n) {
      const next = openRequest();
      sim.schedule(rows.col.arrivalMs[next & rows.mask], ARRIVE, next);
    }
  });
  const REFUSED = sim.on((i, now) => {
    addOutstanding(rows.col.server[i & rows.mask], -1);
    settle(i, now, 1);
  });
  const DOWN = sim.on((s, now) => {
    up[s] = 0;
    bank.fail(s, (i) => {
      addOutstanding(s, -1);
      settle(i, now, 1);
    });
  });
  const UP = sim.on((s) => {
    up[s] = 1;
  });
  const health: (HealthTransition & { server: number })[] = [];
  const HEALTH = sim.on((code) => {
    const s = code >> 1;
    inRotation[s] = code & 1;
    const p = servers.pool[s];
    live[p] = members[p].filter((m) => inRotation[m] === 1);
  });

  const phaseRng = rng.fork('health-phase');
  let rotationRebuilds = 0;
  for (let s = 0; s < S; s++) {
    for (const d of servers.downtimes[s]) {
      sim.schedule(d.fromMs, DOWN, s);
      if (d.toMs !== Infinity) sim.schedule(d.toMs, UP, s);
    }
    if (cfg.healthCheck === undefined) continue;
    const phase = phaseRng() * cfg.healthCheck.intervalMs;
    for (const h of healthTransitions(servers.downtimes[s], cfg.healthCheck, phase, horizonMs)) {
      health.push({ ...h, server: s });
      sim.schedule(h.atMs, HEALTH, s * 2 + (h.healthy ? 1 : 0));
      rotationRebuilds += members[servers.pool[s]].length;
    }
  }
  check.workWithin('health transitions × pool servers', rotationRebuilds, CLUSTER_LIMITS.rotationRebuilds, 'servers re-listed as health checks change rotations');
  // Utilisation is measured while requests arrive, not while queues drain afterwards.
  const utilisation = new Float64Array(stationWorkers.length);
  const SNAPSHOT = sim.on((_, now) => {
    for (let st = 0; st < utilisation.length; st++) utilisation[st] = bank.utilisation(st, now);
  });
  sim.schedule(horizonMs, SNAPSHOT);
  const first = openRequest();
  sim.schedule(rows.col.arrivalMs[first], ARRIVE, first);
  const { nowMs } = sim.run();

  const run: ClusterRun = {
    cfg, rows: cfg.keep === 'columns' ? rows.col : undefined, tally, workByPool: stream.workByPool, bank, tierStart, utilisation,
    sentWorkMs, sentWorkSquares, horizonMs, health, sessionsRepinned, endedMs: nowMs,
  };
  return buildClusterReport(run);
}

/** The row each request keeps while in flight (and, with `keep: 'columns'`, after). */
const REQUEST_COLUMNS = {
  arrivalMs: Float64Array,
  client: Int32Array,
  session: Int32Array,
  path: Int32Array,
  /** Work (ms at speed 1). */
  workMs: Float64Array,
  /** The server it was sent to, −1 before (or when its pool had none in rotation). */
  server: Int32Array,
  /** When its answer or error came (ms). */
  endMs: Float64Array,
  failed: Uint8Array,
};
