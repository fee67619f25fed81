/**
 * How sure is a sample percentile? A distribution-free confidence interval for the
 * p-quantile ξ from order statistics (no assumption about the latency distribution).
 *
 * Method: the number B of the n samples that are ≤ ξ is Binomial(n, p). The interval
 * [x(l), x(u)] between the l-th and u-th smallest values misses ξ below with
 * probability P(B < l) and above with probability P(B ≥ u). We take the largest l
 * and the smallest u that keep each side at most (1 − confidence)/2, using exact
 * binomial probabilities for every n (see `binomial.ts`; no normal approximation).
 * For a continuous distribution the interval's coverage is then exactly `coverage`
 * (≥ confidence); with ties (rounded timings) it is at least that.
 *
 * When n is too small (e.g. p99.9 from 100 samples: even the largest value is
 * below ξ with probability 0.999^100 ≈ 0.90), a side cannot reach the requested
 * confidence. That side is then the sample min or max, `bounded` is false, `note`
 * says which side, and `coverage` reports the real, lower, confidence. Nothing
 * throws for that; it is the answer ("you need more samples"). The estimate is the
 * type-7 quantile (see `quantile.ts`). It does not handle weighted or dependent
 * samples (autocorrelated queue waits make intervals too narrow).
 */
import * as check from '../validate';
import { binomialMasses } from './binomial';
import { quantileSorted, sortedCopy } from './quantile';

export interface PercentileInterval {
  /** The quantile level asked for, in (0, 1). */
  p: number;
  /** The sample quantile (type 7). */
  estimate: number;
  /** x(lowerRank): the lower bound, or the sample min when `bounded` is false on that side. */
  lower: number;
  /** x(upperRank): the upper bound, or the sample max when `bounded` is false on that side. */
  upper: number;
  /** The confidence asked for. */
  confidence: number;
  /** The coverage probability [lower, upper] really has (≥ confidence when bounded). */
  coverage: number;
  /** 1-based rank of the lower bound among the sorted values. */
  lowerRank: number;
  /** 1-based rank of the upper bound among the sorted values. */
  upperRank: number;
  /** Sample size. */
  n: number;
  /** False when n is too small for the requested confidence on at least one side. */
  bounded: boolean;
  /** Why the interval is not bounded, when it is not. */
  note?: string;
}

/**
 * A distribution-free interval for the p-quantile (p in (0, 1)) of `values` (a non-empty
 * array of finite numbers) at `confidence` in (0, 1), default 0.95.
 */
export function percentileInterval(values: ArrayLike<number>, p: number, confidence = 0.95): PercentileInterval {
  check.inRange('percentileInterval p', p, 0, 1, '()');
  check.inRange('percentileInterval confidence', confidence, 0, 1, '()');
  const sorted = sortedCopy(values);
  const n = sorted.length;
  const alpha = (1 - confidence) / 2;
  const { from, pmf } = binomialMasses(n, p);
  const mass = (k: number) => (k >= from && k < from + pmf.length ? pmf[k - from] : 0);

  // l − 1 = how many of the lowest counts k fit in the lower miss budget: P(B ≤ l − 1) ≤ alpha.
  let l = from;
  let missLow = 0;
  for (let j = 0; j < pmf.length && missLow + pmf[j] <= alpha; j++) {
    missLow += pmf[j];
    l++;
  }
  // u = the smallest count with P(B ≥ u) ≤ alpha.
  let u = from + pmf.length;
  let missHigh = 0;
  for (let j = pmf.length - 1; j >= 0 && missHigh + pmf[j] <= alpha; j--) {
    missHigh += pmf[j];
    u--;
  }
  const lowShort = l < 1;
  const highShort = u > n;
  if (lowShort) [l, missLow] = [1, mass(0)];
  if (highShort) [u, missHigh] = [n, mass(n)];
  const result: PercentileInterval = {
    p,
    estimate: quantileSorted(sorted, p),
    lower: sorted[l - 1],
    upper: sorted[u - 1],
    confidence,
    coverage: Math.max(0, 1 - missLow - missHigh),
    lowerRank: l,
    upperRank: u,
    n,
    bounded: !lowShort && !highShort,
  };
  if (lowShort || highShort) {
    const level = `p${+(100 * p).toPrecision(12)}`;
    const sides = [
      lowShort ? `lower bound is the sample min (all ${n} values exceed the true ${level} with probability ${missLow.toPrecision(3)})` : '',
      highShort ? `upper bound is the sample max (all ${n} values are at or below the true ${level} with probability ${missHigh.toPrecision(3)})` : '',
    ];
    result.note = `too few values for a ${+(100 * confidence).toPrecision(12)}% interval: the ${sides.filter(Boolean).join('; the ')}`;
  }
  return result;
}
