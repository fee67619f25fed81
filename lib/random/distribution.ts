/**
 * The shape every distribution shares: a value object that samples with a stream
 * passed in, and knows its exact mean and quantile function where they exist.
 * Values are milliseconds when a distribution describes a time.
 */
import type { Rng } from './rng';

export interface Distribution {
  /** A short description, e.g. `exponential(mean 10 ms)`, used in tables and legends. */
  readonly label: string;
  /** Exact mean (Infinity when it diverges), if known in closed form. */
  readonly mean?: number;
  /** One draw, consuming draws from `rng` only. */
  sample(rng: Rng): number;
  /** Exact quantile for p in [0, 1], if known in closed form. */
  quantile?(p: number): number;
}

/**
 * One draw used as a duration or delay (ms): it must be finite, ≥ 0 and at most `maxMs`
 * (a model's horizon or delay bound), else a RangeError names the option and the
 * distribution that produced it, at the first bad draw.
 */
export function sampleDuration(option: string, distribution: Distribution, rng: Rng, maxMs = Infinity): number {
  const v = distribution.sample(rng);
  if (v >= 0 && v <= maxMs && v !== Infinity) return v;
  throw badDuration(option, distribution, v, maxMs);
}

/** The RangeError for a draw `v` of `distribution` that is not a duration in [0, maxMs], naming the option. */
export function badDuration(option: string, distribution: Distribution, v: number, maxMs = Infinity): RangeError {
  return v >= 0 && v !== Infinity
    ? new RangeError(`${option} must yield durations <= ${maxMs} ms; ${distribution.label} gave ${v}`)
    : new RangeError(`${option} must yield durations >= 0 ms; ${distribution.label} gave ${v}`);
}

/**
 * The mean a model reports for its offered load: the distribution's exact mean when
 * it is known and finite, else the average of the `draws` values it produced (summing to `drawnTotal`).
 */
export function meanOrAverage(distribution: Distribution, drawnTotal: number, draws: number): number {
  const exact = distribution.mean;
  return exact !== undefined && Number.isFinite(exact) ? exact : drawnTotal / draws;
}

/** Checks the argument of `quantile(p)`. */
export function checkP(p: number): number {
  if (typeof p !== 'number' || !(p >= 0 && p <= 1)) throw new RangeError(`quantile p must be a number in [0, 1]; got ${p}`);
  return p;
}
