/**
 * Exponential backoff with jitter: how long a client waits before retry n.
 *
 * The ceiling grows geometrically, min(cap, base · multiplier^(n−1)), so a struggling
 * server sees retries thin out; jitter spreads the clients that failed together so
 * their retries do not arrive together again (course handbook §9: exponential backoff,
 * jitter always). The four variants are those of M. Brooker, "Exponential Backoff And
 * Jitter", AWS Architecture Blog, 2015:
 * - 'none':  the ceiling itself (synchronised clients stay synchronised);
 * - 'full':  uniform in [0, ceiling) (the blog's recommendation: least work for the server);
 * - 'equal': ceiling/2 + uniform in [0, ceiling/2) (never retries almost at once);
 * - 'decorrelated': min(cap, uniform in [base, 3 · previous)), previous = the last delay
 *   (base for the first retry); it ignores the retry number and the multiplier.
 *
 * `delayMs` is allocation-free: one `rng()` draw (none for 'none').
 */
import type { Rng } from '../random/rng';
import { requireRng } from '../random/rng';
import * as check from '../validate';
import { checkTimeoutMs, MAX_TIMEOUT_MS } from './timeout';

export type Jitter = 'none' | 'full' | 'equal' | 'decorrelated';
export const JITTERS: readonly Jitter[] = ['none', 'full', 'equal', 'decorrelated'];

export interface BackoffOptions {
  /** Ceiling of the first retry (ms, in (0, 86 400 000]). */
  baseMs: number;
  /** Largest delay (ms, in [baseMs, 86 400 000]). */
  capMs: number;
  /** Jitter variant (default 'full'). */
  jitter?: Jitter;
  /** Growth of the ceiling per retry (in [1, 10]; default 2: doubling). */
  multiplier?: number;
}

/** Every key of `BackoffOptions`: any other key is refused as a likely misspelling. */
export const BACKOFF_KEYS: readonly (keyof BackoffOptions)[] = ['baseMs', 'capMs', 'jitter', 'multiplier'];

export interface Backoff {
  readonly baseMs: number;
  readonly capMs: number;
  readonly jitter: Jitter;
  readonly multiplier: number;
  /** The ceiling of retry `retry` (1 = the first retry): min(cap, base · multiplier^(retry−1)). */
  ceilingMs(retry: number): number;
  /** The delay before retry `retry`; `previousMs` (in [baseMs, capMs]) only matters for 'decorrelated'. */
  delayMs(retry: number, rng: Rng, previousMs?: number): number;
}

/** The largest retry number accepted (the ceiling has long reached the cap by then). */
export const MAX_RETRY = 1_000_000;

/** Checks a retry number (an integer in [1, 1 000 000]) without allocating. */
export function checkRetry(retry: number): number {
  if (!Number.isInteger(retry) || retry < 1 || retry > MAX_RETRY) return check.integer('retry', retry, 1, MAX_RETRY);
  return retry;
}

class ExponentialBackoff implements Backoff {
  constructor(
    readonly baseMs: number,
    readonly capMs: number,
    readonly jitter: Jitter,
    readonly multiplier: number,
  ) {}

  ceilingMs(retry: number): number {
    const grown = this.baseMs * Math.pow(this.multiplier, checkRetry(retry) - 1);
    return grown < this.capMs ? grown : this.capMs;
  }

  delayMs(retry: number, rng: Rng, previousMs?: number): number {
    const ceiling = this.ceilingMs(retry);
    if (this.jitter === 'none') return ceiling;
    requireRng('rng', rng);
    switch (this.jitter) {
      case 'full':
        return rng() * ceiling;
      case 'equal':
        return ceiling / 2 + rng() * (ceiling / 2);
      default: {
        const previous = previousMs === undefined ? this.baseMs : this.checkPrevious(previousMs);
        const delay = this.baseMs + rng() * (3 * previous - this.baseMs);
        return delay < this.capMs ? delay : this.capMs;
      }
    }
  }

  private checkPrevious(previousMs: number): number {
    if (!(previousMs >= this.baseMs && previousMs <= this.capMs)) {
      return check.inRange('previousMs', previousMs, this.baseMs, this.capMs);
    }
    return previousMs;
  }
}

/** A backoff schedule; options are validated once here, so `delayMs` stays cheap. */
export function backoff(opts: BackoffOptions): Backoff {
  check.options('backoff', opts, BACKOFF_KEYS);
  const baseMs = checkTimeoutMs('baseMs', opts.baseMs);
  const capMs = check.inRange('capMs', opts.capMs, baseMs, MAX_TIMEOUT_MS);
  const jitter = opts.jitter === undefined ? 'full' : check.oneOf('jitter', opts.jitter, JITTERS);
  const multiplier = opts.multiplier === undefined ? 2 : check.inRange('multiplier', opts.multiplier, 1, 10);
  return new ExponentialBackoff(baseMs, capMs, jitter, multiplier);
}

/** True for a schedule made by `backoff` (as opposed to its options). */
export function isBackoff(value: unknown): value is Backoff {
  return value instanceof ExponentialBackoff;
}
