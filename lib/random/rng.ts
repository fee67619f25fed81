/**
 * Seeded random streams.
 *
 * `createRng(seed)` returns an `Rng`: a function returning uniform numbers in [0, 1),
 * built on the Alea generator as seedrandom seeds and steps it (alea.ts: fast, 32-bit
 * resolution per draw, passes the usual statistical batteries). `drawSource(rng)` is
 * the same stream as an object with a `next()` method, for hot loops. `rng.fork(label)` returns an independent child
 * stream whose seed depends only on the parent's seed and the label, never on how
 * many numbers the parent has drawn: adding a component never shifts another
 * component's draws, and compared configurations can share forks (common random numbers).
 *
 * Stream derivation: a stream is named by its label path, the root seed followed by
 * every fork label (`createRng(42).fork('a').fork('b')` is `["42","a","b"]`). Alea is
 * seeded with the JSON encoding of that path, an unambiguous encoding of a list of
 * strings: no other path and no string seed give the same key, so
 * `fork('a').fork('b')` differs from `fork('a/b')`, and `createRng('42/arrivals')`
 * from `createRng(42).fork('arrivals')`. A number seed is its decimal string
 * (`createRng(42)` and `createRng('42')` are one stream).
 */
import { Alea, type UniformSource } from './alea';

export interface Rng {
  /** A uniform number in [0, 1). */
  (): number;
  /** The stream's label path: the root seed, then each fork label in order. */
  readonly labels: readonly string[];
  /** The key Alea is seeded with: the JSON encoding of `labels`, e.g. `["9","service"]`. */
  readonly seed: string;
  /** A child stream determined by this stream's label path and `label` alone. */
  fork(label: string): Rng;
}

/**
 * The key, private to this module, under which every stream made by `createRng` or a fork
 * of one keeps its generator: these streams are trusted to draw in [0, 1), and `drawSource`
 * hands their generator out. A property rather than a WeakMap from stream to generator:
 * models fork a stream per page, connection and component, hundreds of thousands per
 * notebook, and a WeakMap that large cost more to fill and to collect than the streams
 * themselves (measured: 4.0 µs a fork against 2.7 µs, and page loads of ten small calls
 * spent 38 % of their time collecting garbage with it, 28 % without).
 */
const GENERATOR = Symbol('generator');

/** A stream made here: an `Rng` holding its generator. */
type GeneratedRng = Rng & { [GENERATOR]: Alea };

/** Whether `rng` is a stream made by `createRng` or a fork of one. */
function isGenerated(rng: Rng): rng is GeneratedRng {
  return (rng as Partial<GeneratedRng>)[GENERATOR] instanceof Alea;
}

/** The stream named by `labels`, a fresh array that becomes its `labels`; stream and labels are frozen. */
function fromLabels(labels: string[]): Rng {
  const seed = JSON.stringify(labels);
  const alea = new Alea(seed);
  const next = (() => alea.next()) as { (): number; seed: string; labels: readonly string[]; fork(label: string): Rng };
  next.seed = seed;
  next.labels = Object.freeze(labels);
  next.fork = (label: string): Rng => {
    if (typeof label !== 'string' || label.length === 0) {
      throw new TypeError(`fork label must be a non-empty string; got ${typeof label === 'string' ? '""' : typeof label}`);
    }
    return fromLabels([...labels, label]);
  };
  // Not enumerable, so that a function given this stream's properties by Object.assign is not taken for it.
  Object.defineProperty(next, GENERATOR, { value: alea });
  return Object.freeze(next);
}

/**
 * A seeded stream of uniform numbers in [0, 1): the same seed always yields the
 * same numbers, on every machine; `fork(label)` gives an independent child stream.
 *
 * @throws TypeError or RangeError when `seed` is not a finite number or a string.
 *
 * @example
 * ```ts
 * import { createRng } from 'netlab';
 *
 * const rng = createRng(42);
 * const u = rng();                             // in [0, 1)
 * const arrivals = rng.fork('arrivals');       // unaffected by how much `rng` draws
 * createRng(42)() === u;                       // true: same seed, same numbers
 * ```
 */
export function createRng(seed: number | string): Rng {
  if (typeof seed === 'number') {
    if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number or a string; got ${seed}`);
    return fromLabels([String(seed)]);
  }
  if (typeof seed !== 'string') {
    throw new TypeError(`seed must be a number or a string; got ${seed === null ? 'null' : `a value of type ${typeof seed}`}`);
  }
  return fromLabels([seed]);
}

/**
 * Accepts an `Rng` option or fails naming it. A stream from `createRng` (or a fork of
 * one) is returned as it is, at no cost. Any other function with a `fork` method is
 * wrapped so that each draw is checked: a draw outside [0, 1) throws a RangeError
 * naming the option at the first bad draw, instead of sending a model into a loop
 * with NaN or negative times. Its forks are checked the same way.
 */
export function requireRng(option: string, value: unknown): Rng {
  if (typeof value !== 'function' || typeof (value as Rng).fork !== 'function') {
    throw new TypeError(`${option} must be an Rng from createRng(seed); got ${value === null ? 'null' : value === undefined ? 'undefined' : typeof value}`);
  }
  return isGenerated(value as Rng) ? (value as Rng) : checkedRng(option, value as Rng);
}

function checkedRng(option: string, inner: Rng): Rng {
  const next = (() => {
    const u = inner();
    if (typeof u !== 'number' || !(u >= 0 && u < 1)) {
      throw new RangeError(`${option} must return numbers in [0, 1), as createRng(seed) does; it returned ${typeof u === 'number' ? u : typeof u}`);
    }
    return u;
  }) as Rng & { seed: string; labels: readonly string[] };
  Object.defineProperty(next, 'seed', { value: String(inner.seed), enumerable: true });
  Object.defineProperty(next, 'labels', { value: Array.isArray(inner.labels) ? inner.labels : [], enumerable: true });
  next.fork = (label: string): Rng => {
    const child = inner.fork(label);
    if (typeof child !== 'function') throw new TypeError(`${option}.fork(${JSON.stringify(label)}) must return an Rng; got ${child === null ? 'null' : typeof child}`);
    return isGenerated(child) ? child : checkedRng(option, child);
  };
  return next;
}

/**
 * `rng` as a `UniformSource`: `source.next()` and `rng()` draw from one stream, so they
 * may be mixed and each draw is the number `rng()` would have given. For a stream from
 * `createRng` (or a fork of one) this is its generator itself, whose `next()` V8 inlines
 * into a hot loop; any other rng (a checked one from `requireRng`) is called through.
 */
export function drawSource(rng: Rng): UniformSource {
  return isGenerated(rng) ? rng[GENERATOR] : new RngSource(rng);
}

/** A `UniformSource` that calls an `Rng`. */
class RngSource implements UniformSource {
  constructor(private readonly rng: Rng) {}

  next(): number {
    return this.rng();
  }

  firstBelow(n: number, p: number): number {
    for (let i = 0; i < n; i++) if (this.rng() < p) return i;
    return n;
  }
}
