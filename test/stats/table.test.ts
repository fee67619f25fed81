import assert from 'node:assert/strict';
import { LogHistogram, summarize, summaryTable, toTable } from '../../lib/stats';

describe('stats/table', () => {
  it('builds a table from row objects (missing cells are undefined)', () => {
    const t = toTable([
      { request: 0, latencyMs: 12.5, server: 'a' },
      { request: 1, latencyMs: 40, server: 'b' },
      { request: 2, latencyMs: 7, server: 'a', retried: true },
    ]);
    assert.equal(t.numRows(), 3);
    assert.equal(t.numCols(), 4);
    assert.deepEqual(t.columnNames(), ['request', 'latencyMs', 'server', 'retried']);
    assert.deepEqual(t.array('retried'), [undefined, undefined, true]);
  });

  it('keeps typed-array columns typed', () => {
    const latencyMs = Float64Array.from([1.5, 2.5, 3.5]);
    const server = Int32Array.from([0, 1, 0]);
    const t = toTable({ latencyMs, server, label: ['x', 'y', 'z'] });
    assert.equal(t.numRows(), 3);
    assert.equal(t.numCols(), 3);
    assert.ok(t.column('latencyMs') instanceof Float64Array);
    assert.ok(t.column('server') instanceof Int32Array);
    assert.equal(t.get('latencyMs', 2), 3.5);
  });

  it('takes column names that are also Object.prototype members', () => {
    const t = toTable([{ constructor: 1, toString: 'a' }, { constructor: 2 }]);
    assert.deepEqual(t.columnNames(), ['constructor', 'toString']);
    assert.deepEqual(t.array('constructor'), [1, 2]);
  });

  it('accepts an empty array as an empty table', () => {
    assert.equal(toTable([]).numRows(), 0);
  });

  it('summaryTable has one row per configuration with raw Summary numbers', () => {
    const a = [1, 2, 3, 4, 100];
    const b = Float64Array.from([5, 6, 7]);
    const t = summaryTable({ 'http1.1': a, http2: b, sketch: new LogHistogram().addAll(a) });
    assert.equal(t.numRows(), 3);
    assert.deepEqual(t.columnNames(), ['name', 'count', 'mean', 'min', 'p50', 'p90', 'p99', 'p999', 'max']);
    assert.ok(t.column('p99') instanceof Float64Array);
    assert.deepEqual(t.objects()[0], { name: 'http1.1', ...summarize(a) });
    assert.equal(t.get('count', 2), 5);
  });
});
