/**
 * Per-request values for the requests still in flight, for runs that keep summaries
 * instead of columns: a ring of `width` numbers per request, keyed by the request's
 * number. Requests open in order (0, 1, 2, …) and close in any order; the ring
 * holds every request from the oldest still open to the newest, so its memory
 * follows the span of requests in flight, not the run's length. It doubles when that
 * span outgrows it.
 *
 * Hand-written rather than a Map: it is touched on every arrival and departure of
 * runs of 10^8 requests, where a Map's per-entry allocation would dominate.
 */

/** Numbers kept per request in flight (see the module header). */
export class JobWindow {
  /** Requests opened so far: the next request's number. */
  opened = 0;
  /** The oldest request still open (or `opened` when none is). */
  private oldest = 0;
  private capacity = 1024;
  private values: Float64Array;
  private open: Uint8Array;

  /** A window of `width` numbers per request (an integer ≥ 1). */
  constructor(private readonly width: number) {
    this.values = new Float64Array(this.capacity * width);
    this.open = new Uint8Array(this.capacity);
  }

  /** Requests from the oldest open one to the newest: what the window holds. */
  get span(): number {
    return this.opened - this.oldest;
  }

  /** Opens request number `opened` (the next in order) and returns its number. */
  openNext(): number {
    if (this.opened - this.oldest === this.capacity) this.grow();
    const job = this.opened++;
    this.open[job & (this.capacity - 1)] = 1;
    return job;
  }

  /** Sets value `k` (< width) of open request `job`. */
  set(job: number, k: number, value: number): void {
    this.values[(job & (this.capacity - 1)) * this.width + k] = value;
  }

  /** Value `k` (< width) of open request `job`. */
  get(job: number, k: number): number {
    return this.values[(job & (this.capacity - 1)) * this.width + k];
  }

  /** Closes request `job`; its values may be overwritten from now on. */
  close(job: number): void {
    const mask = this.capacity - 1;
    this.open[job & mask] = 0;
    while (this.oldest < this.opened && this.open[this.oldest & mask] === 0) this.oldest++;
  }

  private grow(): void {
    const old = { values: this.values, open: this.open, mask: this.capacity - 1 };
    this.capacity *= 2;
    const mask = this.capacity - 1;
    this.values = new Float64Array(this.capacity * this.width);
    this.open = new Uint8Array(this.capacity);
    for (let job = this.oldest; job < this.opened; job++) {
      const from = (job & old.mask) * this.width;
      this.values.set(old.values.subarray(from, from + this.width), (job & mask) * this.width);
      this.open[job & mask] = old.open[job & old.mask];
    }
  }
}
