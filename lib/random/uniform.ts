/** Continuous uniform distribution on [lo, hi). */
import * as check from '../validate';
import { checkP, type Distribution } from './distribution';

/** Uniform on [lo, hi): both finite, hi > lo, and hi − lo finite. */
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
