/**
 * Small multiples: a grid of panels that share their axes, one panel per
 * configuration group, each with at most 6 lines (the figure rules). Use it where
 * one panel would hold too many lines, e.g. p50/p95/p99 of three protocols: one
 * panel per protocol, the same three percentiles in each, on the same scales, so
 * the eye compares panel with panel. A series name keeps one colour and one legend
 * entry across panels; each panel has its heading above its top-left corner; the x
 * axis is titled under the bottom row and the y axis left of the first column (the
 * other axes match them). It does not resample or align series.
 */
import * as check from '../../validate';
import type { Annotation, Axis, Figure, ScatterTrace } from '../figure';
import * as checks from '../checks';
import { finishFigure } from '../finishFigure';
import { FIGURE_LIMITS } from '../limits';
import { lineTrace } from './lineFigure';
import { pickColor } from '../palette';
import { checkDrawnPoints, checkLines, type XYSeries } from '../series';
import { baseAxis, themedLayout, unitOf } from '../theme';

/** One panel of a small-multiples figure. */
export interface SmallMultiplesPanel {
  /** Panel heading, e.g. 'HTTP/2'. */
  title: string;
  /** The panel's lines (at most 6). */
  series: XYSeries[];
}

const PANEL_KEYS: readonly (keyof SmallMultiplesPanel)[] = ['title', 'series'];

/** Options of smallMultiplesFigure: the line style, the common options and `columns`. */
export interface SmallMultiplesFigureOptions extends checks.CommonFigureOptions, checks.LineStyleOptions {
  /** Panels per row, an integer in [1, 4] (default: up to 3). */
  columns?: number;
  /** Height in px (default 90 + 230 per row). */
  height?: number;
}

const FN = 'smallMultiplesFigure';
const KEYS: readonly (keyof SmallMultiplesFigureOptions)[] = [...checks.LINE_STYLE_KEYS, 'columns', ...checks.COMMON_KEYS];
/** Gaps between panels, as fractions of the plot area. */
const GAP_X = 0.06;
const ROW_PX = 230;
const HEADING_PX = 26;

/**
 * A grid of line panels sharing their x and y scales.
 *
 * Returns the plotly figure JSON.
 *
 * @throws TypeError or RangeError naming the option, panel or series that is wrong.
 *
 * @example
 * ```ts
 * import { show, smallMultiplesFigure } from 'netlab';
 *
 * const loss = [0, 1, 2];
 * show(smallMultiplesFigure([
 *   { title: 'HTTP/2', series: [{ name: 'p50', x: loss, y: [300, 340, 420] }, { name: 'p99', x: loss, y: [310, 700, 1200] }] },
 *   { title: 'HTTP/3', series: [{ name: 'p50', x: loss, y: [240, 270, 310] }, { name: 'p99', x: loss, y: [250, 520, 800] }] },
 * ], { xTitle: 'loss (%)', yTitle: 'page load (ms)' }));
 * ```
 */
export function smallMultiplesFigure(panels: SmallMultiplesPanel[], options: SmallMultiplesFigureOptions): Figure {
  if (options === undefined) throw new TypeError(`${FN} needs options { yTitle } naming the y axis with its unit`);
  const opts = checks.readOptions(FN, options, KEYS);
  const { yTitle, xTitle, logX, logY, markers, steps } = checks.lineStyle(FN, opts);
  const list = checks.list(`${FN} panels`, panels, FIGURE_LIMITS.panels);
  const columns = opts.columns === undefined ? Math.min(3, list.length) : check.integer(`${FN} columns`, opts.columns, 1, 4);
  const rows = Math.ceil(list.length / columns);
  const common = checks.common(FN, opts, 90 + ROW_PX * rows);
  const checked = list.map((p, i) => {
    const r = checks.fields<SmallMultiplesPanel>(FN, `panels[${i}]`, p, PANEL_KEYS);
    return { title: checks.text(`${FN} panels[${i}].title`, r.title), lines: checkLines(FN, `panels[${i}].series`, r.series, logX, logY) };
  });
  checkDrawnPoints(`${FN} panels`, checked.flatMap((p) => p.lines));

  const layout = themedLayout(common);
  const plotPx = common.height - (layout.margin?.t ?? 0) - (layout.margin?.b ?? 0);
  const gapY = Math.min(0.3, (HEADING_PX + 24) / Math.max(plotPx, 1));
  const width = (1 - GAP_X * (columns - 1)) / columns;
  const height = (1 - gapY * (rows - 1)) / rows;
  const xUnit = unitOf(xTitle);
  const yUnit = unitOf(yTitle);
  const inLegend = new Set<string>();
  const data: ScatterTrace[] = [];
  const annotations: Annotation[] = [];
  checked.forEach(({ title, lines }, i) => {
    const row = Math.floor(i / columns);
    const column = i % columns;
    const suffix = i === 0 ? '' : String(i + 1);
    const left = column * (width + GAP_X);
    const top = 1 - row * (height + gapY);
    const x: Axis = baseAxis(row === rows - 1 || i + columns >= checked.length ? xTitle : '', { log: logX });
    const y: Axis = baseAxis(column === 0 ? yTitle : '', { log: logY });
    x.domain = [fixed(left), fixed(left + width)];
    y.domain = [fixed(Math.max(0, top - height)), fixed(top)];
    x.anchor = `y${suffix}`;
    y.anchor = `x${suffix}`;
    if (i > 0) {
      x.matches = 'x';
      y.matches = 'y';
    }
    layout[`xaxis${suffix}` as 'xaxis'] = x;
    layout[`yaxis${suffix}` as 'yaxis'] = y;
    annotations.push({
      text: `<b>${title}</b>`, x: fixed(left), y: fixed(top), xref: 'paper', yref: 'paper',
      xanchor: 'left', yanchor: 'bottom', showarrow: false,
    });
    for (const s of lines) {
      const trace = lineTrace(s, pickColor(s.name, common.colors), xUnit, yUnit, markers, steps);
      trace.xaxis = `x${suffix}`;
      trace.yaxis = `y${suffix}`;
      trace.legendgroup = s.name;
      trace.showlegend = !inLegend.has(s.name);
      inLegend.add(s.name);
      data.push(trace);
    }
  });
  layout.annotations = annotations;
  // The legend sits above the grid; the headings take the room between rows.
  if (layout.margin) layout.margin.t += HEADING_PX;
  if (layout.legend) layout.legend.y = fixed(1 + (HEADING_PX + 4) / Math.max(plotPx, 1));
  return finishFigure(FN, { data, layout });
}

function fixed(v: number): number {
  return Number(v.toFixed(6));
}
