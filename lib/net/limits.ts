/**
 * Upper bounds on the network models' options, so that one call stays within about
 * a minute and 2 GB on a 2-core machine and every result stays a finite number.
 *
 * - Delays (RTTs, jitter draws, server time, timers) are at most one hour (`jitterMs`,
 *   a mean, at most five minutes): far beyond any
 *   path on Earth or to the Moon (2.6 s), and small enough that a transfer's sum of
 *   round trips stays finite and exact to the microsecond.
 * - Simulated time is at most 10^10 ms (about 116 days): timestamps then keep a
 *   resolution better than 2 µs in a double.
 * - Work is counted in what the loops do: segments drawn in the round model
 *   (samples × bytes / MSS), segments sent by the packet engine.
 *
 * Each option's TSDoc names the bound it is held to.
 */
import * as check from '../validate';
import { MAX_SIMULATED_MS as SIM_MAX_SIMULATED_MS } from '../sim/limits';

/** Largest delay option or delay draw (ms): one hour. */
export const MAX_DELAY_MS = 3_600_000;
/**
 * Largest `jitterMs` (ms): five minutes. Its one-way draws are exponential with mean
 * jitterMs / 2, and a draw from a 32-bit uniform is at most ln(2^32) ≈ 22.2 means, so
 * no draw passes MAX_DELAY_MS.
 */
export const MAX_JITTER_MS = 300_000;
/**
 * Largest simulated time (ms): the simulator's horizon, 10^10 ms (about 116 days).
 * Copied, not re-exported: a re-export is a getter, which puts this module's exports in
 * V8's slow dictionary mode, and hot loops read MAX_DELAY_MS from them.
 */
export const MAX_SIMULATED_MS = SIM_MAX_SIMULATED_MS;
/** Smallest finite bottleneck bandwidth (Mbit/s): 1 kbit/s, so one segment takes seconds, not ages. */
export const MIN_BANDWIDTH_MBPS = 0.001;
/** Most segments the round model may draw in one call (samples × segments per request): about 2 s with jitter and loss. */
export const MAX_ROUND_MODEL_SEGMENTS = 1e8;
/** Most segments the packet engine may send in one transfer (each is an event and a table row): about 15 s and 1.2 GB. */
export const MAX_TRANSFER_SEGMENTS = 4e6;

/** A delay option (ms): finite, in [0, MAX_DELAY_MS]. */
export function delayMs(option: string, value: unknown): number {
  if (typeof value !== 'number') throw new TypeError(`${option} must be a number of ms in [0, ${MAX_DELAY_MS}]; got ${check.describe(value)}`);
  if (!(value >= 0 && value <= MAX_DELAY_MS)) {
    throw new RangeError(`${option} must be a number of ms in [0, ${MAX_DELAY_MS}] (one hour, the longest delay the network models accept); got ${value}`);
  }
  return value;
}

