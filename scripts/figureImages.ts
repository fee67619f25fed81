/**
 * SVG copies of the figures in an executed notebook.
 *
 * A plotly output holds the figure JSON and HTML with a script; a saved notebook
 * opened where no script runs (GitHub's preview, nbviewer, an untrusted notebook)
 * would show nothing. After execution the workbook draws each plotly output to
 * SVG with plotly.js in headless Chromium (lib/plot/output/figureImage.ts: one browser per
 * run, a blank local page, no network) and adds it to that output's bundle as
 * `image/svg+xml`, beside the interactive parts, which stay. The same figure gives
 * the same bytes, so two runs of a notebook still compare equal. The notebook
 * tests call the same functions on the copies they execute.
 */
import { openFigureRenderer, type FigureJson, type FigureRenderer } from '../lib/plot/output/figureImage';
import { imageSize } from '../lib/plot/output/saveFigure';
import { PLOTLY_MIME, readNotebook, writeNotebook, type DataOutput, type Notebook } from './notebook';

export const SVG_MIME = 'image/svg+xml';

/** The largest executed notebook the workbook should write, in bytes. */
export const MAX_NOTEBOOK_BYTES = 6_000_000;

export { openFigureRenderer, type FigureRenderer };

/** The plotly outputs of a notebook, with where they sit. */
export function plotlyOutputs(nb: Notebook): { cell: number; output: number; out: DataOutput }[] {
  const found: { cell: number; output: number; out: DataOutput }[] = [];
  nb.cells.forEach((cell, i) => {
    (cell.outputs ?? []).forEach((out, j) => {
      if ((out.output_type === 'display_data' || out.output_type === 'execute_result') && PLOTLY_MIME in out.data) {
        found.push({ cell: i, output: j, out });
      }
    });
  });
  return found;
}

/** Where a plotly output has no SVG copy ("cell 3, output 1"); empty when every figure has one. */
export function figuresWithoutImage(nb: Notebook): string[] {
  return plotlyOutputs(nb)
    .filter(({ out }) => typeof out.data[SVG_MIME] !== 'string' || !(out.data[SVG_MIME] as string).startsWith('<svg'))
    .map(({ cell, output }) => `cell ${cell}, output ${output}`);
}

/**
 * Draws every plotly output of `nb` to SVG (at the figure's layout size, else
 * 900 × 450) and puts it in the output's bundle, replacing an earlier copy. The
 * bundle's keys stay sorted, as nbformat writes them. Returns the number of figures.
 */
export async function addFigureImages(nb: Notebook, renderer: FigureRenderer): Promise<number> {
  const outputs = plotlyOutputs(nb);
  for (const { out } of outputs) {
    const figure = out.data[PLOTLY_MIME] as FigureJson;
    const svg = await renderer.svg({ data: figure.data, layout: figure.layout ?? {} }, imageSize(figure.layout));
    const data: Record<string, unknown> = { ...out.data, [SVG_MIME]: svg };
    out.data = Object.fromEntries(Object.keys(data).sort().map((key) => [key, data[key]]));
  }
  return outputs.length;
}

/**
 * addFigureImages on the executed copy at `file` (`notebook`, when the caller has
 * read it already), written back in place (as nbformat writes: one-space indent, a
 * final newline). Returns the updated notebook, its figure count and the seconds the
 * step took.
 */
export async function addFigureImagesToFile(
  file: string,
  renderer: FigureRenderer,
  notebook: Notebook = readNotebook(file),
): Promise<{ notebook: Notebook; figures: number; seconds: number }> {
  const started = process.hrtime.bigint();
  const figures = await addFigureImages(notebook, renderer);
  if (figures > 0) writeNotebook(file, notebook);
  return { notebook, figures, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}
