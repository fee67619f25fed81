/**
 * One M/G/c station fed by Poisson arrivals: `workers` servers share a FIFO queue,
 * service times come from any Distribution. The workhorse of the prologue and the
 * reference the test suite holds to queueing theory (see queueTheory.ts).
 *
 * Stream layout (one station, two components):
 * - `rng.fork('arrivals')`: the gaps between arrivals, one draw per request;
 * - `rng.fork('service')`: the service times, one draw per request, in arrival order
 *   (a dropped request still takes its draw).
 * Runs that differ only in `workers`, `queueLimit` or `serviceTime` therefore see the
 * same arrivals, and runs that differ only in `workers` or `queueLimit` the same
 * service draws (common random numbers).
 *
 * What it keeps (`keep`, see keptColumns.ts): up to 10^7 requests, every measured
 * request's latency and wait; above, a latency sketch (quantiles within 0.5 %) and
 * the requests in flight only, so 10^8 requests run in bounded memory.
 *
 * Bounded: at most MAX_STREAMED_REQUESTS (10^8) requests per run (MAX_REQUESTS,
 * 2·10^7, when keeping columns), arrivals spanning at most MAX_SIMULATED_MS (10^10 ms)
 * and service draws of at most that, refused with a RangeError (up front, or at the
 * first bad draw); the run ends after `requests` arrivals have been served or dropped,
 * whatever the load. With arrivals at or above capacity the queue grows for the
 * whole run; the result says so (`unstable: true`) and its latencies then describe
 * this run's length, not a steady state, because there is none.
 */
import type { Rng } from '../../random/rng';
import { requireRng } from '../../random/rng';
import { meanOrAverage, type Distribution } from '../../random/distribution';
import { requireDistribution } from '../../random/requireDistribution';
import type { DistributionLike } from '../../random/spec';
import { EMPTY_SUMMARY, summarize, type Summary } from '../../stats/summarize';
import * as check from '../../validate';
import { Simulation } from '../simulation';
import { Station } from './station';
import { MS_PER_SECOND } from '../time';
import { checkProgress, progressTicker, type ProgressCallback } from '../progress';
import { MAX_REQUESTS, MAX_STREAMED_REQUESTS } from '../limits';
import { checkKeep, latencySketch, withoutColumns, type Keep } from '../keptColumns';
import { JobWindow } from '../jobWindow';
import { checkSimulatedSpan, drawDuration } from '../horizon';

export interface QueueOptions {
  /** Servers sharing the queue (an integer ≥ 1; no memory is kept per worker). */
  workers: number;
  /** Poisson arrivals per second (finite, > 0); requests / arrivalRate may span at most MAX_SIMULATED_MS (10^10 ms). */
  arrivalRate: number;
  /** Service time per request (ms); every draw must be finite, ≥ 0 and ≤ MAX_SIMULATED_MS (10^10 ms). */
  serviceTime: DistributionLike;
  /**
   * Requests to simulate, warm-up included: an integer in [1, MAX_STREAMED_REQUESTS = 10^8]
   * (about 0.2 µs each; 40 bytes each when keeping columns, at most MAX_REQUESTS = 2·10^7 of them).
   */
  requests: number;
  /** Leading requests left out of the results (an integer in [0, requests − 1]; default a tenth of `requests`). */
  warmupRequests?: number;
  /** Most requests allowed to wait; arrivals beyond it are dropped (an integer ≥ 0 or Infinity, the default). */
  queueLimit?: number;
  /** The root stream; see the module header for its forks. */
  rng: Rng;
  /** Called about a hundred times with (requests arrived, requests). */
  onProgress?: ProgressCallback;
  /**
   * Keep every measured request's latency and wait (`'columns'`), or only the summary
   * (`'summaries'`, quantiles within 0.5 %, memory bounded); default columns up to
   * COLUMNS_KEPT_UP_TO (10^7) requests, summaries above.
   */
  keep?: Keep;
}

/** Every key of QueueOptions. */
export const QUEUE_KEYS: readonly (keyof QueueOptions)[] = ['workers', 'arrivalRate', 'serviceTime', 'requests', 'warmupRequests', 'queueLimit', 'rng', 'onProgress', 'keep'];

export interface QueueResult {
  /** What the run kept: with `'summaries'`, reading `latencyMs` or `waitMs` throws a RangeError. */
  kept: Keep;
  /** Arrival-to-departure time (ms) of each measured request that was served, in arrival order. */
  latencyMs: Float64Array;
  /** Time spent waiting before service (ms), aligned with `latencyMs`. */
  waitMs: Float64Array;
  /** Latencies of the served measured requests: exact with columns, quantiles within 0.5 % with summaries. */
  summary: Summary;
  /** Offered utilisation ρ = arrivalRate × mean service / workers (mean from the distribution, else from the draws). */
  offeredLoad: number;
  /** True when ρ ≥ 1: there is no steady state; latencies grow with the run's length. */
  unstable: boolean;
  /** Measured fraction of worker time busy. */
  utilisation: number;
  /** Measured requests served and dropped. */
  served: number;
  dropped: number;
  /** Simulated time until the last departure (ms). */
  simulatedMs: number;
}

/**
 * Simulates one M/G/c station: Poisson arrivals at `arrivalRate` per second,
 * `workers` servers on a FIFO queue (optionally bounded), service times (ms) from
 * any distribution. Returns each request's latency and wait (ms), their summary,
 * the offered load, utilisation and served and dropped counts.
 *
 * @throws TypeError or RangeError naming a wrong option, or a run beyond its bounds.
 *
 * @example
 * ```ts
 * import { createRng, exponential, mm1, simulateQueue } from 'netlab';
 *
 * const q = simulateQueue({ workers: 1, arrivalRate: 80, serviceTime: exponential(10), requests: 5_000, rng: createRng(1) });
 * [q.summary.mean, mm1({ arrivalRate: 80, meanServiceMs: 10 }).meanLatencyMs];   // simulated vs theory (50 ms)
 * ```
 */
export function simulateQueue(opts: QueueOptions): QueueResult {
  check.options('simulateQueue', opts, QUEUE_KEYS);
  const workers = check.integer('workers', opts.workers, 1);
  const arrivalRate = check.positive('arrivalRate', opts.arrivalRate);
  const service = requireDistribution('serviceTime', opts.serviceTime);
  const requests = check.integer('requests', opts.requests, 1);
  check.workWithin('requests', requests, MAX_STREAMED_REQUESTS, 'requests to simulate (about 0.2 µs each)');
  const keep = checkKeep(opts.keep, requests, MAX_REQUESTS);
  checkSimulatedSpan('requests / arrivalRate', (requests * MS_PER_SECOND) / arrivalRate);
  const warmup = opts.warmupRequests === undefined ? Math.floor(requests / 10) : check.integer('warmupRequests', opts.warmupRequests, 0, requests - 1);
  const queueLimit = opts.queueLimit === undefined ? Infinity : check.countOrInfinity('queueLimit', opts.queueLimit, 0);
  const rng = requireRng('rng', opts.rng);
  const tick = progressTicker(requests, checkProgress(opts.onProgress));

  const arrivalRng = rng.fork('arrivals');
  const serviceRng = rng.fork('service');
  const meanGap = MS_PER_SECOND / arrivalRate;
  const record: QueueRecorder = keep === 'columns' ? new QueueColumns(requests, warmup) : new QueueSketch(warmup);
  let drawnService = 0;

  const sim = new Simulation();
  const station = new Station(sim, { workers, queueLimit }, (job, now) => record.done(job, now), keep === 'columns' ? (job, now) => record.started(job, now) : undefined);
  const ARRIVE = sim.on((job, now) => {
    const s = drawDuration('serviceTime', service, serviceRng);
    drawnService += s;
    if (!station.submit(job, s)) record.dropped(job);
    const next = job + 1;
    tick(next);
    if (next < requests) {
      const t = now - meanGap * Math.log(1 - arrivalRng());
      record.arrived(next, t);
      sim.schedule(t, ARRIVE, next);
    }
  });
  const first = -meanGap * Math.log(1 - arrivalRng());
  record.arrived(0, first);
  sim.schedule(first, ARRIVE, 0);
  const run = sim.run();

  const meanService = meanOrAverage(service, drawnService, requests);
  const offeredLoad = (arrivalRate * meanService) / MS_PER_SECOND / workers;
  const measured = requests - warmup;
  const kept = record.finish();
  const result: QueueResult = {
    kept: keep,
    latencyMs: kept.latencyMs,
    waitMs: kept.waitMs,
    summary: kept.summary,
    offeredLoad,
    unstable: offeredLoad >= 1,
    utilisation: station.utilisation(run.nowMs),
    served: kept.served,
    dropped: measured - kept.served,
    simulatedMs: run.nowMs,
  };
  return keep === 'columns' ? result : withoutColumns(result, 'simulateQueue', requests, ['latencyMs', 'waitMs']);
}

/** What a run's recorder hands back: the served requests' latencies (columns, or empty) and their summary. */
interface KeptLatencies {
  latencyMs: Float64Array;
  waitMs: Float64Array;
  summary: Summary;
  served: number;
}

/** Records a run's requests as they arrive, start, finish or are dropped. */
interface QueueRecorder {
  arrived(job: number, now: number): void;
  started(job: number, now: number): void;
  done(job: number, now: number): void;
  dropped(job: number): void;
  finish(): KeptLatencies;
}

/** Every request's arrival, start and departure, turned into measured latency and wait columns at the end. */
class QueueColumns implements QueueRecorder {
  private readonly arrival: Float64Array;
  private readonly start: Float64Array;
  private readonly end: Float64Array;

  constructor(
    private readonly requests: number,
    private readonly warmup: number,
  ) {
    this.arrival = new Float64Array(requests);
    this.start = new Float64Array(requests);
    this.end = new Float64Array(requests).fill(NaN);
  }

  arrived(job: number, now: number): void {
    this.arrival[job] = now;
  }

  started(job: number, now: number): void {
    this.start[job] = now;
  }

  done(job: number, now: number): void {
    this.end[job] = now;
  }

  dropped(): void {}

  finish(): KeptLatencies {
    const { arrival, start, end, warmup, requests } = this;
    const measured = requests - warmup;
    const latency = new Float64Array(measured);
    const wait = new Float64Array(measured);
    let served = 0;
    for (let i = warmup; i < requests; i++) {
      if (end[i] === end[i]) {
        latency[served] = end[i] - arrival[i];
        wait[served] = start[i] - arrival[i];
        served++;
      }
    }
    const latencyMs = served === measured ? latency : latency.slice(0, served);
    return {
      latencyMs,
      waitMs: served === measured ? wait : wait.slice(0, served),
      summary: served > 0 ? summarize(latencyMs) : { ...EMPTY_SUMMARY },
      served,
    };
  }
}

/** The arrivals of the requests in flight and a sketch of the measured latencies: memory bounded by the requests in flight. */
class QueueSketch implements QueueRecorder {
  private readonly inFlight = JobWindow.inFlight({ arrivalMs: Float64Array });
  private readonly latency = latencySketch();

  constructor(private readonly warmup: number) {}

  arrived(job: number, now: number): void {
    this.inFlight.openNext();
    this.inFlight.col.arrivalMs[job & this.inFlight.mask] = now;
  }

  started(): void {}

  done(job: number, now: number): void {
    if (job >= this.warmup) this.latency.add(now - this.inFlight.col.arrivalMs[job & this.inFlight.mask]);
    this.inFlight.close(job);
  }

  dropped(job: number): void {
    this.inFlight.close(job);
  }

  finish(): KeptLatencies {
    const served = this.latency.count;
    return { latencyMs: new Float64Array(0), waitMs: new Float64Array(0), summary: served > 0 ? this.latency.summary() : { ...EMPTY_SUMMARY }, served };
  }
}
