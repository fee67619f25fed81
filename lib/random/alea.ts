/**
 * The generator behind every `Rng`: Alea (Johannes Baagøe, 2010), a lagged
 * multiply-with-carry generator of uniform numbers in [0, 1) with 32 bits per draw.
 *
 * Seeding is seedrandom's own Alea (its Mash hash of the seed string); stepping is
 * written here, the same arithmetic as seedrandom's `next`, so every draw is the
 * number seedrandom would give. It is hand-written for speed: seedrandom steps
 * through a closure over a state object, while an `Alea` is one object of fixed
 * shape whose `next()` V8 inlines into a hot loop (`drawSource` in rng.ts hands it
 * to the network models that draw tens of millions of numbers per call).
 */
import seedrandom from 'seedrandom';

/** 2^-32: the carry's weight, and one step of the generator's resolution. */
const TWO_POW_MINUS_32 = 2.3283064365386963e-10;

/** Anything that gives uniform draws in [0, 1) by `next()`, as `Alea` does. */
export interface UniformSource {
  /** The next uniform number in [0, 1). */
  next(): number;
}

/** Alea's state, stepped exactly as seedrandom's `alea(seed)` steps its own. */
export class Alea implements UniformSource {
  private c: number;
  private s0: number;
  private s1: number;
  private s2: number;

  /** The generator seedrandom's `alea(seed)` would be, at its first draw. */
  constructor(seed: string) {
    const state = seedrandom.alea(seed, { state: true }).state();
    this.c = state.c;
    this.s0 = state.s0;
    this.s1 = state.s1;
    this.s2 = state.s2;
  }

  /** The next uniform number in [0, 1). */
  next(): number {
    const t = 2091639 * this.s0 + this.c * TWO_POW_MINUS_32;
    this.s0 = this.s1;
    this.s1 = this.s2;
    this.c = t | 0;
    return (this.s2 = t - this.c);
  }
}
