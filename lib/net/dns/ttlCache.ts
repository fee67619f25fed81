/**
 * A cache whose entries expire after a time-to-live, the building block of every
 * DNS cache in NetLab (runtime, OS stub, recursive resolver).
 *
 * Rules (RFC 1034 §3.6, RFC 1035 §3.2.1 and §6.1.3):
 * - A record cached at `t` with TTL `T` may be used while `now < t + T` and not at
 *   `t + T` itself: the expiry boundary is exclusive.
 * - A TTL of zero means "use for this transaction only": it is never stored.
 * - What a cache can pass downstream is the *remaining* TTL, `expiry − now`
 *   (RFC 1035 §6.1.3: TTLs of cached data "count down"),
 *   so a downstream cache never holds a record past the upstream expiry.
 *
 * Fidelity: exact in milliseconds. DNS carries whole seconds on the wire, and a
 * resolver rounds the remaining TTL down, which can only shorten downstream
 * lifetimes; that rounding is not modelled. Time is always passed in (ms).
 *
 * Not modelled: size limits and eviction (LRU), serving stale data after expiry
 * (RFC 8767), prefetching before expiry, minimum or maximum TTL clamps.
 */
import * as check from '../../validate';

/** A cached value and the simulated time (ms) at which it stops being usable. */
export interface TtlEntry<V> {
  readonly value: V;
  readonly expiresAtMs: number;
}

/** True while an entry expiring at `expiresAtMs` may still be used at `nowMs` (boundary exclusive). */
export function isLive(expiresAtMs: number, nowMs: number): boolean {
  return nowMs < expiresAtMs;
}

/** The TTL (ms) a cache hands downstream at `nowMs`: what is left of its own, never below 0. */
export function remainingTtlMs(expiresAtMs: number, nowMs: number): number {
  return expiresAtMs > nowMs ? expiresAtMs - nowMs : 0;
}

/** Checks a TTL in ms: a finite number ≥ 0, or Infinity when `allowForever` (a cache that never expires). */
export function checkTtlMs(option: string, value: unknown, allowForever = false): number {
  if (allowForever && value === Infinity) return Infinity;
  if (typeof value === 'number' && value === Infinity) {
    throw new RangeError(`${option} must be a finite number of ms >= 0; got Infinity`);
  }
  return check.nonNegative(option, value);
}

/** Keys to values, each with its own expiry; expired entries are dropped when looked up. */
export class TtlCache<V> {
  private readonly entries = new Map<string, TtlEntry<V>>();

  /** Entries held, including expired ones not yet looked up. */
  get size(): number {
    return this.entries.size;
  }

  /** The live entry for `key` at `nowMs`, or undefined (an expired entry is removed). */
  lookup(key: string, nowMs: number): TtlEntry<V> | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (isLive(entry.expiresAtMs, nowMs)) return entry;
    this.entries.delete(key);
    return undefined;
  }

  /** The TTL left on `key` at `nowMs` (ms); 0 when absent or expired. */
  remainingMs(key: string, nowMs: number): number {
    const entry = this.lookup(key, nowMs);
    return entry === undefined ? 0 : remainingTtlMs(entry.expiresAtMs, nowMs);
  }

  /**
   * Stores `value` at `nowMs` for `ttlMs` (≥ 0; Infinity keeps it for the cache's
   * life). A zero TTL stores nothing and removes any older entry (RFC 1035 §3.2.1).
   */
  set(key: string, value: V, ttlMs: number, nowMs: number): void {
    checkTtlMs('ttlMs', ttlMs, true);
    check.finite('nowMs', nowMs);
    if (ttlMs === 0) {
      this.entries.delete(key);
      return;
    }
    this.entries.set(key, { value, expiresAtMs: nowMs + ttlMs });
  }

  /** Forgets `key` (an operator's flush). */
  delete(key: string): boolean {
    return this.entries.delete(key);
  }

  /** Forgets everything (a process restart for a runtime cache). */
  clear(): void {
    this.entries.clear();
  }
}
