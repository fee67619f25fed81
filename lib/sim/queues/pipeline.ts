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
 * `durationMs`; requests still in flight then are counted as `unfinished`. Offered
 * load is reported against each stage's capacity, and `unstable` says when the peak
 * rate reaches the capacity of some stage (its queue then grows for as long as it lasts).
 * Not modelled: retries, network time between stages, per-stage timeouts.
 *
 * Stream layout:
 * - `rng.fork('arrivals')`: arrival times (gaps and, for a ramp, thinning);
 * - `rng.fork('service').fork(name)` for each stage: its service times, one draw per
 *   request that reaches the stage, in the order they reach it.
 * Changing one stage's parameters never moves another stage's draws, and adding or
 * removing a stage leaves the others' streams as they were.
 *
 * What it keeps (`keep`, see keptColumns.ts): up to 10^7 requests, every request's
 * row and exact per-bucket percentiles; above, the requests in flight only, counts and
 * a latency sketch per bucket (percentiles within 0.5 %). Such a run draws its arrival
 * stream once more first, to count its requests.
 *
 * Bounded (see pipelineOptions.ts): at most 2·10^7 requests keeping columns
 * (5·10^7 keeping summaries), 5·10^7 stage visits,
 * 100 stages, 10^4 buckets and 10^10 ms, refused up front with a RangeError; a service
 * draw that is NaN, negative or beyond 10^10 ms throws at once, naming its stage.
 */
import { meanOrAverage } from '../../random/distribution';
import { drawDuration } from '../horizon';
import { Simulation } from '../simulation';
import { Station } from './station';
import { peakRate, rateAt } from '../arrivals';
import { withoutColumns, type Keep } from '../keptColumns';
import { MS_PER_SECOND } from '../time';
import { progressTicker } from '../progress';
import type { SignalBucket } from '../measures/goldenSignals';
import { checkPipeline, type PipelineOptions } from './pipelineOptions';
import { pipelineRecorder, type PipelineCounts, type PipelineRequests } from './pipelineRecorders';

export { STAGE_KEYS, PIPELINE_KEYS, type StageSpec, type PipelineOptions } from './pipelineOptions';
export { OUTCOME, type PipelineCounts, type PipelineRequests } from './pipelineRecorders';

export interface StageReport {
  name: string;
  /** Capacity: workers / mean service time, per second (the distribution's mean, else the mean of its draws). */
  capacityRps: number;
  /** Peak offered rate over capacity, as if every request reached this stage; ≥ 1 means no steady state. */
  offeredLoad: number;
  /** Measured fraction of worker time busy over the run. */
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
  /** What the run kept: with `'summaries'`, reading `requests` throws a RangeError. */
  kept: Keep;
  requests: PipelineRequests;
  signals: SignalBucket[];
  stageSignals: StageBucket[];
  stages: StageReport[];
  /** The stage with the lowest capacity. */
  bottleneck: string;
  /** The highest arrival rate of the load (per second). */
  peakOfferedRps: number;
  /** True when the peak rate reaches some stage's capacity (offeredLoad ≥ 1). */
  unstable: boolean;
  /** First bucket in which some stage reached the saturation threshold. */
  firstSaturated: { stage: string; atMs: number; offeredRps: number } | null;
  counts: PipelineCounts;
}

/**
 * Simulates Poisson requests (a constant or ramping rate, per second) through a
 * pipeline of M/G/c stages for `durationMs`. Returns the golden signals per time
 * bucket, overall and per stage, per-stage reports, the bottleneck, the first stage
 * to saturate and the request counts.
 *
 * @throws TypeError or RangeError naming a wrong option, or a run beyond its bounds.
 *
 * @example
 * ```ts
 * import { createRng, exponential, simulatePipeline } from 'netlab';
 *
 * const r = simulatePipeline({
 *   stages: [{ name: 'app', workers: 8, serviceTime: exponential(20) }, { name: 'db', workers: 2, serviceTime: exponential(8) }],
 *   load: { startRps: 50, endRps: 230 }, durationMs: 10_000, rng: createRng(1),
 * });
 * [r.bottleneck, r.firstSaturated];            // 'db' has the lowest capacity (250/s)
 * ```
 */
export function simulatePipeline(opts: PipelineOptions): PipelineResult {
  const cfg = checkPipeline(opts);
  const { stages, load, durationMs, bucketMs, buckets, timeoutMs, rng, keep } = cfg;

  const record = pipelineRecorder(cfg);
  const n = record.requests;
  const tick = progressTicker(n, cfg.onProgress);

  const sim = new Simulation();
  const serviceRngs = stages.map((s) => rng.fork('service').fork(s.name));
  const drawn = stages.map(() => ({ total: 0, draws: 0 }));
  const stations: Station[] = [];
  const enter = (k: number, job: number): void => {
    const serviceMs = drawDuration(`stages[${k}].serviceTime`, stages[k].serviceTime, serviceRngs[k]);
    drawn[k].total += serviceMs;
    drawn[k].draws++;
    if (!stations[k].submit(job, serviceMs)) record.dropped(job, k, sim.now);
  };
  stages.forEach((spec, k) => {
    const last = k === stages.length - 1;
    stations.push(
      new Station(sim, { workers: spec.workers, queueLimit: spec.queueLimit, bucketMs }, (job, now) => {
        if (!last) return enter(k + 1, job);
        record.served(job, now, timeoutMs);
      }),
    );
  });
  const ARRIVE = sim.on((job) => {
    tick(job + 1);
    enter(0, job);
    if (job + 1 < n) sim.schedule(record.arrive(job + 1), ARRIVE, job + 1);
  });
  if (n > 0) sim.schedule(record.arrive(0), ARRIVE, 0);
  sim.run({ until: durationMs });
  stations.forEach((s) => s.flush(durationMs));

  const stageSignals: StageBucket[] = [];
  const saturation = new Float64Array(buckets);
  let firstSaturated: PipelineResult['firstSaturated'] = null;
  for (let b = 0; b < buckets; b++) {
    const width = Math.min(bucketMs, durationMs - b * bucketMs);
    stations.forEach((st, k) => {
      const utilisation = (st.busyByBucket[b] ?? 0) / (st.workers * width);
      saturation[b] = Math.max(saturation[b], utilisation);
      stageSignals.push({ tMs: b * bucketMs, stage: stages[k].name, utilisation, maxQueue: st.maxQueueByBucket[b] ?? 0 });
      if (firstSaturated === null && utilisation >= cfg.saturationThreshold) {
        firstSaturated = { stage: stages[k].name, atMs: b * bucketMs, offeredRps: rateAt(load, Math.min((b + 0.5) * bucketMs, durationMs), durationMs) };
      }
    });
  }

  const peakOfferedRps = peakRate(load);
  const reports: StageReport[] = stages.map((s, k) => {
    const capacityRps = (s.workers * MS_PER_SECOND) / meanOrAverage(s.serviceTime, drawn[k].total, drawn[k].draws);
    return {
      name: s.name,
      capacityRps,
      offeredLoad: peakOfferedRps / capacityRps,
      utilisation: stations[k].utilisation(durationMs),
      dropped: stations[k].dropped,
    };
  });
  const { requests, counts, signals } = record.finish(saturation);
  const result: PipelineResult = {
    kept: keep,
    requests,
    signals,
    stageSignals,
    stages: reports,
    bottleneck: reports.reduce((a, b) => (b.capacityRps < a.capacityRps ? b : a)).name,
    peakOfferedRps,
    unstable: reports.some((r) => r.offeredLoad >= 1),
    firstSaturated,
    counts,
  };
  return keep === 'columns' ? result : withoutColumns(result, 'simulatePipeline', n, ['requests']);
}
