/**
 * The discrete-event core: a simulated clock (ms) and an event heap.
 *
 * Fast path: register a handler once with `on(fn)`, which returns an integer kind,
 * then `schedule(atMs, kind, payload)` events that carry a number (e.g. a request
 * index). No object is allocated per event. Convenience paths: `call(delayMs, fn)`
 * runs a closure, and `process(generator)` runs a SimPy-style process that yields
 * delays (ms) or `Waitable`s (see process.ts).
 *
 * Runs are always bounded: by an empty heap, by `until` (simulated ms) or by
 * `maxEvents`, and the result says which bound ended the run.
 */
import { EventHeap } from './eventHeap';
import * as check from '../validate';

export type EventHandler = (payload: number, nowMs: number) => void;

export interface RunOptions {
  /** Stop before the first event later than this simulated time (ms); the clock ends here. */
  until?: number;
  /** Stop after this many events (a guard against runaway models). */
  maxEvents?: number;
}

/** Every key of RunOptions. */
export const RUN_KEYS: readonly (keyof RunOptions)[] = ['until', 'maxEvents'];

export interface RunResult {
  /** The clock when the run ended (ms). */
  nowMs: number;
  /** Events processed by this run. */
  events: number;
  /** Why the run ended. */
  endedBy: 'empty' | 'until' | 'maxEvents' | 'stop';
}

/** A simulated clock (ms) with its event heap: schedule events, then `run`. */
export class Simulation {
  /** The simulated clock in milliseconds. */
  now = 0;
  private readonly heap = new EventHeap();
  private readonly handlers: EventHandler[] = [];
  private readonly closures: (() => void)[] = [];
  private readonly freeClosureSlots: number[] = [];
  private readonly closureKind: number;
  private stopped = false;

  constructor() {
    this.closureKind = this.on((slot) => {
      const fn = this.closures[slot];
      this.closures[slot] = noop;
      this.freeClosureSlots.push(slot);
      fn();
    });
  }

  /** Registers a handler and returns its event kind. */
  on(handler: EventHandler): number {
    if (typeof handler !== 'function') throw new TypeError(`handler must be a function; got ${typeof handler}`);
    return this.handlers.push(handler) - 1;
  }

  /** Schedules an event of `kind` at absolute time `atMs` (≥ now). */
  schedule(atMs: number, kind: number, payload = 0): void {
    if (!(atMs >= this.now)) {
      throw new RangeError(`schedule time must be a number >= now (${this.now} ms); got ${atMs}`);
    }
    this.heap.push(atMs, kind, payload);
  }

  /** Schedules an event of `kind` after `delayMs` (≥ 0). */
  after(delayMs: number, kind: number, payload = 0): void {
    if (!(delayMs >= 0)) throw new RangeError(`delayMs must be a number >= 0; got ${delayMs}`);
    this.heap.push(this.now + delayMs, kind, payload);
  }

  /** Runs `fn` after `delayMs`. */
  call(delayMs: number, fn: () => void): void {
    if (typeof fn !== 'function') throw new TypeError(`call(delayMs, fn) needs a function fn; got ${check.describe(fn)}`);
    const slot = this.freeClosureSlots.length > 0 ? this.freeClosureSlots.pop()! : this.closures.length;
    this.closures[slot] = fn;
    this.after(delayMs, this.closureKind, slot);
  }

  /** Ends the current `run` after the event being handled. */
  stop(): void {
    this.stopped = true;
  }

  /** Events waiting in the heap. */
  get pending(): number {
    return this.heap.size;
  }

  /** Processes events in time order until the heap is empty, `until`, `maxEvents` or `stop()`. */
  run(opts: RunOptions = {}): RunResult {
    check.options('Simulation.run', opts, RUN_KEYS);
    const until = opts.until === undefined ? Infinity : check.nonNegative('until', opts.until);
    const maxEvents = opts.maxEvents === undefined ? Infinity : check.integer('maxEvents', opts.maxEvents, 1);
    const { heap, handlers } = this;
    let events = 0;
    this.stopped = false;
    let endedBy: RunResult['endedBy'] = 'empty';
    while (heap.size > 0) {
      if (heap.peekTime() > until) {
        endedBy = 'until';
        break;
      }
      if (events >= maxEvents) {
        endedBy = 'maxEvents';
        break;
      }
      heap.pop();
      this.now = heap.lastTime;
      events++;
      handlers[heap.lastKind](heap.lastPayload, heap.lastTime);
      if (this.stopped) {
        endedBy = 'stop';
        break;
      }
    }
    if (endedBy === 'until' || (endedBy === 'empty' && until !== Infinity)) this.now = Math.max(this.now, until);
    return { nowMs: this.now, events, endedBy };
  }
}

function noop(): void {}
