/**
 * Pareto (type I) distribution: P(X > x) = (scale / x)^shape for x ≥ scale. The
 * heavy tail of object sizes and rare slow requests. The mean is infinite for shape ≤ 1.
 */
import * as check from '../validate';
import { checkP, type Distribution } from './distribution';

export interface ParetoOptions {
  /** Smallest value (x_m), finite and > 0. */
  scale: number;
  /** Tail index α, finite and > 0; smaller is heavier (a draw may then overflow to Infinity). */
  shape: number;
}

/** Every key of ParetoOptions. */
export const PARETO_KEYS: readonly (keyof ParetoOptions)[] = ['scale', 'shape'];

/**
 * The Pareto (type I) distribution: smallest value `scale` (> 0), tail index
 * `shape` (> 0; smaller is heavier, and at shape ≤ 1 the mean is infinite).
 *
 * @throws TypeError when an option is unknown; RangeError when a value is out of range.
 *
 * @example
 * ```ts
 * import { createRng, pareto } from 'netlab';
 *
 * const sizes = pareto({ scale: 1_000, shape: 1.5 });   // bytes, heavy-tailed
 * sizes.sample(createRng(1));
 * ```
 */
export function pareto(opts: ParetoOptions): Distribution {
  check.options('pareto', opts, PARETO_KEYS);
  const scale = check.positive('pareto scale', opts.scale);
  const shape = check.positive('pareto shape', opts.shape);
  const inv = -1 / shape;
  return {
    label: `pareto(scale ${scale}, shape ${shape})`,
    mean: shape > 1 ? (shape * scale) / (shape - 1) : Infinity,
    sample: (rng) => scale * Math.pow(1 - rng(), inv),
    quantile: (p) => scale * Math.pow(1 - checkP(p), inv),
  };
}
