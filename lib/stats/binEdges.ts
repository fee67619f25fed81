/**
 * Histogram bin edges: `bins` bins of equal width in x ('linear') or in log(x)
 * ('log', which needs min > 0), from min to max. The range defaults to the
 * smallest and largest value over all the samples given, so several samples
 * binned with the same edges (overlaid histograms) share their bins. When every
 * value is equal the range is centred on it (±0.5, or ×/÷ 2 for log bins). It
 * does not choose the bin count from the data (Sturges, Freedman–Diaconis).
 */
import * as check from '../validate';

export type HistogramScale = 'linear' | 'log';

export interface BinEdgeOptions {
  /** Number of bins, an integer in [1, 1e6]. Default 50. */
  bins?: number;
  /** Bin spacing: 'linear' (default) or 'log' (needs min > 0). */
  scale?: HistogramScale;
  /** Lower edge of the first bin; default the smallest value. */
  min?: number;
  /** Upper edge of the last bin; default the largest value. */
  max?: number;
}

/** Every key of BinEdgeOptions. */
export const BIN_EDGE_KEYS: readonly (keyof BinEdgeOptions)[] = ['bins', 'scale', 'min', 'max'];

/** Most bins (8 bytes each per array: 8 MB for the edges). */
export const MAX_BINS = 1_000_000;

/** Smallest and largest value over all samples. */
function dataRange(samples: readonly ArrayLike<number>[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const values of samples) {
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return [lo, hi];
}

function resolveRange(fn: string, samples: readonly ArrayLike<number>[], opts: BinEdgeOptions, scale: HistogramScale): [number, number] {
  const given = [opts.min, opts.max].map((v, i) => (v === undefined ? undefined : check.finite(`${fn} ${i ? 'max' : 'min'}`, v)));
  const [dataLo, dataHi] = given[0] === undefined || given[1] === undefined ? dataRange(samples) : [0, 0];
  let lo = given[0] ?? dataLo;
  let hi = given[1] ?? dataHi;
  if (scale === 'log' && !(lo > 0)) {
    const why = given[0] === undefined ? `the smallest value is ${lo}; pass min > 0 explicitly (values below it are counted in underflow)` : `got ${lo}`;
    throw new RangeError(`${fn} min must be > 0 when scale is 'log'; ${why}`);
  }
  if (lo === hi && given[0] === undefined && given[1] === undefined) {
    if (scale === 'log') [lo, hi] = [lo / 2, hi * 2];
    else [lo, hi] = [lo - 0.5, hi + 0.5];
  }
  if (!(hi > lo)) {
    throw new RangeError(`${fn} max must be > min (${lo}); got ${hi}${given[1] === undefined ? ' (the largest value)' : ''}`);
  }
  return [lo, hi];
}

/**
 * The edges for already-validated samples, with errors naming `fn`'s options
 * (histogram() reports its own option names through this).
 */
export function edgesFor(fn: string, samples: readonly ArrayLike<number>[], opts: BinEdgeOptions): { scale: HistogramScale; edges: Float64Array } {
  const bins = opts.bins === undefined ? 50 : check.integer(`${fn} bins`, opts.bins, 1, MAX_BINS);
  const scale = opts.scale === undefined ? 'linear' : check.oneOf(`${fn} scale`, opts.scale, ['linear', 'log'] as const);
  const [min, max] = resolveRange(fn, samples, opts, scale);
  const log = scale === 'log';
  const a = log ? Math.log(min) : min;
  const step = ((log ? Math.log(max) : max) - a) / bins;
  const edges = new Float64Array(bins + 1);
  for (let i = 0; i <= bins; i++) edges[i] = log ? Math.exp(a + i * step) : a + i * step;
  edges[0] = min;
  edges[bins] = max;
  return { scale, edges };
}

/**
 * bins + 1 increasing edges for the samples (a non-empty list of non-empty arrays
 * of finite numbers); edges[0] = min and edges[bins] = max exactly.
 */
export function binEdges(samples: readonly ArrayLike<number>[], opts: BinEdgeOptions = {}): Float64Array {
  check.options('binEdges', opts, BIN_EDGE_KEYS);
  if (!Array.isArray(samples)) throw new TypeError(`binEdges samples must be an array of samples; got ${check.describe(samples)}`);
  if (samples.length === 0) throw new RangeError('binEdges samples must hold at least one sample; got an empty array');
  samples.forEach((s, i) => check.finiteArray(`binEdges samples[${i}]`, s));
  return edgesFor('binEdges', samples, opts).edges;
}
