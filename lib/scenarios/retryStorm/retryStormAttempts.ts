/**
 * The attempts of a retry-storm run that are still pending, in reusable slots of
 * typed columns: a run of 10^6 user requests may make tens of millions of
 * attempts, but only those in flight (or waiting to be retried) hold a slot, so
 * memory follows concurrency, not the run's length.
 *
 * A slot is named by a tag, slot + generation × 2^26; freeing a slot bumps its
 * generation, so an event or a queue entry that still carries an old tag (a
 * timeout that fires after the answer came, an attempt whose caller gave up
 * while it waited at the downstream) is recognised as stale and ignored.
 */
import { grown } from '../../sim/grown';

/**
 * Slots addressable by a tag (2^26); the generation takes the higher bits. Tags stay exact
 * integers in a float while generations stay below 2^27, i.e. while a run makes fewer than
 * 1.3 × 10^8 attempts at all layers together (MAX_STORM_ATTEMPTS bounds it well below).
 */
const SLOT_SPACE = 67_108_864;

export const ATTEMPT_STATE = { free: 0, waiting: 1, inFlight: 2 } as const;

/**
 * The pending attempts of a retry-storm run in reusable typed-array slots, each named
 * by a tag (slot + generation × 2^26) so that stale events for a freed slot are ignored.
 */
export class StormAttempts {
  generation = new Int32Array(1024);
  state = new Uint8Array(1024);
  /** 0 for the outermost caller (the user's client). */
  layer = new Uint8Array(1024);
  /** Attempts the call had made before this one (0: the first). */
  attemptNo = new Int32Array(1024);
  /** Tag of the attempt one layer up that is waiting for this call, or -1 for the user. */
  parent = new Float64Array(1024);
  /** The user request this attempt serves. */
  request = new Int32Array(1024);
  /** When this attempt was sent (ms): its breaker ignores an outcome of a call sent before its current state began. */
  startedMs = new Float64Array(1024);
  /** The deadline of the call it belongs to (its caller's), which its retries may not pass. */
  callDeadlineMs = new Float64Array(1024);
  /** The backoff delay that preceded it (ms; 0 for a first attempt). */
  delayMs = new Float64Array(1024);
  /** 1 when its layer's circuit breaker let it through (its outcome is then recorded). */
  admitted = new Uint8Array(1024);
  /** Tag of the latest attempt of the call it made one layer down (-1 for none yet, and at the last layer). */
  child = new Float64Array(1024);
  private free = new Int32Array(1024);
  private freeCount = 0;
  private used = 0;
  /** Slots in use now, and the most at once. */
  live = 0;
  peakLive = 0;

  /** Takes a slot for a new attempt in state `waiting`; returns its tag. */
  add(layer: number, attemptNo: number, parent: number, request: number, callDeadlineMs: number, delayMs: number): number {
    let s: number;
    if (this.freeCount > 0) s = this.free[--this.freeCount];
    else {
      if (this.used === this.state.length) this.grow();
      if (this.used === SLOT_SPACE) throw new RangeError(`more than ${SLOT_SPACE} attempts pending at once`);
      s = this.used++;
    }
    this.state[s] = ATTEMPT_STATE.waiting;
    this.layer[s] = layer;
    this.attemptNo[s] = attemptNo;
    this.parent[s] = parent;
    this.request[s] = request;
    this.callDeadlineMs[s] = callDeadlineMs;
    this.delayMs[s] = delayMs;
    this.admitted[s] = 0;
    this.child[s] = -1;
    if (++this.live > this.peakLive) this.peakLive = this.live;
    return s + this.generation[s] * SLOT_SPACE;
  }

  /** The tag of the attempt now in slot `s`. */
  tagOf(s: number): number {
    return s + this.generation[s] * SLOT_SPACE;
  }

  /** The slot a tag names. */
  slot(tag: number): number {
    return tag % SLOT_SPACE;
  }

  /** The slot of `tag` if it is still the attempt the tag was given for and is in flight, else -1. */
  inFlight(tag: number): number {
    if (tag < 0) return -1;
    const s = tag % SLOT_SPACE;
    return this.generation[s] === (tag - s) / SLOT_SPACE && this.state[s] === ATTEMPT_STATE.inFlight ? s : -1;
  }

  /** Like `inFlight` for an attempt scheduled to start. */
  waiting(tag: number): number {
    const s = tag % SLOT_SPACE;
    return this.generation[s] === (tag - s) / SLOT_SPACE && this.state[s] === ATTEMPT_STATE.waiting ? s : -1;
  }

  /** Returns slot `s` to the pool; tags given for it go stale. */
  release(s: number): void {
    this.state[s] = ATTEMPT_STATE.free;
    this.generation[s]++;
    if (this.freeCount === this.free.length) this.free = grown(this.free, this.freeCount + 1);
    this.free[this.freeCount++] = s;
    this.live--;
  }

  private grow(): void {
    const size = this.state.length * 2;
    this.generation = grown(this.generation, size);
    this.state = grown(this.state, size);
    this.layer = grown(this.layer, size);
    this.attemptNo = grown(this.attemptNo, size);
    this.parent = grown(this.parent, size);
    this.request = grown(this.request, size);
    this.startedMs = grown(this.startedMs, size);
    this.callDeadlineMs = grown(this.callDeadlineMs, size);
    this.delayMs = grown(this.delayMs, size);
    this.admitted = grown(this.admitted, size);
    this.child = grown(this.child, size);
  }
}
