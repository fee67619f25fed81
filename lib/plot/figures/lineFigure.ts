/**
 * Lines over a numeric x axis: a time series (throughput, queue length, error rate
 * per time bucket) or any y against x, one line per named series, with optional
 * dash styles, log axes and step shapes; with `highlight`, a few lines in colour
 * against the others in grey. Points are drawn in the given order. It does not
 * resample, smooth or thin the series: pass per-bucket aggregates, not raw events.
 */
import type { Figure, ScatterTrace } from '../figure';
import * as checks from '../checks';
import { finishFigure } from '../finishFigure';
import { pickColor } from '../palette';
import { roundAll } from '../round';
import { MAX_TRACES_PER_PANEL } from '../figureRules';
import { checkDrawnPoints, checkLines, type XYSeries } from '../series';
import { baseAxis, themedLayout, hoverValue, THEME, unitOf } from '../theme';

/** Options of lineFigure: the line style, the common options and `highlight`. */
export interface LineFigureOptions extends checks.CommonFigureOptions, checks.LineStyleOptions {
  /**
   * Names of the series to draw in colour (at most 6); the others become thin grey
   * context lines under one legend entry, "others". Use it when more than 6 lines share
   * the panel and a few carry the point.
   */
  highlight?: string[];
}

const FN = 'lineFigure';
const KEYS: readonly (keyof LineFigureOptions)[] = [...checks.LINE_STYLE_KEYS, 'highlight', ...checks.COMMON_KEYS];
/** Colour of context lines. */
const CONTEXT_GREY = '#c4c4c4';

/** One plotly line for a checked series; shared with signalsFigure. */
export function lineTrace(s: XYSeries, color: string, xUnit: string, yUnit: string, markers = false, steps = false): ScatterTrace {
  const trace: ScatterTrace = {
    type: 'scatter',
    mode: markers ? 'lines+markers' : 'lines',
    name: s.name,
    x: roundAll(s.x),
    y: roundAll(s.y).map((v) => (Number.isNaN(v) ? null : v)),
    line: { color, width: THEME.lineWidth },
    hovertemplate: `${hoverValue('y', yUnit)} at ${hoverValue('x', xUnit)}<extra>%{fullData.name}</extra>`,
  };
  if (s.dash !== undefined && trace.line) trace.line.dash = s.dash;
  if (steps && trace.line) trace.line.shape = 'hv';
  if (markers) trace.marker = { color, size: 5 };
  return trace;
}

/**
 * Lines of y against x, one per series, by the figure rules: at most 6 in colour
 * (more with `highlight`), identical series merged, titled axes with units.
 *
 * Returns the plotly figure JSON.
 *
 * @throws TypeError or RangeError naming the option or series that is wrong.
 *
 * @example
 * ```ts
 * import { lineFigure, show } from 'netlab';
 *
 * const t = [0, 10, 20, 30];
 * show(lineFigure([{ name: 'goodput', x: t, y: [950, 960, 400, 940] }], { xTitle: 'time (s)', yTitle: 'goodput (requests/s)' }));
 * ```
 */
export function lineFigure(series: XYSeries[], options: LineFigureOptions): Figure {
  if (options === undefined) throw new TypeError(`${FN} needs options { yTitle } naming the y axis with its unit`);
  const opts = checks.readOptions(FN, options, KEYS);
  const { yTitle, xTitle, logX, logY, markers, steps } = checks.lineStyle(FN, opts);
  const common = checks.common(FN, opts);
  const lines = checkLines(FN, 'series', series, logX, logY);
  checkDrawnPoints(`${FN} series`, lines);
  const highlight = checkHighlight(opts.highlight, lines);

  const xUnit = unitOf(xTitle);
  const yUnit = unitOf(yTitle);
  const context = highlight === null ? [] : lines.filter((s) => !highlight.has(s.name));
  const shown = highlight === null ? lines : lines.filter((s) => highlight.has(s.name));
  const data = [
    ...context.map((s, i) => contextTrace(lineTrace(s, CONTEXT_GREY, xUnit, yUnit, false, steps), i === 0)),
    ...shown.map((s) => lineTrace(s, pickColor(s.name, common.colors), xUnit, yUnit, markers, steps)),
  ];
  const layout = themedLayout(common);
  layout.xaxis = baseAxis(xTitle, { log: logX });
  layout.yaxis = baseAxis(yTitle, { log: logY });
  return finishFigure(FN, { data, layout });
}

/** The `highlight` option: null when absent, else the set of names, each a series of the figure. */
function checkHighlight(value: unknown, lines: readonly XYSeries[]): Set<string> | null {
  if (value === undefined) return null;
  const names = checks.list(`${FN} highlight`, value, MAX_TRACES_PER_PANEL).map((n, i) => checks.text(`${FN} highlight[${i}]`, n));
  const known = new Set(lines.map((s) => s.name));
  names.forEach((n, i) => {
    if (!known.has(n)) throw new RangeError(`${FN} highlight[${i}] is ${JSON.stringify(n)}, which names no series; series: ${[...known].map((k) => JSON.stringify(k)).join(', ')}`);
  });
  return new Set(names);
}

/** A grey context line: thin, under the highlighted ones, one legend entry ("others") for all. */
function contextTrace(trace: ScatterTrace, inLegend: boolean): ScatterTrace {
  trace.meta = 'context';
  trace.legendgroup = 'context';
  trace.showlegend = inLegend;
  trace.hovertemplate = (trace.hovertemplate ?? '').replace('<extra>%{fullData.name}</extra>', `<extra>${trace.name}</extra>`);
  trace.name = 'others';
  if (trace.line) trace.line.width = 1;
  return trace;
}
