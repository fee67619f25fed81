/**
 * Colours: a colour-blind-safe palette and one stable colour per name.
 *
 * The first six colours are Okabe & Ito's palette for colour-vision deficiency
 * (black left out, and yellow too: it is faint on white); the next seven are from
 * Paul Tol's "muted" scheme (its pale sand left out for the same reason), which
 * stays distinguishable under the common deficiencies. `colorFor(name)` hands them out in order of first use and then
 * always returns the same colour for that name, so "HTTP/2" is the same colour in
 * every figure of a notebook. This registry is the one piece of module state in
 * lib/plot; it depends only on call order, never on time or chance. After
 * PALETTE.length names the colours repeat. It does not check contrast of colours
 * a caller passes in `colors`.
 */
export const PALETTE: readonly string[] = Object.freeze([
  '#0072B2', // Okabe–Ito blue
  '#E69F00', // orange
  '#009E73', // bluish green
  '#D55E00', // vermillion
  '#CC79A7', // reddish purple
  '#56B4E9', // sky blue
  '#332288', // Tol indigo
  '#117733', // Tol green
  '#882255', // Tol wine
  '#999933', // Tol olive
  '#44AA99', // Tol teal
  '#AA4499', // Tol purple
  '#CC6677', // Tol rose
]);

/** Neutral grey for reference lines and markers that are not a configuration. */
export const NEUTRAL = '#555555';

const assigned = new Map<string, string>();

/** The colour of `name`: a new palette colour on first use, the same one afterwards. */
export function colorFor(name: string): string {
  if (typeof name !== 'string' || name.length === 0) {
    throw new TypeError(`colorFor(name) must be a non-empty string; got ${typeof name === 'string' ? '""' : typeof name}`);
  }
  let color = assigned.get(name);
  if (color === undefined) {
    color = PALETTE[assigned.size % PALETTE.length];
    assigned.set(name, color);
  }
  return color;
}

/** Forgets every assignment: the next name gets PALETTE[0] again. */
export function resetColors(): void {
  assigned.clear();
}

/** The names coloured so far, in order of first use, with their colours. */
export function assignedColors(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, color] of assigned) out[name] = color;
  return out;
}

/**
 * Validates a builder's `colors` option: an object mapping names to CSS colours.
 * Names it covers do not take a slot in the registry.
 */
export function checkColors(option: string, value: unknown): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new TypeError(`${option} must be an object mapping names to CSS colours; got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`);
  }
  for (const [name, color] of Object.entries(value as Record<string, unknown>)) {
    if (typeof color !== 'string' || color.trim().length === 0) {
      throw new TypeError(`${option}[${JSON.stringify(name)}] must be a CSS colour string such as "#0072B2"; got ${typeof color === 'string' ? '""' : typeof color}`);
    }
  }
  return value as Record<string, string>;
}

/** The override for `name` if one was given, else its registry colour. */
export function pickColor(name: string, colors?: Record<string, string>): string {
  if (colors !== undefined && Object.prototype.hasOwnProperty.call(colors, name)) return colors[name];
  return colorFor(name);
}
