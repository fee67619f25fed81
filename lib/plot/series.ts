/**
 * The input shapes shared by several builders, and their checks: a named sample
 * of values (histograms, ECDF, CCDF) and a named x/y line (time series). Names are
 * configuration names: they label the legend and pick the colour. Each entry is
 * held to its known keys (a misspelt `valeus` fails) and the sizes to
 * FIGURE_LIMITS. It does not copy or sort the data; builders do what they need.
 */
import type { Dash } from './figure';
import * as checks from './checks';
import { FIGURE_LIMITS } from './limits';

/** A named sample, e.g. `{ name: 'HTTP/2', values: result.latencyMs }`. */
export interface SampleSeries {
  name: string;
  /** Raw values (an array or typed array), e.g. latencies in ms. */
  values: ArrayLike<number>;
}

/** The keys of a SampleSeries. */
export const SAMPLE_SERIES_KEYS: readonly (keyof SampleSeries)[] = ['name', 'values'];

/** A named line of points (x[i], y[i]). */
export interface XYSeries {
  name: string;
  x: ArrayLike<number>;
  /** NaN marks a gap (e.g. a time bucket with nothing to measure): the line breaks there. */
  y: ArrayLike<number>;
  /** Line dash (default 'solid'). */
  dash?: Dash;
}

/** The keys of an XYSeries. */
export const XY_SERIES_KEYS: readonly (keyof XYSeries)[] = ['name', 'x', 'y', 'dash'];

/**
 * Checks the `series` of `fn`: a list of samples, at most FIGURE_LIMITS.series of
 * them holding at most FIGURE_LIMITS.sampleValues values in all; on a log x axis
 * every value must be > 0.
 */
export function checkSamples(fn: string, series: unknown, logX: boolean): SampleSeries[] {
  const positiveFor = logX ? 'when logX is true (set logX: false for zero or negative values)' : undefined;
  const seen = new Set<string>();
  const entries = checks.list(`${fn} series`, series, FIGURE_LIMITS.series);
  let total = 0;
  for (const [i, s] of entries.entries()) {
    const values = checks.fields<SampleSeries>(fn, `series[${i}]`, s, SAMPLE_SERIES_KEYS).values;
    if (Array.isArray(values) || ArrayBuffer.isView(values)) total += (values as ArrayLike<number>).length;
  }
  checks.atMost(`${fn} series`, total, FIGURE_LIMITS.sampleValues, 'values in all');
  return entries.map((s, i) => {
    const r = s as Record<string, unknown>;
    return {
      name: checks.name(`${fn} series[${i}].name`, r.name, seen),
      values: checks.numbers(`${fn} series[${i}].values`, r.values, positiveFor),
    };
  });
}

/**
 * Checks a list of x/y lines at `path` in the inputs of `fn` ('series', or
 * 'panels[0].series'): equal lengths, finite values (NaN allowed in y as a gap),
 * y > 0 on a log y axis; at most FIGURE_LIMITS.series lines. The figure counts
 * their points against FIGURE_LIMITS.drawnPoints with checkDrawnPoints.
 */
export function checkLines(fn: string, path: string, series: unknown, logX: boolean, logY: boolean): XYSeries[] {
  const seen = new Set<string>();
  return checks.list(`${fn} ${path}`, series, FIGURE_LIMITS.series).map((s, i) => {
    const at = `${fn} ${path}[${i}]`;
    const r = checks.fields<XYSeries>(fn, `${path}[${i}]`, s, XY_SERIES_KEYS);
    const name = checks.name(`${at}.name`, r.name, seen);
    const x = checks.numbers(`${at}.x`, r.x, logX ? 'when logX is true' : undefined);
    const y = checks.numbers(`${at}.y`, r.y, logY ? 'when logY is true' : undefined, true);
    if (x.length !== y.length) {
      throw new RangeError(`${at}.y must have the same length as ${at}.x (${x.length}); got length ${y.length}`);
    }
    const line: XYSeries = { name, x, y };
    const dash = checks.dash(`${at}.dash`, r.dash);
    if (dash !== undefined) line.dash = dash;
    return line;
  });
}

/** Refuses lines holding more than FIGURE_LIMITS.drawnPoints points in all. */
export function checkDrawnPoints(option: string, lines: readonly XYSeries[]): void {
  checks.atMost(option, lines.reduce((n, l) => n + l.x.length, 0), FIGURE_LIMITS.drawnPoints, 'points in all');
}
