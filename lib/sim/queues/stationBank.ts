/**
 * Many service stations at once, each with its own workers and FIFO queue, whose
 * state lives in typed arrays: the servers of a cluster and the instances of its
 * balancers. Jobs are integers ≥ 0 (request numbers), at most one station at a time;
 * the bank keeps nothing per job, only per worker slot, so runs that stream their
 * requests hold memory for the jobs queued, not for every job of the run.
 *
 * A station can fail: every job waiting or in service there is lost at that moment
 * (reported through `fail`'s callback) and the completions already scheduled for the
 * lost jobs are ignored when they fire. A completion names its worker slot; the
 * (slot, time) of each lost one is remembered until it fires, and since it was
 * scheduled before any later job's in that slot, it fires first at equal times. Tracks per station the jobs finished, busy
 * worker-time (utilisation) and the longest queue.
 *
 * Draws no random numbers: service times come from the caller, one fork per
 * station or per server as the caller's stream layout says.
 *
 * Not modelled: priorities, pre-emption, abandonment by impatient clients (a job
 * whose client gave up is still served), a bound on the queue (callers that want one
 * check `queued` before submitting).
 */
import type { Simulation } from '../simulation';
import * as check from '../../validate';
import { FifoQueue } from '../fifoQueue';
import { MAX_BANK_SLOTS } from '../limits';

/** Called when a job finishes at a station. */
export type StationJobCallback = (job: number, station: number, nowMs: number) => void;

/** Many stations in typed arrays, each with its workers and FIFO queue (see the module header). */
export class StationBank {
  readonly stations: number;
  /** Jobs finished per station. */
  readonly served: Float64Array;
  /** Longest queue (jobs waiting, not in service) per station. */
  readonly maxQueue: Int32Array;
  private readonly workers: Int32Array;
  private readonly firstSlot: Int32Array;
  private readonly slotJob: Int32Array;
  private readonly slotStation: Int32Array;
  /** When the job in each slot is due to finish (ms). */
  private readonly slotDue: Float64Array;
  /** Completions of lost jobs still to fire: by slot, their due times. */
  private readonly lostCompletions = new Map<number, number[]>();
  private readonly busy: Int32Array;
  private readonly busyArea: Float64Array;
  private readonly lastChange: Float64Array;
  private readonly queues: FifoQueue[];
  private readonly doneKind: number;

  /**
   * `workers[s]` (an integer ≥ 1) for each station; worker slots may be at most
   * MAX_BANK_SLOTS (10^8, 13 bytes each).
   */
  constructor(private readonly sim: Simulation, workers: ArrayLike<number>, private readonly onDone: StationJobCallback) {
    if (sim === null || typeof sim !== 'object' || typeof sim.on !== 'function') throw new TypeError(`StationBank sim must be a Simulation; got ${check.describe(sim)}`);
    check.finiteArray('StationBank workers', workers);
    let slots = 0;
    for (let s = 0; s < workers.length; s++) slots += check.integer(`StationBank workers[${s}]`, workers[s], 1);
    check.workWithin('StationBank workers', slots, MAX_BANK_SLOTS, 'worker slots');
    if (typeof onDone !== 'function') throw new TypeError(`StationBank onDone must be a function (job, station, nowMs) => void; got ${check.describe(onDone)}`);
    const n = workers.length;
    this.stations = n;
    this.workers = Int32Array.from(workers);
    this.firstSlot = new Int32Array(n + 1);
    for (let s = 0; s < n; s++) this.firstSlot[s + 1] = this.firstSlot[s] + this.workers[s];
    this.slotJob = new Int32Array(this.firstSlot[n]).fill(-1);
    this.slotStation = new Int32Array(this.firstSlot[n]);
    this.slotDue = new Float64Array(this.firstSlot[n]);
    for (let s = 0; s < n; s++) this.slotStation.fill(s, this.firstSlot[s], this.firstSlot[s + 1]);
    this.busy = new Int32Array(n);
    this.busyArea = new Float64Array(n);
    this.lastChange = new Float64Array(n);
    this.served = new Float64Array(n);
    this.maxQueue = new Int32Array(n);
    this.queues = Array.from({ length: n }, () => new FifoQueue());
    this.doneKind = sim.on((slot, now) => this.finish(slot, now));
  }

  /** Jobs waiting (not in service) at station `s`. */
  queued(s: number): number {
    return this.queues[s].length;
  }

  /** Starts `job` at station `s` now if a worker is free, else queues it. */
  submit(s: number, job: number, serviceMs: number): void {
    if (this.busy[s] < this.workers[s]) {
      this.begin(s, job, serviceMs, this.sim.now);
      return;
    }
    const q = this.queues[s];
    q.push(job, serviceMs);
    if (q.length > this.maxQueue[s]) this.maxQueue[s] = q.length;
  }

  /** Station `s` fails now: each job waiting or in service there is passed to `onLost`. */
  fail(s: number, onLost: (job: number) => void): void {
    this.account(s, this.sim.now);
    for (let k = this.firstSlot[s]; k < this.firstSlot[s + 1]; k++) {
      const job = this.slotJob[k];
      if (job >= 0) {
        this.slotJob[k] = -1;
        const due = this.lostCompletions.get(k);
        if (due === undefined) this.lostCompletions.set(k, [this.slotDue[k]]);
        else due.push(this.slotDue[k]);
        onLost(job);
      }
    }
    this.busy[s] = 0;
    const q = this.queues[s];
    while (q.length > 0) {
      q.shift();
      onLost(q.lastJob);
    }
  }

  /** Mean fraction of station `s`'s workers busy over [0, nowMs]. */
  utilisation(s: number, nowMs: number): number {
    if (nowMs <= 0) return 0;
    const area = this.busyArea[s] + this.busy[s] * Math.max(0, nowMs - this.lastChange[s]);
    return area / (this.workers[s] * nowMs);
  }

  private begin(s: number, job: number, serviceMs: number, now: number): void {
    this.account(s, now);
    let k = this.firstSlot[s];
    while (this.slotJob[k] >= 0) k++;
    this.slotJob[k] = job;
    this.slotDue[k] = now + serviceMs;
    this.busy[s]++;
    this.sim.schedule(now + serviceMs, this.doneKind, k);
  }

  private finish(k: number, now: number): void {
    if (this.lostCompletions.size > 0 && this.wasLost(k, now)) return;
    const job = this.slotJob[k];
    this.slotJob[k] = -1;
    const s = this.slotStation[k];
    this.account(s, now);
    this.busy[s]--;
    this.served[s]++;
    const q = this.queues[s];
    if (q.length > 0) {
      q.shift();
      this.begin(s, q.lastJob, q.lastServiceMs, now);
    }
    this.onDone(job, s, now);
  }

  /** True (and forgotten) when the completion due at `now` in slot `k` is a lost job's. */
  private wasLost(k: number, now: number): boolean {
    const due = this.lostCompletions.get(k);
    const at = due === undefined ? -1 : due.indexOf(now);
    if (at < 0) return false;
    due!.splice(at, 1);
    if (due!.length === 0) this.lostCompletions.delete(k);
    return true;
  }

  private account(s: number, now: number): void {
    this.busyArea[s] += this.busy[s] * (now - this.lastChange[s]);
    this.lastChange[s] = now;
  }
}
