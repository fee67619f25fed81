/** Continuous uniform distribution on [lo, hi). */
import * as check from '../validate';
import { checkP, type Distribution } from './distribution';

/**
 * The continuous uniform distribution on [lo, hi): both finite, hi > lo and
 * hi − lo finite. Returns a Distribution with exact mean and quantile.
 *
 * @throws TypeError when a bound is not a number; RangeError when one is not finite or hi ≤ lo.
 *
 * @example
 * ```ts
 * import { createRng, uniform } from 'netlab';
 *
 * const backoff = uniform(0, 100);             // ms
 * backoff.sample(createRng(1));                // somewhere in [0, 100)
 * ```
 */
export function uniform(lo: number, hi: number): Distribution {
  check.finite('uniform(lo)', lo);
  check.finite('uniform(hi)', hi);
  if (!(hi > lo)) throw new RangeError(`uniform(lo, hi) needs hi > lo; got lo=${lo}, hi=${hi}`);
  const width = hi - lo;
  if (!Number.isFinite(width)) throw new RangeError(`uniform(lo, hi) needs a finite width hi − lo; got lo=${lo}, hi=${hi}`);
  return {
    label: `uniform(${lo}, ${hi})`,
    mean: (lo + hi) / 2,
    sample: (rng) => lo + width * rng(),
    quantile: (p) => lo + width * checkP(p),
  };
}
