/**
 * A bursty arrival source: an on/off (two-state Markov-modulated) Poisson process.
 * During "on" periods requests arrive as a Poisson process at the peak rate; during
 * "off" periods none arrive. Period lengths are exponential with the given means, so
 * the long-run rate is peak × on / (on + off). Callers give that long-run `rate` and
 * the peak follows: the same average load as a Poisson source, delivered in bursts.
 *
 * Exact: exponential gaps and periods are memoryless, so cutting a gap at the end of
 * a period and drawing afresh changes nothing. The first period starts "on" with its
 * stationary probability on / (on + off).
 *
 * Random stream: periods, gaps and the first state all come from the `rng` given.
 * Bounded: the expected loop steps (arrivals plus the bursts and silences between
 * them) may be at most MAX_ARRIVAL_STEPS, `count` at most MAX_REQUESTS, and the
 * expected span count / rate at most MAX_SIMULATED_MS.
 */
import { requireRng, type Rng } from '../random/rng';
import * as check from '../validate';
import { MS_PER_SECOND } from './time';
import { MAX_ARRIVAL_STEPS, MAX_REQUESTS } from './limits';
import { checkSimulatedSpan } from './horizon';

export interface OnOffOptions {
  /** Long-run arrivals per second (> 0); count / rate may span at most MAX_SIMULATED_MS (10^10 ms). */
  rate: number;
  /** Mean length of a burst (ms, > 0). */
  meanOnMs: number;
  /** Mean length of a silence between bursts (ms, > 0). */
  meanOffMs: number;
  /** Arrivals to generate (an integer in [0, MAX_REQUESTS = 2·10^7]). */
  count: number;
  /** The stream periods and gaps are drawn from. */
  rng: Rng;
}

/** Every key of OnOffOptions. */
export const ON_OFF_KEYS: readonly (keyof OnOffOptions)[] = ['rate', 'meanOnMs', 'meanOffMs', 'count', 'rng'];

/** The rate (per second) during bursts that gives a long-run `rate`. */
export function onOffPeakRate(rate: number, meanOnMs: number, meanOffMs: number): number {
  check.positive('rate', rate);
  check.positive('meanOnMs', meanOnMs);
  check.positive('meanOffMs', meanOffMs);
  return (rate * (meanOnMs + meanOffMs)) / meanOnMs;
}

/** Arrival times (ms, ascending) of an on/off source. */
export function onOffArrivals(opts: OnOffOptions): Float64Array {
  check.options('onOffArrivals', opts, ON_OFF_KEYS);
  const rate = check.positive('rate', opts.rate);
  const on = check.positive('meanOnMs', opts.meanOnMs);
  const off = check.positive('meanOffMs', opts.meanOffMs);
  const n = check.integer('count', opts.count, 0);
  const rng = requireRng('rng', opts.rng);
  check.workWithin('count', n, MAX_REQUESTS, 'arrivals to generate');
  // Each cycle (a burst and a silence) brings rate × (on + off) arrivals on average.
  const perCycle = (rate * (on + off)) / MS_PER_SECOND;
  check.workWithin('count, rate, meanOnMs and meanOffMs', n * (1 + 1 / perCycle), MAX_ARRIVAL_STEPS, 'loop steps (arrivals, bursts and silences)');
  checkSimulatedSpan('count / rate', (n * MS_PER_SECOND) / rate);
  const clock = new OnOffClock(rate, on, off, rng);
  const times = new Float64Array(n);
  for (let i = 0; i < n; i++) times[i] = clock.next();
  return times;
}

/**
 * The arrivals of an on/off source one at a time, for runs that do not keep them all:
 * `next()` returns the same times, from the same draws, as `onOffArrivals`. The
 * caller checks the options (as `onOffArrivals` does).
 */
export class OnOffClock {
  private readonly gap: number;
  private t: number;
  private onEnds: number;

  /** A source of long-run `rate` per second in bursts and silences of mean `meanOnMs` and `meanOffMs`, drawing from `rng`. */
  constructor(
    rate: number,
    private readonly meanOnMs: number,
    private readonly meanOffMs: number,
    private readonly rng: Rng,
  ) {
    this.gap = MS_PER_SECOND / onOffPeakRate(rate, meanOnMs, meanOffMs);
    this.t = rng() * (meanOnMs + meanOffMs) < meanOnMs ? 0 : this.draw(meanOffMs);
    this.onEnds = this.t + this.draw(meanOnMs);
  }

  /** The next arrival time (ms). */
  next(): number {
    for (;;) {
      const next = this.t + this.draw(this.gap);
      if (next < this.onEnds) return (this.t = next);
      this.t = this.onEnds + this.draw(this.meanOffMs);
      this.onEnds = this.t + this.draw(this.meanOnMs);
    }
  }

  private draw(mean: number): number {
    return -mean * Math.log(1 - this.rng());
  }
}
