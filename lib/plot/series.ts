/**
 * The input shapes shared by several builders, and their checks: a named sample
 * of values (histograms, ECDF, CCDF) and a named x/y line (time series). Names are
 * configuration names: they label the legend and pick the colour. It does not
 * copy or sort the data; builders do what they need.
 */
import type { Dash } from './figure';
import * as checks from './checks';

/** A named sample, e.g. `{ name: 'HTTP/2', values: result.latencyMs }`. */
export interface SampleSeries {
  name: string;
  /** Raw values (an array or typed array), e.g. latencies in ms. */
  values: ArrayLike<number>;
}

/** A named line of points (x[i], y[i]). */
export interface XYSeries {
  name: string;
  x: ArrayLike<number>;
  /** NaN marks a gap (e.g. a time bucket with nothing to measure): the line breaks there. */
  y: ArrayLike<number>;
  /** Line dash (default 'solid'). */
  dash?: Dash;
}

/** Checks a list of samples; on a log x axis every value must be > 0. */
export function checkSamples(fn: string, series: unknown, logX: boolean): SampleSeries[] {
  const positiveFor = logX ? 'when logX is true (set logX: false for zero or negative values)' : undefined;
  const seen = new Set<string>();
  return checks.list(`${fn} series`, series).map((s, i) => {
    const r = checks.record(`${fn} series[${i}]`, s);
    return {
      name: checks.name(`${fn} series[${i}].name`, r.name, seen),
      values: checks.numbers(`${fn} series[${i}].values`, r.values, positiveFor),
    };
  });
}

/** Checks a list of x/y lines: equal lengths, finite values (NaN allowed in y as a gap), y > 0 on a log y axis. */
export function checkLines(
  fn: string,
  series: unknown,
  logX: boolean,
  logY: boolean,
): XYSeries[] {
  const seen = new Set<string>();
  return checks.list(`${fn} series`, series).map((s, i) => {
    const at = `${fn} series[${i}]`;
    const r = checks.record(at, s);
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
