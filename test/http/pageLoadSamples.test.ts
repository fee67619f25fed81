import { strict as assert } from 'node:assert';
import { pageLoadSamples, pageLoadTable, type PageLoadOptions } from '../../lib/http';

const screen: PageLoadOptions = { protocol: 'http2', objects: [2_000, 8_000], path: { rttMs: 60, lossRate: 0.05 } };
const tables = pageLoadTable({ configurations: { a: screen, b: { ...screen, protocol: 'http3' } }, runs: 4, seed: 3 });

describe('pageLoadSamples', () => {
  it('groups a page column by configuration, in run order', () => {
    const times = pageLoadSamples(tables, { column: 'totalMs' });
    assert.deepEqual([...times.keys()], ['a', 'b']);
    const pages = tables.pages.objects() as { configuration: string; run: number; totalMs: number }[];
    for (const name of ['a', 'b']) {
      assert.deepEqual(times.get(name), pages.filter((p) => p.configuration === name).sort((x, y) => x.run - y.run).map((p) => p.totalMs));
    }
  });

  it('reads object rows when asked: one value per object of every run', () => {
    const held = pageLoadSamples(tables, { column: 'blockedMs', rows: 'objects' });
    assert.equal(held.get('a')!.length, 4 * 2);
    assert.ok(held.get('b')!.every((h) => h === 0), 'HTTP/3 holds nothing back');
  });

  it('refuses what it cannot read, by name', () => {
    assert.throws(() => pageLoadSamples(tables, { column: 'totalms' }), /column "totalms" is not a column of tables\.pages/);
    assert.throws(() => pageLoadSamples(tables, { column: 'protocol' }), RangeError);
    assert.throws(() => pageLoadSamples(tables, { column: 'totalMs', rows: 'page' as never }), /rows/);
    assert.throws(() => pageLoadSamples(tables, { colum: 'totalMs' } as never), /did you mean "column"/);
    assert.throws(() => pageLoadSamples({} as never, { column: 'totalMs' }), /tables\.pages must be the arquero table/);
    const pagesOnly = pageLoadTable({ configurations: { a: screen }, runs: 1, seed: 1, perObject: false });
    assert.throws(() => pageLoadSamples(pagesOnly, { column: 'endMs', rows: 'objects' }), /perObject: true/);
  });
});
