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

/** Pareto type I with the given scale and shape. */
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
