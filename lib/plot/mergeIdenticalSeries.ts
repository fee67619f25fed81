/**
 * Draw identical lines once: series whose points coincide are merged into one whose
 * name joins theirs ("SSE = WebSocket"), so no line hides under another unexplained.
 * Two series coincide when they have the same x values and every pair of y values
 * differs by at most `within` × the y range of all the series given (0 by default:
 * exactly equal; NaN matches NaN). Merging is greedy in input order: each series joins
 * the first earlier group it coincides with, and a group keeps its first member's
 * points and dash. Pure: returns new series, the inputs are untouched.
 * Not done: partial overlaps (lines that coincide over part of the x range).
 */
import * as check from '../validate';
import { XY_SERIES_KEYS, type XYSeries } from './series';

/** Options of `mergeIdenticalSeries`. */
export interface MergeSeriesOptions {
  /** Largest y difference still "the same line", as a share of the y range of all series (in [0, 0.1]; default 0). */
  within?: number;
  /** Put between merged names (default ' = '). */
  joiner?: string;
}

/** The keys of `MergeSeriesOptions`. */
export const MERGE_SERIES_KEYS: readonly (keyof MergeSeriesOptions)[] = ['within', 'joiner'];

/** `series` with coinciding lines drawn once and labelled together (see the module header). */
export function mergeIdenticalSeries(series: readonly XYSeries[], options: MergeSeriesOptions = {}): XYSeries[] {
  const FN = 'mergeIdenticalSeries';
  check.options(FN, options, MERGE_SERIES_KEYS);
  const within = options.within === undefined ? 0 : check.inRange('within', options.within, 0, 0.1);
  const joiner = options.joiner ?? ' = ';
  if (typeof joiner !== 'string') throw new TypeError(`${FN}: joiner must be a string; got ${check.describe(joiner)}`);
  if (!Array.isArray(series)) throw new TypeError(`${FN}: series must be a list of { name, x, y }; got ${check.describe(series)}`);
  series.forEach((s, i) => {
    if (s !== null && typeof s === 'object') check.nestedOptions(`series[${i}]`, s, XY_SERIES_KEYS);
    if (!s || typeof s.name !== 'string' || !s.x || !s.y || typeof s.x.length !== 'number' || s.x.length !== s.y.length) {
      throw new TypeError(`${FN}: series[${i}] must be { name, x, y } with x and y of the same length`);
    }
    check.finiteArray(`series[${i}].x`, s.x);
    check.finiteArray(`series[${i}].y`, s.y, true);
  });
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series) {
    for (let i = 0; i < s.y.length; i++) {
      const v = s.y[i];
      if (Number.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
    }
  }
  const tolerance = hi > lo ? within * (hi - lo) : 0;
  const groups: { first: XYSeries; names: string[] }[] = [];
  for (const s of series) {
    const group = groups.find((g) => coincide(g.first, s, tolerance));
    if (group) group.names.push(s.name);
    else groups.push({ first: s, names: [s.name] });
  }
  return groups.map(({ first, names }) => ({ ...first, name: names.join(joiner) }));
}

function coincide(a: XYSeries, b: XYSeries, tolerance: number): boolean {
  if (a.x.length !== b.x.length) return false;
  for (let i = 0; i < a.x.length; i++) {
    if (a.x[i] !== b.x[i]) return false;
    const p = a.y[i];
    const q = b.y[i];
    if (Number.isNaN(p) || Number.isNaN(q)) {
      if (Number.isNaN(p) !== Number.isNaN(q)) return false;
    } else if (!(Math.abs(p - q) <= tolerance)) {
      return false;
    }
  }
  return true;
}
