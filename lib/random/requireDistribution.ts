/**
 * A Distribution option as every model reads it: a Distribution value, or a spec
 * written as data (`{ kind: 'exponential', meanMs: 10 }`, see spec.ts) built here.
 */
import type { Distribution } from './distribution';
import { distributionFromSpec, isDistributionSpec } from './spec';

/**
 * Accepts a Distribution option, or a spec written as data (`{ kind: 'exponential',
 * meanMs: 10 }`, see spec.ts) which it builds, or fails naming the option.
 */
export function requireDistribution(option: string, value: unknown): Distribution {
  if (isDistributionSpec(value)) return distributionFromSpec(value, option);
  if (value === null || typeof value !== 'object' || typeof (value as Distribution).sample !== 'function') {
    throw new TypeError(
      `${option} must be a Distribution such as exponential(10) or lognormal({ median, p99 }), or a spec such as { kind: 'exponential', meanMs: 10 }; got ${value === null ? 'null' : typeof value}`,
    );
  }
  return value as Distribution;
}
