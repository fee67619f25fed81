/**
 * How many requests are in flight at once, for sizing a connection pool.
 *
 * Little's law gives the mean: concurrency = arrival rate × mean time a request
 * holds a connection. With Poisson arrivals and no waiting (every request gets a
 * connection at once, an M/G/∞ system), the number in flight is Poisson-distributed
 * with that mean, whatever the distribution of request times; its quantiles say
 * how far above the mean a pool must reach to serve most arrivals from the pool.
 *
 * Not modelled: bursts beyond Poisson (correlated arrivals need more headroom),
 * and the extra holding time of requests that pay a handshake.
 */
import * as check from '../validate';
import { MS_PER_SECOND } from '../sim/time';

/** Largest mean concurrency `concurrencyQuantile` accepts. */
export const MAX_CONCURRENCY = 1e7;

/** Mean requests in flight (Little's law): arrivalRate (per second) × meanRequestMs / 1000. */
export function meanConcurrency(arrivalRate: number, meanRequestMs: number): number {
  check.nonNegative('arrivalRate', arrivalRate);
  check.nonNegative('meanRequestMs', meanRequestMs);
  return (arrivalRate * meanRequestMs) / MS_PER_SECOND;
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
