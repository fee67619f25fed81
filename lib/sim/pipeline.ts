/**
 * A pipeline of stages (e.g. load balancer → app → database), each an M/G/c
 * station with its own workers, service time and optional queue bound, fed by
 * Poisson traffic whose rate may ramp over the run. Every request visits the
 * stages in order. Produces what a dashboard would show per time bucket — the four
 * golden signals (latency, traffic, errors, saturation) — and the first stage to
 * saturate, which by the theory of constraints caps the pipeline's throughput.
 *
 * Errors are requests dropped at a full queue and requests slower than `timeoutMs`
 * (the client gives up; the servers, unaware, still do the work). The run stops at
 * `durationMs`; requests still in flight then are counted as `unfinished`.
 * Not modelled: retries, network time between stages, per-stage timeouts.
 */
import type { Rng } from '../random/rng';
import { requireRng } from '../random/rng';
import { requireDistribution, type Distribution } from '../random/distribution';
import * as check from '../validate';
import { Simulation } from './simulation';
import { Station } from './station';
import { checkLoad, poissonArrivals, rateAt, type Load } from './arrivals';
import { MS_PER_SECOND } from './time';
import { progressTicker, type ProgressCallback } from './progress';
import { bucketSignals, type SignalBucket } from './goldenSignals';
import { bucketCount } from './buckets';

export interface StageSpec {
  /** Unique name, used in results and to derive the stage's random stream. */
  name: string;
  workers: number;
  /** Service time per request at this stage (ms). */
  serviceTime: Distribution;
  /** Most requests allowed to wait here (default Infinity). */
  queueLimit?: number;
}

export interface PipelineOptions {
  stages: StageSpec[];
  /** Requests per second: a constant, or `{ startRps, endRps }` ramping linearly over the run. */
  load: Load;
  durationMs: number;
  /** Width of a dashboard bucket (ms); default durationMs / 40. */
  bucketMs?: number;
  /** A request slower than this is an error (ms); default Infinity. */
  timeoutMs?: number;
  /** A stage counts as saturated in a bucket when its utilisation reaches this; default 0.95. */
  saturationThreshold?: number;
  rng: Rng;
  onProgress?: ProgressCallback;
}

/** Per request, in arrival order. `outcome`: 0 ok, 1 dropped, 2 timed out, 3 unfinished. */
export interface PipelineRequests {
  arrivalMs: Float64Array;
  /** Arrival to leaving the last stage (ms); NaN when dropped or unfinished. */
  latencyMs: Float64Array;
  /** When the client saw success or failure (ms); NaN while unfinished. */
  endMs: Float64Array;
  outcome: Uint8Array;
  /** Index of the stage that dropped the request, else -1. */
  droppedAt: Int32Array;
}

export const OUTCOME = { ok: 0, dropped: 1, timedOut: 2, unfinished: 3 } as const;

export interface StageReport {
  name: string;
  /** Theoretical capacity: workers / mean service time, per second. */
  capacityRps: number;
  utilisation: number;
  dropped: number;
}

export interface StageBucket {
  tMs: number;
  stage: string;
  utilisation: number;
  maxQueue: number;
}

export interface PipelineResult {
  requests: PipelineRequests;
  signals: SignalBucket[];
  stageSignals: StageBucket[];
  stages: StageReport[];
  /** The stage with the lowest theoretical capacity. */
  bottleneck: string;
  /** First bucket in which some stage reached the saturation threshold. */
  firstSaturated: { stage: string; atMs: number; offeredRps: number } | null;
  counts: { requests: number; ok: number; dropped: number; timedOut: number; unfinished: number };
}

export function simulatePipeline(opts: PipelineOptions): PipelineResult {
  check.legacyOptions('simulatePipeline', opts);
  const stages = checkStages(opts.stages);
  const load = checkLoad('load', opts.load);
  const durationMs = check.positive('durationMs', opts.durationMs);
  const bucketMs = opts.bucketMs === undefined ? durationMs / 40 : check.inRange('bucketMs', opts.bucketMs, 0, durationMs, '(]');
  const timeoutMs = opts.timeoutMs === undefined ? Infinity : check.positive('timeoutMs', opts.timeoutMs, true);
  const threshold = opts.saturationThreshold === undefined ? 0.95 : check.inRange('saturationThreshold', opts.saturationThreshold, 0, 1, '(]');
  const rng = requireRng('rng', opts.rng);

  const arrivalMs = poissonArrivals({ load, durationMs, rng: rng.fork('arrivals') });
  const n = arrivalMs.length;
  const latencyMs = new Float64Array(n).fill(NaN);
  const endMs = new Float64Array(n).fill(NaN);
  const outcome = new Uint8Array(n).fill(OUTCOME.unfinished);
  const droppedAt = new Int32Array(n).fill(-1);
  const tick = progressTicker(n, opts.onProgress);

  const sim = new Simulation();
  const serviceRngs = stages.map((s) => rng.fork(`service/${s.name}`));
  const stations: Station[] = [];
  const enter = (k: number, job: number): void => {
    if (!stations[k].submit(job, stages[k].serviceTime.sample(serviceRngs[k]))) {
      outcome[job] = OUTCOME.dropped;
      droppedAt[job] = k;
      endMs[job] = sim.now;
    }
  };
  stages.forEach((spec, k) => {
    const last = k === stages.length - 1;
    stations.push(
      new Station(sim, { workers: spec.workers, queueLimit: spec.queueLimit, bucketMs }, (job, now) => {
        if (!last) return enter(k + 1, job);
        const latency = now - arrivalMs[job];
        latencyMs[job] = latency;
        outcome[job] = latency > timeoutMs ? OUTCOME.timedOut : OUTCOME.ok;
        endMs[job] = latency > timeoutMs ? arrivalMs[job] + timeoutMs : now;
      }),
    );
  });
  const ARRIVE = sim.on((job) => {
    tick(job + 1);
    enter(0, job);
    if (job + 1 < n) sim.schedule(arrivalMs[job + 1], ARRIVE, job + 1);
  });
  if (n > 0) sim.schedule(arrivalMs[0], ARRIVE, 0);
  sim.run({ until: durationMs });
  stations.forEach((s) => s.flush(durationMs));

  // A request still in flight at the end has failed already if the client gave up on it.
  const tally = [0, 0, 0, 0];
  for (let i = 0; i < n; i++) {
    if (outcome[i] === OUTCOME.unfinished && arrivalMs[i] + timeoutMs <= durationMs) {
      outcome[i] = OUTCOME.timedOut;
      endMs[i] = arrivalMs[i] + timeoutMs;
    }
    tally[outcome[i]]++;
  }

  const buckets = bucketCount(durationMs, bucketMs);
  const stageSignals: StageBucket[] = [];
  const saturation = new Float64Array(buckets);
  let firstSaturated: PipelineResult['firstSaturated'] = null;
  for (let b = 0; b < buckets; b++) {
    const width = Math.min(bucketMs, durationMs - b * bucketMs);
    stations.forEach((st, k) => {
      const utilisation = (st.busyByBucket[b] ?? 0) / (st.workers * width);
      saturation[b] = Math.max(saturation[b], utilisation);
      stageSignals.push({ tMs: b * bucketMs, stage: stages[k].name, utilisation, maxQueue: st.maxQueueByBucket[b] ?? 0 });
      if (firstSaturated === null && utilisation >= threshold) {
        firstSaturated = { stage: stages[k].name, atMs: b * bucketMs, offeredRps: rateAt(load, (b + 0.5) * bucketMs, durationMs) };
      }
    });
  }

  const reports = stages.map((s, k) => ({
    name: s.name,
    capacityRps: (s.workers * MS_PER_SECOND) / (s.serviceTime.mean ?? NaN),
    utilisation: stations[k].utilisation(durationMs),
    dropped: stations[k].dropped,
  }));
  const counts = { requests: n, ok: tally[OUTCOME.ok], dropped: tally[OUTCOME.dropped], timedOut: tally[OUTCOME.timedOut], unfinished: tally[OUTCOME.unfinished] };
  return {
    requests: { arrivalMs, latencyMs, endMs, outcome, droppedAt },
    signals: bucketSignals({ arrivalMs, endMs, latencyMs, ok: (i) => outcome[i] === OUTCOME.ok, durationMs, bucketMs, saturation }),
    stageSignals,
    stages: reports,
    bottleneck: reports.reduce((a, b) => (b.capacityRps < a.capacityRps ? b : a)).name,
    firstSaturated,
    counts,
  };
}

function checkStages(value: unknown): StageSpec[] {
  if (!Array.isArray(value) || value.length === 0) throw new TypeError(`stages must be a non-empty array of { name, workers, serviceTime }; got ${typeof value}`);
  const names = new Set<string>();
  return value.map((s: StageSpec, i) => {
    check.legacyOptions(`stages[${i}]`, s);
    if (typeof s.name !== 'string' || s.name.length === 0) throw new TypeError(`stages[${i}].name must be a non-empty string; got ${JSON.stringify(s.name)}`);
    if (names.has(s.name)) throw new RangeError(`stages[${i}].name must be unique; "${s.name}" appears twice`);
    names.add(s.name);
    check.integer(`stages[${i}].workers`, s.workers, 1);
    requireDistribution(`stages[${i}].serviceTime`, s.serviceTime);
    if (s.queueLimit !== undefined && s.queueLimit !== Infinity) check.integer(`stages[${i}].queueLimit`, s.queueLimit, 0);
    return s;
  });
}
