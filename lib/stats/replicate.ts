/**
 * Replications: run one seeded experiment several times on independent streams and
 * report each result as a mean with a Student-t confidence interval over the runs.
 *
 * Run i draws from `createRng(seed).fork('run-<i>')`, so adding runs never moves the
 * earlier ones, and two experiments replicated with one seed see the same streams
 * (common random numbers: their difference is sharper than either alone). The
 * interval assumes the runs' results are independent and roughly normal (a mean over
 * many requests is); it says nothing about one request's spread. The t quantile comes
 * from jstat.
 */
import { jStat } from 'jstat';
import { createRng, type Rng } from '../random/rng';
import * as check from '../validate';
import { accurateSum } from './summarize';

/** One replicated number: the runs' mean and a Student-t interval around it. */
export interface Interval {
  /** Mean over the runs. */
  mean: number;
  /** Lower end of the interval (mean − halfWidth). */
  lower: number;
  /** Upper end of the interval (mean + halfWidth). */
  upper: number;
  /** t(1 − (1 − confidence)/2, runs − 1) × sd / √runs. */
  halfWidth: number;
  /** Sample standard deviation of the runs' values (n − 1 in the denominator). */
  sd: number;
  /** The confidence asked for, e.g. 0.95. */
  confidence: number;
  /** Number of runs. */
  runs: number;
  /** Each run's value, in run order. */
  values: number[];
}

/** What `replicate` returns: one Interval for a number, one per key for a record of numbers. */
export type Replicated<R> = R extends number ? Interval : { [K in keyof R]: Interval };

export interface ReplicateOptions {
  /** Number of runs, an integer in [2, 10_000] (default 10). */
  runs?: number;
  /** Root seed of the runs' streams (required): a number or a string. */
  seed: number | string;
  /** Confidence of the intervals, in (0, 1) (default 0.95). */
  confidence?: number;
}

const FN = 'replicate';
const KEYS: readonly (keyof ReplicateOptions)[] = ['runs', 'seed', 'confidence'];
/** Most runs one call makes. */
export const MAX_RUNS = 10_000;

/**
 * Runs `experiment(rng, run)` for run = 0 … runs−1, each on its own stream, and
 * returns the mean and confidence interval of its result (a number, or a record of
 * numbers with the same keys every run).
 *
 * @example
 *   const p99 = replicate((rng) => quantiles(simulateQueue({ ...opts, rng }).latencies, [0.99])[0], { seed: SEED });
 *   // p99.mean, p99.lower, p99.upper
 */
export function replicate<R extends number | Record<string, number>>(
  experiment: (rng: Rng, run: number) => R,
  options: ReplicateOptions,
): Replicated<R> {
  if (typeof experiment !== 'function') throw new TypeError(`${FN} experiment must be a function (rng, run) => number | record; got ${check.describe(experiment)}`);
  if (options === undefined) throw new TypeError(`${FN} needs options { seed }`);
  const opts = check.options(FN, options, KEYS);
  if (typeof opts.seed !== 'number' && typeof opts.seed !== 'string') {
    throw new TypeError(`${FN} seed must be a number or a string (required); got ${check.describe(opts.seed)}`);
  }
  const runs = opts.runs === undefined ? 10 : check.integer(`${FN} runs`, opts.runs, 2, MAX_RUNS);
  const confidence = opts.confidence === undefined ? 0.95 : check.inRange(`${FN} confidence`, opts.confidence, 0, 1, '()');
  const root = createRng(opts.seed);

  const results: R[] = [];
  for (let run = 0; run < runs; run++) results.push(experiment(root.fork(`run-${run}`), run));
  if (typeof results[0] === 'number') {
    return interval(results.map((r, run) => runValue(r, run, 'result')), confidence) as Replicated<R>;
  }
  const keys = recordKeys(results[0], 0);
  const out: Record<string, Interval> = {};
  results.forEach((r, run) => {
    const k = recordKeys(r, run);
    if (k.join() !== keys.join()) throw new TypeError(`${FN}: run ${run} returned keys [${k.join(', ')}], run 0 returned [${keys.join(', ')}]`);
  });
  for (const key of keys) out[key] = interval(results.map((r, run) => runValue((r as Record<string, number>)[key], run, `result.${key}`)), confidence);
  return out as Replicated<R>;
}

/** The mean of `values` with its Student-t interval at `confidence` (at least two values). */
export function meanInterval(values: readonly number[], confidence = 0.95): Interval {
  check.finiteArray('meanInterval values', values);
  if (values.length < 2) throw new RangeError(`meanInterval values needs at least 2 values for an interval; got ${values.length}`);
  return interval([...values], check.inRange('meanInterval confidence', confidence, 0, 1, '()'));
}

function interval(values: number[], confidence: number): Interval {
  const n = values.length;
  const mean = accurateSum(values) / n;
  const variance = accurateSum(values.map((v) => (v - mean) ** 2)) / (n - 1);
  const sd = Math.sqrt(variance);
  const halfWidth = (jStat.studentt.inv(1 - (1 - confidence) / 2, n - 1) * sd) / Math.sqrt(n);
  return { mean, lower: mean - halfWidth, upper: mean + halfWidth, halfWidth, sd, confidence, runs: n, values };
}

function runValue(value: unknown, run: number, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new TypeError(`${FN}: run ${run} returned ${what} = ${check.describe(value)}; the experiment must return finite numbers`);
  }
  return value;
}

function recordKeys(value: unknown, run: number): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new TypeError(`${FN}: run ${run} returned ${check.describe(value)}; the experiment must return a number or a record of numbers`);
  }
  const keys = Object.keys(value).sort();
  if (keys.length === 0) throw new TypeError(`${FN}: run ${run} returned an empty record`);
  return keys;
}
