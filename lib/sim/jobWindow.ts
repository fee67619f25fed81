/**
 * Typed columns of per-request values, either for every request of a run or, for
 * runs that keep summaries, only for the requests still in flight: a ring keyed by
 * the request's number. Requests open in order (0, 1, 2, …) and close in any order;
 * the ring holds every request from the oldest still open to the newest, so its
 * memory follows the span of requests in flight, not the run's length, and it
 * doubles when that span outgrows it.
 *
 * Callers index a column with `window.col.name[job & window.mask]`: with every row
 * kept the mask is all ones and the index is the request's number.
 *
 * Hand-written rather than a Map: it is touched on every arrival and departure of
 * runs of 10^8 requests, where a Map's per-entry allocation would dominate.
 */

type ColumnType = Float64ArrayConstructor | Int32ArrayConstructor | Uint8ArrayConstructor;

/** The columns of a window, from a spec such as `{ arrivalMs: Float64Array, server: Int32Array }`. */
export type Columns<S extends Record<string, ColumnType>> = { [K in keyof S]: InstanceType<S[K]> };

const ALL_ROWS = 0x7fffffff;

/** Per-request typed columns: every row, or a ring over the requests in flight (see the module header). */
export class JobWindow<S extends Record<string, ColumnType>> {
  /** The columns; index them with `job & mask`. Replaced when the ring grows: read them through the window. */
  col: Columns<S>;
  /** The index mask: all ones when every row is kept, capacity − 1 for a ring. */
  mask: number;
  /** Requests opened so far: the next request's number. */
  opened = 0;
  /** The oldest request still open (or `opened` when none is). */
  private oldest = 0;
  private open: Uint8Array;

  private constructor(
    private readonly spec: S,
    private capacity: number,
    private readonly ring: boolean,
  ) {
    this.col = allocate(spec, capacity);
    this.mask = ring ? capacity - 1 : ALL_ROWS;
    this.open = new Uint8Array(ring ? capacity : 0);
  }

  /** A row for each of `rows` requests (an integer in [0, 2^31)), never overwritten. */
  static everyRow<S extends Record<string, ColumnType>>(spec: S, rows: number): JobWindow<S> {
    return new JobWindow(spec, rows, false);
  }

  /** A ring over the requests in flight, starting with room for 1,024. */
  static inFlight<S extends Record<string, ColumnType>>(spec: S): JobWindow<S> {
    return new JobWindow(spec, 1024, true);
  }

  /** Requests from the oldest open one to the newest: what a ring holds. */
  get span(): number {
    return this.opened - this.oldest;
  }

  /** The oldest request a ring still holds (requests before it are closed); 0 with every row kept. */
  get oldestOpen(): number {
    return this.oldest;
  }

  /** True while request `job` of a ring is open (not yet closed); with every row kept, for every opened request. */
  isOpen(job: number): boolean {
    if (!this.ring) return job < this.opened;
    return job >= this.oldest && job < this.opened && this.open[job & this.mask] === 1;
  }

  /** Opens request number `opened` (the next in order) and returns its number. */
  openNext(): number {
    if (this.ring) {
      if (this.opened - this.oldest === this.capacity) this.grow();
      this.open[this.opened & this.mask] = 1;
    }
    return this.opened++;
  }

  /** Closes request `job`; in a ring, its row may be overwritten from now on. */
  close(job: number): void {
    if (!this.ring) return;
    this.open[job & this.mask] = 0;
    while (this.oldest < this.opened && this.open[this.oldest & this.mask] === 0) this.oldest++;
  }

  private grow(): void {
    const old = { col: this.col, open: this.open, mask: this.mask };
    this.capacity *= 2;
    this.mask = this.capacity - 1;
    this.col = allocate(this.spec, this.capacity);
    this.open = new Uint8Array(this.capacity);
    for (const name in this.spec) {
      const from = old.col[name];
      const to = this.col[name];
      for (let job = this.oldest; job < this.opened; job++) to[job & this.mask] = from[job & old.mask];
    }
    for (let job = this.oldest; job < this.opened; job++) this.open[job & this.mask] = old.open[job & old.mask];
  }
}

function allocate<S extends Record<string, ColumnType>>(spec: S, rows: number): Columns<S> {
  const col = {} as Record<string, Float64Array | Int32Array | Uint8Array>;
  for (const name in spec) col[name] = new spec[name](rows);
  return col as Columns<S>;
}
