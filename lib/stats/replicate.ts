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
  /** Sample standard deviation of the runs' values (n − 1 in the denominator). */
  sd: number;
  /** Lower end of the confidence interval (mean − halfWidth). */
  ciLow: number;
  /** Upper end of the confidence interval (mean + halfWidth). */
  ciHigh: number;
  /** t(1 − (1 − level)/2, runs − 1) × sd / √runs. */
  halfWidth: number;
  /** The confidence level of the interval, e.g. 0.95. */
  level: number;
  /** Number of runs. */
  runs: number;
  /** Each run's value, in run order. */
  values: number[];
}

/** What `replicate` returns: one Interval for a number, one per key for a record of numbers. */
export type Replicated<R> = R extends number ? Interval : { [K in keyof R]: Interval };

/** Options of `replicate`: the experiment, how many runs, the seed and the interval's level. */
export interface ReplicateOptions<R> {
  /** The experiment: run i gets its own stream `rng` and its index; it returns a number or a record of numbers. */
  run: (rng: Rng, i: number) => R;
  /** Number of runs, an integer in [2, 10_000] (default 10). */
  runs?: number;
  /** Root seed of the runs' streams (required): a number or a string. */
  seed: number | string;
  /** Confidence level of the intervals, in (0, 1) (default 0.95). */
  level?: number;
}

const FN = 'replicate';
const KEYS: readonly (keyof ReplicateOptions<unknown>)[] = ['run', 'runs', 'seed', 'level'];
/** Most runs one call makes. */
export const MAX_RUNS = 10_000;

/**
 * Runs `run(rng, i)` for i = 0 … runs−1, each on its own stream, and returns the
 * mean, standard deviation and Student-t interval of its result (a number, or a
 * record of numbers with the same keys every run: one Interval per key).
 *
 * @example
 * ```ts
 * import { exponential, replicate, simulateQueue } from 'netlab';
 *
 * const r = replicate({ runs: 5, seed: 42, run: (rng) => {
 *   const q = simulateQueue({ workers: 2, arrivalRate: 150, serviceTime: exponential(10), requests: 2_000, rng });
 *   return { mean: q.summary.mean, p99: q.summary.p99 };
 * } });
 * [r.p99.mean, r.p99.ciLow, r.p99.ciHigh];     // ms, a 95% interval over the 5 runs
 * ```
 */
export function replicate<R extends number | Record<string, number>>(options: ReplicateOptions<R>): Replicated<R> {
  if (typeof options === 'function') {
    throw new TypeError(`${FN} takes one options object { run: (rng, i) => metrics, runs, seed, level }; got a function first`);
  }
  if (options === undefined) throw new TypeError(`${FN} needs options { run, seed }`);
  const opts = check.options(FN, options, KEYS);
  if (typeof opts.run !== 'function') throw new TypeError(`${FN} run must be a function (rng, i) => number | record (required); got ${check.describe(opts.run)}`);
  if (typeof opts.seed !== 'number' && typeof opts.seed !== 'string') {
    throw new TypeError(`${FN} seed must be a number or a string (required); got ${check.describe(opts.seed)}`);
  }
  const runs = opts.runs === undefined ? 10 : check.integer(`${FN} runs`, opts.runs, 2, MAX_RUNS);
  const level = opts.level === undefined ? 0.95 : check.inRange(`${FN} level`, opts.level, 0, 1, '()');
  const root = createRng(opts.seed);

  const results: R[] = [];
  for (let i = 0; i < runs; i++) results.push(opts.run(root.fork(`run-${i}`), i));
  if (typeof results[0] === 'number') {
    return interval(results.map((r, i) => runValue(r, i, 'result')), level) as Replicated<R>;
  }
  const keys = recordKeys(results[0], 0);
  const out: Record<string, Interval> = {};
  results.forEach((r, i) => {
    const k = recordKeys(r, i);
    if (k.join() !== keys.join()) throw new TypeError(`${FN}: run ${i} returned keys [${k.join(', ')}], run 0 returned [${keys.join(', ')}]`);
  });
  for (const key of keys) out[key] = interval(results.map((r, i) => runValue((r as Record<string, number>)[key], i, `result.${key}`)), level);
  return out as Replicated<R>;
}

/** The mean of `values` with its Student-t interval at `level` (at least two values). */
export function meanInterval(values: readonly number[], level = 0.95): Interval {
  check.finiteArray('meanInterval values', values);
  if (values.length < 2) throw new RangeError(`meanInterval values needs at least 2 values for an interval; got ${values.length}`);
  return interval([...values], check.inRange('meanInterval level', level, 0, 1, '()'));
}

function interval(values: number[], level: number): Interval {
  const n = values.length;
  const mean = accurateSum(values) / n;
  const variance = accurateSum(values.map((v) => (v - mean) ** 2)) / (n - 1);
  const sd = Math.sqrt(variance);
  const halfWidth = (jStat.studentt.inv(1 - (1 - level) / 2, n - 1) * sd) / Math.sqrt(n);
  return { mean, sd, ciLow: mean - halfWidth, ciHigh: mean + halfWidth, halfWidth, level, runs: n, values };
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
