/**
 * The percentile ladder: p50, p90, p99 and p99.9 of each configuration side by
 * side, as grouped bars (default) or as a dot ladder (markers joined by a line per
 * configuration). It shows how fast the tail grows away from the median, which a
 * mean hides. Rows take already-computed percentiles (e.g. from summarize, extra
 * fields are ignored); it does not compute percentiles or error bars.
 */
import * as check from '../../validate';
import type { BarTrace, Figure, ScatterTrace } from '../figure';
import * as checks from '../checks';
import { finishFigure } from '../finishFigure';
import { FIGURE_LIMITS } from '../limits';
import { pickColor } from '../palette';
import { round } from '../round';
import { baseAxis, themedLayout, hoverValue, THEME, unitOf } from '../theme';

/**
 * One configuration's percentiles. A row may also carry the other fields of a
 * lib/stats Summary (count, mean, min, max), so `{ name, ...summary }` works; they
 * are ignored. Any other key is refused as a likely misspelling.
 */
export interface PercentileRow {
  /** Configuration name: the legend entry and colour. */
  name: string;
  p50: number;
  p90: number;
  p99: number;
  p999: number;
  count?: number;
  mean?: number;
  min?: number;
  max?: number;
}

/** The keys a PercentileRow may have. */
const ROW_KEYS: readonly (keyof PercentileRow)[] = ['name', 'p50', 'p90', 'p99', 'p999', 'count', 'mean', 'min', 'max'];

export type PercentileStyle = 'bars' | 'ladder';

export interface PercentileFigureOptions extends checks.CommonFigureOptions {
  /** 'bars' (grouped, default) or 'ladder' (dots joined per configuration). */
  style?: PercentileStyle;
  /** Log y axis (default false); needs every percentile > 0. */
  logY?: boolean;
  /** Default 'percentile'. */
  xTitle?: string;
  /** Default 'latency (ms)'. */
  yTitle?: string;
}

const FN = 'percentileFigure';
const KEYS: readonly (keyof PercentileFigureOptions)[] = ['style', 'logY', 'xTitle', 'yTitle', ...checks.COMMON_KEYS];
const STYLES: readonly PercentileStyle[] = ['bars', 'ladder'];
const LEVELS = [
  ['p50', 'p50'],
  ['p90', 'p90'],
  ['p99', 'p99'],
  ['p999', 'p99.9'],
] as const;

/**
 * p50, p90, p99 and p99.9 of each configuration side by side, as grouped bars or
 * a dot ladder (`style`). Returns the plotly figure JSON.
 *
 * @throws TypeError or RangeError naming the option or row that is wrong.
 *
 * @example
 * ```ts
 * import { createRng, exponential, percentileFigure, show, simulateQueue, summarize } from 'netlab';
 *
 * const rows = [1, 2].map((workers) => {
 *   const q = simulateQueue({ workers, arrivalRate: 80, serviceTime: exponential(10), requests: 2_000, rng: createRng(workers) });
 *   return { name: `${workers} worker(s)`, ...summarize(q.latencyMs) };
 * });
 * show(percentileFigure(rows, { yTitle: 'latency (ms)' }));
 * ```
 */
export function percentileFigure(rows: PercentileRow[], options?: PercentileFigureOptions): Figure {
  const opts = checks.readOptions(FN, options, KEYS);
  const style = opts.style === undefined ? 'bars' : check.oneOf(`${FN} style`, opts.style, STYLES);
  const logY = check.flag(`${FN} logY`, opts.logY, false);
  const { xTitle, yTitle } = checks.axisTitles(FN, opts, 'percentile', 'latency (ms)');
  const common = checks.common(FN, opts);

  const seen = new Set<string>();
  const labels = LEVELS.map(([, label]) => label);
  const hover = `%{x}: ${hoverValue('y', unitOf(yTitle))}<extra>%{fullData.name}</extra>`;
  const data = checks.list(`${FN} rows`, rows, FIGURE_LIMITS.series).map((row, i): BarTrace | ScatterTrace => {
    const at = `${FN} rows[${i}]`;
    const r = checks.fields<PercentileRow>(FN, `rows[${i}]`, row, ROW_KEYS);
    const name = checks.name(`${at}.name`, r.name, seen);
    let previous = -Infinity;
    const y = LEVELS.map(([key]) => {
      const v = checks.value(`${at}.${key}`, r[key], logY ? 'when logY is true' : undefined);
      if (v < previous) throw new RangeError(`${at}.${key} must be ≥ the lower percentiles (${previous}); got ${v}`);
      previous = v;
      return round(v);
    });
    const color = pickColor(name, common.colors);
    if (style === 'bars') {
      return { type: 'bar', name, x: labels.slice(), y, marker: { color }, hovertemplate: hover };
    }
    return {
      type: 'scatter',
      mode: 'lines+markers',
      name,
      x: labels.slice(),
      y,
      line: { color, width: 1.5 },
      marker: { color, size: THEME.markerSize },
      hovertemplate: hover,
    };
  });

  const layout = themedLayout(common);
  if (style === 'bars') {
    layout.barmode = 'group';
    layout.bargap = 0.2;
    layout.bargroupgap = 0.05;
  }
  layout.xaxis = baseAxis(xTitle, { kind: 'category' });
  layout.xaxis.categoryorder = 'array';
  layout.xaxis.categoryarray = labels.slice();
  layout.yaxis = baseAxis(yTitle, { log: logY });
  if (!logY) layout.yaxis.rangemode = 'tozero';
  return finishFigure(FN, { data, layout });
}
