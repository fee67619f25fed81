/**
 * A growable first-in first-out ring buffer of (job, serviceMs) pairs in typed arrays.
 * It starts at four pairs and doubles as needed, so a cluster of 10^5 idle stations costs little.
 */
export class FifoQueue {
  private jobs = new Float64Array(4);
  private service = new Float64Array(4);
  private head = 0;
  private n = 0;

  get length(): number {
    return this.n;
  }

  /** Appends `job` with its service time (ms). */
  push(job: number, serviceMs: number): void {
    if (this.n === this.jobs.length) this.grow();
    const i = (this.head + this.n) & (this.jobs.length - 1);
    this.jobs[i] = job;
    this.service[i] = serviceMs;
    this.n++;
  }

  /** Removes the oldest pair; read it from `lastJob` and `lastServiceMs`. */
  shift(): void {
    this.lastJob = this.jobs[this.head];
    this.lastServiceMs = this.service[this.head];
    this.head = (this.head + 1) & (this.jobs.length - 1);
    this.n--;
  }

  lastJob = 0;
  lastServiceMs = 0;

  /** The oldest pair's job, without removing it (the queue must not be empty). */
  get firstJob(): number {
    return this.jobs[this.head];
  }

  /** The oldest pair's serviceMs, without removing it (the queue must not be empty). */
  get firstServiceMs(): number {
    return this.service[this.head];
  }

  private grow(): void {
    const cap = this.jobs.length * 2;
    const jobs = new Float64Array(cap);
    const service = new Float64Array(cap);
    for (let k = 0; k < this.n; k++) {
      const i = (this.head + k) & (this.jobs.length - 1);
      jobs[k] = this.jobs[i];
      service[k] = this.service[i];
    }
    this.jobs = jobs;
    this.service = service;
    this.head = 0;
  }
}
