/**
 * How many requests are in flight at once, for sizing a connection pool.
 *
 * Little's law gives the mean: concurrency = arrival rate × mean time a request
 * holds a connection. With Poisson arrivals and no waiting (every request gets a
 * connection at once, an M/G/∞ system), the number in flight is Poisson-distributed
 * with that mean, whatever the distribution of request times; its quantiles say
 * how far above the mean a pool must reach to serve most arrivals from the pool.
 *
 * Quantiles are exact (summing the Poisson pmf) for means up to 10^7 and use the
 * Cornish–Fisher expansion beyond, up to 10^15, where it is within one request of
 * the exact value.
 *
 * Not modelled: bursts beyond Poisson (correlated arrivals need more headroom),
 * and the extra holding time of requests that pay a handshake.
 */
import * as check from '../../validate';
import { MS_PER_SECOND } from '../../sim/time';
import { standardNormalQuantile } from '../../random/standardNormal';

/** Largest mean concurrency `concurrencyQuantile` sums exactly. */
export const MAX_EXACT_CONCURRENCY = 1e7;
/** Largest mean concurrency `concurrencyQuantile` accepts: counts stay exact integers in a double. */
export const MAX_CONCURRENCY = 1e15;

/** Mean requests in flight (Little's law): arrivalRate (per second) × meanRequestMs / 1000. */
export function meanConcurrency(arrivalRate: number, meanRequestMs: number): number {
  check.nonNegative('arrivalRate', arrivalRate);
  check.nonNegative('meanRequestMs', meanRequestMs);
  const mean = (arrivalRate * meanRequestMs) / MS_PER_SECOND;
  if (!Number.isFinite(mean)) throw new RangeError(`arrivalRate × meanRequestMs / 1000 must be a finite number; got ${arrivalRate} × ${meanRequestMs} / 1000`);
  return mean;
}

/**
 * The smallest n with P(N ≤ n) ≥ p for N ~ Poisson(mean): the p-quantile of requests
 * in flight in M/G/∞. A pool of this size finds a free connection for a share of
 * arrivals of about p (exactly, by PASTA, when handshakes take no time).
 */
export function concurrencyQuantile(mean: number, p: number): number {
  check.inRange('mean', mean, 0, MAX_CONCURRENCY);
  check.inRange('p', p, 0, 1, '[)');
  if (mean === 0) return 0;
  if (mean > MAX_EXACT_CONCURRENCY) {
    // Cornish–Fisher with the Poisson's skewness 1/√mean, and a continuity correction of ½.
    const z = standardNormalQuantile(p);
    return Math.max(0, Math.ceil(mean + z * Math.sqrt(mean) + (z * z - 1) / 6 - 0.5));
  }
  // log pmf by recursion: log P(k) = log P(k−1) + ln(mean) − ln(k). Terms far below
  // the mode underflow to 0, which is what they contribute to the sum anyway.
  const lnMean = Math.log(mean);
  let logPmf = -mean;
  let cdf = Math.exp(logPmf);
  let k = 0;
  while (cdf < p) {
    k++;
    logPmf += lnMean - Math.log(k);
    cdf += Math.exp(logPmf);
    if (k > mean + 50 * Math.sqrt(mean) + 100) break; // rounding guard; far beyond any p < 1 in double precision
  }
  return k;
}
