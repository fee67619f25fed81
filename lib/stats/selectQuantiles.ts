/**
 * Type-7 quantiles (linear interpolation between order statistics, as R's default and
 * `quantileSorted`) found by selection instead of a full sort: each level needs the
 * order statistics at ⌊(n − 1)p⌋ and the one after it, and Floyd–Rivest selection
 * (the `quickselect` package) places them in expected linear time. The levels are
 * selected from the highest down, each within the part left of the one before, so
 * the total work stays a small multiple of n; the results equal the sorted way's
 * exactly. For 10^6 values and the four summary levels, about a third of a sort.
 */
import quickselect from 'quickselect';

/**
 * Type-7 quantiles of `scratch` at each level of `ps`. `scratch` (finite numbers,
 * non-empty) is reordered in place; `ps` are probabilities in [0, 1], any order.
 * Callers check their inputs: this is the inner step of `summarize`.
 */
export function selectQuantiles(scratch: Float64Array, ps: readonly number[]): number[] {
  const n = scratch.length;
  const order = ps.map((_, i) => i).sort((a, b) => ps[b] - ps[a]);
  const out = new Array<number>(ps.length);
  // Positions from `hi` on are settled: each at least every value before `hi`, and
  // scratch[hi] is the order statistic of rank hi (selected for the level before).
  let hi = n;
  let prevK = -1;
  let prevB = NaN;
  for (const i of order) {
    const h = (n - 1) * ps[i];
    const k = Math.floor(h);
    let b: number;
    if (k === prevK) {
      b = prevB;
    } else {
      // Guarded: quickselect reads a right bound of 0 as "the whole array".
      if (hi - 1 > 0) quickselect(scratch, k, 0, hi - 1);
      if (k + 1 < hi) {
        b = scratch[k + 1];
        for (let j = k + 2; j < hi; j++) if (scratch[j] < b) b = scratch[j];
      } else {
        b = k + 1 < n ? scratch[k + 1] : scratch[k];
      }
      hi = k;
      prevK = k;
      prevB = b;
    }
    const a = scratch[k];
    const frac = h - k;
    out[i] = frac === 0 || a === b ? a : a + frac * (b - a);
  }
  return out;
}
