/**
 * The distribution that draws one of the given values uniformly at random (a
 * measured sample replayed). Its quantile is the exact inverse of its own step
 * CDF: the smallest value v with P(X ≤ v) ≥ p.
 */
import { sortedCopy } from '../stats/quantile';
import { checkP, type Distribution } from './distribution';

/**
 * A distribution that draws one of `values` (a non-empty array of finite numbers,
 * copied) uniformly at random: a measured sample replayed.
 *
 * @throws TypeError or RangeError when `values` is empty or holds a non-finite number.
 *
 * @example
 * ```ts
 * import { createRng, empirical } from 'netlab';
 *
 * const measured = empirical([12, 15, 15, 18, 40]);   // ms
 * measured.sample(createRng(1));                       // one of the five
 * measured.quantile!(0.5);                             // 15
 * ```
 */
export function empirical(values: ArrayLike<number>): Distribution {
  const sorted = sortedCopy(values, 'empirical(values)');
  const n = sorted.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i];
  return {
    label: `empirical(${n} values)`,
    mean: sum / n,
    sample: (rng) => sorted[Math.floor(rng() * n)],
    quantile: (p) => sorted[Math.max(0, Math.ceil(checkP(p) * n) - 1)],
  };
}
