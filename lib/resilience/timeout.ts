/**
 * Timeouts and deadlines: every network call needs an upper bound on how long the
 * caller waits (course handbook §9: a call without a timeout is a distributed
 * resource leak, since the caller's thread, socket and memory stay held for as long as
 * the far side stays silent).
 *
 * `checkTimeoutMs` validates a timeout option: finite, > 0 and at most a day, so a
 * mistyped unit (seconds for ms, or ms for µs) fails instead of running a simulation
 * that never ends. `Deadline` is an absolute expiry that a nested call inherits: a
 * child deadline is the earlier of the parent's expiry and its own timeout, so a
 * downstream call never outlives the request that asked for it (gRPC deadline
 * propagation works the same way).
 *
 * `checkClock` is the shared guard of the stateful resilience classes: simulated time
 * is a finite number of ms that never goes backwards.
 */
import * as check from '../validate';

/** The longest timeout accepted (ms): one day. */
export const MAX_TIMEOUT_MS = 86_400_000;

/** A timeout option: a finite number of ms in (0, 86 400 000]; the error names the option. */
export function checkTimeoutMs(option: string, value: unknown): number {
  return check.inRange(option, value, 0, MAX_TIMEOUT_MS, '(]');
}

/**
 * Checks a method's `nowMs` (finite, not before `lastMs`) and returns it. Cheap enough for
 * hot paths: two comparisons, no allocation unless it throws.
 */
export function checkClock(fn: string, nowMs: number, lastMs: number): number {
  if (!(Number.isFinite(nowMs) && nowMs >= lastMs)) {
    if (!Number.isFinite(nowMs)) {
      throw new TypeError(`${fn}: nowMs must be a finite number of ms; got ${check.describe(nowMs)}`);
    }
    throw new RangeError(`${fn}: nowMs must not go backwards (>= ${lastMs}); got ${nowMs}`);
  }
  return nowMs;
}

/** An absolute expiry: a call started at `startMs` with `timeoutMs` to complete. */
export class Deadline {
  /** When the call was started (ms). */
  readonly startMs: number;
  /** When the caller stops waiting (ms); a child may expire earlier than start + timeout. */
  readonly expiresAtMs: number;

  /** `expiresAtMs` (optional) is an outer expiry this deadline may not outlive; see `child`. */
  constructor(startMs: number, timeoutMs: number, expiresAtMs?: number) {
    this.startMs = check.finite('startMs', startMs);
    const own = startMs + checkTimeoutMs('timeoutMs', timeoutMs);
    this.expiresAtMs = expiresAtMs === undefined ? own : Math.min(own, check.finite('expiresAtMs', expiresAtMs));
  }

  /** Time left at `nowMs` (ms, never below 0). */
  remainingMs(nowMs: number): number {
    const left = this.expiresAtMs - nowMs;
    return left > 0 ? left : 0;
  }

  /** True from the expiry on (a call completing exactly at the expiry is too late). */
  expired(nowMs: number): boolean {
    return nowMs >= this.expiresAtMs;
  }

  /** A nested call started at `nowMs` with its own `timeoutMs`: expires at the earlier of the two. */
  child(nowMs: number, timeoutMs: number): Deadline {
    return new Deadline(nowMs, timeoutMs, this.expiresAtMs);
  }
}
