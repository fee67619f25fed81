/**
 * What a cluster run reports: one row per measured request (typed columns; views
 * past the warm-up, not copies), the latency summary of the answered ones, a row per
 * server and per proxy, how evenly the load fell (max/mean and Jain's index) and
 * when health checks changed their mind.
 */
import { MS_PER_SECOND } from '../../sim/time';
import type { StationBank } from '../../sim/queues/stationBank';
import { EMPTY_SUMMARY, summarize, type Summary } from '../../stats/summarize';
import { jainIndex, maxOverMean } from '../../stats/fairness';
import type { ClusterConfig } from './clusterOptions';
import type { HealthTransition } from './healthCheck';
import type { RequestMix } from './requestMix';

/** Outcome codes of the `outcome` column. */
export const CLUSTER_OUTCOME = { ok: 0, failed: 1, timedOut: 2 } as const;

export interface ServerReport {
  server: number;
  name: string;
  pool: string;
  /** Measured requests sent to it. */
  requests: number;
  /** Of those, requests that failed there (it was down, or failed while holding them). */
  errors: number;
  /** Work sent to it per unit of time while requests arrived, over its workers: ≥ 1 means its queue only grows. */
  offeredLoad: number;
  /** Fraction of its worker time busy while requests arrived. */
  utilisation: number;
  /** Longest queue it held. */
  maxQueue: number;
}

export interface ProxyReport {
  tier: number;
  layer: string;
  instance: number;
  /** Requests it processed over the whole run. */
  requests: number;
  /** Fraction of its worker time busy while requests arrived. */
  utilisation: number;
  maxQueue: number;
}

/** How evenly work fell on the servers: 1 is perfectly even (max/mean), 1 is perfectly fair (Jain). */
export interface Imbalance {
  requestsMaxOverMean: number;
  requestsJain: number;
  utilisationMaxOverMean: number;
  utilisationJain: number;
}

export interface ClusterResult {
  /** The balancer, as a label. */
  balancer: string;
  /** Measured requests (after warm-up), in arrival order. */
  arrivalMs: Float64Array;
  /** How long the client waited: until the response, the error, or its timeout (ms). */
  latencyMs: Float64Array;
  /** Server each request was sent to (−1: none, its pool had no server in rotation). */
  server: Int32Array;
  /** `CLUSTER_OUTCOME` code per request. */
  outcome: Uint8Array;
  /** Path index per request (into the cluster's paths). */
  path: Int32Array;
  /** Client and session of each request. */
  client: Int32Array;
  session: Int32Array;
  /** Latency summary of the answered requests (outcome ok). */
  summary: Summary;
  ok: number;
  errors: number;
  timeouts: number;
  perServer: ServerReport[];
  proxies: ProxyReport[];
  /** Over all servers; meaningful when they are alike and in one pool. */
  imbalance: Imbalance;
  /** When health checks took servers out of rotation and put them back. */
  health: (HealthTransition & { server: number })[];
  /** Sticky sessions moved to another server because theirs left rotation. */
  sessionsRepinned: number;
  /** Highest offered load of any pool or proxy tier (work arriving / capacity). */
  offeredLoad: number;
  /**
   * Servers sent more work than they can do, whatever the pool's load: `offeredLoad` above 1 by more
   * than three standard errors of the work sent (a compound Poisson sum), so that a server an adaptive
   * balancer keeps exactly full is not counted.
   */
  overloadedServers: number;
  /** True when a pool or a proxy tier is offered load ≥ 1, or a server is overloaded: its queue grows for the whole run, and latencies describe the run's length. */
  unstable: boolean;
  /** Simulated time until the last answer (ms). */
  simulatedMs: number;
}

/** The raw state a finished run hands to the report. */
export interface ClusterRun {
  cfg: ClusterConfig;
  mix: RequestMix;
  server: Int32Array;
  endMs: Float64Array;
  failed: Uint8Array;
  bank: StationBank;
  tierStart: number[];
  /** Per station, busy fraction up to the last arrival. */
  utilisation: Float64Array;
  /** Per server, service time of the requests sent to it (ms), and the sum of its squares. */
  sentWorkMs: Float64Array;
  sentWorkSquares: Float64Array;
  /** Time of the last arrival (ms). */
  horizonMs: number;
  health: (HealthTransition & { server: number })[];
  sessionsRepinned: number;
  endedMs: number;
}

/**
 * Turns a finished cluster run into its result: per-request columns past the
 * warm-up, the latency summary (ms) of answered requests, per-server and per-proxy
 * rows, load balance (max/mean, Jain's index) and health-check transitions.
 */
export function buildClusterReport(run: ClusterRun): ClusterResult {
  const { cfg, mix, bank } = run;
  const { servers, warmup, requests: n } = cfg;
  const m = n - warmup;
  const latencyMs = new Float64Array(m);
  const outcome = new Uint8Array(m);
  const perServerRequests = new Float64Array(servers.count);
  const perServerErrors = new Float64Array(servers.count);
  let ok = 0;
  let errors = 0;
  for (let k = 0; k < m; k++) {
    const i = warmup + k;
    const waited = run.endMs[i] - mix.arrivalMs[i];
    const s = run.server[i];
    if (s >= 0) perServerRequests[s]++;
    if (waited > cfg.timeoutMs) {
      outcome[k] = CLUSTER_OUTCOME.timedOut;
      latencyMs[k] = cfg.timeoutMs;
    } else if (run.failed[i] === 1) {
      outcome[k] = CLUSTER_OUTCOME.failed;
      latencyMs[k] = waited;
      errors++;
      if (s >= 0) perServerErrors[s]++;
    } else {
      latencyMs[k] = waited;
      ok++;
    }
  }
  const okLatency = ok === m ? latencyMs : latencyMs.filter((_, k) => outcome[k] === CLUSTER_OUTCOME.ok);
  const end = run.endedMs;
  const perServer: ServerReport[] = servers.names.map((name, s) => ({
    server: s,
    name,
    pool: servers.poolNames[servers.pool[s]],
    requests: perServerRequests[s],
    errors: perServerErrors[s],
    offeredLoad: run.sentWorkMs[s] / (run.horizonMs * servers.workers[s]),
    utilisation: run.utilisation[s],
    maxQueue: bank.maxQueue[s],
  }));
  const proxies: ProxyReport[] = [];
  cfg.tiers.forEach((tier, t) => {
    for (let k = 0; k < tier.instances; k++) {
      const st = run.tierStart[t] + k;
      proxies.push({ tier: t, layer: tier.layer, instance: k, requests: bank.served[st], utilisation: run.utilisation[st], maxQueue: bank.maxQueue[st] });
    }
  });
  const utilisation = perServer.map((r) => r.utilisation);
  const offeredLoad = highestOfferedLoad(cfg, mix);
  const overloadedServers = perServer.filter((r, s) => {
    const standardError = Math.sqrt(run.sentWorkSquares[s]) / (run.horizonMs * servers.workers[s]);
    return r.offeredLoad > 1 + 3 * standardError;
  }).length;
  return {
    balancer: cfg.balancerLabel,
    arrivalMs: mix.arrivalMs.subarray(warmup),
    latencyMs,
    server: run.server.subarray(warmup),
    outcome,
    path: mix.path.subarray(warmup),
    client: mix.client.subarray(warmup),
    session: mix.session.subarray(warmup),
    summary: ok > 0 ? summarize(okLatency) : { ...EMPTY_SUMMARY },
    ok,
    errors,
    timeouts: m - ok - errors,
    perServer,
    proxies,
    imbalance: {
      requestsMaxOverMean: maxOverMean(perServerRequests),
      requestsJain: jainIndex(perServerRequests),
      utilisationMaxOverMean: maxOverMean(utilisation),
      utilisationJain: jainIndex(utilisation),
    },
    health: run.health,
    sessionsRepinned: run.sessionsRepinned,
    offeredLoad,
    overloadedServers,
    unstable: offeredLoad >= 1 || overloadedServers > 0,
    simulatedMs: end,
  };
}

/** Work arriving per ms over capacity: each pool's from the work drawn for its requests, each proxy tier's from its mean cost. */
function highestOfferedLoad(cfg: ClusterConfig, mix: RequestMix): number {
  const { servers } = cfg;
  const pools = servers.poolNames.length;
  const work = new Float64Array(pools);
  for (let i = 0; i < cfg.requests; i++) work[cfg.poolOfPath[mix.path[i]]] += mix.workMs[i];
  const capacity = new Float64Array(pools);
  for (let s = 0; s < servers.count; s++) capacity[servers.pool[s]] += servers.workers[s] * servers.speed[s];
  const perMs = cfg.arrivalRate / MS_PER_SECOND;
  let highest = 0;
  for (let p = 0; p < pools; p++) highest = Math.max(highest, (perMs * work[p]) / cfg.requests / capacity[p]);
  for (const tier of cfg.tiers) highest = Math.max(highest, (perMs * (tier.cost.mean ?? 0)) / (tier.instances * tier.workers));
  return highest;
}
