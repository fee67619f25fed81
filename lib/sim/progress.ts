/** Progress reporting for long runs: a model calls it with work done and total work. */
export type ProgressCallback = (done: number, total: number) => void;

/** Returns a function to call per unit of work that forwards to `onProgress` about `steps` times in all. */
export function progressTicker(total: number, onProgress: ProgressCallback | undefined, steps = 100): (done: number) => void {
  if (!onProgress) return () => {};
  if (typeof onProgress !== 'function') throw new TypeError(`onProgress must be a function (done, total) => void; got ${typeof onProgress}`);
  const every = Math.max(1, Math.floor(total / steps));
  return (done) => {
    if (done % every === 0 || done === total) onProgress(done, total);
  };
}
