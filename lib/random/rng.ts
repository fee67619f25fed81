/**
 * Seeded random streams.
 *
 * `createRng(seed)` returns an `Rng`: a function returning uniform numbers in [0, 1),
 * built on seedrandom's Alea generator (fast, 32-bit resolution per draw, passes
 * the usual statistical batteries). `rng.fork(label)` returns an independent child
 * stream whose seed depends only on the parent's seed and the label, never on how
 * many numbers the parent has drawn: adding a component never shifts another
 * component's draws, and compared configurations can share forks (common random numbers).
 */
import seedrandom from 'seedrandom';

export interface Rng {
  /** A uniform number in [0, 1). */
  (): number;
  /** The seed this stream was created from (a fork's seed is `parent/label`). */
  readonly seed: string;
  /** A child stream determined by this stream's seed and `label` alone. */
  fork(label: string): Rng;
}

function fromSeed(seed: string): Rng {
  const alea = seedrandom.alea(seed);
  const next = (() => alea()) as Rng & { seed: string };
  Object.defineProperty(next, 'seed', { value: seed, enumerable: true });
  next.fork = (label: string): Rng => {
    if (typeof label !== 'string' || label.length === 0) {
      throw new TypeError(`fork label must be a non-empty string; got ${JSON.stringify(label)}`);
    }
    return fromSeed(`${seed}/${label}`);
  };
  return next;
}

/** A seeded stream. The same seed always yields the same numbers, on every machine. */
export function createRng(seed: number | string): Rng {
  if (typeof seed === 'number') {
    if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number or a string; got ${seed}`);
    return fromSeed(String(seed));
  }
  if (typeof seed !== 'string') {
    throw new TypeError(`seed must be a number or a string; got a value of type ${typeof seed}`);
  }
  return fromSeed(seed);
}

/** Accepts an `Rng` option or fails naming it. */
export function requireRng(option: string, value: unknown): Rng {
  if (typeof value !== 'function' || typeof (value as Rng).fork !== 'function') {
    throw new TypeError(`${option} must be an Rng from createRng(seed); got ${value === undefined ? 'undefined' : typeof value}`);
  }
  return value as Rng;
}
