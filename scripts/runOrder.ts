/**
 * The order the workbook starts its notebooks in, by the times of the last run, which
 * it keeps in OUT/timings.json: the quickest first, one per slot, then the rest slowest
 * first. The first notebooks start beside the browser that draws the figures and the
 * other first kernel, which together slow each by about 4 s on two cores: the quickest
 * absorb that best (measured: the slowest notebook took 21–29 s when it went first,
 * about 17 s afterwards). Starting the longest of the rest first keeps a long notebook
 * from running alone at the end. The order changes nothing a notebook computes; a
 * missing or unreadable file only means the listing order.
 */
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { basename, join } from 'path';

/** Seconds each notebook (by file name) took to execute, kernel start included. */
export type Timings = Record<string, number>;

/** OUT/timings.json. */
export function timingsFile(outDir: string): string {
  return join(outDir, 'timings.json');
}

/** The times kept by the last run into `outDir`: {} when there are none or the file is not a map of times. */
export function readTimings(outDir: string): Timings {
  const file = timingsFile(outDir);
  if (!existsSync(file)) return {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, number] => typeof e[1] === 'number' && Number.isFinite(e[1])));
  } catch {
    return {};
  }
}

/** Keeps this run's times beside the earlier ones of notebooks it did not run. */
export function writeTimings(outDir: string, earlier: Timings, ran: readonly { input: string; seconds: number }[]): void {
  const all: Timings = { ...earlier };
  for (const { input, seconds } of ran) all[basename(input)] = Math.round(seconds * 10) / 10;
  const sorted = Object.fromEntries(Object.entries(all).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  writeFileSync(timingsFile(outDir), JSON.stringify(sorted, null, 1) + '\n');
}

/**
 * `jobs` in the order to start them with `slots` at a time: by `timings`, the `slots`
 * quickest first, then the others slowest first; notebooks without a time go first,
 * in their listing order (all of them in that order when none has a time).
 */
export function runOrder<T extends { file: string }>(jobs: readonly T[], timings: Timings, slots: number): T[] {
  const time = (job: T): number => timings[basename(job.file)] ?? Infinity;
  const slowest = jobs
    .map((job, index) => ({ job, index }))
    .sort((a, b) => time(b.job) - time(a.job) || a.index - b.index)
    .map(({ job }) => job);
  const timed = slowest.filter((job) => time(job) < Infinity);
  const quickest = slots > 1 ? timed.slice(-slots).reverse() : [];
  return [...slowest.filter((job) => time(job) === Infinity), ...quickest, ...timed.filter((job) => !quickest.includes(job))];
}
