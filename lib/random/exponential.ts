/**
 * Exponential distribution given by its mean (ms): the service time of M/M/c
 * models and the gap between Poisson arrivals. Sampled by inversion.
 */
import * as check from '../validate';
import { checkP, type Distribution } from './distribution';

/** Exponential with mean `meanMs` (finite, > 0). */
export function exponential(meanMs: number): Distribution {
  const mean = check.positive('exponential(meanMs)', meanMs);
  return {
    label: `exponential(mean ${mean})`,
    mean,
    sample: (rng) => -mean * Math.log(1 - rng()),
    quantile: (p) => -mean * Math.log(1 - checkP(p)),
  };
}
