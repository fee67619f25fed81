/**
 * The stack's event queue: a few FIFO lanes and two binary heaps, ordered together
 * exactly as one heap ordered by (time, insertion sequence) would order them.
 *
 * Most of the stack's events come a fixed delay after the event that schedules them
 * (a client's timeouts all wait `timeoutMs`, retries `retryDelayMs`, lookups
 * `lookupMs`, the link finishes its responses in turn, …), so each kind's events are
 * scheduled in the order they fall due. Such an event goes to its kind's lane, a ring
 * buffer, instead of the heap: O(1) in and out. Every event, in a lane or in the heap,
 * carries the sequence number it was scheduled with, and `pop` takes the earliest
 * (time, sequence) among the heaps' tops and the lanes' heads; so the order is the one
 * heap's, ties included. An event that would fall due before its lane's last one goes
 * to a heap (`schedule` keeps each lane in order). Events due at random times go to a
 * heap directly; two heaps keep a small one (the workers' completions) apart from a
 * large one (packets held back by a withdrawn route).
 */
import { grown } from '../../sim/grown';

/** A ring buffer of (time, sequence, payload) in the order scheduled, hence of due time. */
class Lane {
  time = new Float64Array(256);
  seq = new Float64Array(256);
  payload = new Int32Array(256);
  head = 0;
  n = 0;
  /** Due time of the last event added (-Infinity before the first). */
  tail = -Infinity;

  push(t: number, s: number, payload: number): void {
    if (this.n === this.time.length) this.grow();
    const i = (this.head + this.n) & (this.time.length - 1);
    this.time[i] = t;
    this.seq[i] = s;
    this.payload[i] = payload;
    this.n++;
    this.tail = t;
  }

  /** Removes the head; returns its payload. */
  shift(): number {
    const payload = this.payload[this.head];
    this.head = (this.head + 1) & (this.time.length - 1);
    this.n--;
    return payload;
  }

  private grow(): void {
    const cap = this.time.length * 2;
    const time = new Float64Array(cap);
    const seq = new Float64Array(cap);
    const payload = new Int32Array(cap);
    const mask = this.time.length - 1;
    for (let k = 0; k < this.n; k++) {
      const i = (this.head + k) & mask;
      time[k] = this.time[i];
      seq[k] = this.seq[i];
      payload[k] = this.payload[i];
    }
    this.time = time;
    this.seq = seq;
    this.payload = payload;
    this.head = 0;
  }
}

/** A binary min-heap of (time, sequence) with a kind and payload per event: (time, slot) pairs sift, slots stay. */
class SeqHeap {
  time = new Float64Array(64);
  slotOf = new Int32Array(64);
  seq = new Float64Array(64);
  kind = new Int32Array(64);
  payload = new Int32Array(64);
  private freeSlots = new Int32Array(64);
  private nFree = 0;
  private nSlots = 0;
  n = 0;
  /** The popped event's kind and payload. */
  lastKind = 0;
  lastPayload = 0;

  push(t: number, s: number, kind: number, payload: number): void {
    if (this.n === this.time.length) this.grow();
    const slot = this.nFree > 0 ? this.freeSlots[--this.nFree] : this.nSlots++;
    this.seq[slot] = s;
    this.kind[slot] = kind;
    this.payload[slot] = payload;
    const { time, slotOf, seq } = this;
    let i = this.n++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = time[parent];
      if (pt < t || (pt === t && seq[slotOf[parent]] < s)) break;
      time[i] = pt;
      slotOf[i] = slotOf[parent];
      i = parent;
    }
    time[i] = t;
    slotOf[i] = slot;
  }

  /** Sequence number of the earliest event (the heap must not be empty). */
  topSeq(): number {
    return this.seq[this.slotOf[0]];
  }

  pop(): void {
    const { time, slotOf, seq } = this;
    const top = slotOf[0];
    this.lastKind = this.kind[top];
    this.lastPayload = this.payload[top];
    this.freeSlots[this.nFree++] = top;
    const last = --this.n;
    if (last === 0) return;
    const t = time[last];
    const slot = slotOf[last];
    const s = seq[slot];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      const right = child + 1;
      if (right < last) {
        const rt = time[right];
        const ct = time[child];
        if (rt < ct || (rt === ct && seq[slotOf[right]] < seq[slotOf[child]])) child = right;
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
    const cap = this.time.length * 2;
    this.time = grown(this.time, cap);
    this.slotOf = grown(this.slotOf, cap);
    this.seq = grown(this.seq, cap);
    this.kind = grown(this.kind, cap);
    this.payload = grown(this.payload, cap);
    this.freeSlots = grown(this.freeSlots, cap);
  }
}

/**
 * Events of integer kinds with an Int32 payload: kinds below `lanes` have a lane each
 * (kind k uses lane k), the others go to a heap. See the module header.
 */
export class StackEvents {
  /** The clock: the due time of the event popped last. */
  now = 0;
  /** The popped event's kind and payload. */
  kind = 0;
  payload = 0;
  private seq = 0;
  private readonly lanes: Lane[];
  /** Each lane's head (time, sequence); Infinity when the lane is empty. */
  private readonly headTime: Float64Array;
  private readonly headSeq: Float64Array;
  private readonly small = new SeqHeap();
  private readonly large = new SeqHeap();

  constructor(readonly laneCount: number) {
    this.lanes = Array.from({ length: laneCount }, () => new Lane());
    this.headTime = new Float64Array(laneCount).fill(Infinity);
    this.headSeq = new Float64Array(laneCount).fill(Infinity);
  }

  /** Schedules an event of lane kind `kind` at `t` (≥ now): in its lane when that keeps the lane in order, else in the large heap. */
  schedule(t: number, kind: number, payload: number): void {
    this.check(t);
    const s = this.seq++;
    const lane = this.lanes[kind];
    if (lane.n === 0) {
      this.headTime[kind] = t;
      this.headSeq[kind] = s;
      lane.push(t, s, payload);
    } else if (t >= lane.tail) {
      lane.push(t, s, payload);
    } else {
      this.large.push(t, s, kind, payload);
    }
  }

  /**
   * Schedules an event at `t` (≥ now) in lane `kind` or lane `other` (two lanes of one kind
   * of event, for two usual delays): the one whose last event is latest while not after `t`.
   */
  scheduleEither(t: number, kind: number, other: number, payload: number): void {
    const a = this.lanes[kind];
    const b = this.lanes[other];
    const fitA = a.n === 0 || t >= a.tail;
    const fitB = b.n === 0 || t >= b.tail;
    if (fitA && fitB) this.schedule(t, (a.n === 0 ? -Infinity : a.tail) >= (b.n === 0 ? -Infinity : b.tail) ? kind : other, payload);
    else this.schedule(t, fitB ? other : kind, payload);
  }

  /** Schedules an event of any kind at `t` (≥ now) in the small heap (a few events at once, due at random times). */
  scheduleSmall(t: number, kind: number, payload: number): void {
    this.check(t);
    this.small.push(t, this.seq++, kind, payload);
  }

  /** Schedules an event of any kind at `t` (≥ now) in the large heap. */
  scheduleLarge(t: number, kind: number, payload: number): void {
    this.check(t);
    this.large.push(t, this.seq++, kind, payload);
  }

  /**
   * Removes the earliest event if it is due at or before `until`: its time is then `now`,
   * its kind and payload `kind` and `payload`. Returns false (changing nothing) otherwise.
   */
  pop(until: number): boolean {
    const { headTime, headSeq, small, large } = this;
    // The source of the earliest event: a lane's index, -2 the small heap, -3 the large one, -1 none.
    let best = -1;
    let bt = Infinity;
    let bs = Infinity;
    if (small.n > 0) {
      bt = small.time[0];
      bs = small.topSeq();
      best = -2;
    }
    if (large.n > 0) {
      const t = large.time[0];
      if (t < bt || (t === bt && large.topSeq() < bs)) {
        bt = t;
        bs = large.topSeq();
        best = -3;
      }
    }
    for (let k = 0; k < headTime.length; k++) {
      const t = headTime[k];
      if (t < bt || (t === bt && headSeq[k] < bs)) {
        bt = t;
        bs = headSeq[k];
        best = k;
      }
    }
    if (best === -1 || !(bt <= until)) return false;
    this.now = bt;
    if (best >= 0) {
      const lane = this.lanes[best];
      this.kind = best;
      this.payload = lane.shift();
      if (lane.n > 0) {
        headTime[best] = lane.time[lane.head];
        headSeq[best] = lane.seq[lane.head];
      } else {
        headTime[best] = Infinity;
        headSeq[best] = Infinity;
      }
    } else {
      const heap = best === -2 ? small : large;
      heap.pop();
      this.kind = heap.lastKind;
      this.payload = heap.lastPayload;
    }
    return true;
  }

  private check(t: number): void {
    if (!(t >= this.now)) throw new RangeError(`schedule time must be a number >= now (${this.now} ms); got ${t}`);
  }
}
