/**
 * Output numbers for figures: rounded to 6 significant digits and copied into
 * plain arrays, so a figure serialises with JSON.stringify (typed arrays do not),
 * pages stay small, and the same run prints the same bytes. Six digits is far
 * below what a plot can show. It does not round the data the figures were built from.
 */

/** Significant digits kept in figure output. */
export const DIGITS = 6;

/** `v` to 6 significant digits; -0 becomes 0. Non-finite values pass through. */
export function round(v: number): number {
  if (v === 0 || !Number.isFinite(v)) return v === 0 ? 0 : v;
  const r = Number(v.toPrecision(DIGITS));
  return r === 0 ? 0 : r;
}

/** A plain array of rounded values. */
export function roundAll(values: ArrayLike<number>): number[] {
  const out = new Array<number>(values.length);
  for (let i = 0; i < values.length; i++) out[i] = round(values[i]);
  return out;
}
