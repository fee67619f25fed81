/**
 * The one look every NetLab figure shares: font, white background, light grid,
 * margins, a horizontal legend above the plot, autosized width and a fixed height,
 * and hover labels that print numbers to 4 significant digits with their unit.
 *
 * Builders start from `themedLayout` and `baseAxis`; callers may still edit the returned
 * layout. It does not pick colours for data (see palette.ts) and sets no plotly
 * `config` (toolbar, responsiveness): that belongs to the display side.
 */
import * as check from '../validate';
import type { Axis, Figure, Layout } from './figure';

export const THEME = Object.freeze({
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  fontSize: 13,
  titleFontSize: 16,
  textColor: '#222222',
  background: '#ffffff',
  gridColor: '#e8e8e8',
  axisLineColor: '#888888',
  /** Figure height in px; width is left to the notebook (autosize). */
  height: 420,
  margin: Object.freeze({ l: 72, r: 24, t: 48, b: 64 }),
  /** Extra top margin when a figure has a title, so title and legend do not collide. */
  titleMargin: 40,
  /** Opacity of overlaid bars (histograms) so overlaps stay visible. */
  overlayOpacity: 0.55,
  lineWidth: 2,
  markerSize: 8,
  /**
   * How the horizontal legend wraps, for reserving room above the plot: plotly lays a
   * wrapped legend out in equal columns as wide as its longest entry (about
   * `legendEntryPx` plus `legendCharPx` per character at the theme's font), across a
   * plot assumed `legendWidthPx` wide (a notebook column; narrower is safe), one row
   * every `legendRowPx`.
   */
  legendEntryPx: 44,
  legendCharPx: 7.4,
  legendWidthPx: 800,
  legendRowPx: 20,
  /** d3 number format used in hover labels: 4 significant digits, thousands separated. */
  hoverNumber: ',.4~r',
});

export interface BaseLayoutOptions {
  /** Figure title, a non-empty string (default none). */
  title?: string;
  /** Height in px, an integer in [120, 4000] (default THEME.height). */
  height?: number;
  /** Show the legend (default true: the legend names the configurations). */
  showlegend?: boolean;
}

const LAYOUT_KEYS: readonly (keyof BaseLayoutOptions)[] = ['title', 'height', 'showlegend'];

/**
 * The shared layout: fonts, background, margins, legend and hover mode, for a
 * figure built by hand. Its options are checked like a builder's.
 */
export function baseLayout(opts: BaseLayoutOptions = {}): Layout {
  check.options('baseLayout', opts, LAYOUT_KEYS);
  if (opts.title !== undefined && (typeof opts.title !== 'string' || opts.title.trim() === '')) {
    const err = typeof opts.title === 'string' ? RangeError : TypeError;
    throw new err(`baseLayout title must be a non-empty string; got ${check.describe(opts.title)}`);
  }
  return themedLayout({
    title: opts.title,
    height: opts.height === undefined ? undefined : check.integer('baseLayout height', opts.height, 120, 4000),
    showlegend: check.flag('baseLayout showlegend', opts.showlegend, true),
  });
}

/** baseLayout for the builders, which have checked their options already (extra keys are ignored). */
export function themedLayout(opts: BaseLayoutOptions): Layout {
  const m = THEME.margin;
  const layout: Layout = {
    font: { family: THEME.fontFamily, size: THEME.fontSize, color: THEME.textColor },
    autosize: true,
    height: opts.height ?? THEME.height,
    margin: { l: m.l, r: m.r, t: m.t + (opts.title ? THEME.titleMargin : 0), b: m.b },
    paper_bgcolor: THEME.background,
    plot_bgcolor: THEME.background,
    showlegend: opts.showlegend ?? true,
    legend: { orientation: 'h', x: 0, xanchor: 'left', y: 1.02, yanchor: 'bottom', bgcolor: 'rgba(255,255,255,0)' },
    hovermode: 'closest',
  };
  if (opts.title) {
    layout.title = {
      text: opts.title,
      x: 0,
      xref: 'paper',
      xanchor: 'left',
      y: 1,
      yref: 'container',
      yanchor: 'top',
      pad: { t: 14 },
      font: { size: THEME.titleFontSize },
    };
  }
  return layout;
}

/** Rows a horizontal legend of these entries wraps into (at least 1). */
export function legendRows(names: readonly string[]): number {
  if (names.length === 0) return 1;
  const longest = Math.max(...names.map((n) => n.length));
  const perRow = Math.max(1, Math.floor(THEME.legendWidthPx / (THEME.legendEntryPx + THEME.legendCharPx * longest)));
  return Math.ceil(names.length / perRow);
}

/** The distinct names the figure's legend shows. */
function legendNames(figure: Figure): string[] {
  const names = new Set<string>();
  for (const trace of figure.data) if (trace.showlegend !== false && trace.name) names.add(trace.name);
  return [...names];
}

/**
 * The plot area's assumed width (px): a notebook column (THEME.legendWidthPx) less a
 * vertical legend at the right, whose column is as wide as its longest entry.
 */
export function plotWidthPx(figure: Figure): number {
  const { layout } = figure;
  if (layout.showlegend === false || layout.legend?.orientation !== 'v') return THEME.legendWidthPx;
  const longest = Math.max(0, ...legendNames(figure).map((n) => n.length));
  return Math.max(200, THEME.legendWidthPx - THEME.legendEntryPx - THEME.legendCharPx * longest);
}

/**
 * Raises the top margin by one legend row for every row past the first, so a long
 * legend above the plot never runs into the title. Returns the same figure.
 */
export function fitLegend(figure: Figure): Figure {
  const { layout } = figure;
  if (layout.showlegend === false || !layout.margin || layout.legend?.orientation === 'v') return figure;
  const extraRows = legendRows(legendNames(figure)) - 1;
  layout.margin.t = (layout.margin.t ?? THEME.margin.t) + extraRows * THEME.legendRowPx;
  return figure;
}

export interface AxisOptions {
  /** Logarithmic scale (default false). */
  log?: boolean;
  /** 'value' (default): numbers with a unit; 'probability': 0–1 fractions; 'category': names. */
  kind?: AxisKind;
}

export type AxisKind = 'value' | 'probability' | 'category';

const AXIS_KEYS: readonly (keyof AxisOptions)[] = ['log', 'kind'];
const AXIS_KINDS: readonly AxisKind[] = ['value', 'probability', 'category'];

/** An axis with its title (a string, with its unit), the light grid and tick style of the theme. */
export function baseAxis(title: string, opts: AxisOptions = {}): Axis {
  if (typeof title !== 'string') throw new TypeError(`baseAxis title must be a string; got ${check.describe(title)}`);
  check.options('baseAxis', opts, AXIS_KEYS);
  const kind = opts.kind === undefined ? 'value' : check.oneOf('baseAxis kind', opts.kind, AXIS_KINDS);
  const log = check.flag('baseAxis log', opts.log, false);
  const a: Axis = {
    title: { text: title, standoff: 8 },
    type: kind === 'category' ? 'category' : log ? 'log' : 'linear',
    showgrid: kind !== 'category',
    gridcolor: THEME.gridColor,
    zeroline: false,
    showline: true,
    linecolor: THEME.axisLineColor,
    ticks: 'outside',
    automargin: true,
  };
  if (kind === 'value') {
    a.separatethousands = true;
    a.exponentformat = 'none';
  } else if (kind === 'probability') {
    a.exponentformat = 'power';
  }
  return a;
}

/**
 * The unit named in an axis title: the text inside its last parentheses
 * ('latency (ms)' → 'ms'), or '' when the title names none.
 */
export function unitOf(title: string): string {
  const m = /\(([^()]*)\)\s*$/.exec(title);
  return m ? m[1].trim() : '';
}

/** A hover-label fragment printing `%{ref}` to 4 significant digits, then the unit if any. */
export function hoverValue(ref: string, unit = ''): string {
  return `%{${ref}:${THEME.hoverNumber}}${unit ? ' ' + unit : ''}`;
}
