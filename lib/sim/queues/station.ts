/**
 * A service station: `workers` identical servers sharing one FIFO queue, with an
 * optional bound on the number waiting (arrivals finding it full are dropped and
 * counted). Service times are given per job by the caller. Tracks busy worker-time
 * (for utilisation), overall and per time bucket, and the longest queue per bucket.
 *
 * Draws no random numbers: service times come from the caller, who draws them from
 * the caller's own fork for this station.
 *
 * Not modelled: priorities, pre-emption, abandonment (a client timing out still
 * leaves its job in the queue, as a server that never notices would).
 */
import type { Simulation } from '../simulation';
import type { Waitable } from '../process';
import * as check from '../../validate';
import { FifoQueue } from '../fifoQueue';
import { grown } from '../grown';
import { LevelMeter } from '../measures/levelMeter';
import { bucketIndexAt } from '../measures/buckets';
import { MAX_TRACKED_BUCKETS } from '../limits';

export interface StationOptions {
  /** Parallel servers (integer ≥ 1; no memory is kept per worker). */
  workers: number;
  /** Most jobs allowed to wait (not counting those in service): an integer ≥ 0 or Infinity (the default). */
  queueLimit?: number;
  /**
   * When set (ms, > 0), busy time and queue length are also recorded per bucket of
   * this many ms, at most MAX_TRACKED_BUCKETS (10^6) buckets in a run.
   */
  bucketMs?: number;
}

/** Every key of StationOptions. */
export const STATION_KEYS: readonly (keyof StationOptions)[] = ['workers', 'queueLimit', 'bucketMs'];

/** Called when a job finishes service (or, for `onStart`, begins it). */
export type JobCallback = (job: number, nowMs: number) => void;

/** `workers` servers sharing one FIFO queue, optionally bounded (see the module header). */
export class Station {
  readonly workers: number;
  readonly queueLimit: number;
  readonly bucketMs: number;
  /** Jobs finished. */
  served = 0;
  /** Jobs turned away because the queue was full. */
  dropped = 0;
  /** Longest queue seen per bucket (when `bucketMs` is set). */
  maxQueueByBucket = new Float64Array(0);

  private readonly sim: Simulation;
  private readonly queue = new FifoQueue();
  private readonly doneKind: number;
  /** Busy workers over time. */
  private readonly busyMeter: LevelMeter;
  private readonly waiters = new Map<number, (value: number) => void>();
  private nextWaiterId = -1;

  constructor(sim: Simulation, opts: StationOptions, private readonly onDone: JobCallback = () => {}, private readonly onStart?: JobCallback) {
    if (sim === null || typeof sim !== 'object' || typeof sim.on !== 'function') throw new TypeError(`Station sim must be a Simulation; got ${check.describe(sim)}`);
    check.options('Station', opts, STATION_KEYS);
    if (typeof onDone !== 'function') throw new TypeError(`Station onDone must be a function (job, nowMs) => void; got ${check.describe(onDone)}`);
    if (onStart !== undefined && typeof onStart !== 'function') {
      throw new TypeError(`Station onStart must be a function (job, nowMs) => void; got ${check.describe(onStart)}`);
    }
    this.sim = sim;
    this.workers = check.integer('workers', opts.workers, 1);
    this.queueLimit = opts.queueLimit === undefined ? Infinity : check.countOrInfinity('queueLimit', opts.queueLimit, 0);
    this.bucketMs = opts.bucketMs === undefined ? 0 : check.positive('bucketMs', opts.bucketMs);
    this.doneKind = sim.on((job, now) => this.finish(job, now));
    this.busyMeter = new LevelMeter(this.bucketMs);
  }

  /** Jobs in service now. */
  get busy(): number {
    return this.busyMeter.level;
  }

  /** Busy worker-milliseconds per bucket (when `bucketMs` is set); call `flush` first. */
  get busyByBucket(): Float64Array {
    return this.busyMeter.areaByBucket;
  }

  /** Jobs waiting (not in service). */
  get queued(): number {
    return this.queue.length;
  }

  /** Offers job number `job` (≥ 0); returns false (and counts a drop) when every worker is busy and the queue is full. */
  submit(job: number, serviceMs: number): boolean {
    if (!(serviceMs >= 0) || serviceMs === Infinity) throw new RangeError(`Station serviceMs must be a finite number >= 0; got ${serviceMs}`);
    if (this.busy < this.workers) {
      this.begin(job, serviceMs, this.sim.now);
      return true;
    }
    if (this.queue.length >= this.queueLimit) {
      this.dropped++;
      return false;
    }
    this.queue.push(job, serviceMs);
    if (this.bucketMs > 0) this.noteQueue(this.sim.now);
    return true;
  }

  /** For processes: wait for one job of `serviceMs`; resumes with its latency (NaN if dropped). */
  serve(serviceMs: number): Waitable {
    return {
      subscribe: (resume) => {
        const id = this.nextWaiterId--;
        const arrived = this.sim.now;
        if (this.submit(id, serviceMs)) this.waiters.set(id, (now) => resume(now - arrived));
        else resume(NaN);
      },
    };
  }

  /** Mean fraction of workers busy over [0, nowMs]. */
  utilisation(nowMs = this.sim.now): number {
    if (nowMs <= 0) return 0;
    return this.busyMeter.areaUntil(nowMs) / (this.workers * nowMs);
  }

  /** Brings the busy-time record up to `nowMs` (call before reading `busyByBucket`). */
  flush(nowMs = this.sim.now): void {
    this.busyMeter.advance(nowMs);
  }

  private begin(job: number, serviceMs: number, now: number): void {
    this.busyMeter.add(now, 1);
    this.onStart?.(job, now);
    this.sim.schedule(now + serviceMs, this.doneKind, job);
  }

  private finish(job: number, now: number): void {
    this.busyMeter.add(now, -1);
    this.served++;
    if (this.queue.length > 0) {
      this.queue.shift();
      this.begin(this.queue.lastJob, this.queue.lastServiceMs, now);
    }
    if (job < 0) {
      const resume = this.waiters.get(job)!;
      this.waiters.delete(job);
      resume(now);
    } else {
      this.onDone(job, now);
    }
  }

  private noteQueue(now: number): void {
    const b = bucketIndexAt(now, this.bucketMs);
    if (b >= MAX_TRACKED_BUCKETS) {
      throw new RangeError(`Station with bucketMs ${this.bucketMs} would need ${b + 1} buckets to reach ${now} ms; at most ${MAX_TRACKED_BUCKETS} are kept`);
    }
    if (b >= this.maxQueueByBucket.length) this.maxQueueByBucket = grown(this.maxQueueByBucket, b + 1);
    if (this.queue.length > this.maxQueueByBucket[b]) this.maxQueueByBucket[b] = this.queue.length;
  }
}
