/**
 * Closed-form results for Markovian queues, used to validate the simulator and to
 * draw "what theory says" next to simulated distributions.
 *
 * M/M/c (Poisson arrivals at λ, exponential service at μ per worker, c workers, FIFO):
 * offered load a = λ/μ, utilisation ρ = a/c, Erlang C probability of waiting
 *   C(c, a) = [aᶜ/c! · 1/(1−ρ)] / [Σ_{k<c} aᵏ/k! + aᶜ/c! · 1/(1−ρ)],
 * waiting time W: P(W > t) = C · e^{−(cμ−λ)t}; latency T = W + S with S ~ Exp(μ).
 * M/M/1 is the case c = 1, where T ~ Exp(μ − λ). Valid only for ρ < 1.
 *
 * Erlang C is computed from the Erlang B recurrence B(k) = a·B(k−1) / (k + a·B(k−1)),
 * C = c·B / (c − a·(1 − B)): stable, no factorials, one step per worker, and it stops
 * as soon as B underflows to 0 (C is then 0 too). Workers are bounded by
 * MAX_THEORY_WORKERS (10^6) so that every call takes at most a few milliseconds.
 */
import * as check from '../../validate';
import { MS_PER_SECOND } from '../time';
import { MAX_THEORY_WORKERS } from '../limits';

export interface MMcOptions {
  /** Workers (an integer in [1, MAX_THEORY_WORKERS = 10^6]). */
  workers: number;
  /** Arrivals per second (> 0, below workers / meanServiceMs × 1000). */
  arrivalRate: number;
  /** Mean service time per request (ms, > 0). */
  meanServiceMs: number;
}

/** Every key of MMcOptions. */
export const MMC_KEYS: readonly (keyof MMcOptions)[] = ['workers', 'arrivalRate', 'meanServiceMs'];
/** Every key of mm1's options. */
export const MM1_KEYS: readonly (keyof MMcOptions)[] = ['arrivalRate', 'meanServiceMs'];

export interface MMcTheory {
  utilisation: number;
  /** Probability that an arrival waits (Erlang C). */
  probabilityOfWaiting: number;
  meanWaitMs: number;
  meanLatencyMs: number;
  /** P(latency > tMs). */
  latencyExceedance(tMs: number): number;
  /** The latency quantile (ms) for p in [0, 1). */
  latencyQuantile(p: number): number;
  /** Mean number of requests in the system (Little's law: λ · mean latency). */
  meanInSystem: number;
}

/**
 * Erlang C: probability that an arrival finds all `workers` busy (an integer in
 * [1, 10^6]), given the offered load a = λ/μ in erlangs (finite, 0 ≤ a < workers).
 */
export function erlangC(workers: number, offeredLoad: number): number {
  const c = check.integer('erlangC workers', workers, 1, MAX_THEORY_WORKERS);
  const a = check.nonNegative('erlangC offeredLoad', offeredLoad);
  if (!(a < c)) throw new RangeError(`erlangC offeredLoad must be < workers (${c}) for a steady state; got ${a}`);
  let b = 1;
  for (let k = 1; k <= c && b > 0; k++) b = (a * b) / (k + a * b);
  return b === 0 ? 0 : (c * b) / (c - a * (1 - b));
}

/** M/M/c closed forms (Erlang C waiting, latency tail and quantiles) for a stable queue (ρ < 1). */
export function mmc(opts: MMcOptions): MMcTheory {
  check.options('mmc', opts, MMC_KEYS);
  const c = check.integer('workers', opts.workers, 1, MAX_THEORY_WORKERS);
  const lambda = check.positive('arrivalRate', opts.arrivalRate) / MS_PER_SECOND;
  const mu = 1 / check.positive('meanServiceMs', opts.meanServiceMs);
  const rho = lambda / (c * mu);
  if (!(rho < 1)) throw new RangeError(`mmc needs utilisation < 1 (arrivalRate < workers / meanService); got ${rho.toFixed(3)}`);
  const C = erlangC(c, lambda / mu);
  const theta = c * mu - lambda;
  const exceed = (t: number): number => {
    if (t <= 0) return 1;
    const service = Math.exp(-mu * t);
    // W + S for a waiting arrival: hypoexponential with rates θ and μ.
    const waited = Math.abs(theta - mu) < 1e-12 * mu ? (1 + mu * t) * service : (theta * service - mu * Math.exp(-theta * t)) / (theta - mu);
    return (1 - C) * service + C * waited;
  };
  const meanWait = C / theta;
  return {
    utilisation: rho,
    probabilityOfWaiting: C,
    meanWaitMs: meanWait,
    meanLatencyMs: meanWait + 1 / mu,
    meanInSystem: lambda * (meanWait + 1 / mu),
    latencyExceedance: (tMs) => exceed(check.finite('latencyExceedance tMs', tMs)),
    latencyQuantile: (p) => {
      check.inRange('p', p, 0, 1, '[)');
      let lo = 0;
      let hi = Math.max(1 / mu, Number.MIN_VALUE);
      // Doubling from the smallest number reaches Infinity, where every exceedance is 0, within 2100 steps.
      for (let i = 0; i < 2200 && exceed(hi) > 1 - p; i++) hi *= 2;
      for (let i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
        const mid = (lo + hi) / 2;
        if (exceed(mid) > 1 - p) lo = mid;
        else hi = mid;
      }
      return (lo + hi) / 2;
    },
  };
}

/** M/M/1: `mmc` with one worker. */
export function mm1(opts: Omit<MMcOptions, 'workers'>): MMcTheory {
  check.options('mm1', opts, MM1_KEYS);
  return mmc({ ...opts, workers: 1 });
}

export interface LatencyObjective {
  /** Workers (an integer in [1, MAX_THEORY_WORKERS = 10^6]). */
  workers: number;
  /** Mean service time per request (ms, > 0). */
  meanServiceMs: number;
  /** The percentile the objective is about, e.g. 0.99 (in (0, 1)). */
  quantile: number;
  /** That percentile must stay at or below this (ms, > 0). */
  targetMs: number;
}

/** Every key of LatencyObjective. */
export const LATENCY_OBJECTIVE_KEYS: readonly (keyof LatencyObjective)[] = ['workers', 'meanServiceMs', 'quantile', 'targetMs'];

/**
 * The highest arrival rate (per second) at which an M/M/c queue still meets a
 * latency objective such as "p99 ≤ 100 ms"; 0 when even an idle server misses it.
 * A bisection of at most 100 steps over `mmc`.
 */
export function mmcMaxArrivalRate(opts: LatencyObjective): number {
  check.options('mmcMaxArrivalRate', opts, LATENCY_OBJECTIVE_KEYS);
  const c = check.integer('workers', opts.workers, 1, MAX_THEORY_WORKERS);
  const s = check.positive('meanServiceMs', opts.meanServiceMs);
  const p = check.inRange('quantile', opts.quantile, 0, 1, '()');
  const target = check.positive('targetMs', opts.targetMs);
  const capacity = (c * MS_PER_SECOND) / s;
  const meets = (rate: number): boolean => {
    if (!(rate > 0) || !(rate < capacity)) return false;
    return mmc({ workers: c, arrivalRate: rate, meanServiceMs: s }).latencyQuantile(p) <= target;
  };
  let lo = 0;
  let hi = capacity;
  if (!meets(capacity * 1e-9)) return 0;
  for (let i = 0; i < 100 && hi - lo > 1e-9 * capacity; i++) {
    const mid = (lo + hi) / 2;
    if (meets(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}
