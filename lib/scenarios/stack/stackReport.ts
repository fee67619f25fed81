/**
 * What a stack run returns: per bucket and layer, the layer's utilisation, the
 * failures charged to it and its packet loss; the four golden signals as the
 * clients' L7 instrumentation sees them; the user requests' fate; and the first
 * layer to saturate with the offered load at that moment.
 */
import { rateAt } from '../../sim/arrivals';
import { bucketSignals, type SignalBucket } from '../../sim/measures/goldenSignals';
import type { Station } from '../../sim/queues/station';
import { MS_PER_SECOND } from '../../sim/time';
import { STACK_OUTCOME, type StackAttempts } from './stackAttempts';
import type { StackConnections } from './stackConnections';
import type { FaultTimeline, PlacedFault } from './stackFaults';
import { STACK_LAYERS, type StackLayer } from './stackLayers';
import { peakRps, stackCapacity, type StackConfig } from './stackOptions';
import { bucketOf } from '../../sim/measures/buckets';

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

/** One row per user request, in arrival order. */
export interface StackRequests {
  arrivalMs: Float64Array;
  /** Arrival to the end of its last attempt (ms); NaN when unfinished. */
  latencyMs: Float64Array;
  /** The last attempt's `STACK_OUTCOME`. */
  outcome: Uint8Array;
  /** Attempts made, the first included. */
  attempts: Int32Array;
}

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
  arrivals: Float64Array;
  attempts: StackAttempts;
  timeline: FaultTimeline;
  workers: Station;
  link: Station;
  connections: StackConnections;
}

/**
 * Turns a stack run into its result: per bucket and layer the utilisation, failures
 * and packet loss, the golden signals as the clients see them, the user requests'
 * fate and the first layer to saturate.
 */
export function stackReport(run: StackRun): StackResult {
  const { cfg, attempts, timeline, workers, link, connections } = run;
  const { bucketMs, buckets, durationMs } = cfg;
  const changes = timeline.changes();
  const bucketAt = (tMs: number): number => bucketOf(tMs, bucketMs, buckets);
  const n = attempts.request.length;
  // Failures per bucket (by when the client saw them) and layer; attempts and retries per bucket (by start).
  const failures = new Float64Array(buckets * 4);
  const firstAttempts = new Float64Array(buckets);
  const retries = new Float64Array(buckets);
  const tally = [0, 0, 0, 0];
  const failuresByLayer = { L7: 0, L4: 0, L3: 0, L1: 0 } as Record<StackLayer, number>;
  for (let a = 0; a < n; a++) {
    (attempts.attempt[a] === 0 ? firstAttempts : retries)[bucketAt(attempts.startMs[a])]++;
    tally[attempts.outcome[a]]++;
    const layer = attempts.failedLayer[a];
    if (layer < 0) continue;
    failures[bucketAt(attempts.endMs[a]) * 4 + layer]++;
    failuresByLayer[STACK_LAYERS[layer]]++;
  }

  const series: LayerBucket[] = [];
  const l7Utilisation = new Float64Array(buckets);
  let firstSaturated: FirstSaturated | null = null;
  for (let b = 0; b < buckets; b++) {
    const t0 = b * bucketMs;
    const width = Math.min(bucketMs, durationMs - t0);
    const ports = connections.portsHeld.mean(b, width) / cfg.ports;
    const server = cfg.maxConnections === Infinity ? 0 : connections.serverOpen.mean(b, width) / cfg.maxConnections;
    const rows: [StackLayer, string, number, number][] = [
      ['L7', 'workers', (workers.busyByBucket[b] ?? 0) / (cfg.workers * width), 0],
      ['L4', server > ports ? 'server connections' : 'ports', Math.max(ports, server), 0],
      ['L3', 'route', 0, average((t) => (timeline.routeDown(t) ? 1 : timeline.l3LossRate(t)), t0, t0 + width, changes)],
      ['L1', 'link', (link.busyByBucket[b] ?? 0) / width, average((t) => timeline.l1LossRate(t), t0, t0 + width, changes)],
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

  const ok = (a: number): boolean => attempts.outcome[a] === STACK_OUTCOME.ok;
  const signals = bucketSignals({
    arrivalMs: attempts.startMs, endMs: attempts.endMs, latencyMs: attempts.latencyMs, ok, durationMs, bucketMs, saturation: l7Utilisation,
  });
  const goldenSignals = signals.map((s, b): StackSignal => {
    const perSecond = MS_PER_SECOND / Math.min(bucketMs, durationMs - b * bucketMs);
    return { ...s, requestRps: firstAttempts[b] * perSecond, retryRps: retries[b] * perSecond };
  });

  const requests = userRequests(run.arrivals, attempts);
  const capacityRps = stackCapacity(cfg);
  const offeredLoad = {} as Record<StackLayer, number>;
  for (const layer of STACK_LAYERS) offeredLoad[layer] = peakRps(cfg.load) / capacityRps[layer];
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
      requests: run.arrivals.length,
      requestsOk: requests.outcome.reduce((k, o) => k + (o === STACK_OUTCOME.ok ? 1 : 0), 0),
      attempts: n,
      retries: n - run.arrivals.length,
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

/** Each user request's fate: its last attempt decides (a retry starts only after the previous attempt ended). */
function userRequests(arrivalMs: Float64Array, attempts: StackAttempts): StackRequests {
  const users = arrivalMs.length;
  const last = new Int32Array(users).fill(-1);
  const count = new Int32Array(users);
  for (let a = 0; a < attempts.request.length; a++) {
    last[attempts.request[a]] = a;
    count[attempts.request[a]]++;
  }
  const latencyMs = new Float64Array(users);
  const outcome = new Uint8Array(users);
  for (let u = 0; u < users; u++) {
    const a = last[u];
    outcome[u] = a < 0 ? STACK_OUTCOME.unfinished : attempts.outcome[a];
    latencyMs[u] = a < 0 ? NaN : attempts.endMs[a] - arrivalMs[u];
  }
  return { arrivalMs, latencyMs, outcome, attempts: count };
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
