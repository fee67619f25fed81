/**
 * The options of `simulateRetryStorm`, checked once into a plain configuration,
 * and the trigger window's effect on the downstream at a given moment. Every
 * wrong value fails here, naming the option, the value and what is allowed,
 * before anything is simulated.
 */
import type { Rng } from '../../random/rng';
import { requireRng } from '../../random/rng';
import { type Distribution } from '../../random/distribution';
import { requireDistribution } from '../../random/requireDistribution';
import type { DistributionLike } from '../../random/spec';
import type { ProgressCallback } from '../../sim/progress';
import { MS_PER_SECOND } from '../../sim/time';
import { MAX_WEEK_RUN_MS } from '../../sim/limits';
import { checkTimeoutMs } from '../../resilience/timeout';
import { isBackoff } from '../../resilience/backoff';
import { checkedBackoff, retryPolicy, RETRY_POLICY_KEYS, type RetryPolicy, type RetryPolicyOptions } from '../../resilience/retryPolicy';
import { RetryBudget, RETRY_BUDGET_KEYS, type RetryBudgetOptions } from '../../resilience/retryBudget';
import { circuitBreaker, CIRCUIT_BREAKER_KEYS, type CircuitBreakerOptions } from '../../resilience/circuitBreaker';
import * as check from '../../validate';
import { checkBuckets } from '../../sim/measures/buckets';

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

/** Every key of `StormTrigger`. */
export const STORM_TRIGGER_KEYS: readonly (keyof StormTrigger)[] = ['atMs', 'untilMs', 'latencyFactor', 'rampMs', 'errorRate'];

/**
 * The options of `simulateRetryStorm`. Sizes are bounded so that one call stays within
 * about a minute and 2 GB: durationMs ≤ MAX_STORM_DURATION_MS, user requests
 * (arrivalRate × durationMs / 1000) ≤ MAX_STORM_REQUESTS, attempts the downstream could
 * see if every one failed (requests × retry.maxAttempts^layers) ≤ MAX_STORM_ATTEMPTS,
 * workers ≤ 10^5, layers ≤ MAX_STORM_LAYERS, buckets ≤ MAX_BUCKETS, timeouts ≤ a day.
 */
export interface RetryStormOptions {
  /** Simulated time (ms, in (0, MAX_STORM_DURATION_MS]); user requests arrive in [0, durationMs) and the run stops at durationMs. */
  durationMs: number;
  /** User requests per second (> 0), a Poisson stream that does not slow down when answers do (open loop); with durationMs at most MAX_STORM_REQUESTS requests. */
  arrivalRate: number;
  /** Workers at the downstream service (integer in [1, 10^5]). */
  workers: number;
  /** Work per attempt at the downstream (ms); its mean sets the capacity. */
  serviceTime: DistributionLike;
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

/** Most user requests one run may draw (arrivalRate × durationMs / 1000): about 5 s and 200 MB of user rows. */
export const MAX_STORM_REQUESTS = 5e6;
/** Most attempts one run could send the downstream if every attempt failed (requests × maxAttempts^layers): about 2 µs each, a minute in all. */
export const MAX_STORM_ATTEMPTS = 3e7;
/** Most callers nested between the user and the downstream. */
export const MAX_STORM_LAYERS = 6;
/** Longest run (ms): a week of simulated time. */
export const MAX_STORM_DURATION_MS = MAX_WEEK_RUN_MS;

/** A checked trigger, defaults filled in. */
export interface StormTriggerConfig {
  atMs: number;
  untilMs: number;
  latencyFactor: number;
  rampMs: number;
  errorRate: number;
}

/** The checked options, defaults filled in. */
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

/** Every key of `RetryStormOptions`. */
export const RETRY_STORM_KEYS: readonly (keyof RetryStormOptions)[] = [
  'durationMs', 'arrivalRate', 'workers', 'serviceTime', 'queueLimit', 'trigger', 'layers', 'timeoutMs', 'deadlineMs', 'retry', 'budget',
  'breaker', 'cancelAbandoned', 'bucketMs', 'recoveryFraction', 'rng', 'onProgress',
];

function checkTrigger(value: StormTrigger, durationMs: number): StormTriggerConfig {
  const t = check.nestedOptions('trigger', value, STORM_TRIGGER_KEYS);
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

/**
 * The `retry` option: a built policy (its maxAttempts checked, as it sizes the run), or
 * options checked where they sit (`retry.maxAttempts`, `retry.backoff.baseMs`).
 */
function checkRetry(value: RetryPolicyOptions | RetryPolicy | undefined): RetryPolicy {
  if (value === undefined) return retryPolicy({ maxAttempts: 1 });
  if (typeof (value as RetryPolicy).mayRetry === 'function') {
    const policy = value as RetryPolicy;
    check.integer('retry.maxAttempts', policy.maxAttempts, 1, 100);
    if (typeof policy.delayMs !== 'function') throw new TypeError(`retry.delayMs must be a function; got ${check.describe(policy.delayMs)}`);
    return policy;
  }
  const o = check.nestedOptions('retry', value as RetryPolicyOptions, RETRY_POLICY_KEYS);
  const backoff = o.backoff === undefined || isBackoff(o.backoff) ? o.backoff : checkedBackoff('retry.backoff', o.backoff);
  return check.within('retry', () => retryPolicy({ ...o, backoff }));
}

/** Options nested at `path` with the keys `known`, handed to `build` to check their values (errors prefixed with the path); null when omitted. */
function checkedNested<T>(path: string, value: T | undefined, known: readonly (keyof T & string)[], build: (v: T) => unknown): T | null {
  if (value === undefined) return null;
  check.nestedOptions(path, value, known);
  check.within(path, () => build(value));
  return value;
}

/** Checks every option of `simulateRetryStorm` and the work it implies, before anything is simulated. */
export function checkRetryStormOptions(opts: RetryStormOptions): RetryStormConfig {
  check.options('simulateRetryStorm', opts, RETRY_STORM_KEYS);
  const durationMs = check.inRange('durationMs', opts.durationMs, 0, MAX_STORM_DURATION_MS, '(]');
  const arrivalRate = check.positive('arrivalRate', opts.arrivalRate);
  const serviceTime = requireDistribution('serviceTime', opts.serviceTime);
  if (!(typeof serviceTime.mean === 'number' && serviceTime.mean > 0 && Number.isFinite(serviceTime.mean))) {
    throw new RangeError(`serviceTime must have a known finite mean > 0 (it sets the capacity); got ${serviceTime.mean}`);
  }
  const workers = check.integer('workers', opts.workers, 1, 1e5);
  const layers = opts.layers === undefined ? 1 : check.integer('layers', opts.layers, 1, MAX_STORM_LAYERS);
  const retry = checkRetry(opts.retry);
  const requests = (arrivalRate * durationMs) / MS_PER_SECOND;
  check.workWithin('arrivalRate × durationMs', requests, MAX_STORM_REQUESTS, 'user requests (arrivalRate × durationMs / 1000)');
  check.workWithin(
    'arrivalRate × durationMs × retry.maxAttempts^layers',
    requests * retry.maxAttempts ** layers,
    MAX_STORM_ATTEMPTS,
    `attempts at the downstream if every attempt failed (about ${Math.round(requests)} requests × ${retry.maxAttempts}^${layers})`,
  );
  const { bucketMs, buckets } = checkBuckets(durationMs, opts.bucketMs, 100);
  const budget = checkedNested('budget', opts.budget, RETRY_BUDGET_KEYS, (b) => new RetryBudget(b));
  const breaker = checkedNested('breaker', opts.breaker, CIRCUIT_BREAKER_KEYS, (b) => circuitBreaker(b));
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
