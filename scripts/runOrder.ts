/**
 * The order the workbook starts its notebooks in, by the times of the last run, which
 * it keeps in OUT/timings.json: the quickest first, one per slot, then the rest slowest
 * first. The first notebooks start beside the browser that draws the figures and the
 * other first kernel, which together slow each by about 4 s on two cores: the quickest
 * absorb that best (measured: the slowest notebook took 21–29 s when it went first,
 * about 17 s afterwards). Starting the longest of the rest first keeps a long notebook
 * from running alone at the end. Before any run has kept times (a fresh clone), the
 * length of each notebook's code stands in for its time. The order changes nothing a
 * notebook computes.
 */
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { basename, join } from 'path';
import { text, type Notebook } from './notebook';

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
 * A stand-in for a notebook's time before it has one: the characters of its code cells.
 * Rough (measured alone, the two parts with the least code took 4.5 and 6.9 s, the three
 * with the most 9.6–15 s), but enough to keep the longest out of the crowded start.
 */
export function codeLength(nb: Notebook): number {
  let length = 0;
  for (const cell of nb.cells) if (cell.cell_type === 'code') length += text(cell.source).length;
  return length;
}

/**
 * `jobs` in the order to start them with `slots` at a time: by `timings`, the `slots`
 * quickest first, then the others slowest first; notebooks without a time go first,
 * in their listing order. When no job has a time, the length of its code (`codeLength`
 * of its source) stands in for one.
 */
export function runOrder<T extends { file: string; source: Notebook }>(jobs: readonly T[], timings: Timings, slots: number): T[] {
  const timed = jobs.some((job) => basename(job.file) in timings);
  const time = (job: T): number => (timed ? timings[basename(job.file)] ?? Infinity : codeLength(job.source));
  const slowest = jobs
    .map((job, index) => ({ job, index, time: time(job) }))
    .sort((a, b) => b.time - a.time || a.index - b.index);
  const known = slowest.filter((entry) => entry.time < Infinity).map(({ job }) => job);
  const quickest = slots > 1 ? known.slice(-slots).reverse() : [];
  const unknown = slowest.filter((entry) => entry.time === Infinity).map(({ job }) => job);
  return [...unknown, ...quickest, ...known.filter((job) => !quickest.includes(job))];
}
