/**
 * The simulated-time horizon MAX_SIMULATED_MS applied to what a model draws and to
 * what its options imply: a drawn duration must be finite, ≥ 0 (see `sampleDuration`)
 * and within the horizon, so that adding it to the clock keeps timestamps exact (a
 * bad draw throws a RangeError naming the option it came from), and a run's implied
 * span of simulated time is refused up front beyond it.
 */
import type { Rng } from '../random/rng';
import { sampleDuration, type Distribution } from '../random/distribution';
import { MAX_SIMULATED_MS } from './limits';

/** A draw of `distribution` from `rng`, checked as a duration (ms) for `option` within the horizon. */
export function drawDuration(option: string, distribution: Distribution, rng: Rng): number {
  return sampleDuration(option, distribution, rng, MAX_SIMULATED_MS);
}

/** Refuses a span of simulated time (ms) beyond the horizon, naming the options that imply it. */
export function checkSimulatedSpan(options: string, spanMs: number): void {
  if (!(spanMs <= MAX_SIMULATED_MS)) {
    throw new RangeError(
      `${options} imply about ${spanMs.toPrecision(3)} ms of simulated time; at most ${MAX_SIMULATED_MS} ms (about four months), beyond which timestamps lose the precision latencies need`,
    );
  }
}
