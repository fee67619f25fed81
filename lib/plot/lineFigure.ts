/**
 * Lines over a numeric x axis: a time series (throughput, queue length, error rate
 * per time bucket) or any y against x, one line per named series, with optional
 * dash styles, log axes and step shapes; with `highlight`, a few lines in colour
 * against the others in grey. Points are drawn in the given order. It does not
 * resample, smooth or thin the series: pass per-bucket aggregates, not raw events.
 */
import * as check from '../validate';
import type { Figure, ScatterTrace } from './figure';
import * as checks from './checks';
import { finishFigure } from './finishFigure';
import { pickColor } from './palette';
import { roundAll } from './round';
import { MAX_TRACES_PER_PANEL } from './figureRules';
import { checkDrawnPoints, checkLines, type XYSeries } from './series';
import { baseAxis, themedLayout, hoverValue, THEME, unitOf } from './theme';

export interface LineFigureOptions extends checks.CommonFigureOptions {
  /** y-axis title with its unit (required), e.g. 'throughput (requests/s)'. */
  yTitle: string;
  /** Default 'time (ms)'. */
  xTitle?: string;
  /** Log x axis (default false); needs every x > 0. */
  logX?: boolean;
  /** Log y axis (default false); needs every y > 0. */
  logY?: boolean;
  /** Draw a marker at each point (default false). */
  markers?: boolean;
  /**
   * Draw each line as steps (default false): flat until the next point, then a jump,
   * for quantities that move in steps (round trips, slow-start rounds, queue length).
   */
  steps?: boolean;
  /**
   * Names of the series to draw in colour (at most 6); the others become thin grey
   * context lines under one legend entry, "others". Use it when more than 6 lines share
   * the panel and a few carry the point.
   */
  highlight?: string[];
}

const FN = 'lineFigure';
const KEYS: readonly (keyof LineFigureOptions)[] = ['xTitle', 'yTitle', 'logX', 'logY', 'markers', 'steps', 'highlight', ...checks.COMMON_KEYS];
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

export function lineFigure(series: XYSeries[], options: LineFigureOptions): Figure {
  if (options === undefined) throw new TypeError(`${FN} needs options { yTitle } naming the y axis with its unit`);
  const opts = checks.readOptions(FN, options, KEYS);
  const yTitle = checks.text(`${FN} yTitle`, opts.yTitle);
  const xTitle = checks.text(`${FN} xTitle`, opts.xTitle, 'time (ms)');
  const logX = check.flag(`${FN} logX`, opts.logX, false);
  const logY = check.flag(`${FN} logY`, opts.logY, false);
  const markers = check.flag(`${FN} markers`, opts.markers, false);
  const steps = check.flag(`${FN} steps`, opts.steps, false);
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
