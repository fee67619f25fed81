/**
 * Log-normal distribution given the way latencies are usually quoted: its median
 * and its 99th percentile (ms). ln X ~ N(μ, σ) with μ = ln(median) and
 * σ = (ln p99 − μ) / Φ⁻¹(0.99). Mean = exp(μ + σ²/2).
 */
import * as check from '../validate';
import { checkP, type Distribution } from './distribution';
import { standardNormalDraw, standardNormalQuantile, Z_99 } from './standardNormal';

export interface LognormalOptions {
  /** Median (p50), finite and > 0. */
  median: number;
  /** 99th percentile, finite and > median. */
  p99: number;
}

/** Every key of LognormalOptions. */
export const LOGNORMAL_KEYS: readonly (keyof LognormalOptions)[] = ['median', 'p99'];

/**
 * The log-normal distribution with the given median and 99th percentile (both
 * finite, p99 > median > 0): a right-skewed, always positive duration.
 *
 * @throws TypeError when an option is unknown; RangeError when a value is out of range.
 *
 * @example
 * ```ts
 * import { createRng, lognormal } from 'netlab';
 *
 * const service = lognormal({ median: 20, p99: 200 });   // ms
 * service.quantile!(0.99);                                // ≈ 200
 * service.sample(createRng(1));
 * ```
 */
export function lognormal(opts: LognormalOptions): Distribution {
  check.options('lognormal', opts, LOGNORMAL_KEYS);
  const median = check.positive('lognormal median', opts.median);
  const p99 = check.positive('lognormal p99', opts.p99);
  if (!(p99 > median)) throw new RangeError(`lognormal p99 must be > median (${median}); got ${p99}`);
  const mu = Math.log(median);
  const sigma = (Math.log(p99) - mu) / Z_99;
  return {
    label: `lognormal(p50 ${median}, p99 ${p99})`,
    mean: Math.exp(mu + (sigma * sigma) / 2),
    sample: (rng) => Math.exp(mu + sigma * standardNormalDraw(rng())),
    quantile: (p) => Math.exp(mu + sigma * standardNormalQuantile(checkP(p))),
  };
}
