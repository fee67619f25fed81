/**
 * Batch means: a confidence interval for a steady-state mean from ONE long run.
 * The run's per-request values are correlated (a queue remembers), so the plain
 * standard error is far too small; cutting the run into a few long consecutive
 * batches makes the batch averages nearly independent, and a Student-t interval
 * over them is honest when each batch is much longer than the run's memory.
 * An optional warm-up share is dropped first (the start from an empty system).
 * Not done: choosing the batch count from the data (a fixed count, default 20, is
 * the usual advice: fewer, longer batches are safer than many short ones).
 */
import * as check from '../validate';
import { meanInterval, type Interval } from './replicate';

/** Options of `batchMeans`. */
export interface BatchMeansOptions {
  /** Number of consecutive batches, an integer in [2, 1000] (default 20). */
  batches?: number;
  /** Share of the values dropped from the start as warm-up, in [0, 0.9] (default 0). */
  warmup?: number;
  /** Confidence level of the interval, in (0, 1) (default 0.95). */
  level?: number;
}

const FN = 'batchMeans';
const KEYS: readonly (keyof BatchMeansOptions)[] = ['batches', 'warmup', 'level'];

/**
 * The steady-state mean of one run's values in time order, with a Student-t
 * interval over the means of `batches` equal consecutive batches (`runs` of the
 * Interval is the batch count; a remainder shorter than one batch is dropped).
 *
 * @throws TypeError or RangeError when `values` holds a non-finite number, an option is wrong, or there are fewer values than batches.
 *
 * @example
 * ```ts
 * import { batchMeans, createRng, exponential, simulateQueue } from 'netlab';
 *
 * const q = simulateQueue({ workers: 1, arrivalRate: 80, serviceTime: exponential(10), requests: 20_000, rng: createRng(1) });
 * batchMeans(q.latencyMs, { warmup: 0.05 });   // { mean (M/M/1: 50 ms), ciLow, ciHigh, level: 0.95, runs: 20, … }
 * ```
 */
export function batchMeans(values: ArrayLike<number>, options: BatchMeansOptions = {}): Interval {
  check.finiteArray(`${FN} values`, values);
  const opts = check.options(FN, options, KEYS);
  const batches = opts.batches === undefined ? 20 : check.integer(`${FN} batches`, opts.batches, 2, 1000);
  const warmup = opts.warmup === undefined ? 0 : check.inRange(`${FN} warmup`, opts.warmup, 0, 0.9);
  const level = opts.level === undefined ? 0.95 : check.inRange(`${FN} level`, opts.level, 0, 1, '()');
  const start = Math.floor(values.length * warmup);
  const size = Math.floor((values.length - start) / batches);
  if (size < 1) {
    throw new RangeError(`${FN} values: ${values.length - start} values after warm-up cannot fill ${batches} batches; pass more values or fewer batches`);
  }
  const means: number[] = [];
  for (let b = 0; b < batches; b++) {
    let sum = 0;
    for (let i = start + b * size, end = i + size; i < end; i++) sum += values[i];
    means.push(sum / size);
  }
  return meanInterval(means, level);
}
