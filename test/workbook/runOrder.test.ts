/** The workbook starts the quickest notebooks first, one per slot, then the slowest, by the times its last run kept (or, before any, by code length). */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, sep } from 'path';
import type { Notebook } from '../../scripts/notebook';
import { codeLength, readTimings, runOrder, timingsFile, writeTimings } from '../../scripts/runOrder';

describe('workbook: run order', () => {
  let out: string;
  beforeEach(() => {
    out = mkdtempSync(join(tmpdir(), 'netlab-order-'));
  });
  afterEach(() => rmSync(out, { recursive: true, force: true }));

  /** A notebook with one markdown cell and code cells of the given lengths. */
  const notebook = (...code: number[]): Notebook => ({
    cells: [{ cell_type: 'markdown', source: ['# A long title that is not code'], metadata: {} }, ...code.map((n) => ({ cell_type: 'code' as const, source: ['x'.repeat(n - 1), ';'], metadata: {}, outputs: [], execution_count: null }))],
    metadata: {}, nbformat: 4, nbformat_minor: 5,
  });
  const lengths = [40, 70, 10, 30, 56, 20];
  const jobs = ['a.ipynb', 'b.ipynb', 'c.ipynb', 'd.ipynb', 'e.ipynb', 'f.ipynb'].map((f, i) => ({ file: join('notebooks', f), source: notebook(lengths[i] / 2, lengths[i] / 2) }));
  const names = (order: { file: string }[]) => order.map((j) => j.file.replace(`notebooks${sep}`, ''));
  const timings = { 'a.ipynb': 3, 'b.ipynb': 9, 'd.ipynb': 3.5, 'e.ipynb': 4.5, 'f.ipynb': 2 };

  it('starts notebooks without a time first, then the quickest one per slot, then the rest slowest first', () => {
    assert.deepEqual(names(runOrder(jobs, timings, 2)), ['c.ipynb', 'f.ipynb', 'a.ipynb', 'b.ipynb', 'e.ipynb', 'd.ipynb']);
    assert.deepEqual(names(runOrder(jobs, timings, 3)), ['c.ipynb', 'f.ipynb', 'a.ipynb', 'd.ipynb', 'b.ipynb', 'e.ipynb']);
  });

  it('one at a time, starts the slowest first; ties keep the listing order', () => {
    assert.deepEqual(names(runOrder(jobs, { ...timings, 'a.ipynb': 3.5 }, 1)), ['c.ipynb', 'b.ipynb', 'e.ipynb', 'a.ipynb', 'd.ipynb', 'f.ipynb']);
  });

  it('before any run has kept times, takes the length of each notebook\'s code for its time', () => {
    assert.deepEqual(jobs.map((j) => codeLength(j.source)), lengths);
    assert.deepEqual(names(runOrder(jobs, {}, 2)), ['c.ipynb', 'f.ipynb', 'b.ipynb', 'e.ipynb', 'a.ipynb', 'd.ipynb']);
    assert.deepEqual(names(runOrder(jobs, { 'old.ipynb': 5 }, 1)), ['b.ipynb', 'e.ipynb', 'a.ipynb', 'd.ipynb', 'f.ipynb', 'c.ipynb']);
  });

  it('keeps this run\'s times beside the earlier ones, and reads them back', () => {
    assert.deepEqual(readTimings(out), {});
    writeTimings(out, { 'old.ipynb': 7, 'a.ipynb': 1 }, [{ input: '/tmp/staging/instructor/a.ipynb', seconds: 12.345 }]);
    assert.deepEqual(readTimings(out), { 'a.ipynb': 12.3, 'old.ipynb': 7 });
  });

  it('ignores a timings file that is not a map of times', () => {
    for (const text of ['not json', '[1, 2]', 'null', '{"a.ipynb": "slow", "b.ipynb": 2}']) {
      writeFileSync(timingsFile(out), text);
      assert.deepEqual(readTimings(out), text.startsWith('{') ? { 'b.ipynb': 2 } : {});
    }
  });
});
