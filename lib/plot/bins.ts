/**
 * Histogram bins for figures: equal-width edges on a linear axis, or equal width
 * in log(x) on a log axis (plotly's own binning cannot space bins logarithmically),
 * and counts per bin. Bins are half-open [e_k, e_k+1) except the last, which also
 * holds its upper edge. Values outside the edges are not counted. It does not
 * choose a bin count from the data (Sturges, Freedman–Diaconis): the caller does.
 */

/** `count` + 1 edges from `lo` to `hi`, evenly spaced in x or (when `log`) in log x. */
export function binEdges(lo: number, hi: number, count: number, log: boolean): number[] {
  if (lo === hi) {
    // One value only: give it a bin of visible width around it.
    if (log) [lo, hi] = [lo / Math.SQRT2, hi * Math.SQRT2];
    else [lo, hi] = lo === 0 ? [-0.5, 0.5] : [lo - Math.abs(lo) * 0.05, hi + Math.abs(hi) * 0.05];
  }
  const a = log ? Math.log(lo) : lo;
  const b = log ? Math.log(hi) : hi;
  const edges = new Array<number>(count + 1);
  for (let k = 0; k <= count; k++) {
    const t = a + ((b - a) * k) / count;
    edges[k] = log ? Math.exp(t) : t;
  }
  edges[0] = lo;
  edges[count] = hi;
  return edges;
}

/** The number of `values` in each bin between ascending `edges`. */
export function countInBins(values: ArrayLike<number>, edges: readonly number[]): number[] {
  const bins = edges.length - 1;
  const counts = new Array<number>(bins).fill(0);
  const first = edges[0];
  const last = edges[bins];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < first || v > last) continue;
    // Binary search for the last edge ≤ v.
    let lo = 0;
    let hi = bins;
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (edges[mid] <= v) lo = mid;
      else hi = mid;
    }
    counts[lo]++;
  }
  return counts;
}

/** Smallest and largest value over several samples. */
export function extent(samples: readonly ArrayLike<number>[]): [number, number] {
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
