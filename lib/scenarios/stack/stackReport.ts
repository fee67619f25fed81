/**
 * What a stack run returns: per bucket and layer, the layer's utilisation, the
 * failures charged to it and its packet loss; the four golden signals as the
 * clients' L7 instrumentation sees them; the user requests' fate; and the first
 * layer to saturate with the offered load at that moment.
 */
import { rateAt } from '../../sim/arrivals';
import type { SignalBucket } from '../../sim/measures/goldenSignals';
import type { LevelMeter } from '../../sim/measures/levelMeter';
import { bucketIndexAt } from '../../sim/measures/buckets';
import { MS_PER_SECOND } from '../../sim/time';
import { selectQuantiles } from '../../stats/selectQuantiles';
import { STACK_OUTCOME, type AttemptLog } from './stackAttemptLog';
import type { StackAttempts, StackRequests } from './stackAttempts';
import type { StackConnections } from './stackConnections';
import type { FaultTimeline } from './faultTimeline';
import type { PlacedFault } from './stackFaults';
import { STACK_LAYERS, type StackLayer } from './stackLayers';
import { peakRps, stackCapacity, type StackConfig } from './stackOptions';

/** One layer in one bucket [tMs, tMs + bucketMs). */
export interface LayerBucket {
  tMs: number;
  layer: StackLayer;
  /** The layer's busiest resource: 'workers' (L7), 'ports' or 'server connections' (L4), 'route' (L3), 'link' (L1). */
  resource: string;
  /** Time-averaged use of that resource, in [0, 1]. L3 has no capacity here: always 0. */
  utilisation: number;
  /** Attempts that failed at this layer, per second (timeouts are charged to the layer they were stuck at). */
  errorRps: number;
  /** Packet loss at this layer, time-averaged (L3: the path, 1 while the route is withdrawn; L1: frame errors; 0 at L7 and L4). */
  lossRate: number;
}

/** The golden signals at L7 (traffic counts attempts, retries included), with the user requests behind them. */
export interface StackSignal extends SignalBucket {
  /** New user requests per second (first attempts). */
  requestRps: number;
  /** Retries per second. */
  retryRps: number;
}

export type { StackRequests };

export interface FirstSaturated {
  layer: StackLayer;
  /** Start of the first bucket in which the layer's utilisation reached the threshold (ms). */
  atMs: number;
  /** Offered load in the middle of that bucket (requests per second). */
  rps: number;
}

export interface StackResult {
  /** Per layer: the load's peak rate (first attempts) / the layer's capacity (0 for L3, which has none here). */
  offeredLoad: Record<StackLayer, number>;
  /** Some layer's offered load is ≥ 1: it cannot keep up at the peak, even without retries or faults. */
  unstable: boolean;
  series: LayerBucket[];
  goldenSignals: StackSignal[];
  requests: StackRequests;
  attempts: StackAttempts;
  /** The first layer to saturate, or null if none did. */
  firstSaturated: FirstSaturated | null;
  /** Each layer's capacity in requests per second (see `stackCapacity`). */
  capacityRps: Record<StackLayer, number>;
  counts: {
    requests: number;
    /** Requests whose last attempt succeeded. */
    requestsOk: number;
    attempts: number;
    retries: number;
    ok: number;
    errors: number;
    timedOut: number;
    unfinished: number;
    /** Failed attempts by the layer charged. */
    failuresByLayer: Record<StackLayer, number>;
  };
  connections: { opened: number; refusedNoPort: number; refusedBacklog: number; peakPortsHeld: number; peakServerConnections: number };
  faults: PlacedFault[];
  bucketMs: number;
  durationMs: number;
}

export interface StackRun {
  cfg: StackConfig;
  /** The finished log, its run state still there (the report reads each attempt's number). */
  log: AttemptLog;
  /** The result's columns, cut from the log. */
  attempts: StackAttempts;
  requests: StackRequests;
  timeline: FaultTimeline;
  /** Busy L7 workers and busy link over time. */
  workers: LevelMeter;
  link: LevelMeter;
  connections: StackConnections;
}

/** The per-bucket latency levels of the golden signals: p50 and p99. */
const SIGNAL_LEVELS = [0.5, 0.99];

/**
 * Turns a stack run into its result: per bucket and layer the utilisation, failures
 * and packet loss, the golden signals as the clients see them, the user requests'
 * fate and the first layer to saturate.
 */
export function stackReport(run: StackRun): StackResult {
  const { cfg, log, attempts, requests, timeline, workers, link, connections } = run;
  const { bucketMs, buckets, durationMs } = cfg;
  const changes = timeline.changes();
  const n = log.length;
  const { failures, firstAttempts, retries, okByBucket, errorsSeen, tally, failed } = tallyAttempts(log, attempts, cfg);
  const failuresByLayer = { L7: 0, L4: 0, L3: 0, L1: 0 } as Record<StackLayer, number>;
  STACK_LAYERS.forEach((layer, k) => (failuresByLayer[layer] = failed[k]));

  const series: LayerBucket[] = [];
  const l7Utilisation = new Float64Array(buckets);
  let firstSaturated: FirstSaturated | null = null;
  for (let b = 0; b < buckets; b++) {
    const t0 = b * bucketMs;
    const width = Math.min(bucketMs, durationMs - t0);
    const ports = connections.portsHeld.mean(b, width) / cfg.ports;
    const server = cfg.maxConnections === Infinity ? 0 : connections.serverOpen.mean(b, width) / cfg.maxConnections;
    const rows: [StackLayer, string, number, number][] = [
      ['L7', 'workers', (workers.areaByBucket[b] ?? 0) / (cfg.workers * width), 0],
      ['L4', server > ports ? 'server connections' : 'ports', Math.max(ports, server), 0],
      ['L3', 'route', 0, average((t) => (timeline.routeDown(t) ? 1 : timeline.l3LossRate(t)), t0, t0 + width, changes)],
      ['L1', 'link', (link.areaByBucket[b] ?? 0) / width, average((t) => timeline.l1LossRate(t), t0, t0 + width, changes)],
    ];
    l7Utilisation[b] = rows[0][2];
    rows.forEach(([layer, resource, utilisation, lossRate], k) => {
      series.push({ tMs: t0, layer, resource, utilisation, errorRps: (failures[b * 4 + k] * MS_PER_SECOND) / width, lossRate });
    });
    if (firstSaturated === null) {
      const top = rows.reduce((x, y) => (y[2] > x[2] ? y : x));
      if (top[2] >= cfg.saturationThreshold) firstSaturated = { layer: top[0], atMs: t0, rps: rateAt(cfg.load, t0 + width / 2, durationMs) };
    }
  }

  // The golden signals at L7: traffic counts attempts, latency quantiles are those of the successes that ended in the bucket.
  const { from, latencies } = latencyByBucket(attempts, okByBucket, cfg);
  const goldenSignals: StackSignal[] = [];
  for (let b = 0; b < buckets; b++) {
    const perSecond = MS_PER_SECOND / Math.min(bucketMs, durationMs - b * bucketMs);
    const ok = okByBucket[b];
    const [p50, p99] = ok > 0 ? selectQuantiles(latencies.subarray(from[b], from[b + 1]), SIGNAL_LEVELS) : [NaN, NaN];
    goldenSignals.push({
      tMs: b * bucketMs,
      offeredRps: (firstAttempts[b] + retries[b]) * perSecond,
      throughputRps: ok * perSecond,
      errorRps: errorsSeen[b] * perSecond,
      p50Ms: p50,
      p99Ms: p99,
      saturation: l7Utilisation[b],
      requestRps: firstAttempts[b] * perSecond,
      retryRps: retries[b] * perSecond,
    });
  }

  const capacityRps = stackCapacity(cfg);
  const offeredLoad = {} as Record<StackLayer, number>;
  for (const layer of STACK_LAYERS) offeredLoad[layer] = peakRps(cfg.load) / capacityRps[layer];
  const users = requests.arrivalMs.length;
  return {
    offeredLoad,
    unstable: STACK_LAYERS.some((layer) => offeredLoad[layer] >= 1),
    series,
    goldenSignals,
    requests,
    attempts,
    firstSaturated,
    capacityRps,
    counts: {
      requests: users,
      // A request succeeds when its last attempt does, and a successful attempt is never retried.
      requestsOk: tally[STACK_OUTCOME.ok],
      attempts: n,
      retries: n - users,
      ok: tally[STACK_OUTCOME.ok],
      errors: tally[STACK_OUTCOME.error],
      timedOut: tally[STACK_OUTCOME.timedOut],
      unfinished: tally[STACK_OUTCOME.unfinished],
      failuresByLayer,
    },
    connections: {
      opened: connections.opened,
      refusedNoPort: connections.noPort,
      refusedBacklog: connections.backlogRefused,
      peakPortsHeld: connections.portsHeld.peak,
      peakServerConnections: connections.serverOpen.peak,
    },
    faults: cfg.faults,
    bucketMs,
    durationMs,
  };
}

/** The bucket of `tMs` (finite, ≥ 0) as `bucketOf` finds it, without its checks: a hot loop's. */
function bucketIndex(tMs: number, bucketMs: number, last: number): number {
  return Math.min(last, bucketIndexAt(tMs, bucketMs));
}

/**
 * Per bucket: failures by layer (by when the client saw them), first attempts and retries (by
 * start), and, as the clients' dashboard counts them, successes and failures seen before the
 * end of the run; outcomes and failures by layer over the run.
 */
function tallyAttempts(log: AttemptLog, attempts: StackAttempts, cfg: StackConfig) {
  const { bucketMs, buckets, durationMs } = cfg;
  const last = buckets - 1;
  const { startMs, endMs, outcome, failedLayer } = attempts;
  const attempt = log.attempt;
  const failures = new Float64Array(buckets * 4);
  const firstAttempts = new Float64Array(buckets);
  const retries = new Float64Array(buckets);
  const okByBucket = new Int32Array(buckets);
  const errorsSeen = new Float64Array(buckets);
  const tally = [0, 0, 0, 0];
  const failed = [0, 0, 0, 0];
  for (let a = 0; a < log.length; a++) {
    const b = bucketIndex(startMs[a], bucketMs, last);
    if (attempt[a] === 0) firstAttempts[b]++;
    else retries[b]++;
    const o = outcome[a];
    tally[o]++;
    const end = endMs[a];
    if (!(end >= 0)) continue;
    const e = bucketIndex(end, bucketMs, last);
    if (end < durationMs) {
      if (o === STACK_OUTCOME.ok) okByBucket[e]++;
      else errorsSeen[e]++;
    }
    const layer = failedLayer[a];
    if (layer < 0) continue;
    failures[e * 4 + layer]++;
    failed[layer]++;
  }
  return { failures, firstAttempts, retries, okByBucket, errorsSeen, tally, failed };
}

/** The latencies of the successes that ended before the end of the run, grouped by the bucket they ended in (bucket b's from from[b] to from[b + 1]). */
function latencyByBucket(attempts: StackAttempts, okByBucket: Int32Array, cfg: StackConfig): { from: Int32Array; latencies: Float64Array } {
  const { bucketMs, buckets, durationMs } = cfg;
  const last = buckets - 1;
  const { startMs, endMs, outcome } = attempts;
  const from = new Int32Array(buckets + 1);
  for (let b = 0; b < buckets; b++) from[b + 1] = from[b] + okByBucket[b];
  const latencies = new Float64Array(from[buckets]);
  const fill = from.slice(0, buckets);
  for (let a = 0; a < endMs.length; a++) {
    const end = endMs[a];
    if (outcome[a] === STACK_OUTCOME.ok && end < durationMs) latencies[fill[bucketIndex(end, bucketMs, last)]++] = end - startMs[a];
  }
  return { from, latencies };
}

/** Time average of a piecewise-constant `f` over [t0, t1), which changes only at the sorted moments `changes`. */
function average(f: (tMs: number) => number, t0: number, t1: number, changes: number[]): number {
  let area = 0;
  let from = t0;
  for (const c of changes) {
    if (c <= from) continue;
    if (c >= t1) break;
    area += f(from) * (c - from);
    from = c;
  }
  area += f(from) * (t1 - from);
  return area / (t1 - t0);
}
