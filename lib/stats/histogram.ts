/**
 * Fixed-bin histogram of a sample, with linear or logarithmic bins (see
 * binEdges.ts) or with explicit `edges`, e.g. shared by several samples.
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
import { edgesFor, type BinEdgeOptions, type HistogramScale } from './binEdges';

export interface HistogramOptions extends BinEdgeOptions {
  /**
   * Explicit bin edges: at least 2 finite numbers, strictly ascending. Replaces
   * bins, scale, min and max, which must then be left out.
   */
  edges?: ArrayLike<number>;
}

export interface Histogram {
  /** How the edges are spaced; 'explicit' when they were given as `edges`. */
  scale: HistogramScale | 'explicit';
  /** Increasing edges, one more than there are bins; edges[0] = min, the last = max. */
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

/** Every key of HistogramOptions. */
export const HISTOGRAM_KEYS: readonly (keyof HistogramOptions)[] = ['bins', 'scale', 'min', 'max', 'edges'];

const GENERATED = ['bins', 'scale', 'min', 'max'] as const;

function explicitEdges(opts: HistogramOptions): Float64Array {
  const clash = GENERATED.find((k) => opts[k] !== undefined);
  if (clash !== undefined) {
    throw new RangeError(`histogram edges cannot be combined with ${clash}; pass either edges or bins/scale/min/max`);
  }
  return Float64Array.from(check.ascending('histogram edges', opts.edges));
}

/** The bin of v, min ≤ v ≤ max: the last edge ≤ v, the last bin for v = max. */
function binOf(edges: Float64Array, v: number): number {
  let lo = 0;
  let hi = edges.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (edges[mid] <= v) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** A fixed-bin histogram of `values` (a non-empty array of finite numbers); see the module header. */
export function histogram(values: ArrayLike<number>, opts: HistogramOptions = {}): Histogram {
  check.options('histogram', opts, HISTOGRAM_KEYS);
  check.finiteArray('values', values);
  const { scale, edges } = opts.edges === undefined ? edgesFor('histogram', [values], opts) : { scale: 'explicit' as const, edges: explicitEdges(opts) };

  const bins = edges.length - 1;
  const min = edges[0];
  const max = edges[bins];
  const counts = new Float64Array(bins);
  let underflow = 0;
  let overflow = 0;
  for (let j = 0; j < values.length; j++) {
    const v = values[j];
    if (v < min) underflow++;
    else if (v > max) overflow++;
    else counts[binOf(edges, v)]++;
  }

  const total = values.length;
  const fraction = counts.map((c) => c / total);
  const density = fraction.map((f, i) => f / (edges[i + 1] - edges[i]));
  return { scale, edges, counts, fraction, density, underflow, overflow, total };
}
