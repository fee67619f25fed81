/**
 * Input and option checks shared by the figure builders, built on lib/validate.
 * Every message starts with the builder and option (e.g. `ecdfFigure series[1].values`),
 * then says what was expected and what was received. Options objects and the objects
 * inside the inputs (series, rows, points, panels, markers) are held to their known
 * keys by the one rule of lib/validate, so a typo such as `logx` or `valeus` fails
 * with the closest known key instead of being ignored, and null is refused wherever
 * it is not documented. Sizes are held to FIGURE_LIMITS (limits.ts). It does not
 * judge whether a plot is readable (that is for the author: ≤ 6 traces per panel).
 */
import * as check from '../validate';
import type { Dash } from './figure';
import { FIGURE_LIMITS } from './limits';
import { checkColors } from './palette';
import { THEME } from './theme';

/** The options object of `fn` (undefined → {}), with no keys outside `known` and no null values. */
export function readOptions<T extends object>(fn: string, value: T | undefined, known: readonly (keyof T & string)[]): T {
  if (value === undefined) return {} as T;
  return check.options(fn, value, known);
}

/**
 * An object inside the inputs of `fn`, at `path` (`series[1]`, `panels[0].series[2]`,
 * `markers[0]`), with no keys outside `known` and no null values. A misspelt key
 * reads `ecdfFigure: unknown option "series[1].valeus" (did you mean "series[1].values"?)`.
 */
export function fields<T extends object>(fn: string, path: string, value: unknown, known: readonly (keyof T & string)[]): Record<string, unknown> {
  check.within(fn, () => check.nestedOptions(path, value as T, known));
  return value as Record<string, unknown>;
}

/** Refuses `count` above `limit` (a FIGURE_LIMITS entry) with a RangeError naming the input and the bound. */
export function atMost(option: string, count: number, limit: number, what: string): void {
  if (count > limit) {
    throw new RangeError(`${option} holds ${count} ${what}; a figure takes at most ${limit} (FIGURE_LIMITS: one call within seconds, its page within tens of MB)`);
  }
}

/** A non-empty string; `fallback` when undefined, or required when no fallback is given. */
export function text(option: string, value: unknown, fallback?: string): string {
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value !== 'string') {
    throw new TypeError(`${option} must be a non-empty string${fallback === undefined ? ' (required)' : ''}; got ${check.describe(value)}`);
  }
  if (value.trim().length === 0) throw new RangeError(`${option} must be a non-empty string; got ${check.describe(value)}`);
  return value;
}

/** An optional string (may be absent, never empty). */
export function optionalText(option: string, value: unknown): string | undefined {
  return value === undefined ? undefined : text(option, value);
}

/** A figure height in px: an integer in [120, 4000]. */
export function height(option: string, value: unknown, fallback: number = THEME.height): number {
  return value === undefined ? fallback : check.integer(option, value, 120, 4000);
}

/** Default cap on drawn points per ECDF/CCDF series: ample for a plot, small in a saved page. */
export const MAX_CURVE_POINTS = 2000;

/** A cap on drawn points per series: an integer in [16, FIGURE_LIMITS.curvePoints], default MAX_CURVE_POINTS. */
export function maxPoints(option: string, value: unknown): number {
  return value === undefined ? MAX_CURVE_POINTS : check.integer(option, value, 16, FIGURE_LIMITS.curvePoints);
}

/** A non-empty array of at most `max` items (a FIGURE_LIMITS entry). */
export function list(option: string, value: unknown, max: number): unknown[] {
  if (!Array.isArray(value)) throw new TypeError(`${option} must be a non-empty array; got ${check.describe(value)}`);
  if (value.length === 0) throw new RangeError(`${option} must be a non-empty array; got an empty array`);
  atMost(option, value.length, max, 'items');
  return value;
}

/** A plain object whose keys are data, not options (e.g. a stacked bar's parts by name). */
export function record(option: string, value: unknown): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new TypeError(`${option} must be an object; got ${check.describe(value)}`);
  }
  return value as Record<string, unknown>;
}

/** A series or row name: a non-empty string, unique within `seen` when given. */
export function name(option: string, value: unknown, seen?: Set<string>): string {
  const n = text(option, value);
  if (seen) {
    if (seen.has(n)) throw new RangeError(`${option} must be unique within the figure; ${JSON.stringify(n)} appears twice`);
    seen.add(n);
  }
  return n;
}

/** A non-empty array (or typed array) of finite numbers, all > 0 when `positiveFor` names why. */
export function numbers(option: string, value: unknown, positiveFor?: string, gaps = false): ArrayLike<number> {
  const arr = check.finiteArray(option, value, gaps);
  if (positiveFor !== undefined) {
    for (let i = 0; i < arr.length; i++) {
      if (!(arr[i] > 0) && !(gaps && Number.isNaN(arr[i]))) throw new RangeError(`${option} must be > 0 ${positiveFor}; element ${i} is ${arr[i]}`);
    }
  }
  return arr;
}

/** A number > 0 when `positiveFor` says it must be (a log axis), else any finite number. */
export function value(option: string, v: unknown, positiveFor?: string): number {
  const x = check.finite(option, v);
  if (positiveFor !== undefined && !(x > 0)) throw new RangeError(`${option} must be > 0 ${positiveFor}; got ${x}`);
  return x;
}

export const DASHES: readonly Dash[] = ['solid', 'dot', 'dash', 'longdash', 'dashdot', 'longdashdot'];

/** An optional plotly line dash. */
export function dash(option: string, value: unknown): Dash | undefined {
  return value === undefined ? undefined : check.oneOf(option, value, DASHES);
}

/**
 * The options every builder accepts (heatmapFigure all but `colors`): each
 * builder's options interface extends this one, and COMMON_KEYS names its keys.
 */
export interface CommonFigureOptions {
  /** Figure title (default: none). */
  title?: string;
  /** Height in px, an integer in [120, 4000] (default 420). */
  height?: number;
  /** Colour overrides by legend name (series, configuration, part or group), e.g. `{ 'HTTP/2': '#0072B2' }`. */
  colors?: Record<string, string>;
}

/** The option names every builder accepts. */
export const COMMON_KEYS: readonly (keyof CommonFigureOptions)[] = ['title', 'height', 'colors'];

/** The common options checked, with the height filled in; themedLayout takes it as is. */
export type Common = CommonFigureOptions & { height: number };

/** The common options of `fn`, checked; `defaultHeight` replaces THEME.height. */
export function common(fn: string, opts: { [K in keyof CommonFigureOptions]?: unknown }, defaultHeight?: number): Common {
  const out: Common = { height: height(`${fn} height`, opts.height, defaultHeight) };
  const title = optionalText(`${fn} title`, opts.title);
  if (title !== undefined) out.title = title;
  const colors = checkColors(`${fn} colors`, opts.colors);
  if (colors !== undefined) out.colors = colors;
  return out;
}

/**
 * The options of the builders that draw lines over a numeric x axis (lineFigure,
 * smallMultiplesFigure): axis titles, log axes, markers and step shapes.
 */
export interface LineStyleOptions {
  /** y-axis title with its unit (required), e.g. 'throughput (requests/s)'. */
  yTitle: string;
  /** x-axis title with its unit (default 'time (ms)'). */
  xTitle?: string;
  /** Log x axis (default false); needs every x > 0. */
  logX?: boolean;
  /** Log y axis (default false); needs every y > 0. */
  logY?: boolean;
  /** Draw a marker at each point (default false). */
  markers?: boolean;
  /**
   * Draw each line as steps (default false): flat until the next point, then a jump,
   * for quantities that move in steps (round trips, slow-start rounds, queue length).
   */
  steps?: boolean;
}

/** The option names of LineStyleOptions. */
export const LINE_STYLE_KEYS: readonly (keyof LineStyleOptions)[] = ['yTitle', 'xTitle', 'logX', 'logY', 'markers', 'steps'];

/** The line-style options of `fn`, checked, with their defaults filled in. */
export function lineStyle(fn: string, opts: { [K in keyof LineStyleOptions]?: unknown }): Required<LineStyleOptions> {
  return {
    yTitle: text(`${fn} yTitle`, opts.yTitle),
    xTitle: text(`${fn} xTitle`, opts.xTitle, 'time (ms)'),
    logX: check.flag(`${fn} logX`, opts.logX, false),
    logY: check.flag(`${fn} logY`, opts.logY, false),
    markers: check.flag(`${fn} markers`, opts.markers, false),
    steps: check.flag(`${fn} steps`, opts.steps, false),
  };
}

/** The axis titles `xTitle` then `yTitle` of `fn`, each with its default (none: required). */
export function axisTitles(
  fn: string,
  opts: { xTitle?: unknown; yTitle?: unknown },
  xDefault?: string,
  yDefault?: string,
): { xTitle: string; yTitle: string } {
  const xTitle = text(`${fn} xTitle`, opts.xTitle, xDefault);
  return { xTitle, yTitle: text(`${fn} yTitle`, opts.yTitle, yDefault) };
}
