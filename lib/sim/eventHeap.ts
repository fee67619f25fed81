/**
 * A binary min-heap of events in typed arrays, ordered by time, then by insertion
 * sequence, so events scheduled for the same instant run first-in first-out.
 *
 * Hand-written for speed, with no object allocated per event. The heap holds two
 * arrays, each node's time and slot; the slot holds the event's sequence number,
 * `kind` (which handler runs it) and `payload` (e.g. a request index), written once
 * and never moved. Three measured choices make a deep heap fast:
 *
 * - Held top. `pop` reports the earliest event but leaves it at the root, held. When
 *   the next call is a `push` (a handler scheduling its follow-up, the common case),
 *   the new event takes the root's place and its slot and sifts down once, instead
 *   of a sift-down for the removal and a sift-up for the insertion. Any other call
 *   removes the held event first, so callers see an ordinary heap.
 * - Branch-free child choice. In the heap's upper nodes, sifting down picks the
 *   smaller child by index arithmetic on the comparison (`child + (right < left)`):
 *   that choice is a coin flip a branch predictor cannot learn. Deeper nodes, out of
 *   cache in a large heap, use a branch, so the processor speculates along the path
 *   and fetches the next level sooner than a data-dependent index would allow.
 * - Sentinels. Every node past the last holds time `Infinity`, so a left child's
 *   right sibling can be read without a bounds test. Equal times (rare in
 *   continuous-time models) take a separate path that compares sequence numbers.
 *
 * In the hold model (Jones, "An empirical comparison of priority-queue and event-set
 * implementations", CACM 29(4), 1986; bench/schedulerDepth.ts) a `Simulation` on this
 * heap runs about a third more events per second than on the plain binary heap it
 * replaces with 64 or 10^4 events pending, a fifth more with 10^6, the same with 2.
 * (Measured alternatives that did no better here: 4- and 8-ary heaps, Floyd's bottom-up
 * sift, time and slot interleaved in one array.)
 *
 * Sequence numbers are the heap's own count unless the caller passes them (see
 * `push`): a caller that interleaves this heap with other queues passes one shared
 * count to all of them.
 */
import { grown } from './grown';

/** Children at indices below this are chosen without a branch (the first 2^15 nodes' times fill 256 KiB). */
const BRANCH_FREE_BELOW = 1 << 15;

/** The simulation's event queue: earliest time first, ties first-in first-out. */
export class EventHeap {
  /** Node times; `Infinity` at every node from `n` on (one sentinel past the capacity). */
  private time: Float64Array;
  private slotOf: Int32Array;
  private seq: Float64Array;
  private kind: Int32Array;
  private payload: Float64Array;
  /** Slots freed by popped events, reused before new ones. */
  private freeSlots: Int32Array;
  private nFree = 0;
  private nSlots = 0;
  /** Nodes in the heap, the held top included. */
  private n = 0;
  private nextSeq = 0;
  /** 1 while the root is an event already popped (see the module header), else 0. */
  private held = 0;

  /** `initialCapacity`: events stored before the first growth (an integer in [1, 2^24]). */
  constructor(initialCapacity = 1024) {
    if (!Number.isInteger(initialCapacity) || initialCapacity < 1 || initialCapacity > 2 ** 24) {
      throw new RangeError(`EventHeap initialCapacity must be an integer in [1, ${2 ** 24}]; got ${initialCapacity}`);
    }
    this.time = new Float64Array(initialCapacity + 1).fill(Infinity);
    this.slotOf = new Int32Array(initialCapacity);
    this.seq = new Float64Array(initialCapacity);
    this.kind = new Int32Array(initialCapacity);
    this.payload = new Float64Array(initialCapacity);
    this.freeSlots = new Int32Array(initialCapacity);
  }

  /** Events waiting (a popped event no longer counts). */
  get size(): number {
    return this.n - this.held;
  }

  /** Time of the earliest event (Infinity when empty). */
  peekTime(): number {
    if (this.held !== 0) this.dropHeld();
    return this.time[0];
  }

  /** Sequence number of the earliest event (Infinity when empty). */
  peekSeq(): number {
    if (this.held !== 0) this.dropHeld();
    return this.n > 0 ? this.seq[this.slotOf[0]] : Infinity;
  }

  /**
   * Schedules an event of `kind` with `payload` at time `t` (ms); events at equal times
   * run in the order of their sequence numbers: by default the order of `push` calls.
   * A caller may pass `seq` instead (then on every push), e.g. one count shared by
   * several queues; equal times then run in increasing `seq`.
   */
  push(t: number, kind: number, payload: number, seq: number = this.nextSeq++): void {
    if (this.held !== 0) {
      // Replace the held top: the new event takes its slot and sifts down from the root.
      this.held = 0;
      const slot = this.slotOf[0];
      this.seq[slot] = seq;
      this.kind[slot] = kind;
      this.payload[slot] = payload;
      this.siftDown(t, slot, seq, this.n);
      return;
    }
    if (this.n === this.slotOf.length) this.grow();
    const slot = this.nFree > 0 ? this.freeSlots[--this.nFree] : this.nSlots++;
    this.seq[slot] = seq;
    this.kind[slot] = kind;
    this.payload[slot] = payload;
    const { time, slotOf } = this;
    let i = this.n++;
    // Sift up: move parents down until the new event's place is found.
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = time[parent];
      if (pt < t || (pt === t && this.seq[slotOf[parent]] < seq)) break;
      time[i] = pt;
      slotOf[i] = slotOf[parent];
      i = parent;
    }
    time[i] = t;
    slotOf[i] = slot;
  }

  /** Removes the earliest event; its fields are then in `lastTime`, `lastKind`, `lastPayload`. */
  pop(): boolean {
    if (this.held !== 0) this.dropHeld();
    if (this.n === 0) return false;
    const top = this.slotOf[0];
    this.lastTime = this.time[0];
    this.lastKind = this.kind[top];
    this.lastPayload = this.payload[top];
    this.held = 1;
    return true;
  }

  /** Time of the event popped last. */
  lastTime = 0;
  /** Kind of the event popped last. */
  lastKind = 0;
  /** Payload of the event popped last. */
  lastPayload = 0;

  /** Removes the held top: the last node sifts down from the root. */
  private dropHeld(): void {
    this.held = 0;
    this.freeSlots[this.nFree++] = this.slotOf[0];
    const last = --this.n;
    const t = this.time[last];
    this.time[last] = Infinity;
    if (last === 0) return;
    const slot = this.slotOf[last];
    this.siftDown(t, slot, this.seq[slot], last);
  }

  /** Places the event (`t`, `slot`, sequence `s`) in a heap of `n` nodes whose root is free. */
  private siftDown(t: number, slot: number, s: number, n: number): void {
    const { time, slotOf, seq } = this;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      const rt = time[right];
      const lt = time[child];
      if (rt === lt) {
        if (right < n && seq[slotOf[right]] < seq[slotOf[child]]) child = right;
      } else if (child < BRANCH_FREE_BELOW) {
        child += +(rt < lt);
      } else if (rt < lt) {
        child = right;
      }
      const ct = time[child];
      if (t < ct || (t === ct && s < seq[slotOf[child]])) break;
      time[i] = ct;
      slotOf[i] = slotOf[child];
      i = child;
    }
    time[i] = t;
    slotOf[i] = slot;
  }

  private grow(): void {
    const cap = this.n * 2;
    this.slotOf = grown(this.slotOf, cap);
    const time = new Float64Array(this.slotOf.length + 1).fill(Infinity);
    time.set(this.time.subarray(0, this.n));
    this.time = time;
    this.seq = grown(this.seq, cap);
    this.kind = grown(this.kind, cap);
    this.payload = grown(this.payload, cap);
    this.freeSlots = grown(this.freeSlots, cap);
  }
}
