/**
 * A heatmap of a grid of numbers: z[i][j] is the cell at y[i], x[j] (e.g. p99
 * latency by region pair, or by load × pool size). Uses a perceptually uniform,
 * colour-blind-safe scale (Viridis or Cividis) with the colour bar titled by
 * `zTitle`. Axes are categories when labelled by strings. It does not cluster or
 * reorder rows, and has no missing-cell support: every cell must be finite.
 */
import * as check from '../../validate';
import type { Datum, Figure, HeatmapTrace } from '../figure';
import * as checks from '../checks';
import { finishFigure } from '../finishFigure';
import { FIGURE_LIMITS } from '../limits';
import { roundAll } from '../round';
import { baseAxis, themedLayout, hoverValue, unitOf } from '../theme';

/** The grid: at most FIGURE_LIMITS.drawnPoints cells (x.length × y.length). */
export interface HeatmapData {
  /** Column labels (numbers or names), length = z[i].length. */
  x: (number | string)[];
  /** Row labels (numbers or names), length = z.length; the first row is drawn at the bottom. */
  y: (number | string)[];
  /** z[i][j]: the value at row y[i], column x[j]. */
  z: ArrayLike<number>[];
  /** Colour-bar title with its unit, e.g. 'p99 latency (ms)'. */
  zTitle: string;
}

const GRID_KEYS: readonly (keyof HeatmapData)[] = ['x', 'y', 'z', 'zTitle'];

export type HeatmapScale = 'Viridis' | 'Cividis';

/** No `colors`: the colour scale, not names, picks the colours. */
export interface HeatmapFigureOptions extends Omit<checks.CommonFigureOptions, 'colors'> {
  /** x-axis title with its unit (required). */
  xTitle: string;
  /** y-axis title with its unit (required). */
  yTitle: string;
  /** Colour scale (default 'Viridis'). */
  colorscale?: HeatmapScale;
}

const FN = 'heatmapFigure';
const KEYS: readonly (keyof HeatmapFigureOptions)[] = ['xTitle', 'yTitle', 'colorscale', 'title', 'height'];
const SCALES: readonly HeatmapScale[] = ['Viridis', 'Cividis'];

function labels(option: string, value: unknown): Datum[] {
  return checks.list(option, value, FIGURE_LIMITS.drawnPoints).map((v, i) => {
    if (typeof v === 'string') return v;
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    throw new TypeError(`${option}[${i}] must be a finite number or a string; got ${typeof v === 'number' ? v : typeof v}`);
  });
}

/**
 * A heatmap of `grid.z` (z[i][j] at y[i], x[j]) on a colour-blind-safe scale with
 * a titled colour bar. Returns the plotly figure JSON, for `show` or `saveFigure`.
 *
 * @throws TypeError or RangeError naming the option or cell that is wrong (every cell must be finite).
 *
 * @example
 * ```ts
 * import { heatmapFigure, show } from 'netlab';
 *
 * const fig = heatmapFigure(
 *   { x: [1, 2, 4], y: ['0.5', '0.8'], z: [[12, 11, 10], [40, 22, 15]], zTitle: 'p99 (ms)' },
 *   { xTitle: 'pool size', yTitle: 'load' },
 * );
 * show(fig);
 * ```
 */
export function heatmapFigure(grid: HeatmapData, options: HeatmapFigureOptions): Figure {
  const g = checks.fields<HeatmapData>(FN, 'grid', grid, GRID_KEYS);
  if (options === undefined) throw new TypeError(`${FN} needs options { xTitle, yTitle } naming both axes with units`);
  const opts = checks.readOptions(FN, options, KEYS);
  const { xTitle, yTitle } = checks.axisTitles(FN, opts);
  const colorscale = opts.colorscale === undefined ? 'Viridis' : check.oneOf(`${FN} colorscale`, opts.colorscale, SCALES);
  const common = checks.common(FN, opts);

  const zTitle = checks.text(`${FN} zTitle`, g.zTitle);
  const x = labels(`${FN} x`, g.x);
  const y = labels(`${FN} y`, g.y);
  checks.atMost(`${FN} grid`, x.length * y.length, FIGURE_LIMITS.drawnPoints, 'cells (x.length × y.length)');
  const rows = checks.list(`${FN} z`, g.z, FIGURE_LIMITS.drawnPoints);
  if (rows.length !== y.length) throw new RangeError(`${FN} z must have one row per y label (${y.length}); got ${rows.length} rows`);
  const z = rows.map((row, i) => {
    const values = check.finiteArray(`${FN} z[${i}]`, row);
    if (values.length !== x.length) {
      throw new RangeError(`${FN} z[${i}] must have one value per x label (${x.length}); got ${values.length}`);
    }
    return roundAll(values);
  });

  const trace: HeatmapTrace = {
    type: 'heatmap',
    x,
    y,
    z,
    colorscale,
    colorbar: { title: { text: zTitle, side: 'right' } },
    hovertemplate: `${yTitle}: %{y}<br>${xTitle}: %{x}<br>${zTitle}: ${hoverValue('z', unitOf(zTitle))}<extra></extra>`,
  };
  const layout = themedLayout({ ...common, showlegend: false });
  layout.xaxis = baseAxis(xTitle, { kind: x.some((v) => typeof v === 'string') ? 'category' : 'value' });
  layout.yaxis = baseAxis(yTitle, { kind: y.some((v) => typeof v === 'string') ? 'category' : 'value' });
  layout.xaxis.showgrid = false;
  layout.yaxis.showgrid = false;
  return finishFigure(FN, { data: [trace], layout });
}
