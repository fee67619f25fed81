/**
 * A binary min-heap of events stored in parallel typed arrays (no object per event).
 * Events are ordered by time, then by insertion sequence, so events scheduled for
 * the same instant run first-in first-out. Each event carries an integer `kind`
 * (which handler runs it) and a numeric `payload` (e.g. a request index).
 */

/** The simulation's event queue: earliest time first, ties first-in first-out. */
export class EventHeap {
  private time: Float64Array;
  private seq: Float64Array;
  private kind: Int32Array;
  private payload: Float64Array;
  private n = 0;
  private nextSeq = 0;

  /** `initialCapacity`: events stored before the first growth (an integer in [1, 2^24]). */
  constructor(initialCapacity = 1024) {
    if (!Number.isInteger(initialCapacity) || initialCapacity < 1 || initialCapacity > 2 ** 24) {
      throw new RangeError(`EventHeap initialCapacity must be an integer in [1, ${2 ** 24}]; got ${initialCapacity}`);
    }
    this.time = new Float64Array(initialCapacity);
    this.seq = new Float64Array(initialCapacity);
    this.kind = new Int32Array(initialCapacity);
    this.payload = new Float64Array(initialCapacity);
  }

  get size(): number {
    return this.n;
  }

  /** Time of the earliest event (Infinity when empty). */
  peekTime(): number {
    return this.n > 0 ? this.time[0] : Infinity;
  }

  /** Schedules an event of `kind` with `payload` at time `t` (ms); events at equal times keep their order. */
  push(t: number, kind: number, payload: number): void {
    if (this.n === this.time.length) this.grow();
    const { time, seq } = this;
    const s = this.nextSeq++;
    let i = this.n++;
    // Sift up: move parents down until the new event's slot is found.
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = time[parent];
      if (pt < t || (pt === t && seq[parent] < s)) break;
      this.move(parent, i);
      i = parent;
    }
    time[i] = t;
    seq[i] = s;
    this.kind[i] = kind;
    this.payload[i] = payload;
  }

  /** Removes the earliest event; its fields are then in `lastTime`, `lastKind`, `lastPayload`. */
  pop(): boolean {
    if (this.n === 0) return false;
    const { time, seq, kind, payload } = this;
    this.lastTime = time[0];
    this.lastKind = kind[0];
    this.lastPayload = payload[0];
    const last = --this.n;
    if (last === 0) return true;
    const t = time[last];
    const s = seq[last];
    const k = kind[last];
    const p = payload[last];
    // Sift down the former last event from the root.
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      const right = child + 1;
      if (right < last && (time[right] < time[child] || (time[right] === time[child] && seq[right] < seq[child]))) child = right;
      const ct = time[child];
      if (t < ct || (t === ct && s < seq[child])) break;
      this.move(child, i);
      i = child;
    }
    time[i] = t;
    seq[i] = s;
    kind[i] = k;
    payload[i] = p;
    return true;
  }

  lastTime = 0;
  lastKind = 0;
  lastPayload = 0;

  private move(from: number, to: number): void {
    this.time[to] = this.time[from];
    this.seq[to] = this.seq[from];
    this.kind[to] = this.kind[from];
    this.payload[to] = this.payload[from];
  }

  private grow(): void {
    const cap = this.time.length * 2;
    const time = new Float64Array(cap);
    const seq = new Float64Array(cap);
    const kind = new Int32Array(cap);
    const payload = new Float64Array(cap);
    time.set(this.time);
    seq.set(this.seq);
    kind.set(this.kind);
    payload.set(this.payload);
    this.time = time;
    this.seq = seq;
    this.kind = kind;
    this.payload = payload;
  }
}
