/** Progress reporting for long runs: a model calls it with work done and total work. */
import * as check from '../validate';

export type ProgressCallback = (done: number, total: number) => void;

/** Checks an `onProgress` option: undefined or a function. */
export function checkProgress(onProgress: unknown): ProgressCallback | undefined {
  if (onProgress !== undefined && typeof onProgress !== 'function') {
    throw new TypeError(`onProgress must be a function (done, total) => void; got ${check.describe(onProgress)}`);
  }
  return onProgress as ProgressCallback | undefined;
}

/** Returns a function to call per unit of work that forwards to `onProgress` about `steps` times in all. */
export function progressTicker(total: number, onProgress: ProgressCallback | undefined, steps = 100): (done: number) => void {
  check.nonNegative('progress total', total);
  check.integer('progress steps', steps, 1);
  if (onProgress === undefined) return () => {};
  checkProgress(onProgress);
  const every = Math.max(1, Math.floor(total / steps));
  return (done) => {
    if (done % every === 0 || done === total) onProgress(done, total);
  };
}
