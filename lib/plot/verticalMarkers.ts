/**
 * Vertical reference lines across a whole figure, such as a capacity at ρ = 1 or
 * the moment a fault was injected, each with an optional label at its top.
 * Builders that offer `markers` check them and draw them with these helpers.
 */
import type { Annotation, Shape } from './figure';
import * as checks from './checks';
import { FIGURE_LIMITS } from './limits';
import { NEUTRAL } from './palette';
import { round } from './round';
import { THEME } from './theme';

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

/** Estimated width of one label character, as a fraction of a plot THEME.legendWidthPx wide. */
const CHAR_FRACTION = 7 / THEME.legendWidthPx;

/**
 * The labels, written just right of each line's top. Given the x axis' data range,
 * a label that would run into the one before it drops a line lower (18 px), so
 * labels of nearby markers stay apart.
 */
export function markerLabels(markers: VerticalMarker[], xRange?: [number, number]): Annotation[] {
  const labelled = markers.filter((m) => m.label !== undefined).sort((a, b) => a.x - b.x);
  const span = xRange && xRange[1] > xRange[0] ? xRange[1] - xRange[0] : 0;
  const rowEnds: number[] = [];
  return labelled.map((m): Annotation => {
    const width = span * CHAR_FRACTION * (m.label as string).length;
    let row = 0;
    if (span > 0) {
      while (row < rowEnds.length && rowEnds[row] > m.x) row++;
      rowEnds[row] = m.x + width * 1.1;
    }
    const label: Annotation = {
      text: m.label as string, x: round(m.x), y: 1, xref: 'x', yref: 'paper', showarrow: false,
      xanchor: 'left', yanchor: 'top', font: { color: NEUTRAL },
    };
    if (row > 0) label.yshift = -18 * row;
    return label;
  });
}

/** The smallest and largest x among lines and markers, for markerLabels. */
export function xExtent(xs: readonly ArrayLike<number>[], markers: readonly VerticalMarker[]): [number, number] {
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
