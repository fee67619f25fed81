/**
 * Panels for `signalsFigure` that compare runs over time: one panel per signal (goodput,
 * load, latency, …), one line per run, read from each run's time buckets. Lines that
 * coincide in a panel are drawn once and labelled together (see `mergeIdenticalSeries`),
 * so a policy that behaves exactly like another does not vanish under it.
 * Not done: resampling runs onto a common x (each line keeps its own buckets).
 */
import * as check from '../../validate';
import { mergeIdenticalSeries } from '../mergeIdenticalSeries';
import type { XYSeries } from '../series';
import type { SignalPanel } from './signalsFigure';

/** One run to compare: its label and its time buckets. */
export interface ComparedRun<B> {
  name: string;
  buckets: readonly B[];
}

/** One panel: its heading, its y-axis title with the unit, and the value read from a bucket. */
export interface ComparisonPanelSpec<B> {
  title: string;
  yTitle: string;
  value: (bucket: B) => number;
  /** Log y axis (default false). */
  logY?: boolean;
  /** Lines closer than this share of the panel's y range count as one (in [0, 0.1]; default 0: identical only). */
  within?: number;
}

/** Options of `comparisonPanels`. */
export interface ComparisonPanelsOptions<B> {
  /** The x value of a bucket, e.g. its middle in minutes. */
  x: (bucket: B) => number;
}

const PANEL_KEYS = ['title', 'yTitle', 'value', 'logY', 'within'];
const KEYS = ['x'];
const RUN_KEYS = ['name', 'buckets'];

/** One `SignalPanel` per spec, one line per run (coinciding lines merged). */
export function comparisonPanels<B>(runs: readonly ComparedRun<B>[], panels: readonly ComparisonPanelSpec<B>[], options: ComparisonPanelsOptions<B>): SignalPanel[] {
  const FN = 'comparisonPanels';
  check.options(FN, options, KEYS);
  if (typeof options.x !== 'function') throw new TypeError(`${FN}: x must be a function from a bucket to its x value; got ${check.describe(options.x)}`);
  if (!Array.isArray(runs) || runs.length === 0) throw new TypeError(`${FN}: runs must be a non-empty list of { name, buckets }; got ${check.describe(runs)}`);
  runs.forEach((r, i) => {
    if (r !== null && typeof r === 'object') check.nestedOptions(`runs[${i}]`, r, RUN_KEYS);
    if (!r || typeof r.name !== 'string' || !Array.isArray(r.buckets)) throw new TypeError(`${FN}: runs[${i}] must be { name, buckets } with buckets a list`);
  });
  if (!Array.isArray(panels) || panels.length === 0) throw new TypeError(`${FN}: panels must be a non-empty list of { title, yTitle, value }; got ${check.describe(panels)}`);
  return panels.map((p, i) => {
    check.nestedOptions(`panels[${i}]`, p, PANEL_KEYS);
    for (const key of ['title', 'yTitle'] as const) {
      if (typeof p[key] !== 'string' || p[key].length === 0) throw new TypeError(`${FN}: panels[${i}].${key} must be a non-empty string; got ${check.describe(p[key])}`);
    }
    const logY = check.flag(`panels[${i}].logY`, p.logY, false);
    if (typeof p.value !== 'function') throw new TypeError(`${FN}: panels[${i}].value must be a function from a bucket to a number; got ${check.describe(p.value)}`);
    const lines: XYSeries[] = runs.map((r) => ({ name: r.name, x: r.buckets.map(options.x), y: r.buckets.map(p.value) }));
    const panel: SignalPanel = { title: p.title, yTitle: p.yTitle, series: check.within(`${FN} panels[${i}]`, () => mergeIdenticalSeries(lines, { within: p.within })) };
    if (logY) panel.logY = true;
    return panel;
  });
}
