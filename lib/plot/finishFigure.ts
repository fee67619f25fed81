/**
 * The last step of every figure builder: lines that coincide are merged or noted,
 * the legend gets its room (theme.ts `fitLegend`), marker labels of nearby lines are
 * staggered (verticalMarkers.ts), and the result is held to the
 * figure rules (figureRules.ts), so a builder never returns a figure a student
 * cannot read at a glance: it throws a RangeError naming the rule instead.
 *
 * Coinciding lines: when every line of series B lies exactly on a line of series A
 * (same panel, same points), B's lines are dropped and A is relabelled "A = B"
 * everywhere. When B coincides with A in some panels only, both stay and the panel
 * gets a note ("B coincides with A").
 */
import type { Annotation, Figure, ScatterTrace } from './figure';
import { figureProblems } from './figureRules';
import { NEUTRAL } from './palette';
import { fitLegend } from './theme';
import { staggerMarkerLabels } from './verticalMarkers';

/** Merges or notes coinciding lines, fits the legend, staggers marker labels, and throws when a figure rule is broken. */
export function finishFigure(fn: string, figure: Figure): Figure {
  mergeCoincidingLines(figure);
  fitLegend(figure);
  staggerMarkerLabels(figure);
  const problems = figureProblems(figure);
  if (problems.length > 0) {
    throw new RangeError(`${fn}: the figure breaks ${problems.length === 1 ? 'a figure rule' : `${problems.length} figure rules`}: ${problems.map((p) => `${p.option}: ${p.message}`).join('; ')}`);
  }
  return figure;
}

function panelOf(t: ScatterTrace): string {
  return `${t.xaxis ?? 'x'}|${t.yaxis ?? 'y'}`;
}

/** Merges series whose every line coincides with another series' line; notes partial coincidences. */
export function mergeCoincidingLines(figure: Figure): void {
  const lines = figure.data.filter((t): t is ScatterTrace => t.type === 'scatter' && t.meta !== 'context' && typeof t.name === 'string' && Array.isArray(t.x) && t.x.length > 1);
  const byName = new Map<string, ScatterTrace[]>();
  for (const t of lines) byName.set(t.name as string, [...(byName.get(t.name as string) ?? []), t]);
  const shape = (t: ScatterTrace): string => `${panelOf(t)}|${JSON.stringify([t.x, t.y])}`;
  const dropped = new Set<ScatterTrace>();
  const notes: Annotation[] = [];
  const names = [...byName.keys()];
  for (let i = 0; i < names.length; i++) {
    const a = names[i];
    for (let j = i + 1; j < names.length; j++) {
      const b = names[j];
      const aShapes = new Set(byName.get(a)!.filter((t) => !dropped.has(t)).map(shape));
      const bTraces = byName.get(b)!.filter((t) => !dropped.has(t));
      const same = bTraces.filter((t) => aShapes.has(shape(t)));
      if (same.length === 0) continue;
      if (same.length === bTraces.length) {
        const label = `${byName.get(a)![0].name} = ${b}`;
        for (const t of byName.get(a)!) {
          t.name = label;
          if (t.legendgroup !== undefined) t.legendgroup = label;
        }
        for (const t of bTraces) dropped.add(t);
      } else {
        for (const t of same) notes.push(coincidenceNote(figure, t, `${b} coincides with ${a}`));
      }
    }
  }
  if (dropped.size > 0) figure.data = figure.data.filter((t) => !dropped.has(t as ScatterTrace));
  if (notes.length > 0) figure.layout.annotations = [...(figure.layout.annotations ?? []), ...notes];
}

/** A small grey note at the top right of the trace's panel. */
function coincidenceNote(figure: Figure, t: ScatterTrace, text: string): Annotation {
  const yRef = t.yaxis ?? 'y';
  const axis = (figure.layout as Record<string, unknown>)[yRef === 'y' ? 'yaxis' : `yaxis${yRef.slice(1)}`] as { domain?: [number, number] } | undefined;
  const top = axis?.domain?.[1] ?? 1;
  return { text, x: 1, y: top, xref: 'paper', yref: 'paper', xanchor: 'right', yanchor: 'top', showarrow: false, font: { color: NEUTRAL, size: 11 } };
}
