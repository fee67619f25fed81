/**
 * One hue per HTTP version, so that a protocol keeps its colour in every figure of
 * Part 3: a series whose name starts with a protocol's label ('HTTP/2', 'HTTP/2 p99',
 * 'HTTP/2, 1% loss') gets that protocol's hue, or its light shade when listed in
 * `light` (a clean-path twin drawn beside a lossy one). Names that start with no
 * label get no entry, and the figure builder picks their colour as usual.
 */
import * as check from '../validate';
import { PROTOCOL_TRAITS, HTTP_PROTOCOLS } from './protocols';

/** The dark and light shade of each protocol, by label (Okabe–Ito hues). */
export const PROTOCOL_HUES: Readonly<Record<string, readonly [string, string]>> = {
  'HTTP/1.1': ['#009E73', '#8fd3bf'],
  'HTTP/2': ['#D55E00', '#f2b183'],
  'HTTP/3': ['#0072B2', '#8cc0e0'],
};

/** Options of `protocolColors`. */
export interface ProtocolColorsOptions {
  /** Series to draw in the light shade of their protocol (each must be one of `names`). */
  light?: string[];
}

/** Every key of `ProtocolColorsOptions`. */
export const PROTOCOL_COLORS_KEYS: readonly (keyof ProtocolColorsOptions)[] = ['light'];

/**
 * A `colors` option for a figure: series name → its protocol's colour.
 *
 * @example
 * ```ts
 * import { lineFigure, protocolColors, show } from 'netlab';
 *
 * const series = [{ name: 'HTTP/2', x: [0, 1, 2], y: [300, 340, 420] }, { name: 'HTTP/3', x: [0, 1, 2], y: [240, 270, 310] }];
 * show(lineFigure(series, { xTitle: 'loss (%)', yTitle: 'page load (ms)', colors: protocolColors(series.map((s) => s.name)) }));
 * ```
 */
export function protocolColors(names: string[], opts: ProtocolColorsOptions = {}): Record<string, string> {
  const FN = 'protocolColors';
  if (!Array.isArray(names)) throw new TypeError(`${FN} names must be an array of series names; got ${check.describe(names)}`);
  names.forEach((n, i) => {
    if (typeof n !== 'string') throw new TypeError(`${FN} names[${i}] must be a string; got ${check.describe(n)}`);
  });
  check.options(FN, opts, PROTOCOL_COLORS_KEYS);
  const light = opts.light === undefined ? [] : opts.light;
  if (!Array.isArray(light)) throw new TypeError(`${FN} light must be an array of series names; got ${check.describe(light)}`);
  light.forEach((n, i) => {
    if (typeof n !== 'string') throw new TypeError(`${FN} light[${i}] must be a string; got ${check.describe(n)}`);
    if (!names.includes(n)) throw new RangeError(`${FN} light[${i}] is ${JSON.stringify(n)}, which is none of names`);
  });
  // Longest label first, so that no label is taken for a prefix of a longer one.
  const labels = HTTP_PROTOCOLS.map((p) => PROTOCOL_TRAITS[p].label).sort((a, b) => b.length - a.length);
  const out: Record<string, string> = {};
  for (const name of names) {
    const label = labels.find((l) => name.startsWith(l));
    if (label !== undefined) out[name] = PROTOCOL_HUES[label][light.includes(name) ? 1 : 0];
  }
  return out;
}
