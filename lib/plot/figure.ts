/**
 * The plotly JSON shapes that NetLab's figure builders return.
 *
 * A Figure is plain data: `{ data, layout }`, serialisable with JSON.stringify and
 * accepted by Plotly.newPlot or the plotly mime bundle. These types cover the
 * attributes the builders use (scatter, bar and heatmap traces; axes, legend,
 * shapes, annotations); they are not a full plotly schema, and every object still
 * accepts extra attributes so callers can tweak a figure before showing it.
 * They use only TypeScript 5.0 syntax: notebooks compile against the .d.ts with
 * tslab's TypeScript 5.0.
 */

/** One value in a data array: a number, a category name, or a gap. */
export type Datum = number | string | null;

export type Dash = 'solid' | 'dot' | 'dash' | 'longdash' | 'dashdot' | 'longdashdot';

export type AxisType = '-' | 'linear' | 'log' | 'category';

export interface Font {
  family?: string;
  size?: number;
  color?: string;
}

export interface Line {
  color?: string;
  width?: number;
  dash?: Dash;
  /** Step shape: 'hv' steps right then up (an ECDF), 'vh' up then right. */
  shape?: 'linear' | 'hv' | 'vh' | 'hvh' | 'vhv' | 'spline';
}

export interface Marker {
  color?: string | string[];
  size?: number;
  symbol?: string;
  opacity?: number;
  line?: Line;
  [attribute: string]: unknown;
}

interface TraceBase {
  name?: string;
  showlegend?: boolean;
  legendgroup?: string;
  opacity?: number;
  xaxis?: string;
  yaxis?: string;
  hovertemplate?: string;
  customdata?: Datum[][];
  [attribute: string]: unknown;
}

export interface ScatterTrace extends TraceBase {
  type: 'scatter';
  mode: 'lines' | 'markers' | 'lines+markers';
  x: Datum[];
  y: Datum[];
  line?: Line;
  marker?: Marker;
  fill?: 'none' | 'tozeroy' | 'tonexty';
}

export interface BarTrace extends TraceBase {
  type: 'bar';
  x: Datum[];
  y: Datum[];
  orientation?: 'v' | 'h';
  /** Where each bar starts along its length axis (a waterfall bar's start time). */
  base?: number[];
  /** Bar widths in data units of the position axis (histogram bins). */
  width?: number[];
  marker?: Marker;
  text?: string[];
  textposition?: 'inside' | 'outside' | 'auto' | 'none';
}

export interface HeatmapTrace extends TraceBase {
  type: 'heatmap';
  x: Datum[];
  y: Datum[];
  z: number[][];
  colorscale?: string | [number, string][];
  zmin?: number;
  zmax?: number;
  colorbar?: { title?: { text: string; side?: 'right' | 'top' | 'bottom' }; [attribute: string]: unknown };
}

export type Trace = ScatterTrace | BarTrace | HeatmapTrace;

export interface AxisTitle {
  text: string;
  font?: Font;
  standoff?: number;
}

export interface Axis {
  /** Every NetLab axis has a title, with its unit where the quantity has one. */
  title: AxisTitle;
  type?: AxisType;
  autorange?: boolean | 'reversed';
  range?: number[];
  rangemode?: 'normal' | 'tozero' | 'nonnegative';
  /** Fraction of the plot area [start, end] this axis spans (stacked panels). */
  domain?: [number, number];
  anchor?: string;
  showgrid?: boolean;
  gridcolor?: string;
  zeroline?: boolean;
  showline?: boolean;
  linecolor?: string;
  ticks?: '' | 'inside' | 'outside';
  tickformat?: string;
  hoverformat?: string;
  exponentformat?: 'none' | 'e' | 'E' | 'power' | 'SI' | 'B';
  separatethousands?: boolean;
  categoryorder?: 'trace' | 'array';
  categoryarray?: Datum[];
  automargin?: boolean;
  [attribute: string]: unknown;
}

export interface Shape {
  type: 'line' | 'rect';
  xref: string;
  yref: string;
  x0: Datum;
  x1: Datum;
  y0: Datum;
  y1: Datum;
  line?: Line;
  [attribute: string]: unknown;
}

export interface Annotation {
  text: string;
  x: Datum;
  y: Datum;
  xref: string;
  yref: string;
  showarrow: boolean;
  xanchor?: 'auto' | 'left' | 'center' | 'right';
  yanchor?: 'auto' | 'top' | 'middle' | 'bottom';
  font?: Font;
  [attribute: string]: unknown;
}

export interface Legend {
  orientation?: 'v' | 'h';
  x?: number;
  y?: number;
  xanchor?: 'auto' | 'left' | 'center' | 'right';
  yanchor?: 'auto' | 'top' | 'middle' | 'bottom';
  traceorder?: string;
  bgcolor?: string;
  [attribute: string]: unknown;
}

export interface Layout {
  title?: { text: string; [attribute: string]: unknown };
  font?: Font;
  autosize?: boolean;
  height?: number;
  width?: number;
  margin?: { l: number; r: number; t: number; b: number; pad?: number };
  paper_bgcolor?: string;
  plot_bgcolor?: string;
  showlegend?: boolean;
  legend?: Legend;
  hovermode?: 'closest' | 'x' | 'y' | 'x unified' | 'y unified' | false;
  barmode?: 'group' | 'overlay' | 'stack' | 'relative';
  bargap?: number;
  bargroupgap?: number;
  xaxis?: Axis;
  yaxis?: Axis;
  /** Further axes of stacked panels: yaxis2, yaxis3, … */
  [axis: `xaxis${number}`]: Axis | undefined;
  [axis: `yaxis${number}`]: Axis | undefined;
  shapes?: Shape[];
  annotations?: Annotation[];
  [attribute: string]: unknown;
}

/** A plotly figure as plain JSON: what every builder returns and `show(figure)` displays. */
export interface Figure {
  data: Trace[];
  layout: Layout;
}
