/**
 * Timeouts of one fixed length per layer, kept as one FIFO per layer rather than
 * one heap event each: a timeout set at `now + timeoutMs` is never earlier than
 * the ones set before it in the same layer, so each layer's timers are already in
 * order. Only the earliest timer still pending has an event in the simulation's
 * heap; a timer whose attempt has ended is dropped when it reaches the front,
 * without touching the heap. Most attempts end well before their timeout, so
 * this saves a heap insertion and removal per attempt.
 */
import { FifoQueue } from '../../sim/fifoQueue';
import type { Simulation } from '../../sim/simulation';

/** One layer's timers: (tag, due time) pairs in the order they were set. */
interface LayerQueue {
  timers: FifoQueue;
  /** A heap event is pending for this layer. */
  armed: boolean;
}

/**
 * Each layer's timeouts (one fixed length per layer, ms) as a FIFO, with only the
 * earliest pending timer of a layer holding an event in the simulation's heap.
 */
export class LayerTimers {
  private readonly layers: LayerQueue[];
  private readonly kind: number;

  /** `pending(tag)`: is the attempt still waiting; `expire(tag, now)`: its time is up. */
  constructor(
    private readonly sim: Simulation,
    layers: number,
    private readonly pending: (tag: number) => boolean,
    private readonly expire: (tag: number, nowMs: number) => void,
  ) {
    this.layers = Array.from({ length: layers }, () => ({ timers: new FifoQueue(), armed: false }));
    this.kind = sim.on((layer, now) => this.fire(layer, now));
  }

  /** Sets a timer for `tag` at `atMs` in `layer` (not earlier than the layer's previous timer). */
  add(layer: number, atMs: number, tag: number): void {
    const q = this.layers[layer];
    q.timers.push(tag, atMs);
    this.arm(q, layer);
  }

  private fire(layer: number, now: number): void {
    const q = this.layers[layer];
    const timers = q.timers;
    q.armed = false;
    while (timers.length > 0) {
      const tag = timers.firstJob;
      const live = this.pending(tag);
      if (live && timers.firstServiceMs > now) break;
      timers.shift();
      if (live) this.expire(tag, now);
    }
    this.arm(q, layer);
  }

  /** Makes sure the layer's earliest timer has an event in the heap. */
  private arm(q: LayerQueue, layer: number): void {
    if (q.timers.length > 0 && !q.armed) {
      q.armed = true;
      this.sim.schedule(q.timers.firstServiceMs, this.kind, layer);
    }
  }
}
