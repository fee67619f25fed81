/**
 * A service station: `workers` identical servers sharing one FIFO queue, with an
 * optional bound on the number waiting (arrivals finding it full are dropped and
 * counted). Service times are given per job by the caller. Tracks busy worker-time
 * (for utilisation), overall and per time bucket, and the longest queue per bucket.
 *
 * Not modelled: priorities, pre-emption, abandonment (a client timing out still
 * leaves its job in the queue, as a server that never notices would).
 */
import type { Simulation } from './simulation';
import type { Waitable } from './process';
import * as check from '../validate';
import { FifoQueue } from './fifoQueue';

export interface StationOptions {
  /** Parallel servers (integer ≥ 1). */
  workers: number;
  /** Most jobs allowed to wait (not counting those in service); default Infinity. */
  queueLimit?: number;
  /** When set, busy time and queue length are also recorded per bucket of this many ms. */
  bucketMs?: number;
}

/** Called when a job finishes service (or, for `onStart`, begins it). */
export type JobCallback = (job: number, nowMs: number) => void;

export class Station {
  readonly workers: number;
  readonly queueLimit: number;
  readonly bucketMs: number;
  /** Jobs in service now. */
  busy = 0;
  /** Jobs finished. */
  served = 0;
  /** Jobs turned away because the queue was full. */
  dropped = 0;
  /** Busy worker-milliseconds per bucket (when `bucketMs` is set). */
  busyByBucket = new Float64Array(0);
  /** Longest queue seen per bucket (when `bucketMs` is set). */
  maxQueueByBucket = new Float64Array(0);

  private readonly sim: Simulation;
  private readonly queue = new FifoQueue();
  private readonly doneKind: number;
  private busyArea = 0;
  private lastChange = 0;
  private readonly waiters = new Map<number, (value: number) => void>();
  private nextWaiterId = -1;

  constructor(sim: Simulation, opts: StationOptions, private readonly onDone: JobCallback = () => {}, private readonly onStart?: JobCallback) {
    check.options('Station', opts);
    this.sim = sim;
    this.workers = check.integer('workers', opts.workers, 1);
    this.queueLimit = opts.queueLimit === undefined || opts.queueLimit === Infinity ? Infinity : check.integer('queueLimit', opts.queueLimit, 0);
    this.bucketMs = opts.bucketMs === undefined ? 0 : check.positive('bucketMs', opts.bucketMs);
    this.doneKind = sim.on((job, now) => this.finish(job, now));
  }

  /** Jobs waiting (not in service). */
  get queued(): number {
    return this.queue.length;
  }

  /** Offers job number `job` (≥ 0); returns false (and counts a drop) when every worker is busy and the queue is full. */
  submit(job: number, serviceMs: number): boolean {
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
    return (this.busyArea + this.busy * (nowMs - this.lastChange)) / (this.workers * nowMs);
  }

  /** Brings the busy-time record up to `nowMs` (call before reading `busyByBucket`). */
  flush(nowMs = this.sim.now): void {
    this.account(nowMs);
  }

  private begin(job: number, serviceMs: number, now: number): void {
    this.account(now);
    this.busy++;
    this.onStart?.(job, now);
    this.sim.schedule(now + serviceMs, this.doneKind, job);
  }

  private finish(job: number, now: number): void {
    this.account(now);
    this.busy--;
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

  /** Adds busy worker-time since the last change, spread over buckets when tracked. */
  private account(now: number): void {
    const from = this.lastChange;
    if (now > from && this.busy > 0) {
      this.busyArea += this.busy * (now - from);
      if (this.bucketMs > 0) {
        let t = from;
        while (t < now) {
          const b = Math.floor(t / this.bucketMs);
          const end = Math.min(now, (b + 1) * this.bucketMs);
          this.ensureBucket(b);
          this.busyByBucket[b] += this.busy * (end - t);
          t = end;
        }
      }
    }
    this.lastChange = now;
  }

  private noteQueue(now: number): void {
    const b = Math.floor(now / this.bucketMs);
    this.ensureBucket(b);
    if (this.queue.length > this.maxQueueByBucket[b]) this.maxQueueByBucket[b] = this.queue.length;
  }

  private ensureBucket(b: number): void {
    if (b < this.busyByBucket.length) return;
    const size = Math.max(b + 1, this.busyByBucket.length * 2, 64);
    const busy = new Float64Array(size);
    busy.set(this.busyByBucket);
    const q = new Float64Array(size);
    q.set(this.maxQueueByBucket);
    this.busyByBucket = busy;
    this.maxQueueByBucket = q;
  }
}

