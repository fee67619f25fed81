/**
 * Exponential distribution given by its mean (ms): the service time of M/M/c
 * models and the gap between Poisson arrivals. Sampled by inversion.
 */
import * as check from '../validate';
import { checkP, type Distribution } from './distribution';

/**
 * The exponential distribution with mean `meanMs` (finite, > 0), e.g. the service
 * time of an M/M/c queue. Returns a Distribution with exact mean and quantile.
 *
 * @throws TypeError when `meanMs` is not a number; RangeError when it is not finite and > 0.
 *
 * @example
 * ```ts
 * import { createRng, exponential } from 'netlab';
 *
 * const service = exponential(10);
 * service.quantile!(0.99);                     // 10 · ln 100 ≈ 46 ms
 * service.sample(createRng(1));                // one draw (ms)
 * ```
 */
export function exponential(meanMs: number): Distribution {
  const mean = check.positive('exponential(meanMs)', meanMs);
  return {
    label: `exponential(mean ${mean})`,
    mean,
    sample: (rng) => -mean * Math.log(1 - rng()),
    quantile: (p) => -mean * Math.log(1 - checkP(p)),
  };
}
