/**
 * The downstream service of a retry storm: `workers` servers sharing one FIFO
 * queue (optionally bounded), where each attempt's service time is drawn when its
 * service starts, so a slowdown hits work already queued as well as new work.
 *
 * The server never hears that a caller gave up. By default it serves such an
 * attempt anyway: the work is wasted, and it is what keeps a storm going after
 * its trigger is gone. With `cancelAbandoned` it checks, when an attempt's turn
 * comes, whether anyone still waits for it and skips it if not (as a server that
 * honours a propagated deadline before starting work does); work already started
 * is finished either way (no pre-emption).
 *
 * Tracks, over time: busy workers and queue length (time-averaged per bucket, by
 * LevelMeter), and, per bucket of completion, service time spent and the part of
 * it wasted on attempts nobody waited for any more.
 */
import { FifoQueue } from '../../sim/fifoQueue';
import { LevelMeter } from '../../sim/measures/levelMeter';
import type { Simulation } from '../../sim/simulation';
import { bucketOf } from '../../sim/measures/buckets';

export interface DownstreamHooks {
  /** Service time (ms) of an attempt starting now. */
  serviceMs(nowMs: number): number;
  /** Whether someone still waits for the attempt with this tag. */
  wanted(tag: number): boolean;
  /** The attempt with this tag got its answer. */
  served(tag: number, nowMs: number): void;
}

/**
 * The downstream service of a retry storm: `workers` servers on one FIFO queue
 * (optionally bounded), service times drawn when service starts (ms), and work for
 * callers that gave up either done anyway or skipped (`cancelAbandoned`).
 */
export class StormDownstream {
  readonly busy: LevelMeter;
  readonly queued: LevelMeter;
  /** Service time finished per bucket (ms), and the part spent on attempts nobody waited for. */
  workMs: Float64Array;
  wastedMs: Float64Array;
  /** Attempts started, their total wait in the queue (ms), and attempts skipped as abandoned. */
  started = 0;
  waitedMs = 0;
  skipped = 0;
  private readonly queue = new FifoQueue();
  private readonly workerTag: Float64Array;
  private readonly workerStart: Float64Array;
  private readonly idle: Int32Array;
  private idleCount: number;
  private readonly doneKind: number;

  constructor(
    private readonly sim: Simulation,
    readonly workers: number,
    readonly queueLimit: number,
    private readonly bucketMs: number,
    buckets: number,
    private readonly cancelAbandoned: boolean,
    private readonly hooks: DownstreamHooks,
  ) {
    this.busy = new LevelMeter(bucketMs);
    this.queued = new LevelMeter(bucketMs);
    this.workMs = new Float64Array(buckets);
    this.wastedMs = new Float64Array(buckets);
    this.workerTag = new Float64Array(workers);
    this.workerStart = new Float64Array(workers);
    this.idle = Int32Array.from({ length: workers }, (_, w) => workers - 1 - w);
    this.idleCount = workers;
    this.doneKind = sim.on((w, now) => this.finish(w, now));
  }

  /** Offers an attempt; false when the queue is full (the caller answers it with an error). */
  offer(tag: number, nowMs: number): boolean {
    if (this.idleCount > 0) {
      this.begin(tag, nowMs);
      return true;
    }
    if (this.queue.length >= this.queueLimit) return false;
    this.queue.push(tag, nowMs);
    this.queued.add(nowMs, 1);
    return true;
  }

  private begin(tag: number, nowMs: number): void {
    const w = this.idle[--this.idleCount];
    this.workerTag[w] = tag;
    this.workerStart[w] = nowMs;
    this.busy.add(nowMs, 1);
    this.started++;
    this.sim.schedule(nowMs + this.hooks.serviceMs(nowMs), this.doneKind, w);
  }

  private finish(w: number, nowMs: number): void {
    const tag = this.workerTag[w];
    const b = bucketOf(nowMs, this.bucketMs, this.workMs.length);
    const spent = nowMs - this.workerStart[w];
    this.workMs[b] += spent;
    const wanted = this.hooks.wanted(tag);
    if (!wanted) this.wastedMs[b] += spent;
    this.busy.add(nowMs, -1);
    this.idle[this.idleCount++] = w;
    // Next in line; abandoned attempts are skipped at no cost when cancelling.
    while (this.queue.length > 0 && this.idleCount > 0) {
      this.queue.shift();
      this.queued.add(nowMs, -1);
      const next = this.queue.lastJob;
      if (this.cancelAbandoned && !this.hooks.wanted(next)) {
        this.skipped++;
        continue;
      }
      this.waitedMs += nowMs - this.queue.lastServiceMs;
      this.begin(next, nowMs);
    }
    if (wanted) this.hooks.served(tag, nowMs);
  }
}
