/**
 * Stacked panels over one shared x axis: e.g. the four golden signals over time
 * (latency, traffic, errors, saturation), each panel with its own y axis and
 * title, top to bottom in the given order. A series name keeps one colour and one
 * legend entry across panels, so "L4" can be followed from panel to panel.
 * Optional vertical markers (e.g. when a fault began) cross every panel. It does
 * not align or resample series: each is drawn at its own x values.
 */
import * as check from '../../validate';
import type { Annotation, Figure, ScatterTrace } from '../figure';
import * as checks from '../checks';
import { finishFigure } from '../finishFigure';
import { FIGURE_LIMITS } from '../limits';
import { lineTrace } from './lineFigure';
import { pickColor } from '../palette';
import { checkDrawnPoints, checkLines, type XYSeries } from '../series';
import { baseAxis, themedLayout, unitOf } from '../theme';
import { checkMarkers, markerLabels, markerShapes, type VerticalMarker } from '../verticalMarkers';

export interface SignalPanel {
  /** Panel heading, e.g. 'latency'. */
  title: string;
  /** y-axis title with its unit, e.g. 'p99 latency (ms)'. */
  yTitle: string;
  series: XYSeries[];
  /** Log y axis for this panel (default false). */
  logY?: boolean;
}

const PANEL_KEYS: readonly (keyof SignalPanel)[] = ['title', 'yTitle', 'series', 'logY'];

export interface SignalsFigureOptions extends checks.CommonFigureOptions {
  /** Shared x-axis title (default 'time (ms)'). */
  xTitle?: string;
  /** Height in px (default 60 + 170 per panel). */
  height?: number;
  /** Vertical lines across all panels, e.g. `[{ x: 30_000, label: 'route withdrawn' }]`. */
  markers?: VerticalMarker[];
}

const FN = 'signalsFigure';
const KEYS: readonly (keyof SignalsFigureOptions)[] = ['xTitle', 'markers', ...checks.COMMON_KEYS];
/** Vertical gap between panels, as a fraction of the plot height. */
const GAP = 0.06;
const PANEL_PX = 170;

/**
 * Stacked panels over one shared x axis, each with its own y axis and title; a
 * series name keeps its colour across panels, and vertical markers cross them all.
 * Returns the plotly figure JSON.
 *
 * @throws TypeError or RangeError naming the option, panel or series that is wrong.
 *
 * @example
 * ```ts
 * import { show, signalsFigure } from 'netlab';
 *
 * const t = [0, 1, 2, 3, 4];
 * show(signalsFigure([
 *   { title: 'latency', yTitle: 'p99 (ms)', series: [{ name: 'app', x: t, y: [20, 21, 80, 90, 22] }] },
 *   { title: 'errors', yTitle: 'errors/s', series: [{ name: 'app', x: t, y: [0, 0, 5, 7, 0] }] },
 * ], { xTitle: 'time (s)', markers: [{ x: 2, label: 'fault' }] }));
 * ```
 */
export function signalsFigure(panels: SignalPanel[], options?: SignalsFigureOptions): Figure {
  const opts = checks.readOptions(FN, options, KEYS);
  const xTitle = checks.text(`${FN} xTitle`, opts.xTitle, 'time (ms)');
  const list = checks.list(`${FN} panels`, panels, FIGURE_LIMITS.panels);
  const common = checks.common(FN, opts, 60 + PANEL_PX * list.length);
  const markers = checkMarkers(FN, opts.markers);

  const n = list.length;
  const h = (1 - GAP * (n - 1)) / n;
  const xUnit = unitOf(xTitle);
  const inLegend = new Set<string>();
  const data: ScatterTrace[] = [];
  const annotations: Annotation[] = [];
  const layout = themedLayout(common);
  const checked = list.map((p, i) => {
    const at = `${FN} panels[${i}]`;
    const r = checks.fields<SignalPanel>(FN, `panels[${i}]`, p, PANEL_KEYS);
    const title = checks.text(`${at}.title`, r.title);
    const yTitle = checks.text(`${at}.yTitle`, r.yTitle);
    const logY = check.flag(`${at}.logY`, r.logY, false);
    return { title, yTitle, logY, lines: checkLines(FN, `panels[${i}].series`, r.series, false, logY) };
  });
  checkDrawnPoints(`${FN} panels`, checked.flatMap((p) => p.lines));
  checked.forEach(({ title, yTitle, logY, lines }, i) => {
    const id = i === 0 ? 'y' : `y${i + 1}`;
    const top = 1 - i * (h + GAP);
    const yAxis = baseAxis(yTitle, { log: logY });
    yAxis.domain = [Math.max(0, Number((top - h).toFixed(6))), Number(top.toFixed(6))];
    yAxis.anchor = 'x';
    layout[i === 0 ? 'yaxis' : `yaxis${i + 1}`] = yAxis;
    annotations.push({
      text: `<b>${title}</b>`, x: 0, y: yAxis.domain[1], xref: 'paper', yref: 'paper',
      xanchor: 'left', yanchor: 'bottom', showarrow: false,
    });
    for (const s of lines) {
      const trace = lineTrace(s, pickColor(s.name, common.colors), xUnit, unitOf(yTitle));
      trace.yaxis = id;
      trace.legendgroup = s.name;
      trace.showlegend = !inLegend.has(s.name);
      inLegend.add(s.name);
      data.push(trace);
    }
  });
  layout.xaxis = baseAxis(xTitle);
  // The x axis hangs below the bottom panel; every panel shares it.
  layout.xaxis.anchor = n === 1 ? 'y' : `y${n}`;
  layout.annotations = [...annotations, ...markerLabels(markers)];
  if (markers.length > 0) layout.shapes = markerShapes(markers);
  // Panel headings sit above each panel on the left; the legend goes to the right.
  layout.legend = { orientation: 'v', x: 1.02, xanchor: 'left', y: 1, yanchor: 'top', bgcolor: 'rgba(255,255,255,0)' };
  return finishFigure(FN, { data, layout });
}
