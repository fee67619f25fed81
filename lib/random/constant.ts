/** A degenerate distribution: every draw is `value` (no randomness is consumed). */
import * as check from '../validate';
import { checkP, type Distribution } from './distribution';

/**
 * A distribution whose every draw is `value` (any finite number, e.g. a fixed
 * service time in ms); it consumes no random numbers.
 *
 * @throws TypeError when `value` is not a number; RangeError when it is not finite.
 *
 * @example
 * ```ts
 * import { constant, createRng } from 'netlab';
 *
 * constant(10).sample(createRng(1));           // 10
 * ```
 */
export function constant(value: number): Distribution {
  const v = check.finite('constant(value)', value);
  return { label: `constant(${v})`, mean: v, sample: () => v, quantile: (p) => (checkP(p), v) };
}
