/**
 * Every notebook in notebooks/ (names starting with `_` are scratch and left out),
 * plus the fixtures in test/workbook/fixtures/ (pipeline: figures and progress;
 * teaching: a solution, an instructor cell, claims and exercises), is executed under
 * the real tslab kernel through Jupyter, and each executed copy gets its figures'
 * SVG copies as the workbook adds them (scripts/figureImages.ts):
 *  - the instructor edition (every cell) TWICE, at the same time: it must run without
 *    errors or stderr output, give identical outputs both times (SVG copies
 *    included, byte for byte), carry an SVG copy and the no-script hint with every
 *    figure and stay within 6 MB as written, keep no progress
 *    text, hold every claim and pass every solution's own check, and export to a page
 *    on which headless Chromium draws every figure, with no console error and no
 *    request leaving the machine (a screenshot is left in the temp folder as
 *    netlab-<notebook>.png for a human to look at);
 *  - the student edition, when it differs (the notebook has solution or instructor
 *    cells), once beside them: it must run without errors (no check cell may depend
 *    on a solution), be the very notebook the workbook cuts from the instructor run
 *    (scripts/studentCopy.ts), and neither its executed copy nor its page may hold an
 *    instructor-only cell or a solution's check.
 *
 * The committed notebooks must also be saved without outputs, and their student
 * edition's source must hold no cell tagged solution or instructor.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { basename, dirname, join } from 'path';
import { editionSource, instructorOnlyCells, type Edition } from '../../scripts/editions';
import { executeNotebook, PROJECT_ROOT, type ExecutionReport } from '../../scripts/execute';
import { KERNEL_DISPLAY_NAME, KERNEL_NAME } from '../../scripts/jupyterSetup';
import { addFigureImagesToFile, figuresWithoutImage, MAX_NOTEBOOK_BYTES, openFigureRenderer, plotlyOutputs, type FigureRenderer } from '../../scripts/figureImages';
import { FIGURE_HINT } from '../../lib/plot/output/show';
import { buildManifests, exerciseReports, manifestFailures } from '../../scripts/manifests';
import { countFigures, listNotebooks, notebookName, problemCells, readNotebook, text, type Notebook } from '../../scripts/notebook';
import { exportPages } from '../../scripts/exportPages';
import { CHROMIUM, launchBrowser, openFile, storyLayout, waitForFigures, type Browser } from './browser';
import { partMetadata } from '../../scripts/partHeader';
import { figureRuleBreaks, markdownWords, MAX_MARKDOWN_WORDS } from '../../scripts/readability';
import { firstOutputDifference } from './compare';
import { tailClaimsWithoutReplications } from '../../scripts/claimRules';
import { withParameters } from '../../scripts/parameters';
import { leakedNames, studentCopy } from '../../scripts/studentCopy';

const COURSE = listNotebooks(join(PROJECT_ROOT, 'notebooks'));
const PIPELINE = join(__dirname, 'fixtures', 'pipeline.ipynb');
const TEACHING = join(__dirname, 'fixtures', 'teaching.ipynb');
const FIXTURES = [PIPELINE, TEACHING];
const PROGRESS_TEXT = /<progress|\d+% \(\d+ of \d+\)/;
/** A string only the teaching fixture's instructor-only cells contain. */
const INSTRUCTOR_MARKER = '4c1d';
/** A second seed every course notebook runs at: its claims must not rest on the default one. */
const OTHER_SEED = 2024;

describe('workbook: committed notebooks', () => {
  for (const file of COURSE) {
    it(`${basename(file)} is saved without outputs, for NetLab's kernel (${KERNEL_NAME})`, () => {
      const nb = readNotebook(file);
      const spec = nb.metadata.kernelspec as { name?: string; display_name?: string } | undefined;
      assert.equal(spec?.name, KERNEL_NAME, `metadata.kernelspec.name must be "${KERNEL_NAME}"`);
      assert.equal(spec?.display_name, KERNEL_DISPLAY_NAME, `metadata.kernelspec.display_name must be "${KERNEL_DISPLAY_NAME}"`);
      nb.cells.forEach((cell, i) => {
        if (cell.cell_type !== 'code') return;
        assert.deepEqual(cell.outputs ?? [], [], `cell ${i} has saved outputs; clear them before committing`);
        assert.equal(cell.execution_count ?? null, null, `cell ${i} has a saved execution count`);
      });
    });
  }

  for (const file of COURSE) {
    it(`${basename(file)} is one sitting: at most ${MAX_MARKDOWN_WORDS} words of prose, a part header, a label on every code cell`, () => {
      const nb = readNotebook(file);
      const words = markdownWords(nb);
      assert.ok(words <= MAX_MARKDOWN_WORDS, `${words} words of markdown; split the notebook or trim it to ${MAX_MARKDOWN_WORDS}`);
      const meta = partMetadata(nb, basename(file));
      assert.ok(meta, 'metadata.netlab { question, outcomes, buildsOn } is missing');
      assert.ok(meta.outcomes.length >= 2, 'name at least two outcomes');
      const names = new Set(COURSE.map((f) => basename(f)));
      for (const prior of meta.buildsOn) assert.ok(names.has(prior) && prior < basename(file), `buildsOn names ${prior}, not an earlier notebook`);
      nb.cells.forEach((cell, i) => {
        if (cell.cell_type !== 'code' || text(cell.source).trim() === '') return;
        const first = text(cell.source).split('\n', 1)[0];
        assert.match(first, /^\/\/ \S.{0,78}$/, `code cell ${i} does not open with a one-line // label of what it computes`);
      });
    });
  }

  for (const file of [...COURSE, ...FIXTURES]) {
    it(`${basename(file)}: the student edition holds no solution or instructor cell`, () => {
      const nb = readNotebook(file);
      const student = editionSource(nb, 'student');
      assert.deepEqual(instructorOnlyCells(student), []);
      assert.equal(student.cells.length, nb.cells.length - instructorOnlyCells(nb).length);
    });
  }
});

/**
 * Writes the edition's source beside the runs, executes it with the notebook's folder
 * as working directory and adds the SVG copies of its figures, as the workbook does.
 */
async function executeEdition(file: string, source: Notebook, edition: Edition, output: string, tmp: string, renderer: () => FigureRenderer): Promise<ExecutionReport> {
  const input = join(tmp, 'source', edition, basename(file));
  mkdirSync(dirname(input), { recursive: true });
  writeFileSync(input, JSON.stringify(source));
  const report = await executeNotebook(input, output, { cwd: dirname(file), label: `${file} (${edition} edition)` });
  return { ...report, notebook: (await addFigureImagesToFile(output, renderer())).notebook };
}

describe('workbook: notebooks execute under tslab (instructor edition twice, identically; student edition apart) and render offline', function () {
  this.timeout(30 * 60_000);
  const tmp = mkdtempSync(join(tmpdir(), 'netlab-workbook-test-'));
  let browser: Browser | null = null;
  let renderer: FigureRenderer | null = null;

  before(async () => {
    browser = await launchBrowser();
    renderer = await openFigureRenderer({ chromium: CHROMIUM });
  });

  after(async () => {
    await browser?.close();
    await renderer?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  /** Opens an exported page in Chromium: every figure drawn, no console error, nothing leaving the machine. */
  async function checkPage(pageFile: string, expected: number, screenshot: string | null, storyFirst = false): Promise<void> {
    const before = browser!.offMachine.length;
    const visit = await openFile(browser!, pageFile);
    try {
      const drawn = await waitForFigures(visit.page, expected);
      assert.equal(drawn, expected, `plotly drew ${drawn} of the notebook's ${expected} figures`);
      const layout = await storyLayout(visit.page);
      assert.equal(layout.openCode, 0, 'code shown outside a closed <details>');
      if (storyFirst) assert.deepEqual([layout.header, layout.toc], [true, true], 'the part header and the table of contents');
      if (screenshot) await visit.page.screenshot({ path: screenshot, fullPage: true });
      assert.deepEqual(visit.errors, [], 'console errors on the page');
      assert.deepEqual(browser!.offMachine.slice(before), [], 'requests that would leave the machine');
    } finally {
      await visit.page.close();
    }
  }

  for (const file of [...COURSE, ...FIXTURES]) {
    const name = notebookName(file);
    const source = readNotebook(file);
    const instructorSource = editionSource(source, 'instructor');
    const studentSource = editionSource(source, 'student');
    const studentDiffers = JSON.stringify(studentSource) !== JSON.stringify(instructorSource);

    describe(FIXTURES.includes(file) ? `${name} (fixture)` : basename(file), () => {
      let first: ExecutionReport;
      let second: ExecutionReport;
      let student: ExecutionReport | null = null;
      let otherSeed: ExecutionReport | null = null;
      /** The claims and exercises of one executed copy. */
      const manifestsOf = (report: ExecutionReport) => buildManifests([{ name: basename(file), nb: report.notebook }]);

      before(async () => {
        // All runs at once: a notebook must not depend on timing or on another kernel.
        const runs = [1, 2].map((run) => executeEdition(file, instructorSource, 'instructor', join(tmp, `run${run}`, basename(file)), tmp, () => renderer!));
        const studentRun = studentDiffers ? executeEdition(file, studentSource, 'student', join(tmp, 'student', basename(file)), tmp, () => renderer!) : null;
        [first, second, student] = await Promise.all([runs[0], runs[1], studentRun]);
        // The other seed afterwards: a fourth kernel at once would crowd two cores.
        otherSeed = FIXTURES.includes(file) ? null
          : await executeEdition(file, withParameters(instructorSource, file, { SEED: OTHER_SEED }), 'instructor', join(tmp, 'other-seed', basename(file)), join(tmp, 'other-seed'), () => renderer!);
      });

      it('runs without error outputs or stderr text', () => {
        for (const report of [first, second, ...(student ? [student] : [])]) {
          const problems = problemCells(report.notebook);
          assert.deepEqual(problems, [], `cells with errors or stderr output:\n${JSON.stringify(problems, null, 2)}`);
        }
      });

      it('gives identical outputs on both runs', () => {
        const difference = firstOutputDifference(first.notebook, second.notebook);
        assert.equal(difference, null, `the two runs differ at ${difference}`);
      });

      it(`carries an SVG copy and the no-script hint with every figure, and is at most ${MAX_NOTEBOOK_BYTES / 1e6} MB as written`, () => {
        for (const report of [first, ...(student ? [student] : [])]) {
          assert.deepEqual(figuresWithoutImage(report.notebook), [], 'plotly outputs without an image/svg+xml copy');
          for (const { cell, output, out } of plotlyOutputs(report.notebook)) {
            assert.ok(text(out.data['text/html'] as string | string[]).includes(FIGURE_HINT.replace(/'/g, '&#39;')), `cell ${cell}, output ${output}: no hint in its HTML`);
          }
          const bytes = statSync(report.output).size;
          assert.ok(bytes <= MAX_NOTEBOOK_BYTES, `the executed copy is ${(bytes / 1e6).toFixed(2)} MB, over ${MAX_NOTEBOOK_BYTES / 1e6} MB`);
        }
      });

      it('keeps no progress text in its saved outputs', () => {
        first.notebook.cells.forEach((cell, i) => {
          const saved = JSON.stringify(cell.outputs ?? []);
          assert.doesNotMatch(saved, PROGRESS_TEXT, `cell ${i} (${text(cell.source).split('\n')[0]}) kept progress text`);
        });
      });

      // The pipeline fixture shows hand-written plotly JSON on purpose; course figures come from the builders.
      if (!FIXTURES.includes(file)) it('draws every figure by the figure rules', () => {
        const breaks = figureRuleBreaks(first.notebook);
        assert.deepEqual(breaks.map((b) => `cell ${b.cell}: [${b.rule}] ${b.message}`), []);
      });

      it('holds every claim, and every solution passes its own check', () => {
        const { exercises, claims } = manifestsOf(first);
        assert.deepEqual(manifestFailures(exercises, claims), []);
      });

      if (!FIXTURES.includes(file)) {
        it('quotes every tail with its interval over replications', () => {
          assert.deepEqual(tailClaimsWithoutReplications(manifestsOf(first).claims), []);
        });

        it(`holds every claim and passes every check at SEED = ${OTHER_SEED} too`, () => {
          assert.deepEqual(problemCells(otherSeed!.notebook), [], 'cells with errors or stderr output');
          const { exercises, claims } = manifestsOf(otherSeed!);
          assert.deepEqual(manifestFailures(exercises, claims), []);
        });
      }

      it('exports a page where Chromium draws every figure, offline and without console errors', async () => {
        const [page] = exportPages([file], join(tmp, 'run1'), join(tmp, 'html', 'instructor', name), { edition: 'instructor' });
        const expected = countFigures(first.notebook);
        assert.equal(page.figures, expected, 'figures on the page vs plotly outputs in the notebook');
        await checkPage(page.file, expected, join(tmpdir(), `netlab-${name}.png`), !FIXTURES.includes(file));
      });

      if (studentDiffers) {
        it('has a student edition the workbook can cut from the instructor run: a run of it gives the same notebook', () => {
          assert.equal(leakedNames(source), null);
          const cut = studentCopy(first.notebook);
          const difference = firstOutputDifference(cut, student!.notebook);
          assert.equal(difference, null, `the student run and the copy cut from the instructor run differ at ${difference}`);
          assert.equal(JSON.stringify(cut), JSON.stringify(readNotebook(student!.output)), 'the notebooks differ outside the outputs');
        });

        it('has a student edition with no instructor-only cell or solution check, in its notebook or on its page', async () => {
          const executed = student!.notebook;
          assert.deepEqual(instructorOnlyCells(executed), []);
          const hidden = new Set(instructorOnlyCells(source).map(({ index }) => text(source.cells[index].source)));
          executed.cells.forEach((cell, i) => assert.ok(!hidden.has(text(cell.source)), `cell ${i} is an instructor-only cell`));
          assert.deepEqual(exerciseReports(executed, name).filter((r) => r.solution), [], 'solution checks in the student edition');
          const [page] = exportPages([file], join(tmp, 'student'), join(tmp, 'html', 'student', name), { edition: 'student' });
          const html = readFileSync(page.file, 'utf8');
          assert.doesNotMatch(html.slice(html.indexOf('<body>')), /class="badge|instructor-only/, 'instructor badges on the student page');
          await checkPage(page.file, countFigures(executed), null);
        });
      }

      if (file === TEACHING) {
        it('writes the manifests the contract describes', () => {
          const { exercises, claims } = manifestsOf(first);
          assert.deepEqual(claims, [
            { notebook: 'teaching.ipynb', text: 'A request over a new connection takes 40 ms', passed: true },
            { notebook: 'teaching.ipynb', text: 'The load 0.8 is below capacity', passed: true },
          ]);
          assert.deepEqual(exercises, [
            { notebook: 'teaching.ipynb', id: 'round-trips', title: 'Round trips', kind: 'exercise', checked: true, solution: true, solutionPassed: true },
            { notebook: 'teaching.ipynb', id: 'stable-queue', title: 'A stable queue', kind: 'challenge', checked: true, solution: false, solutionPassed: false },
          ]);
        });

        it('shows its solution and instructor cells, with their outputs, only in the instructor edition', () => {
          const instructorPage = readFileSync(join(tmp, 'html', 'instructor', name, `${name}.html`), 'utf8');
          const studentPage = readFileSync(join(tmp, 'html', 'student', name, `${name}.html`), 'utf8');
          for (const marker of ['instructor-only-marker', 'solution-source-marker', 'solution-output-marker', 'solution-text-marker']) {
            const found = `${marker}-${INSTRUCTOR_MARKER}`;
            assert.ok(JSON.stringify(first.notebook).includes(found), `${found} in the instructor notebook`);
            assert.ok(instructorPage.includes(found), `${found} on the instructor page`);
          }
          assert.ok(!JSON.stringify(student!.notebook).includes(INSTRUCTOR_MARKER), 'instructor-only text in the student notebook');
          assert.ok(!studentPage.includes(INSTRUCTOR_MARKER), 'instructor-only text on the student page');
          assert.equal(instructorPage.match(/<span class="badge solution">Solution<\/span>/g)?.length, 2);
          assert.equal(instructorPage.match(/<span class="badge instructor">Instructor<\/span>/g)?.length, 1);
          // The checks stay in the student edition: the unanswered exercise and the challenge.
          assert.deepEqual(exerciseReports(student!.notebook, name).map((r) => [r.id, r.answered, r.correct]), [
            ['round-trips', false, null],
            ['stable-queue', true, true],
          ]);
        });
      }
    });
  }
});
