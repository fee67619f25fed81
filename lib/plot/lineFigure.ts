/**
 * Lines over a numeric x axis: a time series (throughput, queue length, error rate
 * per time bucket) or any y against x, one line per named series, with optional
 * dash styles and log axes. Points are drawn in the given order. It does not
 * resample, smooth or thin the series: pass per-bucket aggregates, not raw events.
 */
import * as check from '../validate';
import type { Figure, ScatterTrace } from './figure';
import * as checks from './checks';
import { pickColor } from './palette';
import { roundAll } from './round';
import { checkDrawnPoints, checkLines, type XYSeries } from './series';
import { baseAxis, themedLayout, hoverValue, THEME, unitOf, fitLegend } from './theme';

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
}

const FN = 'lineFigure';
const KEYS: readonly (keyof LineFigureOptions)[] = ['xTitle', 'yTitle', 'logX', 'logY', 'markers', ...checks.COMMON_KEYS];

/** One plotly line for a checked series; shared with signalsFigure. */
export function lineTrace(s: XYSeries, color: string, xUnit: string, yUnit: string, markers = false): ScatterTrace {
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
  const common = checks.common(FN, opts);
  const lines = checkLines(FN, 'series', series, logX, logY);
  checkDrawnPoints(`${FN} series`, lines);

  const xUnit = unitOf(xTitle);
  const yUnit = unitOf(yTitle);
  const data = lines.map((s) => lineTrace(s, pickColor(s.name, common.colors), xUnit, yUnit, markers));
  const layout = themedLayout(common);
  layout.xaxis = baseAxis(xTitle, { log: logX });
  layout.yaxis = baseAxis(yTitle, { log: logY });
  return fitLegend({ data, layout });
}
