/**
 * Every notebook in notebooks/ (names starting with `_` are scratch and left out),
 * plus the pipeline fixture in test/workbook/fixtures/, is executed TWICE under the
 * real tslab kernel through Jupyter. Each must run without errors or stderr output,
 * give identical outputs both times, keep no progress text, and export to a page on
 * which headless Chromium draws every figure, with no console error and no request
 * leaving the machine. A screenshot of each page is left in the temp folder
 * (netlab-<notebook>.png) for a human to look at.
 *
 * The committed notebooks must also be saved without outputs.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { basename, dirname, join } from 'path';
import { executeNotebook, PROJECT_ROOT, type ExecutionReport } from '../../scripts/execute';
import { countFigures, listNotebooks, notebookName, problemCells, readNotebook, text } from '../../scripts/notebook';
import { exportPages } from '../../scripts/workbook';
import { launchBrowser, openFile, waitForFigures, type Browser } from './browser';
import { firstOutputDifference } from './compare';

const COURSE = listNotebooks(join(PROJECT_ROOT, 'notebooks'));
const FIXTURE = join(__dirname, 'fixtures', 'pipeline.ipynb');
const PROGRESS_TEXT = /<progress|\d+% \(\d+ of \d+\)/;

describe('workbook: committed notebooks', () => {
  for (const file of COURSE) {
    it(`${basename(file)} is saved without outputs, for the tslab kernel`, () => {
      const nb = readNotebook(file);
      const kernel = (nb.metadata.kernelspec as { name?: string } | undefined)?.name;
      assert.equal(kernel, 'tslab', 'metadata.kernelspec.name must be "tslab"');
      nb.cells.forEach((cell, i) => {
        if (cell.cell_type !== 'code') return;
        assert.deepEqual(cell.outputs ?? [], [], `cell ${i} has saved outputs; clear them before committing`);
        assert.equal(cell.execution_count ?? null, null, `cell ${i} has a saved execution count`);
      });
    });
  }
});

describe('workbook: notebooks execute twice under tslab, identically, and render offline', function () {
  this.timeout(30 * 60_000);
  const tmp = mkdtempSync(join(tmpdir(), 'netlab-workbook-test-'));
  let browser: Browser | null = null;

  before(async () => {
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  for (const file of [...COURSE, FIXTURE]) {
    const name = notebookName(file);
    describe(file === FIXTURE ? `${name} (fixture)` : basename(file), () => {
      let first: ExecutionReport;
      let second: ExecutionReport;

      before(async () => {
        // Both runs at once: a notebook must not depend on timing or on another kernel.
        [first, second] = await Promise.all(
          [1, 2].map((run) => executeNotebook(file, join(tmp, `run${run}`, basename(file)), { cwd: dirname(file) })),
        );
      });

      it('runs without error outputs or stderr text', () => {
        for (const report of [first, second]) {
          const problems = problemCells(report.notebook);
          assert.deepEqual(problems, [], `cells with errors or stderr output:\n${JSON.stringify(problems, null, 2)}`);
        }
      });

      it('gives identical outputs on both runs', () => {
        const difference = firstOutputDifference(first.notebook, second.notebook);
        assert.equal(difference, null, `the two runs differ at ${difference}`);
      });

      it('keeps no progress text in its saved outputs', () => {
        first.notebook.cells.forEach((cell, i) => {
          const saved = JSON.stringify(cell.outputs ?? []);
          assert.doesNotMatch(saved, PROGRESS_TEXT, `cell ${i} (${text(cell.source).split('\n')[0]}) kept progress text`);
        });
      });

      it('exports a page where Chromium draws every figure, offline and without console errors', async () => {
        const [page] = exportPages([file], join(tmp, 'run1'), join(tmp, 'html', name));
        const expected = countFigures(first.notebook);
        assert.equal(page.figures, expected, 'figures on the page vs plotly outputs in the notebook');
        const before = browser!.offMachine.length;
        const visit = await openFile(browser!, page.file);
        try {
          const drawn = await waitForFigures(visit.page, expected);
          assert.equal(drawn, expected, `plotly drew ${drawn} of the notebook's ${expected} figures`);
          await visit.page.screenshot({ path: join(tmpdir(), `netlab-${name}.png`), fullPage: true });
          assert.deepEqual(visit.errors, [], 'console errors on the page');
          assert.deepEqual(browser!.offMachine.slice(before), [], 'requests that would leave the machine');
        } finally {
          await visit.page.close();
        }
      });
    });
  }
});
