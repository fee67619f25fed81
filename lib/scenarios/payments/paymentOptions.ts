/**
 * The options of `simulatePayments`, checked once into a plain configuration. Every
 * wrong value fails here, naming the option, the value and what is allowed, before
 * anything is simulated.
 *
 * Retries are the user's (or a naive client's): the same payment is sent again after
 * each failed attempt, with or without a key, up to `maxAttempts` in all. A policy that
 * retries only idempotent requests would never retry a keyless POST by itself; a user
 * pressing "Pay" again does, which is the case the course describes.
 */
import type { Rng } from '../../random/rng';
import { requireRng } from '../../random/rng';
import { constant } from '../../random/constant';
import { type Distribution } from '../../random/distribution';
import { requireDistribution } from '../../random/requireDistribution';
import type { DistributionLike } from '../../random/spec';
import type { ProgressCallback } from '../../sim/progress';
import type { Backoff, BackoffOptions } from '../../resilience/backoff';
import { CONCURRENT_REPEATS, type ConcurrentRepeat } from '../../resilience/idempotencyStore';
import { retryPolicy, type RetryPolicy } from '../../resilience/retryPolicy';
import { checkTimeoutMs } from '../../resilience/timeout';
import * as check from '../../validate';
import { delayMs } from '../../net/limits';
import { MAX_SIMULATED_MS } from '../../sim/limits';
import { MS_PER_SECOND } from '../../sim/time';

/** How the server keeps idempotency keys. */
export interface IdempotencyKeyOptions {
  /**
   * A repeat that arrives while the first attempt is still executing: 'wait' for its
   * result (default) or 'reject' it as a conflict (like HTTP 409), after which the
   * client retries per its policy.
   */
  concurrent?: ConcurrentRepeat;
  /** How long a stored result is kept (ms > 0, or Infinity: forever, the default). */
  ttlMs?: number;
  /**
   * One round trip to the key store (ms, in [0, 3 600 000]; default 0). Every attempt that reaches
   * the server pays one (the lookup); an executed attempt pays a second (storing its result).
   */
  storeMs?: number;
}

/** The keys of `IdempotencyKeyOptions`. */
export const IDEMPOTENCY_KEY_KEYS: readonly (keyof IdempotencyKeyOptions)[] = ['concurrent', 'ttlMs', 'storeMs'];

/** Options of `simulatePayments`. */
export interface PaymentOptions {
  /** Payments the users start (an integer in [1, 1 000 000]). */
  payments: number;
  /** New payments per second, a Poisson process (> 0; default 100; the payments must be expected within 10^10 ms). */
  arrivalRate?: number;
  /** Share of attempts whose request never reaches the server (in [0, 1]). */
  requestLossRate: number;
  /** Share of server replies lost on the way back: the server acted, the client hears nothing (in [0, 1]). */
  responseLossRate: number;
  /** Whether each payment carries an idempotency key (true: the defaults of IdempotencyKeyOptions). */
  idempotencyKeys: boolean | IdempotencyKeyOptions;
  /** Attempts per payment, the first included (an integer in [1, 100]; payments × maxAttempts at most 3·10^6). */
  maxAttempts: number;
  /** Wait before each retry: a backoff or its options (omitted: retry at once). */
  backoff?: Backoff | BackoffOptions;
  /** How long the client waits for a reply to one attempt (ms, in (0, 86 400 000]; default 5000). */
  timeoutMs?: number;
  /** Client ↔ server round trip (ms, in [0, 3 600 000]; default 100). */
  rttMs?: number;
  /** Time the server takes to charge the card (ms, each in [0, 3 600 000]): a number or a Distribution (default 200). */
  serverMs?: number | DistributionLike;
  rng: Rng;
  /** Called about 100 times with (payments started, payments). */
  onProgress?: ProgressCallback;
}

/** The keys of `PaymentOptions`. */
export const PAYMENT_KEYS: readonly (keyof PaymentOptions)[] = [
  'payments', 'arrivalRate', 'requestLossRate', 'responseLossRate', 'idempotencyKeys', 'maxAttempts', 'backoff', 'timeoutMs', 'rttMs', 'serverMs', 'rng', 'onProgress',
];

/** Most payments one run accepts. */
export const MAX_PAYMENTS = 1_000_000;
/**
 * Most attempt slots one run may draw (payments × maxAttempts): each holds its losses
 * and a server time (10 bytes) and may become half a dozen events. A run that uses
 * every slot took about 10 µs a slot on a busy 2-core machine: 3·10^6 is some 30 s.
 */
export const MAX_PAYMENT_ATTEMPTS = 3e6;

export interface PaymentConfig {
  payments: number;
  arrivalRate: number;
  requestLossRate: number;
  responseLossRate: number;
  /** null without keys. */
  keys: { concurrent: ConcurrentRepeat; ttlMs: number; storeMs: number } | null;
  maxAttempts: number;
  policy: RetryPolicy;
  timeoutMs: number;
  rttMs: number;
  serverMs: Distribution;
  rng: Rng;
  onProgress?: ProgressCallback;
}

function checkKeys(value: unknown): PaymentConfig['keys'] {
  if (value === false) return null;
  const opts = check.nestedOptions('idempotencyKeys', value === true ? {} : (value as IdempotencyKeyOptions), IDEMPOTENCY_KEY_KEYS);
  return {
    concurrent: opts.concurrent === undefined ? 'wait' : check.oneOf('idempotencyKeys.concurrent', opts.concurrent, CONCURRENT_REPEATS),
    ttlMs: opts.ttlMs === undefined ? Infinity : check.positive('idempotencyKeys.ttlMs', opts.ttlMs, true),
    storeMs: opts.storeMs === undefined ? 0 : delayMs('idempotencyKeys.storeMs', opts.storeMs),
  };
}

/** Checks every option (see `PaymentOptions` for the ranges) and the work they imply, before anything runs. */
export function checkPaymentOptions(opts: PaymentOptions): PaymentConfig {
  check.options('simulatePayments', opts, PAYMENT_KEYS);
  const payments = check.integer('payments', opts.payments, 1, MAX_PAYMENTS);
  const maxAttempts = check.integer('maxAttempts', opts.maxAttempts, 1, 100);
  if (payments * maxAttempts > MAX_PAYMENT_ATTEMPTS) {
    throw new RangeError(`payments × maxAttempts must be at most ${MAX_PAYMENT_ATTEMPTS}; got ${payments} × ${maxAttempts} = ${payments * maxAttempts}`);
  }
  if (typeof opts.idempotencyKeys !== 'boolean' && (opts.idempotencyKeys === null || typeof opts.idempotencyKeys !== 'object')) {
    throw new TypeError(`idempotencyKeys must be true, false or { concurrent?, ttlMs?, storeMs? }; got ${check.describe(opts.idempotencyKeys)}`);
  }
  const serverMs = opts.serverMs === undefined
    ? constant(200)
    : typeof opts.serverMs === 'number'
      ? constant(delayMs('serverMs', opts.serverMs))
      : requireDistribution('serverMs', opts.serverMs);
  const arrivalRate = opts.arrivalRate === undefined ? 100 : check.positive('arrivalRate', opts.arrivalRate);
  if (!(payments / arrivalRate * MS_PER_SECOND <= MAX_SIMULATED_MS)) {
    throw new RangeError(`arrivalRate must bring the ${payments} payments within ${MAX_SIMULATED_MS} ms of simulated time (payments / arrivalRate × 1000); got ${arrivalRate} per second`);
  }
  return {
    payments,
    arrivalRate,
    requestLossRate: check.probability('requestLossRate', opts.requestLossRate),
    responseLossRate: check.probability('responseLossRate', opts.responseLossRate),
    keys: checkKeys(opts.idempotencyKeys),
    maxAttempts,
    // The user retries whether or not the request is idempotent (see the header).
    policy: retryPolicy({ maxAttempts, backoff: opts.backoff, idempotentOnly: false }),
    timeoutMs: opts.timeoutMs === undefined ? 5000 : checkTimeoutMs('timeoutMs', opts.timeoutMs),
    rttMs: opts.rttMs === undefined ? 100 : delayMs('rttMs', opts.rttMs),
    serverMs,
    rng: requireRng('rng', opts.rng),
    onProgress: opts.onProgress,
  };
}
