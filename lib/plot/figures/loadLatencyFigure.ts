/**
 * The "hockey stick": latency against load. For each configuration the median
 * (p50, solid) and the tail (p99, dashed) in the same colour, so the eye sees the
 * tail leave the median as utilisation nears 1. Optional vertical reference lines
 * mark e.g. capacity or ρ = 1. Points are drawn in order of x (sorted here). It
 * takes already-computed percentiles per load level; it does not run the sweep or
 * draw theoretical curves (pass those as another configuration).
 */
import * as check from '../../validate';
import type { Figure, ScatterTrace } from '../figure';
import * as checks from '../checks';
import { finishFigure } from '../finishFigure';
import { FIGURE_LIMITS } from '../limits';
import { pickColor } from '../palette';
import { checkMarkers, markerLabels, markerShapes, type VerticalMarker } from '../verticalMarkers';
import { round } from '../round';
import { baseAxis, themedLayout, hoverValue, THEME, unitOf } from '../theme';

export interface LoadPoint {
  /** Load level: utilisation ρ, requests per second, … (the x axis). */
  x: number;
  p50: number;
  p99: number;
}

export interface LoadSeries {
  name: string;
  points: LoadPoint[];
}

const SERIES_KEYS: readonly (keyof LoadSeries)[] = ['name', 'points'];
const POINT_KEYS: readonly (keyof LoadPoint)[] = ['x', 'p50', 'p99'];

export interface LoadLatencyFigureOptions extends checks.CommonFigureOptions {
  /** Vertical reference lines, e.g. `[{ x: 1, label: 'ρ = 1' }]`. */
  markers?: VerticalMarker[];
  /** Log y axis (default false); needs every percentile > 0. */
  logY?: boolean;
  /** Default 'utilisation ρ'. */
  xTitle?: string;
  /** Default 'latency (ms)'. */
  yTitle?: string;
}

const FN = 'loadLatencyFigure';
const KEYS: readonly (keyof LoadLatencyFigureOptions)[] = ['markers', 'logY', 'xTitle', 'yTitle', ...checks.COMMON_KEYS];

function checkPoints(i: number, value: unknown, logY: boolean): LoadPoint[] {
  const at = `${FN} series[${i}]`;
  const positive = logY ? 'when logY is true' : undefined;
  const points = checks.list(`${at}.points`, value, FIGURE_LIMITS.drawnPoints).map((p, j) => {
    const pt = checks.fields<LoadPoint>(FN, `series[${i}].points[${j}]`, p, POINT_KEYS);
    const x = checks.value(`${at}.points[${j}].x`, pt.x);
    const p50 = checks.value(`${at}.points[${j}].p50`, pt.p50, positive);
    const p99 = checks.value(`${at}.points[${j}].p99`, pt.p99, positive);
    if (p99 < p50) throw new RangeError(`${at}.points[${j}].p99 must be ≥ p50 (${p50}); got ${p99}`);
    return { x, p50, p99 };
  });
  return points.sort((a, b) => a.x - b.x);
}

/**
 * Latency against load, one colour per configuration: p50 solid, p99 dashed, with
 * optional vertical markers (e.g. capacity). Returns the plotly figure JSON.
 *
 * @throws TypeError or RangeError naming the option or point that is wrong.
 *
 * @example
 * ```ts
 * import { loadLatencyFigure, mm1, show } from 'netlab';
 *
 * const points = [0.3, 0.5, 0.7, 0.9].map((rho) => {
 *   const q = mm1({ arrivalRate: rho * 100, meanServiceMs: 10 });
 *   return { x: rho, p50: q.latencyQuantile(0.5), p99: q.latencyQuantile(0.99) };
 * });
 * show(loadLatencyFigure([{ name: 'M/M/1', points }], { xTitle: 'utilisation', yTitle: 'latency (ms)', markers: [{ x: 1, label: 'capacity' }] }));
 * ```
 */
export function loadLatencyFigure(series: LoadSeries[], options?: LoadLatencyFigureOptions): Figure {
  const opts = checks.readOptions(FN, options, KEYS);
  const logY = check.flag(`${FN} logY`, opts.logY, false);
  const { xTitle, yTitle } = checks.axisTitles(FN, opts, 'utilisation ρ', 'latency (ms)');
  const common = checks.common(FN, opts);
  const markers = checkMarkers(FN, opts.markers);

  const seen = new Set<string>();
  const xHover = hoverValue('x', unitOf(xTitle));
  const yHover = hoverValue('y', unitOf(yTitle));
  const data: ScatterTrace[] = [];
  const entries = checks.list(`${FN} series`, series, FIGURE_LIMITS.series)
    .map((s, i) => checks.fields<LoadSeries>(FN, `series[${i}]`, s, SERIES_KEYS));
  // Counted before any point is read, so a runaway input fails at once.
  const drawn = entries.reduce((n, r) => n + (Array.isArray(r.points) ? r.points.length : 0), 0);
  checks.atMost(`${FN} series`, drawn, FIGURE_LIMITS.drawnPoints, 'points in all');
  entries.forEach((r, i) => {
    const at = `${FN} series[${i}]`;
    const name = checks.name(`${at}.name`, r.name, seen);
    const points = checkPoints(i, r.points, logY);
    const color = pickColor(name, common.colors);
    for (const level of ['p50', 'p99'] as const) {
      data.push({
        type: 'scatter',
        mode: 'lines+markers',
        name: `${name} ${level}`,
        legendgroup: name,
        x: points.map((p) => round(p.x)),
        y: points.map((p) => round(p[level])),
        line: { color, width: THEME.lineWidth, dash: level === 'p50' ? 'solid' : 'dash' },
        marker: { color, size: 5 },
        hovertemplate: `${yHover} at ${xHover}<extra>%{fullData.name}</extra>`,
      });
    }
  });

  const layout = themedLayout(common);
  layout.xaxis = baseAxis(xTitle);
  layout.yaxis = baseAxis(yTitle, { log: logY });
  if (!logY) layout.yaxis.rangemode = 'tozero';
  if (markers.length > 0) {
    layout.shapes = markerShapes(markers);
    const labels = markerLabels(markers);
    if (labels.length > 0) layout.annotations = labels;
  }
  return finishFigure(FN, { data, layout });
}
