/**
 * The notebook files themselves: the parts of nbformat 4 the workbook reads,
 * finding the notebooks, and small questions about one (title, figures, errors).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { basename, join } from 'path';
import { marked } from 'marked';

/** A multiline string as nbformat stores it: one string or a list of lines. */
export type MultilineString = string | string[];

export interface StreamOutput {
  output_type: 'stream';
  name: 'stdout' | 'stderr';
  text: MultilineString;
}

export interface DataOutput {
  output_type: 'display_data' | 'execute_result';
  data: Record<string, unknown>;
  metadata?: Record<string, unknown>;
  execution_count?: number | null;
}

export interface ErrorOutput {
  output_type: 'error';
  ename: string;
  evalue: string;
  traceback: string[];
}

export type Output = StreamOutput | DataOutput | ErrorOutput;

export interface Cell {
  cell_type: 'code' | 'markdown' | 'raw';
  source: MultilineString;
  metadata?: Record<string, unknown>;
  outputs?: Output[];
  execution_count?: number | null;
  attachments?: Record<string, Record<string, string>>;
}

export interface Notebook {
  cells: Cell[];
  metadata: Record<string, unknown>;
  nbformat: number;
  nbformat_minor: number;
}

/** The mime type of a plotly figure in a display bundle. */
export const PLOTLY_MIME = 'application/vnd.plotly.v1+json';

export function readNotebook(file: string): Notebook {
  return JSON.parse(readFileSync(file, 'utf8')) as Notebook;
}

/** Writes a notebook as nbformat does: one-space indent, a final newline. */
export function writeNotebook(file: string, nb: Notebook): void {
  writeFileSync(file, JSON.stringify(nb, null, 1) + '\n');
}

export function text(value: MultilineString | undefined): string {
  if (value === undefined) return '';
  return Array.isArray(value) ? value.join('') : value;
}

/**
 * The notebooks of a folder, sorted by name. Names starting with `_` are
 * scratch notebooks and are left out unless `includePrivate`. A missing folder has none.
 */
export function listNotebooks(dir: string, opts: { includePrivate?: boolean } = {}): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.ipynb') && (opts.includePrivate || !name.startsWith('_')))
    .sort()
    .map((name) => join(dir, name));
}

/** The file name without `.ipynb`. */
export function notebookName(file: string): string {
  return basename(file).replace(/\.ipynb$/, '');
}

/** The text of the first markdown heading, without markup; the file name when there is none. */
export function notebookTitle(nb: Notebook, file: string): string {
  for (const cell of nb.cells) {
    if (cell.cell_type !== 'markdown') continue;
    const heading = marked.lexer(text(cell.source)).find((token) => token.type === 'heading');
    if (heading && 'text' in heading) return plainInline(String(heading.text));
  }
  return notebookName(file);
}

/** The first paragraph of markdown in the notebook, as plain text (for the index page). */
export function notebookSummary(nb: Notebook): string {
  for (const cell of nb.cells) {
    if (cell.cell_type !== 'markdown') continue;
    const para = marked.lexer(text(cell.source)).find((token) => token.type === 'paragraph');
    if (para && 'text' in para) return plainInline(String(para.text));
  }
  return '';
}

/** Inline markdown rendered, then stripped of tags and entities: plain text. */
function plainInline(markdown: string): string {
  const html = marked.parseInline(markdown, { async: false }) as string;
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

/** The first non-empty line of a cell's source, shortened, for messages. */
export function firstLine(cell: Cell, max = 80): string {
  const line = text(cell.source).split('\n').find((l) => l.trim() !== '') ?? '';
  const trimmed = line.trim();
  return trimmed.length > max ? `${trimmed.slice(0, max - 1)}…` : trimmed;
}

/** How many plotly figures the notebook's outputs hold. */
export function countFigures(nb: Notebook): number {
  let n = 0;
  for (const cell of nb.cells) {
    for (const out of cell.outputs ?? []) {
      if ((out.output_type === 'display_data' || out.output_type === 'execute_result') && PLOTLY_MIME in out.data) n += 1;
    }
  }
  return n;
}

/** Removes terminal colour codes (tracebacks carry them). */
export function stripAnsi(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
}

/** What a cell reported as an error: error outputs and stderr text (tslab reports errors on stderr). */
export function cellErrorText(cell: Cell): string {
  const parts: string[] = [];
  for (const out of cell.outputs ?? []) {
    if (out.output_type === 'error') {
      parts.push(stripAnsi(out.traceback.length > 0 ? out.traceback.join('\n') : `${out.ename}: ${out.evalue}`));
    } else if (out.output_type === 'stream' && out.name === 'stderr') {
      parts.push(stripAnsi(text(out.text)));
    }
  }
  return parts.join('\n').trim();
}

/** Cells whose outputs contain errors or stderr text, with that text. */
export function problemCells(nb: Notebook): { index: number; firstLine: string; error: string }[] {
  return nb.cells
    .map((cell, index) => ({ index, firstLine: firstLine(cell), error: cellErrorText(cell) }))
    .filter((c) => c.error !== '');
}
