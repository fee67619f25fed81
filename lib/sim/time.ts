/**
 * Units used everywhere in NetLab.
 *
 * - Time is a number of milliseconds (simulated time, never the wall clock).
 * - Rates are per second: an `arrivalRate` of 200 means 200 requests per second.
 * - Sizes are bytes; bandwidths are megabits per second where an option says `Mbps`.
 */

/** Milliseconds in one second: converts a per-second rate to a per-millisecond rate. */
export const MS_PER_SECOND = 1000;

/** Mean gap in milliseconds between events of a Poisson process of `ratePerSecond`. */
export function meanGapMs(ratePerSecond: number): number {
  return MS_PER_SECOND / ratePerSecond;
}
