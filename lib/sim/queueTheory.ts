/**
 * Closed-form results for Markovian queues, used to validate the simulator and to
 * draw "what theory says" next to simulated distributions.
 *
 * M/M/c (Poisson arrivals at λ, exponential service at μ per worker, c workers, FIFO):
 * offered load a = λ/μ, utilisation ρ = a/c, Erlang C probability of waiting
 *   C(c, a) = [aᶜ/c! · 1/(1−ρ)] / [Σ_{k<c} aᵏ/k! + aᶜ/c! · 1/(1−ρ)],
 * waiting time W: P(W > t) = C · e^{−(cμ−λ)t}; latency T = W + S with S ~ Exp(μ).
 * M/M/1 is the case c = 1, where T ~ Exp(μ − λ). Valid only for ρ < 1.
 */
import * as check from '../validate';
import { MS_PER_SECOND } from './time';

export interface MMcOptions {
  /** Workers (integer ≥ 1). */
  workers: number;
  /** Arrivals per second. */
  arrivalRate: number;
  /** Mean service time per request (ms). */
  meanServiceMs: number;
}

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

/** Erlang C: probability that an arrival finds all c workers busy. Stable summation. */
export function erlangC(workers: number, offeredLoad: number): number {
  // Build aᵏ/k! terms iteratively, relative to the first, to avoid overflow.
  let term = 1;
  let sum = 1;
  for (let k = 1; k < workers; k++) {
    term *= offeredLoad / k;
    sum += term;
  }
  const top = ((term * offeredLoad) / workers) / (1 - offeredLoad / workers);
  return top / (sum + top);
}

export function mmc(opts: MMcOptions): MMcTheory {
  check.legacyOptions('mmc', opts);
  const c = check.integer('workers', opts.workers, 1);
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
    latencyExceedance: exceed,
    latencyQuantile: (p) => {
      check.inRange('p', p, 0, 1, '[)');
      let lo = 0;
      let hi = 1 / mu;
      while (exceed(hi) > 1 - p) hi *= 2;
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
  return mmc({ ...check.legacyOptions('mm1', opts), workers: 1 });
}

export interface LatencyObjective {
  workers: number;
  meanServiceMs: number;
  /** The percentile the objective is about, e.g. 0.99. */
  quantile: number;
  /** That percentile must stay at or below this (ms). */
  targetMs: number;
}

/**
 * The highest arrival rate (per second) at which an M/M/c queue still meets a
 * latency objective such as "p99 ≤ 100 ms"; 0 when even an idle server misses it.
 */
export function mmcMaxArrivalRate(opts: LatencyObjective): number {
  check.legacyOptions('mmcMaxArrivalRate', opts);
  const c = check.integer('workers', opts.workers, 1);
  const s = check.positive('meanServiceMs', opts.meanServiceMs);
  const p = check.inRange('quantile', opts.quantile, 0, 1, '()');
  const target = check.positive('targetMs', opts.targetMs);
  const meets = (rate: number): boolean => mmc({ workers: c, arrivalRate: rate, meanServiceMs: s }).latencyQuantile(p) <= target;
  const capacity = (c * MS_PER_SECOND) / s;
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
