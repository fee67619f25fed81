/**
 * Fixed-bin histogram of a sample, with linear or logarithmic bins.
 *
 * Bins are [edges[i], edges[i+1]) except the last, which also includes its upper
 * edge (as in NumPy). Log bins are evenly spaced in log(x), which is how latency
 * tails are usually shown; they need min > 0. Values outside [min, max] are not
 * clamped into the end bins: they are counted in `underflow` / `overflow`.
 *
 * `density` is counts / (n · bin width), with n the number of ALL values, so it
 * integrates over [min, max] to the fraction of values inside the range (1 when
 * nothing falls outside). It is a density per unit of x, also for log bins.
 * Nothing is smoothed; choosing `bins` is left to the caller.
 */
import * as check from '../validate';

export type HistogramScale = 'linear' | 'log';

export interface HistogramOptions {
  /** Number of bins, an integer in [1, 1e6]. Default 50. */
  bins?: number;
  /** Bin spacing: 'linear' (default) or 'log' (needs min > 0). */
  scale?: HistogramScale;
  /** Lower edge of the first bin; default the smallest value. */
  min?: number;
  /** Upper edge of the last bin; default the largest value. */
  max?: number;
}

export interface Histogram {
  scale: HistogramScale;
  /** bins + 1 increasing edges; edges[0] = min and edges[bins] = max exactly. */
  edges: Float64Array;
  /** Values in each bin. */
  counts: Float64Array;
  /** counts / n: the fraction of all values in each bin. */
  fraction: Float64Array;
  /** counts / (n · width): a probability density per unit of x. */
  density: Float64Array;
  /** Values below min. */
  underflow: number;
  /** Values above max. */
  overflow: number;
  /** All values, including underflow and overflow. */
  total: number;
}

const MAX_BINS = 1_000_000;

/** Smallest and largest value. */
function dataRange(values: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

function resolveRange(values: ArrayLike<number>, opts: HistogramOptions, scale: HistogramScale): [number, number] {
  const given = [opts.min, opts.max].map((v, i) => (v === undefined ? undefined : check.finite(`histogram ${i ? 'max' : 'min'}`, v)));
  const [dataLo, dataHi] = given[0] === undefined || given[1] === undefined ? dataRange(values) : [0, 0];
  let lo = given[0] ?? dataLo;
  let hi = given[1] ?? dataHi;
  if (scale === 'log' && !(lo > 0)) {
    const why = given[0] === undefined ? `the smallest value is ${lo}; pass min > 0 explicitly (values below it are counted in underflow)` : `got ${lo}`;
    throw new RangeError(`histogram min must be > 0 when scale is 'log'; ${why}`);
  }
  if (lo === hi && given[0] === undefined && given[1] === undefined) {
    // Every value is equal: centre one bin range on it (±0.5, or ×/÷ 2 for log bins).
    if (scale === 'log') [lo, hi] = [lo / 2, hi * 2];
    else [lo, hi] = [lo - 0.5, hi + 0.5];
  }
  if (!(hi > lo)) {
    throw new RangeError(`histogram max must be > min (${lo}); got ${hi}${given[1] === undefined ? ' (the largest value)' : ''}`);
  }
  return [lo, hi];
}

export function histogram(values: ArrayLike<number>, opts: HistogramOptions = {}): Histogram {
  check.options('histogram', opts);
  check.finiteArray('values', values);
  const bins = opts.bins === undefined ? 50 : check.integer('histogram bins', opts.bins, 1, MAX_BINS);
  const scale = opts.scale === undefined ? 'linear' : check.oneOf('histogram scale', opts.scale, ['linear', 'log'] as const);
  const [min, max] = resolveRange(values, opts, scale);

  const log = scale === 'log';
  const a = log ? Math.log(min) : min;
  const step = ((log ? Math.log(max) : max) - a) / bins;
  const edges = new Float64Array(bins + 1);
  for (let i = 0; i <= bins; i++) edges[i] = log ? Math.exp(a + i * step) : a + i * step;
  edges[0] = min;
  edges[bins] = max;

  const counts = new Float64Array(bins);
  let underflow = 0;
  let overflow = 0;
  for (let j = 0; j < values.length; j++) {
    const v = values[j];
    if (v < min) underflow++;
    else if (v > max) overflow++;
    else {
      let i = Math.floor(((log ? Math.log(v) : v) - a) / step);
      // Arithmetic can land one bin off near an edge: the stored edges decide.
      if (i >= bins) i = bins - 1;
      else if (i < 0) i = 0;
      if (i > 0 && v < edges[i]) i--;
      else if (i < bins - 1 && v >= edges[i + 1]) i++;
      counts[i]++;
    }
  }

  const total = values.length;
  const fraction = counts.map((c) => c / total);
  const density = fraction.map((f, i) => f / (edges[i + 1] - edges[i]));
  return { scale, edges, counts, fraction, density, underflow, overflow, total };
}
