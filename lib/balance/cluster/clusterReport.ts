/**
 * What a cluster run reports: one row per measured request (typed columns; views
 * past the warm-up, not copies) when the run kept them, the latency summary of the
 * answered ones, a row per server and per proxy, how evenly the load fell (max/mean
 * and Jain's index) and when health checks changed their mind.
 */
import { MS_PER_SECOND } from '../../sim/time';
import type { StationBank } from '../../sim/queues/stationBank';
import { EMPTY_SUMMARY, summarize, type Summary } from '../../stats/summarize';
import { jainIndex, maxOverMean } from '../../stats/fairness';
import type { ClusterConfig } from './clusterOptions';
import type { HealthTransition } from './healthCheck';
import { withoutColumns, type Keep } from '../../sim/keptColumns';
import { CLUSTER_OUTCOME, type OutcomeTally } from './outcomeTally';

export { CLUSTER_OUTCOME } from './outcomeTally';

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
  /** What the run kept: with `'summaries'`, reading a per-request column throws a RangeError. */
  kept: Keep;
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
  /** Latency summary of the answered requests (outcome ok): exact with columns, quantiles within 0.5 % with summaries. */
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

/** The per-request columns of a run that keeps them: every request's, warm-up included. */
export interface ClusterRows {
  arrivalMs: Float64Array;
  client: Int32Array;
  session: Int32Array;
  path: Int32Array;
  server: Int32Array;
  endMs: Float64Array;
  failed: Uint8Array;
}

/** The raw state a finished run hands to the report. */
export interface ClusterRun {
  cfg: ClusterConfig;
  /** Every request's row, when the run keeps columns; else the tally has counted the measured ones as they ended. */
  rows: ClusterRows | undefined;
  tally: OutcomeTally;
  /** Work drawn for each pool's requests (ms at speed 1). */
  workByPool: Float64Array;
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

/** Per-request result columns (past the warm-up) and the exact summary, from a run's kept rows. */
type RequestColumns = Pick<ClusterResult, 'arrivalMs' | 'latencyMs' | 'server' | 'outcome' | 'path' | 'client' | 'session' | 'summary'>;

const COLUMN_NAMES = ['arrivalMs', 'latencyMs', 'server', 'outcome', 'path', 'client', 'session'] as const;

/**
 * Turns a finished cluster run into its result: per-request columns past the
 * warm-up (when kept), the latency summary (ms) of answered requests, per-server and
 * per-proxy rows, load balance (max/mean, Jain's index) and health-check transitions.
 */
export function buildClusterReport(run: ClusterRun): ClusterResult {
  const { cfg, bank, tally } = run;
  const { servers } = cfg;
  const columns = run.rows === undefined ? undefined : requestColumns(run.rows, cfg.warmup, tally);
  const m = cfg.requests - cfg.warmup;
  const perServer: ServerReport[] = servers.names.map((name, s) => ({
    server: s,
    name,
    pool: servers.poolNames[servers.pool[s]],
    requests: tally.perServerRequests[s],
    errors: tally.perServerErrors[s],
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
  const offeredLoad = highestOfferedLoad(cfg, run.workByPool);
  const overloadedServers = perServer.filter((r, s) => {
    const standardError = Math.sqrt(run.sentWorkSquares[s]) / (run.horizonMs * servers.workers[s]);
    return r.offeredLoad > 1 + 3 * standardError;
  }).length;
  const empty = new Float64Array(0);
  const result: ClusterResult = {
    balancer: cfg.balancerLabel,
    kept: cfg.keep,
    arrivalMs: columns?.arrivalMs ?? empty,
    latencyMs: columns?.latencyMs ?? empty,
    server: columns?.server ?? new Int32Array(0),
    outcome: columns?.outcome ?? new Uint8Array(0),
    path: columns?.path ?? new Int32Array(0),
    client: columns?.client ?? new Int32Array(0),
    session: columns?.session ?? new Int32Array(0),
    summary: columns?.summary ?? (tally.ok > 0 ? tally.answered!.summary() : { ...EMPTY_SUMMARY }),
    ok: tally.ok,
    errors: tally.errors,
    timeouts: m - tally.ok - tally.errors,
    perServer,
    proxies,
    imbalance: {
      requestsMaxOverMean: maxOverMean(tally.perServerRequests),
      requestsJain: jainIndex(tally.perServerRequests),
      utilisationMaxOverMean: maxOverMean(utilisation),
      utilisationJain: jainIndex(utilisation),
    },
    health: run.health,
    sessionsRepinned: run.sessionsRepinned,
    offeredLoad,
    overloadedServers,
    unstable: offeredLoad >= 1 || overloadedServers > 0,
    simulatedMs: run.endedMs,
  };
  return columns === undefined ? withoutColumns(result, 'simulateCluster', cfg.requests, COLUMN_NAMES) : result;
}

/** Classifies every measured request of the kept rows into the tally, and returns the result's columns. */
function requestColumns(rows: ClusterRows, warmup: number, tally: OutcomeTally): RequestColumns {
  const n = rows.arrivalMs.length;
  const m = n - warmup;
  const latencyMs = new Float64Array(m);
  const outcome = new Uint8Array(m);
  for (let k = 0; k < m; k++) {
    const i = warmup + k;
    outcome[k] = tally.add(rows.endMs[i] - rows.arrivalMs[i], rows.server[i], rows.failed[i]);
    latencyMs[k] = tally.latencyMs;
  }
  const okLatency = tally.ok === m ? latencyMs : latencyMs.filter((_, k) => outcome[k] === CLUSTER_OUTCOME.ok);
  return {
    arrivalMs: rows.arrivalMs.subarray(warmup),
    latencyMs,
    server: rows.server.subarray(warmup),
    outcome,
    path: rows.path.subarray(warmup),
    client: rows.client.subarray(warmup),
    session: rows.session.subarray(warmup),
    summary: tally.ok > 0 ? summarize(okLatency) : { ...EMPTY_SUMMARY },
  };
}

/** Work arriving per ms over capacity: each pool's from the work drawn for its requests, each proxy tier's from its mean cost. */
function highestOfferedLoad(cfg: ClusterConfig, workByPool: Float64Array): number {
  const { servers } = cfg;
  const pools = servers.poolNames.length;
  const capacity = new Float64Array(pools);
  for (let s = 0; s < servers.count; s++) capacity[servers.pool[s]] += servers.workers[s] * servers.speed[s];
  const perMs = cfg.arrivalRate / MS_PER_SECOND;
  let highest = 0;
  for (let p = 0; p < pools; p++) highest = Math.max(highest, (perMs * (workByPool[p] ?? 0)) / cfg.requests / capacity[p]);
  for (const tier of cfg.tiers) highest = Math.max(highest, (perMs * (tier.cost.mean ?? 0)) / (tier.instances * tier.workers));
  return highest;
}
