/**
 * The rules a NetLab figure follows so a student reads it at a glance, as a check
 * over any plotly figure (a builder's output, or one made by hand):
 *  - at most MAX_TRACES_PER_PANEL traces in one panel (grey context lines, marked
 *    `meta: 'context'`, do not count): beyond that, small multiples or a highlight;
 *  - no two lines in one panel with identical data, unless their shared label
 *    says so ("A = B") or an annotation says they coincide;
 *  - no bar trace on a logarithmic value axis;
 *  - a log axis only where its data span more than two decades;
 *  - every axis a trace uses has a title (axes that match one another share one), and a value axis names its unit: in
 *    parentheses ('latency (ms)'), as a rate or count of things ('requests/s',
 *    'open connections'), or as a fraction ('share of requests', 'utilisation ρ');
 *  - the legend sits outside the plot area;
 *  - annotations do not overlap each other.
 * Overlap is judged on estimated text boxes: 7 px per character and 18 px per
 * line, across the plot area theme.ts `plotWidthPx` estimates (a notebook column less a
 * legend at the right); it does not know the rendered
 * fonts, and it does not judge whether a label covers the data.
 */
import type { Annotation, Axis, Figure, Trace } from './figure';
import { plotWidthPx, THEME, unitOf } from './theme';

/** At most this many traces in one panel. */
export const MAX_TRACES_PER_PANEL = 6;
/** A log axis needs data spanning more than this ratio (two decades). */
export const MIN_LOG_SPAN = 100;

/** Which rule a figure breaks. */
export type FigureRule =
  | 'traces-per-panel' | 'identical-series' | 'bars-on-log-axis' | 'log-axis-span'
  | 'axis-title' | 'legend-overlap' | 'annotation-overlap';

/** One broken rule, with a sentence saying where and what to do. */
export interface FigureProblem {
  rule: FigureRule;
  /** The builder option that decides it: 'series', 'xTitle', 'yTitle', 'logX', 'logY', 'legend' or 'markers'. */
  option: string;
  message: string;
}

const CHAR_PX = 7;
const LINE_PX = 18;

/** Every rule `figure` breaks (an empty list when it follows them all). */
export function figureProblems(figure: Figure): FigureProblem[] {
  if (figure === null || typeof figure !== 'object' || !Array.isArray(figure.data)) {
    throw new TypeError('figureProblems figure must be a plotly figure { data: [...], layout }');
  }
  const layout = figure.layout ?? {};
  const problems: FigureProblem[] = [];
  const panels = new Map<string, Trace[]>();
  for (const trace of figure.data) {
    const key = `${axisName('x', trace.xaxis)} × ${axisName('y', trace.yaxis)}`;
    panels.set(key, [...(panels.get(key) ?? []), trace]);
  }
  for (const [panel, traces] of panels) {
    const counted = traces.filter((t) => t.meta !== 'context');
    if (counted.length > MAX_TRACES_PER_PANEL) {
      problems.push({
        rule: 'traces-per-panel',
        option: 'series',
        message: `panel ${panel} draws ${counted.length} traces (${names(counted)}); at most ${MAX_TRACES_PER_PANEL}: use small multiples or highlight a few against grey context lines`,
      });
    }
    problems.push(...identicalSeries(panel, counted, layout.annotations ?? []));
  }
  problems.push(...axisProblems(figure));
  if (layout.showlegend !== false && legendInside(layout.legend)) {
    problems.push({ rule: 'legend-overlap', option: 'legend', message: 'the legend sits inside the plot area; place it above, beside or below the panels' });
  }
  problems.push(...annotationOverlaps(figure));
  return problems;
}

function axisName(letter: 'x' | 'y', ref: unknown): string {
  return typeof ref === 'string' && ref !== '' ? ref : letter;
}

function layoutAxis(figure: Figure, ref: string): Axis | undefined {
  const key = ref.length === 1 ? `${ref}axis` : `${ref[0]}axis${ref.slice(1)}`;
  return (figure.layout as Record<string, unknown>)[key] as Axis | undefined;
}

function names(traces: Trace[]): string {
  const listed = traces.slice(0, 8).map((t) => JSON.stringify(t.name ?? '(unnamed)')).join(', ');
  return traces.length > 8 ? `${listed}, …` : listed;
}

function identicalSeries(panel: string, traces: Trace[], annotations: Annotation[]): FigureProblem[] {
  const noted = annotations.some((a) => /coincid/i.test(String(a.text)));
  if (noted) return [];
  const seen = new Map<string, Trace>();
  const problems: FigureProblem[] = [];
  for (const t of traces) {
    if (t.type !== 'scatter' || !Array.isArray(t.x) || t.x.length < 2) continue;
    const key = JSON.stringify([t.x, t.y]);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, t);
    else {
      problems.push({
        rule: 'identical-series',
        option: 'series',
        message: `panel ${panel}: ${JSON.stringify(t.name)} has the same data as ${JSON.stringify(first.name)} and would hide under it; draw it once, labelled "${first.name} = ${t.name}", or note that they coincide`,
      });
    }
  }
  return problems;
}

/** The numeric values a trace puts on its `letter` axis. */
function axisValues(trace: Trace, letter: 'x' | 'y'): number[] {
  const raw = (trace as Record<string, unknown>)[letter];
  if (!Array.isArray(raw)) return [];
  const out = raw.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (trace.type !== 'bar') return out;
  const valueLetter = (trace as { orientation?: string }).orientation === 'h' ? 'x' : 'y';
  const base = (trace as { base?: unknown }).base;
  if (letter === valueLetter && Array.isArray(base)) return out.map((v, i) => v + (typeof base[i] === 'number' ? base[i] : 0));
  const width = (trace as { width?: unknown }).width;
  // A histogram's bars span their bins: the position axis holds the bin edges.
  if (letter !== valueLetter && Array.isArray(width)) return out.flatMap((v, i) => (typeof width[i] === 'number' ? [v - width[i] / 2, v + width[i] / 2] : [v]));
  return out;
}

function axisProblems(figure: Figure): FigureProblem[] {
  const problems: FigureProblem[] = [];
  const used = new Map<string, { letter: 'x' | 'y'; traces: Trace[] }>();
  for (const t of figure.data) {
    for (const letter of ['x', 'y'] as const) {
      const ref = axisName(letter, letter === 'x' ? t.xaxis : t.yaxis);
      const entry = used.get(ref) ?? { letter, traces: [] };
      entry.traces.push(t);
      used.set(ref, entry);
    }
  }
  // Axes that match one another (small multiples) share one title.
  const group = (ref: string): string => String(layoutAxis(figure, ref)?.matches ?? ref);
  const titledGroups = new Set([...used.keys()].filter((ref) => (layoutAxis(figure, ref)?.title?.text ?? '').trim() !== '').map(group));
  for (const [ref, { letter, traces }] of used) {
    const axis = layoutAxis(figure, ref);
    const heatmapOnly = traces.every((t) => t.type === 'heatmap');
    const title = axis?.title?.text ?? '';
    const numeric = axis?.type !== 'category' && traces.some((t) => axisValues(t, letter).length > 0);
    if (title.trim() === '' && titledGroups.has(group(ref))) {
      // titled once for the group
    } else if (title.trim() === '') {
      problems.push({ rule: 'axis-title', option: `${letter}Title`, message: `axis ${ref} has no title; name the quantity and its unit` });
    } else if (numeric && !heatmapOnly && !namesUnit(title)) {
      problems.push({ rule: 'axis-title', option: `${letter}Title`, message: `axis ${ref} "${title}" names no unit; end the title with it in parentheses, e.g. "(ms)" or "(fraction of capacity)"` });
    }
    if (axis?.type !== 'log') continue;
    const valueAxisBars = traces.filter((t) => t.type === 'bar' && (((t as { orientation?: string }).orientation === 'h') === (letter === 'x')));
    if (valueAxisBars.length > 0) {
      problems.push({ rule: 'bars-on-log-axis', option: `log${letter.toUpperCase()}`, message: `axis ${ref} is logarithmic under bars (${names(valueAxisBars)}): a bar's length means nothing on a log scale; use a linear axis or points` });
    }
    const values = traces.flatMap((t) => axisValues(t, letter)).filter((v) => v > 0);
    if (values.length > 1) {
      const lo = Math.min(...values);
      const hi = Math.max(...values);
      if (hi / lo <= MIN_LOG_SPAN) {
        problems.push({ rule: 'log-axis-span', option: `log${letter.toUpperCase()}`, message: `axis ${ref} is logarithmic but its data span only ${(hi / lo).toPrecision(3)}× (${lo}–${hi}); a log axis needs more than two decades: use a linear one` });
      }
    }
  }
  return problems;
}

/** True when every value is > 0 and the largest is more than MIN_LOG_SPAN times the smallest: worth a log axis. */
export function spansDecades(samples: readonly ArrayLike<number>[]): boolean {
  let lo = Infinity;
  let hi = -Infinity;
  for (const values of samples) {
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (Number.isNaN(v)) continue;
      if (!(v > 0)) return false;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return hi / lo > MIN_LOG_SPAN;
}

/** Words that make a title its own unit: things counted, rates, fractions. */
const UNIT_WORDS = /\/s\b|\bper\b|\b(fraction|share|utili[sz]ation|probability|ratio|ρ|requests?|attempts?|connections?|sockets?|messages?|errors?|payments?|clients?|users?|servers?|packets?|segments?|bytes?|objects?|streams?|round trips?|RTTs?|minutes?|hours?|seconds?)\b/i;

/** True when an axis title names the unit of its values (see UNIT_WORDS and unitOf). */
export function namesUnit(title: string): boolean {
  return unitOf(title) !== '' || UNIT_WORDS.test(title);
}

function legendInside(legend: { x?: number; y?: number; xanchor?: string; yanchor?: string } | undefined): boolean {
  if (legend === undefined) return false; // plotly's default sits right of the plot
  const x = legend.x ?? 1.02;
  const y = legend.y ?? 1;
  const rightOf = x >= 1 && (legend.xanchor ?? 'left') === 'left';
  const leftOf = x <= 0 && legend.xanchor === 'right';
  const above = y >= 1 && legend.yanchor === 'bottom';
  const below = y <= -0.1 && (legend.yanchor ?? 'top') === 'top';
  return !(rightOf || leftOf || above || below);
}

interface Box {
  text: string;
  left: number;
  right: number;
  bottom: number;
  top: number;
}

function annotationOverlaps(figure: Figure): FigureProblem[] {
  const annotations = figure.layout?.annotations ?? [];
  const boxes = annotations.map((a) => annotationBox(figure, a)).filter((b): b is Box => b !== null);
  const problems: FigureProblem[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      if (a.left < b.right && b.left < a.right && a.bottom < b.top && b.bottom < a.top) {
        problems.push({ rule: 'annotation-overlap', option: 'markers', message: `annotations ${JSON.stringify(a.text)} and ${JSON.stringify(b.text)} overlap; move or shorten one` });
      }
    }
  }
  return problems;
}

/** The annotation's estimated text box in paper fractions, or null when its position is unknown. */
function annotationBox(figure: Figure, a: Annotation): Box | null {
  const x = paperPosition(figure, 'x', a.xref, a.x);
  const y = paperPosition(figure, 'y', a.yref, a.y);
  if (x === null || y === null) return null;
  const layout = figure.layout;
  const margin = layout.margin ?? { l: THEME.margin.l, r: THEME.margin.r, t: THEME.margin.t, b: THEME.margin.b };
  const plotWidth = plotWidthPx(figure);
  const plotHeight = Math.max(60, (layout.height ?? THEME.height) - margin.t - margin.b);
  const text = String(a.text).replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]*>/g, '');
  const lines = text.split('\n');
  const width = (Math.max(...lines.map((l) => l.length)) * CHAR_PX) / plotWidth;
  const height = (lines.length * LINE_PX) / plotHeight;
  let cx = x;
  let cy = y;
  if (a.showarrow !== false) {
    cx += (typeof a.ax === 'number' ? a.ax : -10) / plotWidth;
    cy -= (typeof a.ay === 'number' ? a.ay : -30) / plotHeight;
  }
  cx += (typeof a.xshift === 'number' ? a.xshift : 0) / plotWidth;
  cy += (typeof a.yshift === 'number' ? a.yshift : 0) / plotHeight;
  const left = a.xanchor === 'left' ? cx : a.xanchor === 'right' ? cx - width : cx - width / 2;
  const bottom = a.yanchor === 'bottom' ? cy : a.yanchor === 'top' ? cy - height : cy - height / 2;
  return { text, left, right: left + width, bottom, top: bottom + height };
}

/** Where `value` on axis `ref` sits across the figure, as a fraction of the plot area. */
function paperPosition(figure: Figure, letter: 'x' | 'y', ref: unknown, value: unknown): number | null {
  if (typeof value !== 'number') return null;
  if (typeof ref !== 'string' || ref === 'paper' || ref.endsWith(' domain')) return value;
  const axis = layoutAxis(figure, ref);
  const domain = axis?.domain ?? [0, 1];
  const log = axis?.type === 'log';
  const scale = (v: number): number => (log ? Math.log10(v) : v);
  let range = axis && Array.isArray(axis.range) && axis.range.length === 2 ? (axis.range as number[]) : null;
  if (range === null) {
    const values = figure.data
      .filter((t) => axisName(letter, letter === 'x' ? t.xaxis : t.yaxis) === ref)
      .flatMap((t) => axisValues(t, letter))
      .filter((v) => !log || v > 0)
      .map(scale);
    if (values.length === 0) return null;
    range = [Math.min(...values), Math.max(...values)];
  }
  const span = range[1] - range[0];
  if (!(span > 0)) return null;
  return domain[0] + ((scale(value) - range[0]) / span) * (domain[1] - domain[0]);
}
