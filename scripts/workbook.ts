/**
 * The workbook runner: executes every notebook, in two editions, and exports them as HTML.
 *
 *   tsx scripts/workbook.ts [options] [name ...]        (npm run workbook runs setup first)
 *
 *   name                 only these notebooks (file name, with or without .ipynb, or its unique start: 03a)
 *   --edition E          student, instructor or both (default both)
 *   --include-private    also run notebooks whose names start with `_`
 *   --jobs N             notebooks executed at the same time (default: the machine's cores)
 *   --timeout S          seconds a single cell may run (default 600)
 *   --notebooks DIR      where the notebooks are (default notebooks/)
 *   --out DIR            output folder (default out/)
 *   --only NAME[,NAME]   only these notebooks (as the names above)
 *   --set KEY=VALUE      replace the constant KEY of each notebook's parameter cell
 *                        (SEED, STUDENT, …; VALUE as JSON, else a string); repeatable
 *
 * Each edition is made from the notebook source (editions.ts): the student edition
 * without the cells tagged `solution` or `instructor`, the instructor edition with
 * every cell. A notebook is executed once for both editions: when they are the
 * same, or by cutting the student copy from the executed instructor copy
 * (studentCopy.ts), which gives what a run of the student edition would; a notebook
 * whose instructor-only cells leave a name that a shared cell uses runs each
 * edition. The quickest notebooks start first, beside the browser, then the slowest,
 * by the last run's times (runOrder.ts). Each executed copy then gets an SVG copy
 * of every figure beside
 * the interactive one (figureImages.ts; headless Chromium, one browser per run),
 * so saved notebooks show their figures where no script runs.
 *
 * Writes, per edition E, the executed copies to OUT/E/notebooks/, one
 * self-contained page per notebook to OUT/E/html/ and OUT/E/index.html;
 * OUT/index.html links the editions. From the executed instructor notebooks it
 * writes OUT/exercises.json and OUT/claims.json (manifests.ts); OUT/timings.json
 * keeps each notebook's execution time. A failing cell fails the run with a
 * message naming the notebook, the edition, the cell and the error (after the
 * other notebooks ran); so does a claim that did not hold or a solution that
 * fails its own check.
 * The functions are exported for the tests.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmdirSync, rmSync, statSync, writeFileSync } from 'fs';
import { availableParallelism, tmpdir } from 'os';
import { basename, join, relative, resolve } from 'path';
import { editionLabel, editionSource, EDITIONS, parseEditions, type Edition } from './editions';
import { writeBatchKernel } from './batchKernel';
import { EarlyPages, exportPages, removeStale, type ExportedPage } from './exportPages';
import { displayPath, executeNotebook, NotebookExecutionError, PROJECT_ROOT, type ExecutionReport } from './execute';
import { addFigureImagesToFile, MAX_NOTEBOOK_BYTES, openFigureRenderer, type FigureRenderer } from './figureImages';
import { renderEditionsPage, renderIndexPage, type IndexEntry } from './indexPage';
import { buildManifests, manifestFailures, manifestGaps, manifestJson, type ClaimEntry, type ExerciseEntry } from './manifests';
import { listNotebooks, notebookName, problemCells, readNotebook, writeNotebook, type Notebook } from './notebook';
import { leakedNames, studentCopy } from './studentCopy';
import { readTimings, runOrder, writeTimings } from './runOrder';
import { parseAssignments, withParameters, type Parameters } from './parameters';

export interface WorkbookOptions {
  notebooksDir?: string;
  outDir?: string;
  includePrivate?: boolean;
  /** Only these notebooks (names with or without `.ipynb`). */
  only?: string[];
  /** The editions to build; default both. */
  editions?: Edition[];
  /** Notebooks executed at the same time; default the machine's cores (`os.availableParallelism()`). */
  jobs?: number;
  cellTimeoutSeconds?: number;
  /** Constants of the parameter cell to replace before running (`--set KEY=VALUE`; parameters.ts). */
  parameters?: Parameters;
  log?: (line: string) => void;
}

export interface EditionResult {
  edition: Edition;
  /** OUT/<edition>. */
  dir: string;
  pages: ExportedPage[];
  indexFile: string;
}

export interface ManifestResult {
  exercisesFile: string;
  claimsFile: string;
  exercises: ExerciseEntry[];
  claims: ClaimEntry[];
}

export interface WorkbookResult {
  /** One report per execution, with the editions it made (usually both: see editionJobs). */
  executed: (ExecutionReport & { editions: Edition[] })[];
  editions: EditionResult[];
  /** OUT/index.html, linking the editions. */
  indexFile: string;
  /** Written when the instructor edition was built. */
  manifests: ManifestResult | null;
}

/** Some notebooks failed; `failures` holds one error per failed execution, `problems` what the manifests found. */
export class WorkbookError extends Error {
  constructor(
    readonly failures: NotebookExecutionError[],
    readonly problems: string[] = [],
  ) {
    const parts: string[] = [];
    if (failures.length > 0) {
      parts.push(`${failures.length} notebook${failures.length === 1 ? '' : 's'} failed:\n\n` + failures.map((f) => f.message).join('\n\n'));
    }
    if (problems.length > 0) {
      parts.push(`the instructor edition does not check out:\n` + problems.map((p) => `  ${p}`).join('\n'));
    }
    super(parts.join('\n\n'));
    this.name = 'WorkbookError';
  }
}

/** One execution: a notebook's source for one or more editions that share it. */
interface Job {
  file: string;
  editions: Edition[];
  source: Notebook;
  /** Editions cut from this run's executed copy instead of run (the student edition, studentCopy.ts). */
  cut: Edition[];
  /** Why the student edition runs on its own although the instructor edition runs too. */
  apart?: string;
}

/**
 * The executions a notebook needs: one for both editions when they are the same or
 * when the student edition can be cut from the instructor run (studentCopy.ts), else
 * one per edition.
 */
export function editionJobs(file: string, nb: Notebook, editions: readonly Edition[]): Job[] {
  const jobs: (Job & { key: string })[] = [];
  for (const edition of editions) {
    const source = editionSource(nb, edition);
    const key = JSON.stringify(source);
    const same = jobs.find((j) => j.key === key);
    if (same) same.editions.push(edition);
    else jobs.push({ file, editions: [edition], source, key, cut: [] });
  }
  const instructor = jobs.find((j) => j.editions.includes('instructor'));
  const student = jobs.find((j) => j.editions.length === 1 && j.editions[0] === 'student');
  if (instructor && student) {
    const apart = leakedNames(nb);
    if (apart) student.apart = apart;
    else {
      instructor.cut.push('student');
      jobs.splice(jobs.indexOf(student), 1);
    }
  }
  return jobs.map(({ key: _key, ...job }) => job);
}

export async function runWorkbook(opts: WorkbookOptions = {}): Promise<WorkbookResult> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const notebooksDir = resolve(opts.notebooksDir ?? join(PROJECT_ROOT, 'notebooks'));
  const outDir = resolve(opts.outDir ?? join(PROJECT_ROOT, 'out'));
  const editions = EDITIONS.filter((e) => (opts.editions ?? EDITIONS).includes(e));
  if (editions.length === 0) throw new Error('workbook: no edition to build');
  const all = listNotebooks(notebooksDir, { includePrivate: opts.includePrivate });
  const wanted = selectNotebooks(all, opts.only);
  const executedDir = (edition: Edition) => join(outDir, edition, 'notebooks');
  removeOldLayout(outDir);
  for (const edition of editions) removeStale(executedDir(edition), all, '.ipynb');
  const earlier = readTimings(outDir);
  const parallel = Math.max(1, opts.jobs ?? availableParallelism());
  const jobs = runOrder(
    wanted.flatMap((file) => editionJobs(file, withParameters(readNotebook(file), basename(file), opts.parameters ?? {}), editions)),
    earlier,
    parallel,
  );

  log(
    `workbook: executing ${count(wanted.length, 'notebook')} from ${shown(notebooksDir)} (tslab kernel), ` +
      `${editions.join(' and ')} edition${editions.length === 1 ? '' : 's'}, into ${shown(outDir)}`,
  );
  for (const job of jobs) if (job.apart) log(`  ${basename(job.file)}: the student edition runs on its own, as ${job.apart}`);
  const staging = mkdtempSync(join(tmpdir(), 'netlab-workbook-'));
  const executed: WorkbookResult['executed'] = [];
  const failures: NotebookExecutionError[] = [];
  let started = 0;
  const htmlDir = (edition: Edition) => join(outDir, edition, 'html');
  for (const edition of editions) if (existsSync(htmlDir(edition))) removeStale(htmlDir(edition), all, '.html');
  const early = new EarlyPages(all, htmlDir);
  // The browser that draws the SVG copies starts while the first notebooks run: they need it only when they finish.
  let rendererFailure: Error | null = null;
  const rendererReady: Promise<FigureRenderer | null> =
    jobs.length === 0
      ? Promise.resolve(null)
      : openFigureRenderer().catch((err: Error) => {
          rendererFailure = new Error(`workbook: the SVG copies of the figures cannot be drawn: ${err.message}`);
          return null;
        });
  try {
    const batch = parallel > 1 ? writeBatchKernel(join(staging, 'jupyter')) : null;
    await pool(jobs, parallel, async (job) => {
      const n = ++started;
      const built = [...job.editions, ...job.cut];
      const which = built.length === editions.length && editions.length > 1 ? 'both editions' : built.join(' and ');
      const label = `[${n}/${jobs.length}] ${basename(job.file)} (${which})`;
      if (parallel > 1) log(`  ${label} started`);
      const input = join(staging, job.editions.join('+'), basename(job.file));
      mkdirSync(join(staging, job.editions.join('+')), { recursive: true });
      writeFileSync(input, JSON.stringify(job.source, null, 1));
      const [first, ...others] = job.editions.map((e) => join(executedDir(e), basename(job.file)));
      /** Copies the executed notebook to the other editions' folders; returns each edition's copy with its path. */
      const copyToOthers = (executed: Notebook = readNotebook(first)): { edition: Edition; copy: string; nb: Notebook }[] => {
        for (const other of others) {
          mkdirSync(resolve(other, '..'), { recursive: true });
          copyFileSync(first, other);
        }
        const copies = job.editions.map((edition) => ({ edition, copy: join(executedDir(edition), basename(job.file)), nb: executed }));
        for (const edition of job.cut) {
          mkdirSync(executedDir(edition), { recursive: true });
          const copy = join(executedDir(edition), basename(job.file));
          const nb = studentCopy(executed);
          writeNotebook(copy, nb);
          copies.push({ edition, copy, nb });
        }
        return copies;
      };
      try {
        const report = await executeNotebook(input, first, {
          cwd: notebooksDir,
          cellTimeoutSeconds: opts.cellTimeoutSeconds,
          label: `${displayPath(job.file)} (${which})`,
          ...(batch ?? {}),
        });
        const renderer = await rendererReady;
        if (renderer === null) throw rendererFailure;
        const images = await addFigureImagesToFile(first, renderer, report.notebook);
        for (const { edition, copy, nb } of copyToOthers(images.notebook)) early.add(job.file, copy, nb, edition);
        executed.push({ ...report, notebook: images.notebook, editions: built });
        log(
          `  ${label} executed in ${secs(report.seconds)} (kernel start ${secs(report.kernelSeconds)}, cells ${secs(report.cellsSeconds)}); ` +
            `${count(images.figures, 'figure')} drawn to SVG in ${secs(images.seconds)}`,
        );
        const bytes = statSync(first).size;
        if (bytes > MAX_NOTEBOOK_BYTES) {
          log(`  warning: ${basename(job.file)} (${which}) executed copy is ${mb(bytes)}, over the ${mb(MAX_NOTEBOOK_BYTES)} limit`);
        }
        for (const p of problemCells(report.notebook)) {
          log(`  warning: ${basename(job.file)} (${which}) cell ${p.index} (${p.firstLine}) wrote to stderr: ${p.error.split('\n')[0]}`);
        }
      } catch (err) {
        if (!(err instanceof NotebookExecutionError)) throw err;
        if (existsSync(first)) copyToOthers();
        failures.push(err);
        log(`  ${label} FAILED (cell ${err.cellIndex ?? '?'})`);
      }
    });
  } finally {
    await (await rendererReady)?.close();
    rmSync(staging, { recursive: true, force: true });
  }
  writeTimings(outDir, earlier, executed);

  const exportStarted = process.hrtime.bigint();
  const results: EditionResult[] = editions.map((edition) => {
    const dir = join(outDir, edition);
    const pages = early.pagesOf(edition) ?? exportPages(all, executedDir(edition), htmlDir(edition), { edition });
    const indexFile = join(dir, 'index.html');
    writeFileSync(
      indexFile,
      renderIndexPage(
        pages.map((p) => indexEntry(p, dir)),
        { title: `NetLab workbook: ${editionLabel(edition).toLowerCase()}`, intro: EDITION_INTRO[edition], homeHref: '../index.html' },
      ),
    );
    return { edition, dir, pages, indexFile };
  });
  const indexFile = writeTopIndex(outDir);
  const exportSeconds = Number(process.hrtime.bigint() - exportStarted) / 1e9;
  const pageCount = results.reduce((sum, r) => sum + r.pages.length, 0);
  const rendered = editions.every((e) => early.pagesOf(e) !== null) ? ' (rendered as their notebooks finished)' : '';
  log(`workbook: exported ${count(pageCount, 'page')}${rendered}, indexes in ${secs(exportSeconds)}; index ${shown(indexFile)}`);
  for (const r of results) {
    for (const p of r.pages) {
      const breaks = p.figureRuleBreaks > 0 ? `, ${count(p.figureRuleBreaks, 'figure-rule break')}` : '';
      const minutes = p.header ? `, about ${p.header.readingMinutes} min` : '';
      log(`  ${shown(p.file)}  ${mb(p.bytes)}, ${count(p.figures, 'figure')}, ${p.words} words${minutes}${breaks}  ${p.title}`);
    }
  }

  let manifests: ManifestResult | null = null;
  let problems: string[] = [];
  if (editions.includes('instructor')) {
    manifests = writeManifests(all, executedDir('instructor'), outDir);
    log(
      `workbook: ${count(manifests.exercises.length, 'exercise')} and challenges in ${shown(manifests.exercisesFile)}, ` +
        `${count(manifests.claims.length, 'claim')} in ${shown(manifests.claimsFile)}`,
    );
    for (const gap of manifestGaps(manifests.exercises)) log(`  note: ${gap}`);
    problems = manifestFailures(manifests.exercises, manifests.claims);
  }

  if (failures.length > 0 || problems.length > 0) throw new WorkbookError(failures, problems);
  return { executed, editions: results, indexFile, manifests };
}

const EDITION_INTRO: Record<Edition, string> = {
  student:
    'The course notebooks, executed on the tslab TypeScript kernel: exercises with their checks, without solutions. Each page opens offline.',
  instructor:
    'The course notebooks with everything for the teacher: objectives, the lesson plan, common mistakes and every solution, executed and checked. Each page opens offline.',
};

const EDITION_DESCRIPTION: Record<Edition, string> = {
  student: 'Exercises with their checks and hints; no solutions.',
  instructor: 'Objectives, the lesson plan, common mistakes and every solution with its expected numbers.',
};

/** OUT/index.html: a link to each edition that has an index. */
function writeTopIndex(outDir: string): string {
  const entries = EDITIONS.filter((e) => existsSync(join(outDir, e, 'index.html'))).map((e) => ({
    href: `${e}/index.html`,
    title: editionLabel(e),
    description: EDITION_DESCRIPTION[e],
    notebooks: existsSync(join(outDir, e, 'html')) ? readdirSync(join(outDir, e, 'html')).filter((f) => f.endsWith('.html')).length : 0,
  }));
  const file = join(outDir, 'index.html');
  writeFileSync(file, renderEditionsPage(entries));
  return file;
}

/** OUT/exercises.json and OUT/claims.json from the executed instructor copies present. */
function writeManifests(notebooks: string[], executedDir: string, outDir: string): ManifestResult {
  const present = notebooks
    .map((file) => join(executedDir, basename(file)))
    .filter((copy) => existsSync(copy))
    .map((copy) => ({ name: basename(copy), nb: readNotebook(copy) }));
  const { exercises, claims } = buildManifests(present);
  const exercisesFile = join(outDir, 'exercises.json');
  const claimsFile = join(outDir, 'claims.json');
  writeFileSync(exercisesFile, manifestJson(exercises));
  writeFileSync(claimsFile, manifestJson(claims));
  return { exercisesFile, claimsFile, exercises, claims };
}

/** Pages and copies an earlier version of the runner wrote to OUT/html and OUT/notebooks. */
function removeOldLayout(outDir: string): void {
  for (const [dir, ext] of [
    [join(outDir, 'html'), '.html'],
    [join(outDir, 'notebooks'), '.ipynb'],
  ] as const) {
    if (!existsSync(dir)) continue;
    removeStale(dir, [], ext);
    if (readdirSync(dir).length === 0) rmdirSync(dir);
  }
}

function indexEntry(page: ExportedPage, outDir: string): IndexEntry {
  return {
    href: relative(outDir, page.file).split('\\').join('/'),
    title: page.title,
    file: basename(page.notebook),
    summary: page.summary,
    header: page.header,
  };
}

/**
 * The notebooks `only` names, in that order (all of them when it names none). A name is a
 * notebook's file name, with or without `.ipynb`, or the start of exactly one (`03a`).
 */
export function selectNotebooks(all: string[], only: string[] | undefined): string[] {
  if (!only || only.length === 0) return all;
  const names = all.map(notebookName);
  return only.map((wanted) => {
    const name = notebookName(wanted);
    const exact = names.indexOf(name);
    if (exact >= 0) return all[exact];
    const starting = all.filter((_, i) => names[i].startsWith(name));
    if (starting.length === 1) return starting[0];
    if (starting.length > 1) throw new Error(`workbook: ${wanted} is the start of ${starting.length} notebooks (${starting.map(notebookName).join(', ')}); give more of the name`);
    throw new Error(`workbook: no notebook named ${wanted}; have: ${names.join(', ') || 'none'}`);
  });
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
  const assignments: string[] = [];
  const value = (i: number, flag: string): string => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new Error(`workbook: ${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--include-private') opts.includePrivate = true;
    else if (arg === '--jobs') opts.jobs = positiveInt(value(i++, arg), arg);
    else if (arg === '--edition') opts.editions = parseEditions(value(i++, arg));
    else if (arg === '--timeout') opts.cellTimeoutSeconds = positiveInt(value(i++, arg), arg);
    else if (arg === '--notebooks') opts.notebooksDir = value(i++, arg);
    else if (arg === '--out') opts.outDir = value(i++, arg);
    else if (arg === '--only') opts.only!.push(...value(i++, arg).split(',').filter((n) => n !== ''));
    else if (arg === '--set') assignments.push(value(i++, arg));
    else if (arg === '-h' || arg === '--help') {
      console.log(HELP);
      process.exit(0);
    } else if (arg.startsWith('-')) throw new Error(`workbook: unknown option ${arg}\n${HELP}`);
    else opts.only!.push(arg);
  }
  if (assignments.length > 0) opts.parameters = parseAssignments(assignments);
  return opts;
}

function positiveInt(v: string, flag: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`workbook: ${flag} must be a positive integer; got ${v}`);
  return n;
}

const HELP = `usage: tsx scripts/workbook.ts [--edition student|instructor|both] [--include-private] [--jobs N] [--timeout S] [--notebooks DIR] [--out DIR] [--only NAME[,NAME]] [--set KEY=VALUE ...] [name ...]`;

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
