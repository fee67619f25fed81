/**
 * A circuit breaker: a client-side switch that stops calling a dependency that keeps
 * failing, so its failure does not propagate as piled-up waits and retries (course
 * handbook §9: breakers do not prevent failure, they prevent its propagation).
 *
 * States and transitions, as in the handbook's diagram:
 * - closed → open when the window (the last `windowRequests` outcomes) holds at least
 *   `minimumRequests` outcomes and failures / outcomes ≥ `failureRate`;
 * - open → half-open once `cooldownMs` has passed since it opened. Nothing runs on a
 *   timer: the change is noticed by the next `state`/`allow`/`record` call and stamped
 *   at openedAt + cooldownMs, the moment it became due;
 * - half-open lets `halfOpenProbes` calls through and rejects the rest; when all probes
 *   succeed it closes (window cleared), the first failed probe re-opens it with a new
 *   cooldown from that moment.
 * An outcome counts only in the state its call started in: a late answer of a call
 * started before the breaker opened, or before it closed again, is ignored (pass the
 * call's start to `record`), as are outcomes recorded while open and, in half-open,
 * beyond the probes let through. A probe's outcome must be recorded (a timed-out probe
 * is a failure), or the breaker stays half-open.
 *
 * The window is a ring buffer of outcomes with a running failure count, so `allow` and
 * `record` allocate nothing; only a transition appends to `transitions`.
 * Count-based window as in Resilience4j's COUNT_BASED sliding window; not modelled:
 * time-based windows, slow-call rates, per-error-type rules.
 */
import * as check from '../validate';
import { checkClock, checkTimeoutMs } from './timeout';

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  /** Failure fraction that opens the breaker (in (0, 1]). */
  failureRate: number;
  /** Outcomes needed in the window before it may open (an integer in [1, 1 000 000]). */
  minimumRequests: number;
  /** Window size: the last N outcomes (an integer in [minimumRequests, 1 000 000]; default minimumRequests). */
  windowRequests?: number;
  /** Time open before probing (ms, in (0, 86 400 000]). */
  cooldownMs: number;
  /** Calls let through while half-open (an integer in [1, 1000]; default 1). */
  halfOpenProbes?: number;
}

/** Every key of `CircuitBreakerOptions`: any other key is refused as a likely misspelling. */
export const CIRCUIT_BREAKER_KEYS: readonly (keyof CircuitBreakerOptions)[] = ['failureRate', 'minimumRequests', 'windowRequests', 'cooldownMs', 'halfOpenProbes'];

export interface BreakerTransition {
  atMs: number;
  from: BreakerState;
  to: BreakerState;
}

const MAX_WINDOW = 1_000_000;

/**
 * A circuit breaker over the last `windowRequests` outcomes: closed, open after too
 * many failures, half-open after `cooldownMs` to let trial calls through. `allow(nowMs)`
 * says whether a call may go, `record(nowMs, ok)` feeds it an outcome; times in ms.
 *
 * @throws TypeError or RangeError from the constructor naming a wrong option.
 */
export class CircuitBreaker {
  readonly failureRate: number;
  readonly minimumRequests: number;
  readonly windowRequests: number;
  readonly cooldownMs: number;
  readonly halfOpenProbes: number;
  /** Every state change in order. */
  readonly transitions: BreakerTransition[] = [];
  private current: BreakerState = 'closed';
  /** Ring buffer of outcomes: 1 = failure, 0 = success. */
  private readonly window: Uint8Array;
  private head = 0;
  private filled = 0;
  private failures = 0;
  private openedAtMs = 0;
  /** When the current state began (-Infinity: closed from the start). */
  private stateSinceMs = -Infinity;
  private probesLetThrough = 0;
  private probesSucceeded = 0;
  private lastMs = -Infinity;
  private rejectedCount = 0;
  private ignoredCount = 0;

  constructor(opts: CircuitBreakerOptions) {
    check.options('circuitBreaker', opts, CIRCUIT_BREAKER_KEYS);
    this.failureRate = check.inRange('failureRate', opts.failureRate, 0, 1, '(]');
    this.minimumRequests = check.integer('minimumRequests', opts.minimumRequests, 1, MAX_WINDOW);
    this.windowRequests = opts.windowRequests === undefined
      ? this.minimumRequests
      : check.integer('windowRequests', opts.windowRequests, this.minimumRequests, MAX_WINDOW);
    this.cooldownMs = checkTimeoutMs('cooldownMs', opts.cooldownMs);
    this.halfOpenProbes = opts.halfOpenProbes === undefined ? 1 : check.integer('halfOpenProbes', opts.halfOpenProbes, 1, 1000);
    this.window = new Uint8Array(this.windowRequests);
  }

  /** Calls refused so far (while open, or half-open with all probes out). */
  get rejected(): number {
    return this.rejectedCount;
  }

  /** Outcomes ignored so far (recorded while open, or in half-open beyond the probes). */
  get ignored(): number {
    return this.ignoredCount;
  }

  /** Failures and outcomes in the window now (for tables and tests). */
  windowCounts(): { failures: number; outcomes: number } {
    return { failures: this.failures, outcomes: this.filled };
  }

  /** The state at `nowMs` (an open breaker whose cooldown has passed becomes half-open). */
  state(nowMs: number): BreakerState {
    return this.refresh('CircuitBreaker.state', nowMs);
  }

  /** May a call start at `nowMs`? Counts a refusal in `rejected`. */
  allow(nowMs: number): boolean {
    const state = this.refresh('CircuitBreaker.allow', nowMs);
    if (state === 'closed') return true;
    if (state === 'half-open' && this.probesLetThrough < this.halfOpenProbes) {
      this.probesLetThrough++;
      return true;
    }
    this.rejectedCount++;
    return false;
  }

  /** Records the outcome of a call that started at `startedMs` (default: `nowMs`) and ended at `nowMs`. */
  record(nowMs: number, ok: boolean, startedMs = nowMs): void {
    if (typeof ok !== 'boolean') check.flag('ok', ok);
    const state = this.refresh('CircuitBreaker.record', nowMs);
    if (!(startedMs <= nowMs)) throw new RangeError(`CircuitBreaker.record: startedMs must be a number <= nowMs (${nowMs}); got ${check.describe(startedMs)}`);
    if (startedMs < this.stateSinceMs) this.ignoredCount++;
    else if (state === 'closed') this.recordClosed(nowMs, ok);
    else if (state === 'open' || this.probesSucceeded >= this.probesLetThrough) this.ignoredCount++;
    else if (!ok) this.open(nowMs);
    else if (++this.probesSucceeded >= this.halfOpenProbes) this.close(nowMs);
  }

  private recordClosed(nowMs: number, ok: boolean): void {
    const failure = ok ? 0 : 1;
    if (this.filled === this.windowRequests) this.failures -= this.window[this.head];
    else this.filled++;
    this.window[this.head] = failure;
    this.failures += failure;
    this.head = this.head + 1 === this.windowRequests ? 0 : this.head + 1;
    if (this.filled >= this.minimumRequests && this.failures / this.filled >= this.failureRate) this.open(nowMs);
  }

  private refresh(fn: string, nowMs: number): BreakerState {
    this.lastMs = checkClock(fn, nowMs, this.lastMs);
    if (this.current === 'open' && nowMs >= this.openedAtMs + this.cooldownMs) {
      this.move(this.openedAtMs + this.cooldownMs, 'half-open');
      this.probesLetThrough = 0;
      this.probesSucceeded = 0;
    }
    return this.current;
  }

  private open(nowMs: number): void {
    this.openedAtMs = nowMs;
    this.move(nowMs, 'open');
  }

  private close(nowMs: number): void {
    this.window.fill(0);
    this.head = 0;
    this.filled = 0;
    this.failures = 0;
    this.move(nowMs, 'closed');
  }

  private move(atMs: number, to: BreakerState): void {
    this.transitions.push({ atMs, from: this.current, to });
    this.current = to;
    this.stateSinceMs = atMs;
  }
}

/** Same as `new CircuitBreaker(opts)`. */
export function circuitBreaker(opts: CircuitBreakerOptions): CircuitBreaker {
  return new CircuitBreaker(opts);
}
