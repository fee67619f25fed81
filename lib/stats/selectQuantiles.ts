/**
 * Type-7 quantiles (linear interpolation between order statistics, as R's default and
 * `quantileSorted`) found by selection instead of a full sort: each level needs the
 * order statistics at ⌊(n − 1)p⌋ and the one after it.
 *
 * - `selectQuantiles` places them by Floyd–Rivest selection (the `quickselect` package)
 *   in expected linear time, reordering its scratch copy. The levels are selected from
 *   the highest down, each within the part left of the one before, so the total work
 *   stays a small multiple of n. For 10^6 values and the four summary levels, about a
 *   third of a sort.
 * - `bucketQuantiles` finds the same order statistics without copying or reordering:
 *   it counts the values in 65,536 equal buckets between the least and the greatest,
 *   then gathers and sorts only the few buckets that hold the wanted ranks. Written for
 *   speed (`summarize` of 10^6 values, as `requestTimes` makes): two passes of a few
 *   operations a value, and no fresh copy of the values to fill.
 *
 * Both return exactly what sorting returns.
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

/** Buckets between the least and the greatest value (`bucketQuantiles`). */
const BUCKETS = 65_536;

/** True where a Float64Array's eight bytes are little-endian, so its second Int32 word leads (sign, exponent, mantissa). */
const LITTLE_ENDIAN = new Uint8Array(new Float64Array([-0]).buffer)[7] === 0x80;

/**
 * A double's leading 32 bits `hi` as an integer that grows with the double: negative
 * doubles' other 31 bits reversed. The loops below write it out inline.
 */
function leadingKey(hi: number): number {
  return hi ^ ((hi >> 31) & 0x7fffffff);
}

/** The leading word of -0. */
const NEGATIVE_ZERO_HI = -0x80000000;

const oneWord = new Int32Array(2);
const oneDouble = new Float64Array(oneWord.buffer);

/**
 * Type-7 quantiles of `values` at each level of `ps`, exactly as `selectQuantiles` finds
 * them, with `values` left as they are; `min` and `max` are the least and the greatest
 * value. The buckets are of equal width over a narrow range or one across zero, and of
 * equal steps of the values' leading 32 bits (a scale near logarithmic, a bucket 2^-20 of
 * a doubling or more) over a wide one of one sign, as latencies' heavy tails make.
 *
 * Returns null where selection is the way: all values zero, zeros of both signs (which
 * one selection returns depends on its order), or a wanted bucket crowded with more than
 * an eighth of the values (and 4096), not all equal. Callers check their inputs (finite numbers,
 * non-empty): this is a step of `summarize`.
 */
export function bucketQuantiles(values: Float64Array, min: number, max: number, ps: readonly number[]): number[] | null {
  const n = values.length;
  if (ps.length > 1000) return null;
  if (max === min) return min === 0 ? null : ps.map(() => min);
  // Each bucket index never decreases as the value grows (every step rounds monotonically),
  // so the buckets in order hold the values in order.
  let words: Int32Array | null = null;
  let origin = min;
  let scale = BUCKETS / (max - min);
  if (LITTLE_ENDIAN) {
    oneDouble[0] = min;
    const low = leadingKey(oneWord[1]);
    oneDouble[0] = max;
    const span = leadingKey(oneWord[1]) - low;
    // Across zero the leading words leave a gap of every tiny magnitude between the signs.
    if ((span >= BUCKETS && (min >= 0 || max <= 0)) || !(scale < Infinity && scale > 0)) {
      words = new Int32Array(values.buffer, values.byteOffset, 2 * n);
      origin = low;
      scale = 1 / 2 ** Math.ceil(Math.log2((span + 1) / BUCKETS));
    }
  }
  if (!(scale < Infinity) || !(scale > 0)) return null;
  const counts = new Int32Array(BUCKETS);
  if (words === null) {
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (v === 0 && 1 / v < 0) return null;
      const b = ((v - origin) * scale) | 0;
      counts[b < BUCKETS ? b : BUCKETS - 1]++;
    }
  } else {
    for (let i = 1; i < 2 * n; i += 2) {
      const hi = words[i];
      if (hi === NEGATIVE_ZERO_HI && words[i - 1] === 0) return null;
      const b = (((hi ^ ((hi >> 31) & 0x7fffffff)) - origin) * scale) | 0;
      counts[b < BUCKETS ? b : BUCKETS - 1]++;
    }
  }
  // The wanted ranks, ascending, and for each its bucket and its place within it.
  const ranks: number[] = [];
  for (const p of ps) {
    const k = Math.floor((n - 1) * p);
    ranks.push(k, k + 1 < n ? k + 1 : k);
  }
  ranks.sort((a, b) => a - b);
  const rankBucket: number[] = [];
  const rankPlace: number[] = [];
  for (let j = 0, b = 0, before = 0; j < ranks.length; j++) {
    while (before + counts[b] <= ranks[j]) before += counts[b++];
    rankBucket.push(b);
    rankPlace.push(ranks[j] - before);
  }
  // One slot per wanted bucket: its values gathered, or, when it holds too many to sort
  // cheaply, only whether they are all one value.
  const slotOf = new Uint16Array(BUCKETS);
  const gathered: Float64Array[] = [];
  const crowded: boolean[] = [];
  const crowd = Math.max(n >>> 3, 4096);
  for (const b of rankBucket) {
    if (slotOf[b] !== 0) continue;
    crowded.push(counts[b] > crowd);
    gathered.push(new Float64Array(counts[b] > crowd ? 1 : counts[b]));
    slotOf[b] = gathered.length;
  }
  const filled = new Int32Array(gathered.length);
  for (let i = 0; i < n; i++) {
    const b =
      words === null
        ? ((values[i] - origin) * scale) | 0
        : (((words[2 * i + 1] ^ ((words[2 * i + 1] >> 31) & 0x7fffffff)) - origin) * scale) | 0;
    const slot = slotOf[b < BUCKETS ? b : BUCKETS - 1] - 1;
    if (slot < 0) continue;
    const v = values[i];
    if (!crowded[slot]) {
      gathered[slot][filled[slot]++] = v;
    } else if (filled[slot]++ === 0) {
      gathered[slot][0] = v;
    } else if (v !== gathered[slot][0]) {
      return null;
    }
  }
  for (let s = 0; s < gathered.length; s++) if (!crowded[s]) gathered[s].sort();
  const orderStatistic = (rank: number): number => {
    const j = ranks.indexOf(rank);
    const slot = slotOf[rankBucket[j]] - 1;
    return gathered[slot][crowded[slot] ? 0 : rankPlace[j]];
  };
  return ps.map((p) => {
    const h = (n - 1) * p;
    const k = Math.floor(h);
    const a = orderStatistic(k);
    const b = k + 1 < n ? orderStatistic(k + 1) : a;
    const frac = h - k;
    return frac === 0 || a === b ? a : a + frac * (b - a);
  });
}
