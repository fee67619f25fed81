/**
 * Distributions as data: `{ kind: 'exponential', meanMs: 10 }` stands for
 * `exponential(10)`, so a model's options can be written as plain JSON (stored with
 * results, sent to a worker, set from a command line). One kind per constructor,
 * with that constructor's own parameter names:
 *
 *   { kind: 'constant', value }           constant(value)
 *   { kind: 'uniform', lo, hi }           uniform(lo, hi)
 *   { kind: 'exponential', meanMs }       exponential(meanMs)
 *   { kind: 'normal', mean, sd }          normal(mean, sd)
 *   { kind: 'lognormal', median, p99 }    lognormal({ median, p99 })
 *   { kind: 'pareto', scale, shape }      pareto({ scale, shape })
 *   { kind: 'empirical', values }         empirical(values)
 *
 * Every option that takes a Distribution takes a spec too (requireDistribution).
 * A spec with an unknown kind or key, or a bad value, is a TypeError/RangeError
 * naming the option where it sits (`serviceTime.meanMs`).
 */
import * as check from '../validate';
import { constant } from './constant';
import type { Distribution } from './distribution';
import { empirical } from './empirical';
import { exponential } from './exponential';
import { lognormal } from './lognormal';
import { normal } from './normal';
import { pareto } from './pareto';
import { uniform } from './uniform';

/** A distribution written as data (see the module header for each kind's keys). */
export type DistributionSpec =
  | { kind: 'constant'; value: number }
  | { kind: 'uniform'; lo: number; hi: number }
  | { kind: 'exponential'; meanMs: number }
  | { kind: 'normal'; mean: number; sd: number }
  | { kind: 'lognormal'; median: number; p99: number }
  | { kind: 'pareto'; scale: number; shape: number }
  | { kind: 'empirical'; values: number[] };

/** What an option taking a distribution accepts: a Distribution, or its spec. */
export type DistributionLike = Distribution | DistributionSpec;

type Kind = DistributionSpec['kind'];

/** Each kind's keys (besides `kind`) and how it builds the distribution. */
const KINDS: { [K in Kind]: { keys: readonly string[]; build: (s: Extract<DistributionSpec, { kind: K }>) => Distribution } } = {
  constant: { keys: ['value'], build: (s) => constant(s.value) },
  uniform: { keys: ['lo', 'hi'], build: (s) => uniform(s.lo, s.hi) },
  exponential: { keys: ['meanMs'], build: (s) => exponential(s.meanMs) },
  normal: { keys: ['mean', 'sd'], build: (s) => normal(s.mean, s.sd) },
  lognormal: { keys: ['median', 'p99'], build: (s) => lognormal({ median: s.median, p99: s.p99 }) },
  pareto: { keys: ['scale', 'shape'], build: (s) => pareto({ scale: s.scale, shape: s.shape }) },
  empirical: { keys: ['values'], build: (s) => empirical(s.values) },
};

/** The kinds a spec may name. */
export const DISTRIBUTION_KINDS: readonly Kind[] = Object.keys(KINDS) as Kind[];

/** True when `value` looks like a spec (an object with a `kind`, not a Distribution). */
export function isDistributionSpec(value: unknown): value is DistributionSpec {
  return value !== null && typeof value === 'object' && 'kind' in value && typeof (value as unknown as Distribution).sample !== 'function';
}

/**
 * The Distribution a spec stands for, its parameters checked under `option`
 * (default 'distribution'): `distributionFromSpec({ kind: 'exponential', meanMs: 10 })`.
 */
export function distributionFromSpec(spec: DistributionSpec, option = 'distribution'): Distribution {
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) {
    throw new TypeError(`${option} must be a distribution spec such as { kind: 'exponential', meanMs: 10 }; got ${check.describe(spec)}`);
  }
  const kind = check.oneOf(`${option}.kind`, (spec as { kind?: unknown }).kind, DISTRIBUTION_KINDS);
  const entry = KINDS[kind] as { keys: readonly string[]; build: (s: DistributionSpec) => Distribution };
  check.nestedOptions(option, spec, ['kind', ...entry.keys] as never);
  for (const key of entry.keys) {
    if ((spec as Record<string, unknown>)[key] === undefined) throw new TypeError(`${option}.${key} is required for kind '${kind}' (keys: ${entry.keys.join(', ')})`);
  }
  try {
    return entry.build(spec);
  } catch (err) {
    // The constructors name their own parameters; say where the spec sits too.
    if (err instanceof TypeError || err instanceof RangeError) {
      const Err = err instanceof TypeError ? TypeError : RangeError;
      throw new Err(`${option} (${kind}): ${err.message}`);
    }
    throw err;
  }
}
