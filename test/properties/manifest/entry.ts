/**
 * One manifest entry per exported function or class: how to call it validly (the baseline,
 * as marked JSON; see ../markers.ts) and what the hostile walk needs to judge its errors.
 */
import type { Json } from '../markers';

/** Mutation kinds a walk may apply to a leaf (see ../mutations.ts for the rules). */
export type MutationKind =
  | 'string' | 'boolean' | 'number' | 'object' | 'array' | 'function' | 'null' | 'undefined'
  | 'NaN' | 'Infinity' | '-Infinity' | 'negative' | 'zero' | 'huge' | 'fraction'
  | 'misspeltKey' | 'unknownKey' | 'unknownEnum' | 'emptyArray' | 'badElement'
  | 'fakeRng' | 'fakeDist';

export interface Entry {
  /** The export's name in lib/index.ts. */
  name: string;
  /** Its folder under lib/, for the report. */
  module: string;
  /** Called with `new`. */
  construct?: boolean;
  /** Names of the positional parameters, as an error should name them. */
  params?: string[];
  /** The baseline arguments: a small, fast, valid call. */
  args?: Json[];
  /** Why the export has no options to attack (a constant-like helper, a kernel-only display, …). */
  noOptions?: string;
  /**
   * Mutations that are legitimate at a key, by the key's name (`seed`: a string is a valid seed),
   * beyond the general rules; they may then return normally.
   */
  accepts?: Record<string, MutationKind[]>;
  /** Keys or parameters whose leaves the walk leaves alone (labels used only in messages, engine handles). */
  skip?: string[];
  /** Keys or parameters holding a free-form record (any key is valid): no misspelt or unknown key there. */
  records?: string[];
  /** Other words that count as naming a key or parameter (an option label the function was given, a file name). */
  alsoNamed?: Record<string, string[]>;
  /** Mutation kinds after which a plain Error is a correct end (reading a file that does not exist). */
  plainErrorFor?: MutationKind[];
}

export const rng = (seed: number | string = 1): Json => ({ $rng: seed });
export const dist = (name: string, ...args: Json[]): Json => ({ $dist: [name, ...args] });
export const call = (name: string, ...args: Json[]): Json => ({ $call: [name, ...args] });
export const make = (name: string, ...args: Json[]): Json => ({ $new: [name, ...args] });
export const fn = (kind: 'noop' | 'identity' | 'constant0' = 'noop'): Json => ({ $fn: kind });
export const typed = (type: string, values: number[]): Json => ({ $typed: [type, values] });
export const text = (file: string): Json => ({ $text: file });
