/**
 * A retry budget: a token bucket shared by all calls of a client that caps retries
 * to a fraction of first attempts, in the spirit of Finagle's RetryBudget and gRPC's
 * retry throttling. Each first attempt deposits `ratio` tokens, each retry withdraws
 * one and is refused when less than one token is left, and an optional steady refill
 * of `minPerSecond` tokens per second keeps a trickle of retries possible when traffic
 * is light. When the server fails everything, retries add at most `ratio` × the
 * offered load (plus the refill) instead of multiplying it by the attempt count:
 * the budget is what stops a retry storm (course handbook §9).
 *
 * Arithmetic is exact: tokens are counted as integers in millionths of a token, so
 * `ratio` 0.1 grants exactly 10 retries after 100 first attempts (floating-point sums
 * of 0.1 would fall just short of 10). `ratio`, `maxTokens` and `initialTokens` must
 * therefore be multiples of 0.000001; the refill is accumulated exactly in ms as well.
 *
 * Defaults (the design's choice): `maxTokens` = max(10 · max(1, ratio), minPerSecond),
 * i.e. room for ten retries, or ten first attempts' worth of deposits, or one second of
 * refill; `initialTokens` = maxTokens (a client starts with a full budget).
 * Unlike Finagle, deposits do not expire after a time window; the cap bounds them.
 */
import * as check from '../validate';
import { checkClock } from './timeout';

export interface RetryBudgetOptions {
  /** Tokens deposited per first attempt (in [0, 10], a multiple of 0.000001). */
  ratio: number;
  /** Bucket size (in [1, 1 000 000], a multiple of 0.000001; default max(10 · max(1, ratio), minPerSecond)). */
  maxTokens?: number;
  /** Steady refill (tokens per second, in [0, 1 000 000]; default 0). */
  minPerSecond?: number;
  /** Tokens at the start (in [0, maxTokens]; default maxTokens). */
  initialTokens?: number;
}

/** Every key of `RetryBudgetOptions`: any other key is refused as a likely misspelling. */
export const RETRY_BUDGET_KEYS: readonly (keyof RetryBudgetOptions)[] = ['ratio', 'maxTokens', 'minPerSecond', 'initialTokens'];

/** Units per token: tokens are counted in millionths. */
const UNITS = 1_000_000;

/** `value` in integer units, or an error naming the option when it is not a multiple of 1/UNITS. */
function toUnits(option: string, value: number): number {
  const units = Math.round(value * UNITS);
  if (Math.abs(value * UNITS - units) > 1e-9 + 4 * Number.EPSILON * units) {
    throw new RangeError(`${option} must be a multiple of 0.000001 (tokens are counted in millionths); got ${value}`);
  }
  return units;
}

/**
 * A retry budget: a token bucket shared by a client's calls, where each first
 * attempt deposits `ratio` tokens (plus a refill of `minPerSecond` per second) and
 * each retry needs one, so retries stay within about `ratio` × first attempts.
 *
 * @throws TypeError or RangeError from the constructor naming a wrong option.
 */
export class RetryBudget {
  readonly ratio: number;
  readonly maxTokens: number;
  readonly minPerSecond: number;
  private readonly depositUnits: number;
  private readonly capUnits: number;
  /** Refill in units per ms. */
  private readonly refillPerMs: number;
  private units: number;
  /** Fraction of a unit of refill carried between calls. */
  private carry = 0;
  private lastMs = -Infinity;
  private grantedCount = 0;
  private deniedCount = 0;

  constructor(opts: RetryBudgetOptions) {
    check.options('RetryBudget', opts, RETRY_BUDGET_KEYS);
    this.ratio = check.inRange('ratio', opts.ratio, 0, 10);
    this.minPerSecond = opts.minPerSecond === undefined ? 0 : check.inRange('minPerSecond', opts.minPerSecond, 0, 1_000_000);
    this.maxTokens = opts.maxTokens === undefined
      ? Math.round(Math.max(10 * Math.max(1, this.ratio), this.minPerSecond) * UNITS) / UNITS
      : check.inRange('maxTokens', opts.maxTokens, 1, 1_000_000);
    const initial = opts.initialTokens === undefined ? this.maxTokens : check.inRange('initialTokens', opts.initialTokens, 0, this.maxTokens);
    this.depositUnits = toUnits('ratio', this.ratio);
    this.capUnits = toUnits('maxTokens', this.maxTokens);
    this.units = toUnits('initialTokens', initial);
    this.refillPerMs = (this.minPerSecond * UNITS) / 1000;
  }

  /** Retries granted so far. */
  get granted(): number {
    return this.grantedCount;
  }

  /** Retries refused so far. */
  get denied(): number {
    return this.deniedCount;
  }

  /** Records one first attempt at `nowMs`: deposits `ratio` tokens (up to maxTokens). */
  deposit(nowMs: number): void {
    this.advance('RetryBudget.deposit', nowMs);
    const next = this.units + this.depositUnits;
    this.units = next < this.capUnits ? next : this.capUnits;
  }

  /** Asks for one retry at `nowMs`: true (and one token spent) when at least one token is left. */
  tryWithdraw(nowMs: number): boolean {
    this.advance('RetryBudget.tryWithdraw', nowMs);
    if (this.units >= UNITS) {
      this.units -= UNITS;
      this.grantedCount++;
      return true;
    }
    this.deniedCount++;
    return false;
  }

  /** Tokens in the bucket at `nowMs`. */
  tokens(nowMs: number): number {
    this.advance('RetryBudget.tokens', nowMs);
    return this.units / UNITS;
  }

  /** Applies the refill up to `nowMs` (time may stand still, never go backwards). */
  private advance(fn: string, nowMs: number): void {
    const last = this.lastMs;
    this.lastMs = checkClock(fn, nowMs, last);
    if (this.refillPerMs === 0 || last === -Infinity || nowMs === last) return;
    if (this.units >= this.capUnits) {
      this.carry = 0;
      return;
    }
    const exact = (nowMs - last) * this.refillPerMs + this.carry;
    const whole = Math.floor(exact);
    this.carry = exact - whole;
    const next = this.units + whole;
    if (next < this.capUnits) this.units = next;
    else {
      this.units = this.capUnits;
      this.carry = 0;
    }
  }
}

/** Same as `new RetryBudget(opts)`. */
export function retryBudget(opts: RetryBudgetOptions): RetryBudget {
  return new RetryBudget(opts);
}
