/**
 * An idempotency store: the server side that makes a non-idempotent request (a POST
 * that charges a card) safe to retry. The client sends a unique idempotency key with
 * the request and reuses it on every retry; the server executes the first request with
 * a key, stores its result, and answers repeats with the stored result instead of
 * executing again (Stripe's Idempotency-Key header; IETF draft "The Idempotency-Key
 * HTTP Header Field"). HTTP's own idempotent methods need no store (RFC 9110 §9.2.2).
 *
 * A repeat that arrives while the first is still executing (a client that timed out
 * and retried) either waits for the first's result (`concurrent: 'wait'`, its callback
 * is called on `complete`/`abandon`) or is refused at once (`'reject'`, like the draft's
 * 409 Conflict). `abandon` records that the execution did not happen (it failed before
 * any side effect): the key is released, waiters get `null`, and the next `begin`
 * executes. Stored results live `ttlMs` after completion (default: for ever); expired
 * entries are dropped in completion order, so memory stays bounded by the keys
 * completed within one TTL plus those in flight.
 *
 * Keys are strings or finite numbers (1 and "1" are different keys). `begin`,
 * `complete` and `abandon` allocate only for a new key (its entry), a stored result
 * (its replay answer, built once) and the first waiter of a key.
 */
import * as check from '../validate';
import { checkClock } from './timeout';

export type ConcurrentRepeat = 'wait' | 'reject';
export const CONCURRENT_REPEATS: readonly ConcurrentRepeat[] = ['wait', 'reject'];

export interface IdempotencyStoreOptions {
  /** What a repeat gets while the first is in flight (default 'wait'). */
  concurrent?: ConcurrentRepeat;
  /** How long a stored result is replayed (ms, > 0; default Infinity: for ever). */
  ttlMs?: number;
}

/** Every key of `IdempotencyStoreOptions`: any other key is refused as a likely misspelling. */
export const IDEMPOTENCY_STORE_KEYS: readonly (keyof IdempotencyStoreOptions)[] = ['concurrent', 'ttlMs'];

export type IdempotencyKey = string | number;

/** What `begin` tells the caller to do. */
export type Begin<R> =
  | { readonly kind: 'execute' }
  | { readonly kind: 'replay'; readonly result: R }
  | { readonly kind: 'waiting' }
  | { readonly kind: 'conflict' };

export interface IdempotencyCounts {
  /** Begins that executed (first time, or after expiry or abandon). */
  executed: number;
  /** Repeats answered with a stored result. */
  replayed: number;
  /** Repeats that waited for an execution in flight. */
  waited: number;
  /** Repeats refused while the first was in flight. */
  conflicts: number;
  /** Executions abandoned. */
  abandoned: number;
}

type Settled<R> = (result: R | null) => void;

interface Entry<R> {
  /** The replay answer once completed; null while in flight. */
  replay: { readonly kind: 'replay'; readonly result: R } | null;
  completedAtMs: number;
  waiters: Settled<R>[] | null;
}

const EXECUTE = Object.freeze({ kind: 'execute' as const });
const WAITING = Object.freeze({ kind: 'waiting' as const });
const CONFLICT = Object.freeze({ kind: 'conflict' as const });

/**
 * The server side of idempotency keys: the first request with a key executes and
 * its result is stored; repeats get the stored result, and a repeat arriving while
 * the first still executes waits for it or is answered with a conflict (`concurrent`).
 *
 * @throws TypeError or RangeError from the constructor naming a wrong option.
 */
export class IdempotencyStore<R> {
  readonly concurrent: ConcurrentRepeat;
  readonly ttlMs: number;
  private readonly entries = new Map<IdempotencyKey, Entry<R>>();
  /** Completed entries in completion order, for expiry (only with a finite TTL). */
  private completedKeys: IdempotencyKey[] = [];
  private completedEntries: Entry<R>[] = [];
  private expiryHead = 0;
  private lastMs = -Infinity;
  private readonly tally: IdempotencyCounts = { executed: 0, replayed: 0, waited: 0, conflicts: 0, abandoned: 0 };

  constructor(opts: IdempotencyStoreOptions = {}) {
    check.options('idempotencyStore', opts, IDEMPOTENCY_STORE_KEYS);
    this.concurrent = opts.concurrent === undefined ? 'wait' : check.oneOf('concurrent', opts.concurrent, CONCURRENT_REPEATS);
    this.ttlMs = opts.ttlMs === undefined ? Infinity : check.positive('ttlMs', opts.ttlMs, true);
  }

  /** Running counts (the same object, updated in place). */
  get counts(): Readonly<IdempotencyCounts> {
    return this.tally;
  }

  /** Keys held: in flight or completed and not yet dropped. */
  get size(): number {
    return this.entries.size;
  }

  /** A request with `key` arrives at `nowMs`; `onSettled` is used only when the answer is 'waiting'. */
  begin(key: IdempotencyKey, nowMs: number, onSettled?: Settled<R>): Begin<R> {
    this.tick('IdempotencyStore.begin', key, nowMs);
    if (onSettled !== undefined && typeof onSettled !== 'function') {
      throw new TypeError(`onSettled must be a function; got ${check.describe(onSettled)}`);
    }
    const entry = this.entries.get(key);
    if (entry !== undefined && (entry.replay === null || nowMs < entry.completedAtMs + this.ttlMs)) {
      if (entry.replay !== null) {
        this.tally.replayed++;
        return entry.replay;
      }
      if (this.concurrent === 'reject') {
        this.tally.conflicts++;
        return CONFLICT;
      }
      this.tally.waited++;
      if (onSettled !== undefined) (entry.waiters ??= []).push(onSettled);
      return WAITING;
    }
    this.entries.set(key, { replay: null, completedAtMs: NaN, waiters: null });
    this.tally.executed++;
    return EXECUTE;
  }

  /** The execution of `key` finished at `nowMs` with `result`: stores it and settles the waiters. */
  complete(key: IdempotencyKey, nowMs: number, result: R): void {
    const entry = this.inFlight('IdempotencyStore.complete', key, nowMs);
    entry.replay = Object.freeze({ kind: 'replay' as const, result });
    entry.completedAtMs = nowMs;
    if (this.ttlMs !== Infinity) {
      this.completedKeys.push(key);
      this.completedEntries.push(entry);
    }
    this.settle(entry, result);
  }

  /** The execution of `key` did not happen: releases the key; waiters get null. */
  abandon(key: IdempotencyKey, nowMs: number): void {
    const entry = this.inFlight('IdempotencyStore.abandon', key, nowMs);
    this.entries.delete(key);
    this.tally.abandoned++;
    this.settle(entry, null);
  }

  private settle(entry: Entry<R>, result: R | null): void {
    const waiters = entry.waiters;
    if (waiters === null) return;
    entry.waiters = null;
    for (let i = 0; i < waiters.length; i++) waiters[i](result);
  }

  private inFlight(fn: string, key: IdempotencyKey, nowMs: number): Entry<R> {
    this.tick(fn, key, nowMs);
    const entry = this.entries.get(key);
    if (entry === undefined || entry.replay !== null) {
      throw new RangeError(`${fn}: key ${check.describe(key)} is not in flight (begin it and get 'execute' first)`);
    }
    return entry;
  }

  /** Checks the key and the clock, and drops results that expired by `nowMs`. */
  private tick(fn: string, key: IdempotencyKey, nowMs: number): void {
    if (typeof key !== 'string' && !(typeof key === 'number' && Number.isFinite(key))) {
      throw new TypeError(`${fn}: key must be a string or a finite number; got ${check.describe(key)}`);
    }
    this.lastMs = checkClock(fn, nowMs, this.lastMs);
    const keys = this.completedKeys;
    let head = this.expiryHead;
    while (head < keys.length && this.completedEntries[head].completedAtMs + this.ttlMs <= nowMs) {
      if (this.entries.get(keys[head]) === this.completedEntries[head]) this.entries.delete(keys[head]);
      head++;
    }
    if (head > 1024 && head * 2 > keys.length) {
      this.completedKeys = keys.slice(head);
      this.completedEntries = this.completedEntries.slice(head);
      head = 0;
    }
    this.expiryHead = head;
  }
}

/** Same as `new IdempotencyStore<R>(opts)`. */
export function idempotencyStore<R>(opts: IdempotencyStoreOptions = {}): IdempotencyStore<R> {
  return new IdempotencyStore<R>(opts);
}
