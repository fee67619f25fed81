/**
 * A streaming quantile sketch for runs too long to keep every sample (10^7+
 * latencies): memory depends on the range of values and the accuracy asked for,
 * never on how many values were added.
 *
 * Method (the idea of DDSketch, Masson, Rim & Lee, VLDB 2019): with ε the
 * `relativeError` and γ = (1 + ε) / (1 − ε), bucket i counts the values in
 * (γ^(i−1), γ^i]. Any value in that bucket is within relative error ε of the
 * bucket's representative 2γ^i / (γ + 1). `quantile(p)` finds the buckets holding
 * the two order statistics that the type-7 rule (see `quantile.ts`) interpolates
 * and interpolates their representatives the same way, so its answer is within ε
 * (relative) of the exact type-7 quantile of the same values — up to floating-point
 * rounding, and provided both order statistics are ≥ `minValue`. Counts live in a
 * Float64Array that grows at either end as new buckets are reached: about
 * ln(max / minValue) / (2ε) buckets (plus at most a quarter spare), ~1500 for
 * ε = 1% from 1 ns to 3 hours in ms.
 *
 * Values below `minValue`, including zero and negative values, are counted in a
 * separate zero bucket whose representative is 0; quantiles that fall there are
 * accurate only to within max(minValue, |min|). Every answer is clamped to the
 * exact [min, max], and p = 0 / p = 1 return the exact min / max. Count, sum,
 * mean, min and max are exact (the sum is compensated). Not thread-shared, not
 * serialised; values are not kept, so exact re-sorting is impossible.
 */
import * as check from '../validate';
import { SUMMARY_QUANTILES, type Summary } from './summarize';

export interface LogHistogramOptions {
  /**
   * Relative accuracy ε of every quantile, in [1e-5, 0.5]. Default 0.01 (1%). Memory is
   * about ln(max / minValue) / (2ε) buckets of 8 bytes: 1500 for the default over 1 ns to
   * 3 hours, and at most about 7·10^7 (580 MB) for ε = 1e-5 over every finite double.
   */
  relativeError?: number;
  /** Smallest value tracked with relative accuracy (ms for latencies), > 0. Default 1e-6. */
  minValue?: number;
}

/** Every key of LogHistogramOptions. */
export const LOG_HISTOGRAM_KEYS: readonly (keyof LogHistogramOptions)[] = ['relativeError', 'minValue'];

const INITIAL_BUCKETS = 64;

/** A quantile sketch with a relative error bound (see the module header). */
export class LogHistogram {
  /** Relative accuracy ε of the quantiles. */
  readonly relativeError: number;
  /** Values below this go to the zero bucket. */
  readonly minValue: number;
  private readonly logGamma: number;
  private readonly invLogGamma: number;
  private readonly repFactor: number;
  private readonly minIndex: number;
  private counts = new Float64Array(0);
  /** Bucket index of counts[0]. */
  private offset = 0;
  private zeros = 0;
  private n = 0;
  private sum = 0;
  private sumComp = 0;
  private lo = Infinity;
  private hi = -Infinity;

  constructor(opts: LogHistogramOptions = {}) {
    check.options('LogHistogram', opts, LOG_HISTOGRAM_KEYS);
    const eps = opts.relativeError === undefined ? 0.01 : check.inRange('LogHistogram relativeError', opts.relativeError, 1e-5, 0.5);
    this.relativeError = eps;
    this.minValue = opts.minValue === undefined ? 1e-6 : check.positive('LogHistogram minValue', opts.minValue);
    const gamma = (1 + eps) / (1 - eps);
    this.logGamma = Math.log(gamma);
    this.invLogGamma = 1 / this.logGamma;
    this.repFactor = 2 / (gamma + 1);
    this.minIndex = this.indexOf(this.minValue);
  }

  /** Number of values added. */
  get count(): number {
    return this.n;
  }

  /** Values counted in the zero bucket (below `minValue`). */
  get zeroCount(): number {
    return this.zeros;
  }

  /** Buckets allocated (the memory used: 8 bytes each). */
  get bucketCount(): number {
    return this.counts.length;
  }

  /** Adds one finite value. */
  add(value: number): this {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      const err = typeof value === 'number' ? RangeError : TypeError;
      throw new err(`LogHistogram.add(value) must be a finite number; got ${String(value)}`);
    }
    this.insert(value);
    return this;
  }

  /** Adds every value of an array or typed array (all must be finite). */
  addAll(values: ArrayLike<number>): this {
    if (!(Array.isArray(values) || ArrayBuffer.isView(values))) {
      throw new TypeError(`LogHistogram.addAll(values) must be an array of finite numbers; got a value of type ${typeof values}`);
    }
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new RangeError(`LogHistogram.addAll(values) must contain only finite numbers; element ${i} is ${String(v)}`);
      }
      this.insert(v);
    }
    return this;
  }

  /** Adds the contents of another histogram built with the same relativeError and minValue. */
  merge(other: LogHistogram): this {
    if (!(other instanceof LogHistogram)) {
      throw new TypeError(`LogHistogram.merge(other) must be a LogHistogram; got ${other === null ? 'null' : typeof other}`);
    }
    if (other.relativeError !== this.relativeError) {
      throw new RangeError(`LogHistogram.merge needs the same relativeError (${this.relativeError}); got ${other.relativeError}`);
    }
    if (other.minValue !== this.minValue) {
      throw new RangeError(`LogHistogram.merge needs the same minValue (${this.minValue}); got ${other.minValue}`);
    }
    const theirs = other === this ? this.counts.slice() : other.counts;
    // Grow once to the other's occupied range, then add bucket by bucket.
    let first = 0;
    let last = theirs.length - 1;
    while (first <= last && theirs[first] === 0) first++;
    while (last >= first && theirs[last] === 0) last--;
    if (first <= last) {
      this.ensure(other.offset + first);
      this.ensure(other.offset + last);
    }
    for (let j = 0; j < theirs.length; j++) {
      if (theirs[j] === 0) continue;
      const idx = other.offset + j;
      this.ensure(idx);
      this.counts[idx - this.offset] += theirs[j];
    }
    const { zeros, n, sum, sumComp, lo, hi } = other;
    this.zeros += zeros;
    this.n += n;
    this.addToSum(sum);
    this.addToSum(sumComp);
    if (lo < this.lo) this.lo = lo;
    if (hi > this.hi) this.hi = hi;
    return this;
  }

  /**
   * The p-quantile (p in [0, 1]) by the type-7 rule over bucket representatives;
   * within relativeError of the exact type-7 quantile (see the module header).
   */
  quantile(p: number): number {
    check.probability('LogHistogram quantile p', p);
    this.requireValues('quantile');
    const h = (this.n - 1) * p;
    const rank = Math.floor(h);
    const frac = h - rank;
    const a = this.valueAtRank(rank);
    const b = frac > 0 && rank + 1 < this.n ? this.valueAtRank(rank + 1) : a;
    const q = a === b ? a : a + frac * (b - a);
    return Math.min(this.hi, Math.max(this.lo, q));
  }

  /** The Summary shape of `summarize`: exact count/mean/min/max, sketched quantiles. */
  summary(): Summary {
    this.requireValues('summary');
    return {
      count: this.n,
      mean: (this.sum + this.sumComp) / this.n,
      min: this.lo,
      p50: this.quantile(SUMMARY_QUANTILES.p50),
      p90: this.quantile(SUMMARY_QUANTILES.p90),
      p99: this.quantile(SUMMARY_QUANTILES.p99),
      p999: this.quantile(SUMMARY_QUANTILES.p999),
      max: this.hi,
    };
  }

  private indexOf(v: number): number {
    return Math.ceil(Math.log(v) * this.invLogGamma);
  }

  private insert(v: number): void {
    this.n++;
    this.addToSum(v);
    if (v < this.lo) this.lo = v;
    if (v > this.hi) this.hi = v;
    if (v < this.minValue) {
      this.zeros++;
      return;
    }
    const idx = Math.max(this.minIndex, Math.ceil(Math.log(v) * this.invLogGamma));
    let j = idx - this.offset;
    if (j < 0 || j >= this.counts.length) {
      this.ensure(idx);
      j = idx - this.offset;
    }
    this.counts[j]++;
  }

  /** Neumaier-compensated running sum. */
  private addToSum(v: number): void {
    const t = this.sum + v;
    this.sumComp += Math.abs(this.sum) >= Math.abs(v) ? this.sum - t + v : v - t + this.sum;
    this.sum = t;
  }

  /** Makes bucket `idx` addressable, growing toward it with a quarter's spare room. */
  private ensure(idx: number): void {
    const len = this.counts.length;
    if (len === 0) {
      this.offset = Math.max(this.minIndex, idx - INITIAL_BUCKETS / 2);
      this.counts = new Float64Array(INITIAL_BUCKETS);
      if (idx - this.offset < INITIAL_BUCKETS) return;
    } else if (idx >= this.offset && idx < this.offset + len) {
      return;
    }
    const oldLen = this.counts.length;
    const lo = Math.min(this.offset, idx);
    const hi = Math.max(this.offset + oldLen - 1, idx);
    const newLen = hi - lo + 1 + Math.max(INITIAL_BUCKETS, oldLen >> 2);
    // Leave the spare room on the side that is growing, never below minIndex.
    const newOffset = idx < this.offset ? Math.max(this.minIndex, hi - newLen + 1) : lo;
    const grown = new Float64Array(newLen);
    grown.set(this.counts, this.offset - newOffset);
    this.counts = grown;
    this.offset = newOffset;
  }

  /** Representative of the value with 0-based rank r (ranks 0 and n−1 are exact). */
  private valueAtRank(r: number): number {
    if (r === 0) return this.lo;
    if (r === this.n - 1) return this.hi;
    let seen = this.zeros;
    if (r < seen) return 0;
    const counts = this.counts;
    for (let j = 0; j < counts.length; j++) {
      seen += counts[j];
      if (r < seen) return Math.exp((this.offset + j) * this.logGamma) * this.repFactor;
    }
    return this.hi;
  }

  private requireValues(method: string): void {
    if (this.n === 0) throw new RangeError(`LogHistogram.${method}() needs at least one value; add values first`);
  }
}
