/**
 * The workbook's HTML pages: one self-contained page per executed notebook, linked
 * to its neighbours. `exportPages` renders an edition from the copies on disk;
 * `EarlyPages` renders each page as its notebook finishes, from the notebook in
 * memory, while the others still run.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'fs';
import { basename, join } from 'path';
import { editionLabel, type Edition } from './editions';
import { displayPath } from './execute';
import { notebookName, notebookSummary, notebookTitle, readNotebook, type Notebook } from './notebook';
import { renderNotebookPage } from './page';
import { partHeader, type PartHeader } from './partHeader';
import { parametersLine } from './parameters';
import { figureRuleBreaks, markdownWords } from './readability';

/** One exported page and what the index and the log say about it. */
export interface ExportedPage {
  notebook: string;
  file: string;
  title: string;
  figures: number;
  bytes: number;
  /** The part's question, outcomes, reading time and prerequisites, when its notebook declares them. */
  header?: PartHeader;
  /** The notebook's first paragraph, for the index. */
  summary: string;
  /** Words of markdown in the notebook. */
  words: number;
  /** Figure rules its figures break (readability.ts); the test suite wants none. */
  figureRuleBreaks: number;
}

/**
 * Renders the executed copy of each notebook in `notebooks` (those present in
 * `executedDir`, in order) to `htmlDir`, linking each page to its neighbours.
 */
export function exportPages(notebooks: string[], executedDir: string, htmlDir: string, opts: { edition?: Edition } = {}): ExportedPage[] {
  mkdirSync(htmlDir, { recursive: true });
  removeStale(htmlDir, notebooks, '.html');
  const ready = notebooks
    .map((file) => ({ file, copy: join(executedDir, basename(file)) }))
    .filter(({ copy }) => existsSync(copy))
    .map(({ file, copy }) => {
      const nb = readNotebook(copy);
      return { file, copy, nb, name: notebookName(copy), title: notebookTitle(nb, copy) };
    });
  const titles = sourceTitles(notebooks);
  const linked = ready.map((item) => item.file);
  return ready.map((item) => exportPage(item, htmlDir, { linked, titles, edition: opts.edition }));
}

/** Each notebook's title, by name, read from its source. */
function sourceTitles(notebooks: string[]): Map<string, string> {
  return new Map(notebooks.map((file) => [notebookName(file), notebookTitle(readNotebook(file), file)]));
}

/**
 * Renders one executed notebook (`nb`, the copy at `copy` of the source `file`) to
 * `htmlDir`, linked to its neighbours in `linked` (the notebooks that have pages, in
 * order) by their titles in `titles`.
 */
function exportPage(
  item: { file: string; copy: string; nb: Notebook; name: string; title: string },
  htmlDir: string,
  opts: { linked: string[]; titles: Map<string, string>; edition?: Edition },
): ExportedPage {
  const i = opts.linked.indexOf(item.file);
  const link = (other: string | undefined) => {
    if (other === undefined) return undefined;
    const name = notebookName(other);
    return { href: `${name}.html`, title: opts.titles.get(name) ?? name };
  };
  const header = partHeader(item.nb, basename(item.file), opts.titles) ?? undefined;
  const page = renderNotebookPage(item.nb, {
    header,
    parameters: parametersLine(item.nb) || undefined,
    title: item.title,
    source: displayPath(item.file),
    indexHref: '../index.html',
    prev: link(opts.linked[i - 1]),
    next: link(opts.linked[i + 1]),
    edition: opts.edition && editionLabel(opts.edition),
  });
  const file = join(htmlDir, `${item.name}.html`);
  writeFileSync(file, page.html);
  return {
    notebook: item.copy, file, title: item.title, figures: page.figures, bytes: statSync(file).size, header,
    summary: notebookSummary(item.nb), words: markdownWords(item.nb), figureRuleBreaks: figureRuleBreaks(item.nb).length,
  };
}

/**
 * Pages rendered as each notebook finishes, while the others still run: each links
 * to its neighbours in `notebooks`. They stand for the whole edition only when every
 * notebook got one in this run; otherwise (a run of some notebooks, a kernel that
 * never started) `pagesOf` returns null and the pages are rendered from the copies
 * on disk, linking only to the notebooks that have one.
 */
export class EarlyPages {
  private readonly titles: Map<string, string>;
  private readonly pages = new Map<string, ExportedPage>();

  constructor(
    private readonly notebooks: string[],
    private readonly htmlDir: (edition: Edition) => string,
  ) {
    this.titles = sourceTitles(notebooks);
  }

  /** Renders the page of `file`'s executed copy `nb`, written to `copy`, for `edition`. */
  add(file: string, copy: string, nb: Notebook, edition: Edition): void {
    const dir = this.htmlDir(edition);
    mkdirSync(dir, { recursive: true });
    const item = { file, copy, nb, name: notebookName(copy), title: notebookTitle(nb, copy) };
    this.pages.set(`${edition} ${file}`, exportPage(item, dir, { linked: this.notebooks, titles: this.titles, edition }));
  }

  /** The edition's pages in order, or null unless every notebook has one. */
  pagesOf(edition: Edition): ExportedPage[] | null {
    const pages = this.notebooks.map((file) => this.pages.get(`${edition} ${file}`));
    return pages.every((p) => p !== undefined) ? (pages as ExportedPage[]) : null;
  }
}

/** Deletes outputs of notebooks that no longer exist (or are private and not run). */
export function removeStale(dir: string, notebooks: string[], ext: string): void {
  if (!existsSync(dir)) return;
  const keep = new Set(notebooks.map((f) => notebookName(f) + ext));
  for (const name of readdirSync(dir)) {
    if (name.endsWith(ext) && !keep.has(name)) rmSync(join(dir, name));
  }
}
