/**
 * The capacity question of a latency objective: given a tail percentile measured
 * at increasing loads, the highest load at which it still meets a target. Between
 * two measured loads the answer is interpolated linearly; it is not extrapolated
 * past the last load. It does not smooth noisy points: a curve that dips back under
 * the target after crossing it is read at its first crossing.
 */
import * as check from '../../validate';

/** Options of `highestLoadWithin`. */
export interface HighestLoadOptions {
  /** Loads measured (utilisation, requests/s, …), strictly ascending, at least two. */
  loads: number[];
  /** The latency measured at each load (ms, ≥ 0), e.g. each run's p99. */
  latencyMs: number[];
  /** The objective: latency at most this (ms, > 0). */
  targetMs: number;
}

/** Every key of `HighestLoadOptions`. */
export const HIGHEST_LOAD_KEYS: readonly (keyof HighestLoadOptions)[] = ['loads', 'latencyMs', 'targetMs'];

const FN = 'highestLoadWithin';

/**
 * The highest load whose latency meets `targetMs`: the load where the curve first
 * crosses the target (linear between the two measured loads around the crossing),
 * the last load when it never crosses, and NaN when the first load already misses.
 *
 * @example
 * ```ts
 * import { highestLoadWithin } from 'netlab';
 *
 * highestLoadWithin({ loads: [0.5, 0.6], latencyMs: [92, 115], targetMs: 100 });   // ≈ 0.535
 * ```
 */
export function highestLoadWithin(opts: HighestLoadOptions): number {
  check.options(FN, opts, HIGHEST_LOAD_KEYS);
  const loads = check.ascending(`${FN} loads`, opts.loads);
  const latency = check.finiteArray(`${FN} latencyMs`, opts.latencyMs);
  const target = check.positive(`${FN} targetMs`, opts.targetMs);
  if (latency.length !== loads.length) {
    throw new RangeError(`${FN} latencyMs must hold one latency per load (${loads.length}); got ${latency.length}`);
  }
  for (let i = 0; i < latency.length; i++) check.nonNegative(`${FN} latencyMs[${i}]`, latency[i]);
  for (let i = 0; i < loads.length; i++) {
    if (latency[i] <= target) continue;
    if (i === 0) return NaN;
    const [x0, y0, x1, y1] = [loads[i - 1], latency[i - 1], loads[i], latency[i]];
    return x0 + ((target - y0) / (y1 - y0)) * (x1 - x0);
  }
  return loads[loads.length - 1];
}
