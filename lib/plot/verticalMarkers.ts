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

/** The labels, written just right of each line's top. */
export function markerLabels(markers: VerticalMarker[]): Annotation[] {
  return markers.filter((m) => m.label !== undefined).map((m): Annotation => ({
    text: m.label as string, x: round(m.x), y: 1, xref: 'x', yref: 'paper', showarrow: false,
    xanchor: 'left', yanchor: 'top', font: { color: NEUTRAL },
  }));
}
