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
 * Bounded: at most MAX_REQUESTS (2·10^7) requests per run, arrivals spanning at most
 * MAX_SIMULATED_MS (10^10 ms) and service draws of at most that, refused with a
 * RangeError (up front, or at the first bad draw); the run
 * ends after `requests` arrivals have been served or dropped, whatever the load. With arrivals at or above capacity the queue grows for the
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
import { MAX_REQUESTS } from '../limits';
import { checkSimulatedSpan, drawDuration } from '../horizon';

export interface QueueOptions {
  /** Servers sharing the queue (an integer ≥ 1; no memory is kept per worker). */
  workers: number;
  /** Poisson arrivals per second (finite, > 0); requests / arrivalRate may span at most MAX_SIMULATED_MS (10^10 ms). */
  arrivalRate: number;
  /** Service time per request (ms); every draw must be finite, ≥ 0 and ≤ MAX_SIMULATED_MS (10^10 ms). */
  serviceTime: DistributionLike;
  /**
   * Requests to simulate, warm-up included: an integer in [1, MAX_REQUESTS = 2·10^7]
   * (about 1 µs and 65 bytes each, so the largest run takes ≈ 20 s and 1.3 GB).
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
}

/** Every key of QueueOptions. */
export const QUEUE_KEYS: readonly (keyof QueueOptions)[] = ['workers', 'arrivalRate', 'serviceTime', 'requests', 'warmupRequests', 'queueLimit', 'rng', 'onProgress'];

export interface QueueResult {
  /** Arrival-to-departure time (ms) of each measured request that was served, in arrival order. */
  latencyMs: Float64Array;
  /** Time spent waiting before service (ms), aligned with `latencyMs`. */
  waitMs: Float64Array;
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
  check.workWithin('requests', requests, MAX_REQUESTS, 'requests to simulate (about 1 µs and 65 bytes each)');
  checkSimulatedSpan('requests / arrivalRate', (requests * MS_PER_SECOND) / arrivalRate);
  const warmup = opts.warmupRequests === undefined ? Math.floor(requests / 10) : check.integer('warmupRequests', opts.warmupRequests, 0, requests - 1);
  const queueLimit = opts.queueLimit === undefined ? Infinity : check.countOrInfinity('queueLimit', opts.queueLimit, 0);
  const rng = requireRng('rng', opts.rng);
  const tick = progressTicker(requests, checkProgress(opts.onProgress));

  const arrivalRng = rng.fork('arrivals');
  const serviceRng = rng.fork('service');
  const meanGap = MS_PER_SECOND / arrivalRate;
  const arrival = new Float64Array(requests);
  const started = new Float64Array(requests);
  const done = new Float64Array(requests).fill(NaN);
  let drawnService = 0;

  const sim = new Simulation();
  const station = new Station(
    sim,
    { workers, queueLimit },
    (job, now) => {
      done[job] = now;
    },
    (job, now) => {
      started[job] = now;
    },
  );
  const ARRIVE = sim.on((job, now) => {
    const s = drawDuration('serviceTime', service, serviceRng);
    drawnService += s;
    station.submit(job, s);
    const next = job + 1;
    tick(next);
    if (next < requests) {
      const t = now - meanGap * Math.log(1 - arrivalRng());
      arrival[next] = t;
      sim.schedule(t, ARRIVE, next);
    }
  });
  arrival[0] = -meanGap * Math.log(1 - arrivalRng());
  sim.schedule(arrival[0], ARRIVE, 0);
  const run = sim.run();

  const measured = requests - warmup;
  const latency = new Float64Array(measured);
  const wait = new Float64Array(measured);
  let served = 0;
  for (let i = warmup; i < requests; i++) {
    if (done[i] === done[i]) {
      latency[served] = done[i] - arrival[i];
      wait[served] = started[i] - arrival[i];
      served++;
    }
  }
  const meanService = meanOrAverage(service, drawnService, requests);
  const offeredLoad = (arrivalRate * meanService) / MS_PER_SECOND / workers;
  const latencyMs = served === measured ? latency : latency.slice(0, served);
  return {
    latencyMs,
    waitMs: served === measured ? wait : wait.slice(0, served),
    summary: served > 0 ? summarize(latencyMs) : { ...EMPTY_SUMMARY },
    offeredLoad,
    unstable: offeredLoad >= 1,
    utilisation: station.utilisation(run.nowMs),
    served,
    dropped: measured - served,
    simulatedMs: run.nowMs,
  };
}
