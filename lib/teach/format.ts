/**
 * How the teaching module prints a number inside a sentence.
 *
 * The rule (one for every claim, verdict and grade table):
 *  - |x| ≥ 100 is rounded to a whole number; smaller values keep 3 significant digits
 *    (0.0123, 1.23, 12.3); trailing zeros are dropped (1.5, not 1.50);
 *  - the whole part gets thousands separators (12,346);
 *  - |x| ≥ 1e15 and 0 < |x| < 1e-6 are written with an exponent (1.23e+15, 5e-7);
 *    ±Infinity as ∞ and -∞; -0 as 0.
 * Only the printed text is rounded: the values handed back stay exact.
 * Not done: locales (the separator is always a comma, the decimal mark a point).
 */

/**
 * A number as the teaching module prints it (see the module header for the rule):
 * `formatNumber(12345.678)` is `"12,346"`, `formatNumber(0.012345)` is `"0.0123"`.
 *
 * @throws TypeError when `value` is not a number; RangeError when it is NaN.
 */
export function formatNumber(value: number): string {
  if (typeof value !== 'number') throw new TypeError(`formatNumber value must be a number; got ${typeof value === 'string' ? JSON.stringify(value) : value === null ? 'null' : typeof value}`);
  if (Number.isNaN(value)) throw new RangeError('formatNumber value must be a number; got NaN');
  return formatFinite(value);
}

/** The rule itself, for values already checked (NaN prints as "NaN"). */
export function formatFinite(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '∞';
  if (value === -Infinity) return '-∞';
  const abs = Math.abs(value);
  if (abs >= 1e15 || (abs > 0 && abs < 1e-6)) return value.toExponential(2).replace(/\.?0+e/, 'e');
  let text: string;
  if (abs >= 100) text = Math.round(abs).toFixed(0);
  else if (abs === 0) text = '0';
  else text = trimZeros(Number(abs.toPrecision(3)).toFixed(Math.max(0, 2 - Math.floor(Math.log10(abs)))));
  const [whole, fraction] = text.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const out = fraction === undefined ? grouped : `${grouped}.${fraction}`;
  return value < 0 && out !== '0' ? `-${out}` : out;
}

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

/** A value with its unit, `240 ms`; no unit, just the value. Strings print as given. */
export function withUnit(value: number | string | boolean, unit: string): string {
  const v = typeof value === 'number' ? formatFinite(value) : String(value);
  return unit === '' || typeof value !== 'number' ? v : `${v} ${unit}`;
}

/**
 * A replicated mean with its interval, for a sentence: `formatInterval(iv, 'ms')` is
 * `"42.1 ms (95 % interval 40.3–43.9 ms, 10 runs)"`. Takes any `{ mean, ciLow, ciHigh,
 * level, runs }`, such as what `replicate` returns. For a quantity with a range (a share
 * is never negative), `range: { min: 0 }` prints an interval end beyond the range as the
 * bound itself, as a Student-t interval truncated to the values the quantity can take.
 *
 * @throws TypeError naming the field when the interval, unit or range is not what it should be;
 *   RangeError when range.min exceeds range.max or the mean lies outside the range.
 */
export function formatInterval(
  interval: { mean: number; ciLow: number; ciHigh: number; level: number; runs: number },
  unit = '',
  range: { min?: number; max?: number } = {},
): string {
  if (interval === null || typeof interval !== 'object') throw new TypeError(`formatInterval interval must be { mean, ciLow, ciHigh, level, runs }; got ${interval === null ? 'null' : typeof interval}`);
  for (const key of ['mean', 'ciLow', 'ciHigh', 'level', 'runs'] as const) {
    if (typeof interval[key] !== 'number' || !Number.isFinite(interval[key])) {
      throw new TypeError(`formatInterval interval.${key} must be a finite number; got ${String(interval[key])}`);
    }
  }
  if (typeof unit !== 'string') throw new TypeError(`formatInterval unit must be a string; got ${typeof unit}`);
  const { min, max } = checkRange(range);
  if (interval.mean < min || interval.mean > max) throw new RangeError(`formatInterval interval.mean must lie in range [${min}, ${max}]; got ${interval.mean}`);
  const u = unit === '' ? '' : ` ${unit}`;
  const level = formatFinite(interval.level * 100);
  const low = Math.max(min, interval.ciLow);
  const high = Math.min(max, interval.ciHigh);
  return `${formatFinite(interval.mean)}${u} (${level} % interval ${formatFinite(low)}–${formatFinite(high)}${u}, ${interval.runs} runs)`;
}

/** The range option of formatInterval, checked: known keys, finite numbers, min ≤ max. */
function checkRange(range: unknown): { min: number; max: number } {
  if (range === null || typeof range !== 'object' || Array.isArray(range)) throw new TypeError(`formatInterval range must be { min?, max }; got ${range === null ? 'null' : Array.isArray(range) ? 'an array' : typeof range}`);
  for (const key of Object.keys(range)) {
    if (key !== 'min' && key !== 'max') throw new TypeError(`formatInterval: unknown option "range.${key}"; known options of range: min, max`);
  }
  const { min = -Infinity, max = Infinity } = range as { min?: unknown; max?: unknown };
  for (const [key, v] of [['min', min], ['max', max]] as const) {
    if (typeof v !== 'number' || Number.isNaN(v)) throw new TypeError(`formatInterval range.${key} must be a number; got ${String(v)}`);
  }
  if ((min as number) > (max as number)) throw new RangeError(`formatInterval range.min must be at most range.max; got min ${String(min)}, max ${String(max)}`);
  return { min: min as number, max: max as number };
}
