/**
 * The generator behind every `Rng`: Alea (Johannes Baagøe, 2010), a lagged
 * multiply-with-carry generator of uniform numbers in [0, 1) with 32 bits per draw,
 * seeded by Baagøe's Mash hash of the seed string.
 *
 * Seeding and stepping are written here with seedrandom's arithmetic, so every draw is
 * the number seedrandom's `alea(seed)` gives (the tests hold the two to each other,
 * seed by seed and draw by draw). It is hand-written for speed:
 *  - models seed a stream for every connection, page and component, hundreds of
 *    thousands per notebook. Mash here takes the integer part with `Math.floor` where
 *    seedrandom takes `>>> 0`, the same for its values in [0, 2^32), and about 3× faster;
 *  - seedrandom steps through a closure over a state object, while an `Alea` is one object
 *    of fixed shape whose `next()` V8 inlines into a hot loop, and whose `firstBelow`
 *    draws a run (a window of packets, each lost or not) with the state in registers
 *    (`drawSource` in rng.ts hands it to the network models that draw tens of millions
 *    of numbers per call).
 */

/** 2^-32: the carry's weight, and one step of the generator's resolution. */
const TWO_POW_MINUS_32 = 2.3283064365386963e-10;

/** Mash's starting value. */
const MASH_START = 0xefc8249d;

/**
 * Mash (Baagøe) continued from `n` over the characters of `data`. Between characters
 * `n` is a double below 2^33; both integer parts taken here lie in [0, 2^32), where
 * `Math.floor` is the `>>> 0` of the original.
 */
function mash(n: number, data: string): number {
  for (let i = 0; i < data.length; i++) {
    n += data.charCodeAt(i);
    let h = 0.02519603282416938 * n;
    n = Math.floor(h);
    h = (h - n) * n;
    const whole = Math.floor(h);
    n = whole + (h - whole) * 0x100000000;
  }
  return n;
}

/** Mash's output for its current value: a number in [0, 1) with 32 bits. */
function mashed(n: number): number {
  return (n >>> 0) * TWO_POW_MINUS_32;
}

/** Anything that gives uniform draws in [0, 1), one by `next()` or a run by `firstBelow`. */
export interface UniformSource {
  /** The next uniform number in [0, 1). */
  next(): number;
  /**
   * Draws up to `n` numbers, stopping at the first below `p`: its index (0-based), or
   * `n` when none of the `n` is. Exactly the draws `next()` would make one by one.
   */
  firstBelow(n: number, p: number): number;
}

/**
 * Alea's sum for a draw from the oldest of its three numbers and the carry: its integer
 * part is the next carry and its fraction the draw (seedrandom's `2091639 * s0 + c * 2^-32`).
 */
function aleaSum(s0: number, carry: number): number {
  return 2091639 * s0 + carry * TWO_POW_MINUS_32;
}

/**
 * Alea's state, stepped exactly as seedrandom's `alea(seed)` steps its own. The carry
 * is kept as a double and taken by `Math.floor`, which for the sums' range [0, 2^21) is
 * seedrandom's `t | 0`: the same numbers without a conversion to an integer and back in
 * the chain from one draw to the next, which bounds how fast draws can follow each other.
 */
export class Alea implements UniformSource {
  private carry: number;
  private s0: number;
  private s1: number;
  private s2: number;

  /** The generator seedrandom's `alea(seed)` would be, at its first draw. */
  constructor(seed: string) {
    // Baagøe's seeding: three numbers hashed from spaces, less three hashes of the seed.
    let n = mash(MASH_START, ' ');
    let s0 = mashed(n);
    n = mash(n, ' ');
    let s1 = mashed(n);
    n = mash(n, ' ');
    let s2 = mashed(n);
    n = mash(n, seed);
    s0 -= mashed(n);
    n = mash(n, seed);
    s1 -= mashed(n);
    n = mash(n, seed);
    s2 -= mashed(n);
    this.carry = 1;
    this.s0 = s0 < 0 ? s0 + 1 : s0;
    this.s1 = s1 < 0 ? s1 + 1 : s1;
    this.s2 = s2 < 0 ? s2 + 1 : s2;
  }

  /** The next uniform number in [0, 1). */
  next(): number {
    const t = aleaSum(this.s0, this.carry);
    this.s0 = this.s1;
    this.s1 = this.s2;
    const carry = Math.floor(t);
    this.carry = carry;
    return (this.s2 = t - carry);
  }

  /** As `UniformSource.firstBelow`: the state is held in locals while the run is drawn. */
  firstBelow(n: number, p: number): number {
    let carry = this.carry;
    let s0 = this.s0;
    let s1 = this.s1;
    let s2 = this.s2;
    let i = 0;
    while (i < n) {
      const t = aleaSum(s0, carry);
      s0 = s1;
      s1 = s2;
      carry = Math.floor(t);
      s2 = t - carry;
      if (s2 < p) break;
      i++;
    }
    this.carry = carry;
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    return i;
  }
}
