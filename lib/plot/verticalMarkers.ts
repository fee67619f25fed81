/**
 * Vertical reference lines across a whole figure, such as a capacity at ρ = 1 or
 * the moment a fault was injected, each with an optional label at its top.
 * Builders that offer `markers` check them and draw them with these helpers.
 */
import type { Annotation, Figure, Shape } from './figure';
import * as checks from './checks';
import { FIGURE_LIMITS } from './limits';
import { NEUTRAL } from './palette';
import { round } from './round';
import { plotWidthPx } from './theme';

export interface VerticalMarker {
  /** Position on the x axis. */
  x: number;
  /** Text written at the top of the line, e.g. 'capacity'. */
  label?: string;
}

const MARKER_KEYS: readonly (keyof VerticalMarker)[] = ['x', 'label'];

/** Checks the `markers` option of `fn` (undefined means none; at most FIGURE_LIMITS.series markers). */
export function checkMarkers(fn: string, value: unknown): VerticalMarker[] {
  if (value === undefined) return [];
  const option = `${fn} markers`;
  return checks.list(option, value, FIGURE_LIMITS.series).map((m, i) => {
    const r = checks.fields<VerticalMarker>(fn, `markers[${i}]`, m, MARKER_KEYS);
    return { x: checks.value(`${option}[${i}].x`, r.x), label: checks.optionalText(`${option}[${i}].label`, r.label) };
  });
}

/** Dotted lines from the bottom to the top of the plot area. */
export function markerShapes(markers: VerticalMarker[]): Shape[] {
  return markers.map((m): Shape => ({
    type: 'line', xref: 'x', yref: 'paper', x0: round(m.x), x1: round(m.x), y0: 0, y1: 1,
    line: { color: NEUTRAL, width: 1.5, dash: 'dot' },
  }));
}

/** The `name` that marks an annotation as a marker label, for staggerMarkerLabels. */
export const MARKER_LABEL = 'marker-label';
/** Estimated width of one label character (px) at the theme's font. */
const CHAR_PX = 7;
/** How far a label drops for each row it is pushed down (px). */
const ROW_DROP_PX = 18;

/** The labels, written just right of each line's top; finishFigure staggers them (staggerMarkerLabels). */
export function markerLabels(markers: VerticalMarker[]): Annotation[] {
  return markers.filter((m) => m.label !== undefined).map((m): Annotation => ({
    text: m.label as string, x: round(m.x), y: 1, xref: 'x', yref: 'paper', showarrow: false,
    xanchor: 'left', yanchor: 'top', font: { color: NEUTRAL }, name: MARKER_LABEL,
  }));
}

/**
 * Drops a marker label one row lower (18 px) when it would run into the label
 * before it, so labels of nearby markers stay apart. Widths are estimated across
 * the figure's plot area (plotWidthPx: the notebook column less a legend at the
 * right) and the x extent of its lines and markers, with the final legend names.
 */
export function staggerMarkerLabels(figure: Figure): void {
  const labels = (figure.layout.annotations ?? []).filter((a) => a.name === MARKER_LABEL).sort((a, b) => Number(a.x) - Number(b.x));
  if (labels.length < 2) return;
  const xs = figure.data.filter((t) => (t.xaxis ?? 'x') === 'x' && Array.isArray(t.x)).map((t) => t.x as number[]);
  const [lo, hi] = xExtent(xs, labels.map((l) => ({ x: Number(l.x) })));
  if (!(hi > lo)) return;
  const perPx = (hi - lo) / plotWidthPx(figure);
  const rowEnds: number[] = [];
  for (const label of labels) {
    const x = Number(label.x);
    let row = 0;
    while (row < rowEnds.length && rowEnds[row] > x) row++;
    rowEnds[row] = x + String(label.text).length * CHAR_PX * perPx * 1.1;
    if (row > 0) label.yshift = -ROW_DROP_PX * row;
    else delete label.yshift;
  }
}

/** The smallest and largest x among lines and markers, for markerLabels. */
export function xExtent(xs: readonly ArrayLike<number>[], markers: readonly { x: number }[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of [...xs, markers.map((m) => m.x)]) {
    for (let i = 0; i < x.length; i++) {
      if (x[i] < lo) lo = x[i];
      if (x[i] > hi) hi = x[i];
    }
  }
  return [lo, hi];
}
