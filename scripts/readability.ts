/**
 * What a notebook asks of its reader: words of prose, an estimated reading time,
 * and the figures that break the figure rules (lib/plot/figureRules.ts). The test
 * suite holds every notebook to MAX_MARKDOWN_WORDS and to no broken rule; the
 * workbook prints both, and the page header shows the reading time.
 */
import { figureProblems, type FigureProblem } from '../lib/plot/figureRules';
import type { Figure } from '../lib/plot/figure';
import { countFigures, PLOTLY_MIME, text, type Notebook } from './notebook';

/** Most words of markdown one notebook may hold: one sitting. */
export const MAX_MARKDOWN_WORDS = 3000;
/** Reading speed for study text with numbers, in words per minute. */
const WORDS_PER_MINUTE = 180;
/** Minutes a reader spends on one figure. */
const MINUTES_PER_FIGURE = 0.5;

/** Words in every markdown cell: whitespace-separated tokens holding a letter or a digit. */
export function markdownWords(nb: Notebook): number {
  let words = 0;
  for (const cell of nb.cells) {
    if (cell.cell_type !== 'markdown') continue;
    for (const token of text(cell.source).split(/\s+/)) if (/[\p{L}\p{N}]/u.test(token)) words++;
  }
  return words;
}

/** Whole minutes to read the prose and look at the figures of an executed notebook (at least 1). */
export function readingMinutes(nb: Notebook): number {
  return Math.max(1, Math.round(markdownWords(nb) / WORDS_PER_MINUTE + countFigures(nb) * MINUTES_PER_FIGURE));
}

/** One broken figure rule, with the cell whose output holds the figure. */
export interface FigureRuleBreak extends FigureProblem {
  /** Index of the cell among the notebook's cells. */
  cell: number;
}

/** Every figure rule broken by the figures in an executed notebook's outputs. */
export function figureRuleBreaks(nb: Notebook): FigureRuleBreak[] {
  const breaks: FigureRuleBreak[] = [];
  nb.cells.forEach((cell, index) => {
    for (const out of cell.outputs ?? []) {
      if (out.output_type !== 'display_data' && out.output_type !== 'execute_result') continue;
      const figure = out.data[PLOTLY_MIME] as Figure | undefined;
      if (figure) for (const p of figureProblems(figure)) breaks.push({ ...p, cell: index });
    }
  });
  return breaks;
}
