/** A degenerate distribution: every draw is `value` (no randomness is consumed). */
import * as check from '../validate';
import { checkP, type Distribution } from './distribution';

/** Always `value` (any finite number). */
export function constant(value: number): Distribution {
  const v = check.finite('constant(value)', value);
  return { label: `constant(${v})`, mean: v, sample: () => v, quantile: (p) => (checkP(p), v) };
}
