/**
 * Binary search in an ascending array: where a value would be inserted. Used to
 * sample by cumulative weights (the first cumulative weight above a uniform draw)
 * and to find a key's place on a hash ring.
 */

/** The first index whose value is greater than `x` (the length when none is). */
export function upperBound(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The first index whose value is at least `x` (the length when none is). */
export function lowerBound(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
