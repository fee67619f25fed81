/**
 * A retry policy: whether a failed call may be tried again, and after how long.
 *
 * Course handbook §9: retry only idempotent operations, with exponential backoff and
 * jitter, and cap the total attempts; retries that ignore these rules turn a short
 * blip into a retry storm (most large outages are retry-driven). An operation is
 * idempotent when repeating it has the same effect as doing it once: in HTTP the
 * methods GET, HEAD, OPTIONS, TRACE, PUT and DELETE (RFC 9110 §9.2.2; the list is
 * `IDEMPOTENT_METHODS` in lib/net/tls). A POST becomes safe to retry when the server
 * deduplicates it by an idempotency key (see `idempotencyStore`).
 *
 * The policy is stateless: the caller counts its attempts. `mayRetry` and `delayMs`
 * allocate nothing. Not modelled here: which errors are retryable (the caller decides
 * what counts as a failure) and a shared limit across calls (see `RetryBudget`).
 */
import type { Rng } from '../random/rng';
import { requireRng } from '../random/rng';
import * as check from '../validate';
import { BACKOFF_KEYS, backoff as makeBackoff, checkRetry, isBackoff, type Backoff, type BackoffOptions } from './backoff';

export interface RetryPolicyOptions {
  /** Attempts in all, the first try included (an integer in [1, 100]; 1 = never retry). */
  maxAttempts: number;
  /** Delay schedule, or its options (omitted: retry at once). */
  backoff?: Backoff | BackoffOptions;
  /** Retry only idempotent operations (default true). */
  idempotentOnly?: boolean;
}

/** Every key of `RetryPolicyOptions`: any other key is refused as a likely misspelling. */
export const RETRY_POLICY_KEYS: readonly (keyof RetryPolicyOptions)[] = ['maxAttempts', 'backoff', 'idempotentOnly'];

export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly backoff: Backoff | null;
  readonly idempotentOnly: boolean;
  /** After `attemptsMade` attempts (an integer >= 0) of an operation, may it be tried again? */
  mayRetry(attemptsMade: number, idempotent: boolean): boolean;
  /** Delay before retry `retry` (1 = the first retry); 0 without a backoff. */
  delayMs(retry: number, rng: Rng, previousMs?: number): number;
}

class Policy implements RetryPolicy {
  constructor(
    readonly maxAttempts: number,
    readonly backoff: Backoff | null,
    readonly idempotentOnly: boolean,
  ) {}

  mayRetry(attemptsMade: number, idempotent: boolean): boolean {
    if (!Number.isInteger(attemptsMade) || attemptsMade < 0) check.integer('attemptsMade', attemptsMade, 0);
    if (typeof idempotent !== 'boolean') check.flag('idempotent', idempotent);
    return attemptsMade < this.maxAttempts && (idempotent || !this.idempotentOnly);
  }

  delayMs(retry: number, rng: Rng, previousMs?: number): number {
    if (this.backoff !== null) return this.backoff.delayMs(retry, rng, previousMs);
    checkRetry(retry);
    requireRng('rng', rng);
    return 0;
  }
}

/**
 * A retry policy; a backoff given as options is built with `backoff(...)`, its keys
 * checked as `backoff.baseMs`, … and its errors prefixed with `backoff:`.
 */
export function retryPolicy(opts: RetryPolicyOptions): RetryPolicy {
  check.options('retryPolicy', opts, RETRY_POLICY_KEYS);
  const maxAttempts = check.integer('maxAttempts', opts.maxAttempts, 1, 100);
  const schedule = opts.backoff === undefined ? null : isBackoff(opts.backoff) ? opts.backoff : checkedBackoff('backoff', opts.backoff);
  const idempotentOnly = check.flag('idempotentOnly', opts.idempotentOnly, true);
  return new Policy(maxAttempts, schedule, idempotentOnly);
}

/**
 * A backoff built from options nested at `path` (`backoff`, `retry.backoff`): unknown
 * keys are named there (`retry.backoff.baseMS`), and value errors are prefixed with it.
 */
export function checkedBackoff(path: string, opts: BackoffOptions): Backoff {
  check.nestedOptions(path, opts, BACKOFF_KEYS);
  return check.within(path, () => makeBackoff(opts));
}
