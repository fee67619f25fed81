/**
 * Timeouts of one fixed length per layer, kept as one FIFO per layer rather than
 * one heap event each: a timeout set at `now + timeoutMs` is never earlier than
 * the ones set before it in the same layer, so each layer's timers are already in
 * order. Only the earliest timer still pending has an event in the simulation's
 * heap; a timer whose attempt has ended is dropped when it reaches the front,
 * without touching the heap. Most attempts end well before their timeout, so
 * this saves a heap insertion and removal per attempt.
 */
import type { Simulation } from '../sim/simulation';

interface Ring {
  times: Float64Array;
  tags: Float64Array;
  head: number;
  size: number;
  /** A heap event is pending for this layer. */
  armed: boolean;
}

export class LayerTimers {
  private readonly rings: Ring[];
  private readonly kind: number;

  /** `pending(tag)`: is the attempt still waiting; `expire(tag, now)`: its time is up. */
  constructor(
    private readonly sim: Simulation,
    layers: number,
    private readonly pending: (tag: number) => boolean,
    private readonly expire: (tag: number, nowMs: number) => void,
  ) {
    this.rings = Array.from({ length: layers }, () => ({ times: new Float64Array(256), tags: new Float64Array(256), head: 0, size: 0, armed: false }));
    this.kind = sim.on((layer, now) => this.fire(layer, now));
  }

  /** Sets a timer for `tag` at `atMs` in `layer` (not earlier than the layer's previous timer). */
  add(layer: number, atMs: number, tag: number): void {
    const r = this.rings[layer];
    if (r.size === r.times.length) grow(r);
    const i = (r.head + r.size) & (r.times.length - 1);
    r.times[i] = atMs;
    r.tags[i] = tag;
    r.size++;
    if (!r.armed) {
      r.armed = true;
      this.sim.schedule(r.times[r.head], this.kind, layer);
    }
  }

  private fire(layer: number, now: number): void {
    const r = this.rings[layer];
    r.armed = false;
    while (r.size > 0) {
      const tag = r.tags[r.head];
      const due = r.times[r.head] <= now;
      const live = this.pending(tag);
      if (!due && live) break;
      r.head = (r.head + 1) & (r.times.length - 1);
      r.size--;
      if (live) this.expire(tag, now);
    }
    if (r.size > 0 && !r.armed) {
      r.armed = true;
      this.sim.schedule(r.times[r.head], this.kind, layer);
    }
  }
}

function grow(r: Ring): void {
  const cap = r.times.length * 2;
  const times = new Float64Array(cap);
  const tags = new Float64Array(cap);
  for (let k = 0; k < r.size; k++) {
    const i = (r.head + k) & (r.times.length - 1);
    times[k] = r.times[i];
    tags[k] = r.tags[i];
  }
  r.times = times;
  r.tags = tags;
  r.head = 0;
}
