/** The workbook starts the quickest notebooks first, one per slot, then the slowest, by the times its last run kept. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, sep } from 'path';
import { readTimings, runOrder, timingsFile, writeTimings } from '../../scripts/runOrder';

describe('workbook: run order', () => {
  let out: string;
  beforeEach(() => {
    out = mkdtempSync(join(tmpdir(), 'netlab-order-'));
  });
  afterEach(() => rmSync(out, { recursive: true, force: true }));

  const jobs = ['a.ipynb', 'b.ipynb', 'c.ipynb', 'd.ipynb', 'e.ipynb', 'f.ipynb'].map((f) => ({ file: join('notebooks', f) }));
  const names = (order: { file: string }[]) => order.map((j) => j.file.replace(`notebooks${sep}`, ''));
  const timings = { 'a.ipynb': 3, 'b.ipynb': 9, 'd.ipynb': 3.5, 'e.ipynb': 4.5, 'f.ipynb': 2 };

  it('starts notebooks without a time first, then the quickest one per slot, then the rest slowest first', () => {
    assert.deepEqual(names(runOrder(jobs, timings, 2)), ['c.ipynb', 'f.ipynb', 'a.ipynb', 'b.ipynb', 'e.ipynb', 'd.ipynb']);
    assert.deepEqual(names(runOrder(jobs, timings, 3)), ['c.ipynb', 'f.ipynb', 'a.ipynb', 'd.ipynb', 'b.ipynb', 'e.ipynb']);
  });

  it('one at a time, starts the slowest first; ties keep the listing order; with no times, the listing order', () => {
    assert.deepEqual(names(runOrder(jobs, { ...timings, 'a.ipynb': 3.5 }, 1)), ['c.ipynb', 'b.ipynb', 'e.ipynb', 'a.ipynb', 'd.ipynb', 'f.ipynb']);
    assert.deepEqual(runOrder(jobs, {}, 2), jobs);
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
