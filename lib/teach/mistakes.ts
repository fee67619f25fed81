/**
 * The likely mistakes of an exercise, each with the hint written for it. A mistake is plain
 * data (so an exercise's options serialise to JSON), built with the `mistakes` helpers:
 *  - `factor(k, hint)`: the answer is the expected value × k or ÷ k (2: the return trip was
 *    forgotten or counted twice; 8: bits and bytes);
 *  - `offset(delta, hint)`: the answer is the expected value ± delta (one RTT: the handshake);
 *  - `value(v, hint)`: one specific wrong answer (`'unstable'`, a wrong category, a number);
 *  - `otherwise(hint)`: any other wrong answer (put it last).
 * A wrong answer gets the hint of the first mistake it matches, judged with the exercise's
 * own tolerance around the mistaken value. Not done: mistakes that combine (× 2 and + 1 RTT):
 * list the combination as its own `value`.
 */
import * as check from '../validate';

/** An answer: a number, or a word or flag for a categorical question. */
export type Answer = number | string | boolean;

/** A likely mistake and its hint (build it with `mistakes.factor`, `.offset`, `.value`, `.otherwise`). */
export type Mistake =
  | { kind: 'factor'; factor: number; hint: string }
  | { kind: 'offset'; delta: number; hint: string }
  | { kind: 'value'; value: Answer; hint: string }
  | { kind: 'otherwise'; hint: string };

/** The kinds of mistake. */
export const MISTAKE_KINDS = ['factor', 'offset', 'value', 'otherwise'] as const;

const KEYS: Record<Mistake['kind'], readonly string[]> = {
  factor: ['kind', 'factor', 'hint'],
  offset: ['kind', 'delta', 'hint'],
  value: ['kind', 'value', 'hint'],
  otherwise: ['kind', 'hint'],
};
const ALL_KEYS = ['kind', 'factor', 'delta', 'value', 'hint'];

/** Helpers building the likely mistakes of an exercise (see the module header). */
export const mistakes = {
  /**
   * The answer is off by a factor: expected × k or expected ÷ k (k > 0, k ≠ 1).
   *
   * @example
   * ```ts
   * import { mistakes } from 'netlab';
   *
   * mistakes.factor(2, 'A round trip is there and back: count both directions.');
   * ```
   */
  factor(k: number, hint: string): Mistake {
    return checkMistake('mistakes.factor', { kind: 'factor', factor: k, hint });
  },
  /**
   * The answer is off by a fixed amount: expected + delta or expected − delta (delta ≠ 0, in the exercise's unit).
   *
   * @example
   * ```ts
   * import { mistakes } from 'netlab';
   *
   * const rttMs = 80;
   * mistakes.offset(rttMs, 'The TCP handshake costs one round trip before any data moves.');
   * ```
   */
  offset(delta: number, hint: string): Mistake {
    return checkMistake('mistakes.offset', { kind: 'offset', delta, hint });
  },
  /**
   * One specific wrong answer: a number (matched within the exercise's tolerance), a word
   * (matched ignoring case and surrounding spaces) or a flag.
   *
   * @example
   * ```ts
   * import { mistakes } from 'netlab';
   *
   * mistakes.value('unstable', 'ρ is below 1 here: the queue drains between bursts.');
   * ```
   */
  value(v: Answer, hint: string): Mistake {
    return checkMistake('mistakes.value', { kind: 'value', value: v, hint });
  },
  /** Any other wrong answer; list it last. */
  otherwise(hint: string): Mistake {
    return checkMistake('mistakes.otherwise', { kind: 'otherwise', hint });
  },
};

/** Checks one mistake (built by the helpers or written as data), naming it by `where`. */
export function checkMistake(where: string, value: unknown): Mistake {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new TypeError(`${where} must be a mistake made with mistakes.factor, .offset, .value or .otherwise; got ${check.describe(value)}`);
  }
  check.nestedOptions(where, value, ALL_KEYS);
  const m = value as Record<string, unknown>;
  const kind = check.oneOf(`${where}.kind`, m.kind, MISTAKE_KINDS);
  check.nestedOptions(where, value, KEYS[kind]);
  const hint = m.hint;
  if (typeof hint !== 'string') throw new TypeError(`${where}.hint must be a string; got ${check.describe(hint)}`);
  if (hint.trim() === '') throw new RangeError(`${where}.hint must be a non-empty sentence; got an empty string`);
  switch (kind) {
    case 'factor': {
      const k = check.positive(`${where}.factor`, m.factor);
      if (k === 1) throw new RangeError(`${where}.factor must differ from 1 (a factor of 1 is the right answer); got 1`);
      return { kind, factor: k, hint };
    }
    case 'offset': {
      const delta = check.finite(`${where}.delta`, m.delta);
      if (delta === 0) throw new RangeError(`${where}.delta must differ from 0 (an offset of 0 is the right answer); got 0`);
      return { kind, delta, hint };
    }
    case 'value':
      return { kind, value: answerValue(`${where}.value`, m.value), hint };
    default:
      return { kind: 'otherwise', hint };
  }
}

/** A number (finite), a non-empty string or a boolean. */
export function answerValue(option: string, value: unknown): Answer {
  if (typeof value === 'number') return check.finite(option, value);
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    if (value.trim() === '') throw new RangeError(`${option} must be a number, a non-empty string or a boolean; got an empty string`);
    return value;
  }
  throw new TypeError(`${option} must be a number, a string or a boolean; got ${check.describe(value)}`);
}
