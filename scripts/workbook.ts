/**
 * The workbook runner: executes every notebook and exports them as HTML.
 *
 *   tsx scripts/workbook.ts [options] [name ...]        (npm run workbook runs setup first)
 *
 *   name                 only these notebooks (file name, with or without .ipynb)
 *   --include-private    also run notebooks whose names start with `_`
 *   --jobs N             notebooks executed at the same time (default 1)
 *   --timeout S          seconds a single cell may run (default 600)
 *   --notebooks DIR      where the notebooks are (default notebooks/)
 *   --out DIR            output folder (default out/)
 *
 * Writes executed copies to OUT/notebooks/, one self-contained page per notebook
 * to OUT/html/ and OUT/index.html. A failing cell fails the run with a message
 * naming the notebook, the cell and the error (after the other notebooks ran).
 * The functions are exported for the tests.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'fs';
import { basename, join, relative, resolve } from 'path';
import { displayPath, executeNotebook, NotebookExecutionError, PROJECT_ROOT, type ExecutionReport } from './execute';
import { renderIndexPage, type IndexEntry } from './indexPage';
import { listNotebooks, notebookName, notebookSummary, notebookTitle, problemCells, readNotebook } from './notebook';
import { renderNotebookPage } from './page';

export interface WorkbookOptions {
  notebooksDir?: string;
  outDir?: string;
  includePrivate?: boolean;
  /** Only these notebooks (names with or without `.ipynb`). */
  only?: string[];
  jobs?: number;
  cellTimeoutSeconds?: number;
  log?: (line: string) => void;
}

export interface ExportedPage {
  notebook: string;
  file: string;
  title: string;
  figures: number;
  bytes: number;
}

export interface WorkbookResult {
  executed: ExecutionReport[];
  pages: ExportedPage[];
  indexFile: string;
}

/** Some notebooks failed; `failures` holds one error per notebook. */
export class WorkbookError extends Error {
  constructor(readonly failures: NotebookExecutionError[]) {
    super(
      `${failures.length} notebook${failures.length === 1 ? '' : 's'} failed:\n\n` + failures.map((f) => f.message).join('\n\n'),
    );
    this.name = 'WorkbookError';
  }
}

export async function runWorkbook(opts: WorkbookOptions = {}): Promise<WorkbookResult> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const notebooksDir = resolve(opts.notebooksDir ?? join(PROJECT_ROOT, 'notebooks'));
  const outDir = resolve(opts.outDir ?? join(PROJECT_ROOT, 'out'));
  const all = listNotebooks(notebooksDir, { includePrivate: opts.includePrivate });
  const wanted = selectNotebooks(all, opts.only);
  const executedDir = join(outDir, 'notebooks');
  removeStale(executedDir, all, '.ipynb');

  log(`workbook: executing ${count(wanted.length, 'notebook')} from ${shown(notebooksDir)} (tslab kernel) into ${shown(executedDir)}`);
  const executed: ExecutionReport[] = [];
  const failures: NotebookExecutionError[] = [];
  let started = 0;
  await pool(wanted, Math.max(1, opts.jobs ?? 1), async (file) => {
    const n = ++started;
    const label = `[${n}/${wanted.length}] ${basename(file)}`;
    if ((opts.jobs ?? 1) > 1) log(`  ${label} started`);
    try {
      const report = await executeNotebook(file, join(executedDir, basename(file)), {
        cwd: notebooksDir,
        cellTimeoutSeconds: opts.cellTimeoutSeconds,
      });
      executed.push(report);
      log(`  ${label} executed in ${secs(report.seconds)} (kernel start ${secs(report.kernelSeconds)}, cells ${secs(report.cellsSeconds)})`);
      for (const p of problemCells(report.notebook)) {
        log(`  warning: ${basename(file)} cell ${p.index} (${p.firstLine}) wrote to stderr: ${p.error.split('\n')[0]}`);
      }
    } catch (err) {
      if (!(err instanceof NotebookExecutionError)) throw err;
      failures.push(err);
      log(`  ${label} FAILED (cell ${err.cellIndex ?? '?'})`);
    }
  });

  const exportStarted = process.hrtime.bigint();
  const pages = exportPages(all, executedDir, join(outDir, 'html'));
  const indexFile = join(outDir, 'index.html');
  writeFileSync(indexFile, renderIndexPage(pages.map((p) => indexEntry(p, outDir))));
  const exportSeconds = Number(process.hrtime.bigint() - exportStarted) / 1e9;
  log(`workbook: exported ${count(pages.length, 'page')} in ${secs(exportSeconds)}; index ${shown(indexFile)}`);
  for (const p of pages) log(`  ${shown(p.file)}  ${mb(p.bytes)}, ${count(p.figures, 'figure')}  ${p.title}`);

  if (failures.length > 0) throw new WorkbookError(failures);
  return { executed, pages, indexFile };
}

/**
 * Renders the executed copy of each notebook in `notebooks` (those present in
 * `executedDir`, in order) to `htmlDir`, linking each page to its neighbours.
 */
export function exportPages(notebooks: string[], executedDir: string, htmlDir: string): ExportedPage[] {
  mkdirSync(htmlDir, { recursive: true });
  removeStale(htmlDir, notebooks, '.html');
  const ready = notebooks
    .map((file) => ({ file, copy: join(executedDir, basename(file)) }))
    .filter(({ copy }) => existsSync(copy))
    .map(({ file, copy }) => {
      const nb = readNotebook(copy);
      return { file, copy, nb, name: notebookName(copy), title: notebookTitle(nb, copy) };
    });
  return ready.map((item, i) => {
    const link = (other: (typeof ready)[number] | undefined) => other && { href: `${other.name}.html`, title: other.title };
    const page = renderNotebookPage(item.nb, {
      title: item.title,
      source: displayPath(item.file),
      indexHref: '../index.html',
      prev: link(ready[i - 1]),
      next: link(ready[i + 1]),
    });
    const file = join(htmlDir, `${item.name}.html`);
    writeFileSync(file, page.html);
    return { notebook: item.copy, file, title: item.title, figures: page.figures, bytes: statSync(file).size };
  });
}

function indexEntry(page: ExportedPage, outDir: string): IndexEntry {
  return {
    href: relative(outDir, page.file).split('\\').join('/'),
    title: page.title,
    file: basename(page.notebook),
    summary: notebookSummary(readNotebook(page.notebook)),
  };
}

function selectNotebooks(all: string[], only: string[] | undefined): string[] {
  if (!only || only.length === 0) return all;
  const byName = new Map(all.map((f) => [notebookName(f), f]));
  return only.map((name) => {
    const file = byName.get(notebookName(name));
    if (!file) throw new Error(`workbook: no notebook named ${name}; have: ${[...byName.keys()].join(', ') || 'none'}`);
    return file;
  });
}

/** Deletes outputs of notebooks that no longer exist (or are private and not run). */
function removeStale(dir: string, notebooks: string[], ext: string): void {
  if (!existsSync(dir)) return;
  const keep = new Set(notebooks.map((f) => notebookName(f) + ext));
  for (const name of readdirSync(dir)) {
    if (name.endsWith(ext) && !keep.has(name)) rmSync(join(dir, name));
  }
}

async function pool<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}

const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;
const secs = (s: number): string => `${s.toFixed(1)} s`;
const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;
const shown = (file: string): string => displayPath(file);

function parseArgs(argv: string[]): WorkbookOptions {
  const opts: WorkbookOptions = { only: [] };
  const value = (i: number, flag: string): string => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new Error(`workbook: ${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--include-private') opts.includePrivate = true;
    else if (arg === '--jobs') opts.jobs = positiveInt(value(i++, arg), arg);
    else if (arg === '--timeout') opts.cellTimeoutSeconds = positiveInt(value(i++, arg), arg);
    else if (arg === '--notebooks') opts.notebooksDir = value(i++, arg);
    else if (arg === '--out') opts.outDir = value(i++, arg);
    else if (arg === '-h' || arg === '--help') {
      console.log(HELP);
      process.exit(0);
    } else if (arg.startsWith('-')) throw new Error(`workbook: unknown option ${arg}\n${HELP}`);
    else opts.only!.push(arg);
  }
  return opts;
}

function positiveInt(v: string, flag: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`workbook: ${flag} must be a positive integer; got ${v}`);
  return n;
}

const HELP = `usage: tsx scripts/workbook.ts [--include-private] [--jobs N] [--timeout S] [--notebooks DIR] [--out DIR] [name ...]`;

if (require.main === module) {
  const started = process.hrtime.bigint();
  Promise.resolve()
    .then(() => runWorkbook(parseArgs(process.argv.slice(2))))
    .then(() => console.log(`workbook: done in ${secs(Number(process.hrtime.bigint() - started) / 1e9)}`))
    .catch((err: Error) => {
      console.error(`\n${err instanceof WorkbookError || err.message.startsWith('workbook:') ? err.message : err.stack}`);
      process.exitCode = 1;
    });
}
