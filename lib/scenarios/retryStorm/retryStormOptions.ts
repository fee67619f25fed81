/**
 * The options of `simulateRetryStorm`, checked once into a plain configuration,
 * and the trigger window's effect on the downstream at a given moment. Every
 * wrong value fails here, naming the option, the value and what is allowed,
 * before anything is simulated.
 */
import type { Rng } from '../../random/rng';
import { requireRng } from '../../random/rng';
import { requireDistribution, type Distribution } from '../../random/distribution';
import type { ProgressCallback } from '../../sim/progress';
import { MS_PER_SECOND } from '../../sim/time';
import { checkTimeoutMs } from '../../resilience/timeout';
import { retryPolicy, type RetryPolicy, type RetryPolicyOptions } from '../../resilience/retryPolicy';
import { RetryBudget, type RetryBudgetOptions } from '../../resilience/retryBudget';
import { circuitBreaker, type CircuitBreakerOptions } from '../../resilience/circuitBreaker';
import * as check from '../../validate';
import { checkBuckets } from '../../sim/buckets';

/** A window in which the downstream degrades: slower service, or errors returned at once. */
export interface StormTrigger {
  /** When the degradation starts (ms, ≥ 0). */
  atMs: number;
  /** When the downstream is healthy again (ms, > atMs and ≤ durationMs). */
  untilMs: number;
  /** Service times of attempts starting in the window are multiplied by this (≥ 1; default 1). */
  latencyFactor?: number;
  /** The factor rises linearly from 1 to `latencyFactor` over this long after `atMs` (ms ≥ 0; default 0: a step). */
  rampMs?: number;
  /** Share of attempts that the downstream answers at once with an error in the window (in [0, 1]; default 0). */
  errorRate?: number;
}

export interface RetryStormOptions {
  /** Simulated time (ms > 0); user requests arrive in [0, durationMs) and the run stops at durationMs. */
  durationMs: number;
  /** User requests per second (> 0), a Poisson stream that does not slow down when answers do (open loop). */
  arrivalRate: number;
  /** Workers at the downstream service (integer in [1, 10^5]). */
  workers: number;
  /** Work per attempt at the downstream (ms); its mean sets the capacity. */
  serviceTime: Distribution;
  /** Attempts allowed to wait for a worker (integer ≥ 0 or Infinity; default Infinity); beyond it the downstream answers an error at once. */
  queueLimit?: number;
  trigger?: StormTrigger;
  /** Callers nested between the user and the downstream, each with its own retry loop (integer in [1, 6]; default 1). */
  layers?: number;
  /** Each layer's timeout per attempt (ms, finite > 0), one value for all or one per layer, outermost first. */
  timeoutMs: number | number[];
  /** The user's own patience from arrival (ms; default none): every layer inherits it as a deadline. */
  deadlineMs?: number;
  /** Retries at every layer (default `{ maxAttempts: 1 }`: none). Requests are reads: idempotent. */
  retry?: RetryPolicyOptions | RetryPolicy;
  /** A token bucket per layer: retries spend tokens that first attempts earn (default none). */
  budget?: RetryBudgetOptions;
  /** A client-side circuit breaker per layer on its calls to the next hop (default none). */
  breaker?: CircuitBreakerOptions;
  /** The downstream skips, when their turn comes, attempts whose caller has already given up (default false: it serves them anyway). */
  cancelAbandoned?: boolean;
  /** Width of a report bucket (ms; default durationMs / 100). */
  bucketMs?: number;
  /** Recovered once at least this share of the requests arriving in every later bucket are answered ok (in (0, 1]; default 0.8). */
  recoveryFraction?: number;
  rng: Rng;
  onProgress?: ProgressCallback;
}

/** Most user requests one run may draw (arrivalRate × durationMs / 1000). */
export const MAX_STORM_REQUESTS = 5e6;
/** Most attempts one run could send the downstream if every attempt failed (requests × maxAttempts^layers). */
export const MAX_STORM_ATTEMPTS = 3e7;
export const MAX_STORM_LAYERS = 6;

export interface StormTriggerConfig {
  atMs: number;
  untilMs: number;
  latencyFactor: number;
  rampMs: number;
  errorRate: number;
}

export interface RetryStormConfig {
  durationMs: number;
  arrivalRate: number;
  workers: number;
  serviceTime: Distribution;
  queueLimit: number;
  trigger: StormTriggerConfig | null;
  layers: number;
  /** Per layer, outermost first. */
  timeoutMs: number[];
  deadlineMs: number;
  retry: RetryPolicy;
  budget: RetryBudgetOptions | null;
  breaker: CircuitBreakerOptions | null;
  cancelAbandoned: boolean;
  bucketMs: number;
  buckets: number;
  recoveryFraction: number;
  /** workers / mean service time, per second. */
  capacityRps: number;
  rng: Rng;
  onProgress?: ProgressCallback;
}

const KEYS = [
  'durationMs', 'arrivalRate', 'workers', 'serviceTime', 'queueLimit', 'trigger', 'layers', 'timeoutMs', 'deadlineMs', 'retry', 'budget',
  'breaker', 'cancelAbandoned', 'bucketMs', 'recoveryFraction', 'rng', 'onProgress',
];


function checkTrigger(value: unknown, durationMs: number): StormTriggerConfig {
  const t = check.knownOptions('trigger', value as StormTrigger, ['atMs', 'untilMs', 'latencyFactor', 'rampMs', 'errorRate']);
  const atMs = check.inRange('trigger.atMs', t.atMs, 0, durationMs, '[)');
  const untilMs = check.inRange('trigger.untilMs', t.untilMs, atMs, durationMs, '(]');
  return {
    atMs,
    untilMs,
    latencyFactor: t.latencyFactor === undefined ? 1 : check.inRange('trigger.latencyFactor', t.latencyFactor, 1, 1000),
    rampMs: t.rampMs === undefined ? 0 : check.nonNegative('trigger.rampMs', t.rampMs),
    errorRate: t.errorRate === undefined ? 0 : check.probability('trigger.errorRate', t.errorRate),
  };
}

function checkTimeouts(value: unknown, layers: number): number[] {
  if (!Array.isArray(value)) return new Array(layers).fill(checkTimeoutMs('timeoutMs', value));
  if (value.length !== layers) throw new RangeError(`timeoutMs must hold one timeout per layer (${layers}); got ${value.length}`);
  return value.map((v, i) => checkTimeoutMs(`timeoutMs[${i}]`, v));
}

export function checkRetryStormOptions(opts: RetryStormOptions): RetryStormConfig {
  check.knownOptions('simulateRetryStorm', opts, KEYS);
  const durationMs = check.positive('durationMs', opts.durationMs);
  const arrivalRate = check.positive('arrivalRate', opts.arrivalRate);
  const serviceTime = requireDistribution('serviceTime', opts.serviceTime);
  if (!(typeof serviceTime.mean === 'number' && serviceTime.mean > 0 && Number.isFinite(serviceTime.mean))) {
    throw new RangeError(`serviceTime must have a known finite mean > 0 (it sets the capacity); got ${serviceTime.mean}`);
  }
  const workers = check.integer('workers', opts.workers, 1, 1e5);
  const layers = opts.layers === undefined ? 1 : check.integer('layers', opts.layers, 1, MAX_STORM_LAYERS);
  const retry = opts.retry !== undefined && typeof (opts.retry as RetryPolicy).mayRetry === 'function'
    ? (opts.retry as RetryPolicy)
    : check.within('retry', () => retryPolicy((opts.retry ?? { maxAttempts: 1 }) as RetryPolicyOptions));
  const requests = (arrivalRate * durationMs) / MS_PER_SECOND;
  if (requests > MAX_STORM_REQUESTS) {
    throw new RangeError(`simulateRetryStorm would draw about ${Math.round(requests)} user requests (arrivalRate × durationMs / 1000); the limit is ${MAX_STORM_REQUESTS}: shorten durationMs or lower arrivalRate`);
  }
  const worst = requests * retry.maxAttempts ** layers;
  if (worst > MAX_STORM_ATTEMPTS) {
    throw new RangeError(`simulateRetryStorm could send the downstream up to ${Math.round(worst)} attempts (requests × retry.maxAttempts^layers = ${Math.round(requests)} × ${retry.maxAttempts}^${layers}); the limit is ${MAX_STORM_ATTEMPTS}: lower arrivalRate, durationMs, retry.maxAttempts or layers`);
  }
  const { bucketMs, buckets } = checkBuckets(durationMs, opts.bucketMs, 100);
  const budget = opts.budget === undefined ? null : opts.budget;
  if (budget !== null) check.within('budget', () => new RetryBudget(budget));
  const breaker = opts.breaker === undefined ? null : opts.breaker;
  if (breaker !== null) check.within('breaker', () => circuitBreaker(breaker));
  return {
    durationMs,
    arrivalRate,
    workers,
    serviceTime,
    queueLimit: opts.queueLimit === undefined ? Infinity : check.countOrInfinity('queueLimit', opts.queueLimit, 0),
    trigger: opts.trigger === undefined ? null : checkTrigger(opts.trigger, durationMs),
    layers,
    timeoutMs: checkTimeouts(opts.timeoutMs, layers),
    deadlineMs: opts.deadlineMs === undefined ? Infinity : checkTimeoutMs('deadlineMs', opts.deadlineMs),
    retry,
    budget,
    breaker,
    cancelAbandoned: check.flag('cancelAbandoned', opts.cancelAbandoned, false),
    bucketMs,
    buckets,
    recoveryFraction: opts.recoveryFraction === undefined ? 0.8 : check.inRange('recoveryFraction', opts.recoveryFraction, 0, 1, '(]'),
    capacityRps: (workers * MS_PER_SECOND) / serviceTime.mean,
    rng: requireRng('rng', opts.rng),
    onProgress: opts.onProgress,
  };
}

/** The service-time multiplier for an attempt starting service at `tMs`. */
export function latencyFactorAt(trigger: StormTriggerConfig | null, tMs: number): number {
  if (trigger === null || tMs < trigger.atMs || tMs >= trigger.untilMs) return 1;
  const ramp = trigger.rampMs === 0 ? 1 : Math.min(1, (tMs - trigger.atMs) / trigger.rampMs);
  return 1 + (trigger.latencyFactor - 1) * ramp;
}

/** The share of attempts arriving at `tMs` that the downstream fails at once. */
export function errorRateAt(trigger: StormTriggerConfig | null, tMs: number): number {
  return trigger === null || tMs < trigger.atMs || tMs >= trigger.untilMs ? 0 : trigger.errorRate;
}
