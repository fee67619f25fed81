/**
 * The stack's event queue: a few FIFO lanes and two event heaps, ordered together
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
 * large one (packets held back by a withdrawn route). The heaps are `EventHeap`s given
 * this queue's sequence numbers, so their ties order as the lanes' do.
 */
import { EventHeap } from '../../sim/eventHeap';

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
  private readonly small = new EventHeap(64);
  private readonly large = new EventHeap(64);

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
      this.large.push(t, kind, payload, s);
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
    this.small.push(t, kind, payload, this.seq++);
  }

  /** Schedules an event of any kind at `t` (≥ now) in the large heap. */
  scheduleLarge(t: number, kind: number, payload: number): void {
    this.check(t);
    this.large.push(t, kind, payload, this.seq++);
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
    if (small.size > 0) {
      bt = small.peekTime();
      bs = small.peekSeq();
      best = -2;
    }
    if (large.size > 0) {
      const t = large.peekTime();
      if (t < bt || (t === bt && large.peekSeq() < bs)) {
        bt = t;
        bs = large.peekSeq();
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
      // Payloads are Int32 indices; `| 0` keeps this field an integer, as the lanes' are.
      this.payload = heap.lastPayload | 0;
    }
    return true;
  }

  private check(t: number): void {
    if (!(t >= this.now)) throw new RangeError(`schedule time must be a number >= now (${this.now} ms); got ${t}`);
  }
}
