/** The workbook starts the slowest notebooks first, by the times its last run kept. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { readTimings, slowestFirst, timingsFile, writeTimings } from '../../scripts/runOrder';

describe('workbook: run order', () => {
  let out: string;
  beforeEach(() => {
    out = mkdtempSync(join(tmpdir(), 'netlab-order-'));
  });
  afterEach(() => rmSync(out, { recursive: true, force: true }));

  it('starts notebooks without a time first, then the slowest, keeping the listing order on ties', () => {
    const jobs = ['a.ipynb', 'b.ipynb', 'c.ipynb', 'd.ipynb', 'e.ipynb'].map((f) => ({ file: join('notebooks', f) }));
    const order = slowestFirst(jobs, { 'a.ipynb': 3, 'b.ipynb': 9, 'd.ipynb': 3, 'e.ipynb': 4.5 });
    assert.deepEqual(order.map((j) => j.file), ['c.ipynb', 'b.ipynb', 'e.ipynb', 'a.ipynb', 'd.ipynb'].map((f) => join('notebooks', f)));
    assert.deepEqual(slowestFirst(jobs, {}), jobs);
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
