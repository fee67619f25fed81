/**
 * How robust a retry-storm verdict is: each policy run over several seeds and, for
 * policies that retry, several values of `retry.maxAttempts`, reporting how many runs
 * recovered after the trigger and how long recovery took (see `simulateRetryStorm`'s
 * `summary.recoveryMs`; null there means the run never recovered: a metastable
 * failure). Run i of every row draws from `createRng(seed).fork('run i')`, so the
 * policies and attempt counts of one run see the same users and the same trigger
 * (common random numbers) and rows differ only by policy and attempts.
 * Not done: intervals over the runs (the rows give the fastest and slowest recovery),
 * other swept parameters (vary `base` yourself).
 */
import { createRng } from '../../random/rng';
import { RETRY_POLICY_KEYS, type RetryPolicyOptions } from '../../resilience/retryPolicy';
import * as check from '../../validate';
import type { RetryStormOptions } from './retryStormOptions';
import { simulateRetryStorm } from './simulateRetryStorm';

/** A run's options without its random stream. */
export type StormRunOptions = Omit<RetryStormOptions, 'rng' | 'onProgress'>;

/** One policy of the sweep: a name and the options it sets on top of `base`. */
export interface StormSweepPolicy {
  /** Row label, e.g. 'backoff + retry budget'. */
  name: string;
  /** Options over `base`; a plain `retry` object gets each swept `maxAttempts`; without `retry` the policy does not retry and gets one row. */
  options: Partial<StormRunOptions>;
}

/** Options of `sweepStormRecovery`. */
export interface StormSweepOptions {
  /** The scenario every run shares (durationMs, arrivalRate, workers, serviceTime, timeoutMs, trigger, …). Must hold a trigger. */
  base: StormRunOptions;
  /** The policies compared (1 to 12). */
  policies: StormSweepPolicy[];
  /** Values of `retry.maxAttempts` for policies that retry (integers in [2, 20]; 1 to 8 values). */
  maxAttempts: number[];
  /** Seeds per row (integer in [1, 50]). */
  runs: number;
  /** The root seed of the runs. */
  seed: number | string;
}

/** The keys of `StormSweepOptions`. */
export const STORM_SWEEP_KEYS: readonly (keyof StormSweepOptions)[] = ['base', 'policies', 'maxAttempts', 'runs', 'seed'];
/** Most storm runs one sweep may make (each run is bounded on its own). */
export const MAX_SWEEP_RUNS = 400;
const POLICY_KEYS: readonly (keyof StormSweepPolicy)[] = ['name', 'options'];

/** One row: a policy at one attempt count over every run. */
export interface StormSweepRow {
  policy: string;
  /** retry.maxAttempts of the row (1 for a policy that does not retry). */
  maxAttempts: number;
  runs: number;
  /** Runs whose goodput came back after the trigger. */
  recovered: number;
  /** Per run: seconds from the trigger's end to recovery; NaN for a run that never recovered. */
  recoveryS: number[];
  /** Fastest and slowest recovery over the runs that recovered (s); NaN when none did. */
  minRecoveryS: number;
  maxRecoveryS: number;
  /** Mean over the runs of downstream attempts per user request (`summary.amplification`). */
  meanAmplification: number;
}

/** Runs every policy × attempt count × seed (see the module header); rows in policy order, then attempts ascending. */
export function sweepStormRecovery(opts: StormSweepOptions): StormSweepRow[] {
  const FN = 'sweepStormRecovery';
  check.options(FN, opts, STORM_SWEEP_KEYS);
  if (opts.base === null || typeof opts.base !== 'object') throw new TypeError(`${FN}: base must be the options of simulateRetryStorm without rng; got ${check.describe(opts.base)}`);
  if (!opts.base.trigger) throw new RangeError(`${FN}: base.trigger is required: recovery is measured from the trigger's end`);
  if (!Array.isArray(opts.policies) || opts.policies.length < 1 || opts.policies.length > 12) {
    throw new RangeError(`${FN}: policies must be a list of 1 to 12 { name, options }; got ${check.describe(opts.policies)}`);
  }
  if (!Array.isArray(opts.maxAttempts) || opts.maxAttempts.length < 1 || opts.maxAttempts.length > 8) {
    throw new RangeError(`${FN}: maxAttempts must be a list of 1 to 8 integers ≥ 2; got ${check.describe(opts.maxAttempts)}`);
  }
  const attempts = opts.maxAttempts.map((a, i) => check.integer(`maxAttempts[${i}]`, a, 2, 20));
  const runs = check.integer('runs', opts.runs, 1, 50);
  if (typeof opts.seed !== 'number' && typeof opts.seed !== 'string') throw new TypeError(`${FN}: seed must be a number or a string; got ${check.describe(opts.seed)}`);
  const policies = opts.policies.map((p, i) => {
    check.nestedOptions(`policies[${i}]`, p, POLICY_KEYS);
    if (typeof p.name !== 'string' || p.name.length === 0) throw new TypeError(`${FN}: policies[${i}].name must be a non-empty string; got ${check.describe(p.name)}`);
    if (p.options === null || typeof p.options !== 'object' || Array.isArray(p.options)) throw new TypeError(`${FN}: policies[${i}].options must be an object; got ${check.describe(p.options)}`);
    const retry = p.options.retry;
    if (retry !== undefined) {
      if (retry === null || typeof retry !== 'object' || Array.isArray(retry)) {
        throw new TypeError(`${FN}: policies[${i}].options.retry must be plain retry options ({ maxAttempts, backoff? }) so that maxAttempts can be swept; got ${check.describe(retry)}`);
      }
      check.nestedOptions(`policies[${i}].options.retry`, retry as RetryPolicyOptions, RETRY_POLICY_KEYS);
      check.integer(`policies[${i}].options.retry.maxAttempts`, (retry as RetryPolicyOptions).maxAttempts, 1, 20);
    }
    return { name: p.name, options: p.options, retry: retry as RetryPolicyOptions | undefined };
  });

  const total = policies.reduce((n, p) => n + (p.retry ? attempts.length : 1), 0) * runs;
  check.workWithin(`${FN} policies × maxAttempts × runs`, total, MAX_SWEEP_RUNS, 'storm runs');
  const root = createRng(opts.seed);
  const rows: StormSweepRow[] = [];
  for (const p of policies) {
    for (const maxAttempts of p.retry ? attempts : [1]) {
      const recoveryS: number[] = [];
      let amplification = 0;
      for (let i = 0; i < runs; i++) {
        const options: RetryStormOptions = { ...opts.base, ...p.options, rng: root.fork(`run ${i}`) };
        if (p.retry) options.retry = { ...p.retry, maxAttempts };
        const r = check.within(`${FN} policies "${p.name}"`, () => simulateRetryStorm(options));
        recoveryS.push(r.summary.recoveryMs === null ? NaN : r.summary.recoveryMs / 1000);
        amplification += r.summary.amplification;
      }
      const done = recoveryS.filter((s) => !Number.isNaN(s));
      rows.push({
        policy: p.name, maxAttempts, runs, recovered: done.length, recoveryS,
        minRecoveryS: done.length ? Math.min(...done) : NaN, maxRecoveryS: done.length ? Math.max(...done) : NaN,
        meanAmplification: amplification / runs,
      });
    }
  }
  return rows;
}
