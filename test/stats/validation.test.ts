import assert from 'node:assert/strict';
import {
  binEdges, ccdf, ecdf, histogram, LogHistogram, percentileInterval, quantiles, summarize, summaryTable, toTable,
} from '../../lib/stats';
import { quantileSorted } from '../../lib/stats/quantile';

/** Asserts that `fn` throws an error of `type` whose message matches `names`. */
function rejects(fn: () => unknown, type: typeof TypeError | typeof RangeError, names: RegExp): void {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof type, `expected ${type.name}, got ${String(err)}`);
    assert.match((err as Error).message, names);
    return true;
  });
}

describe('stats: bad inputs throw errors that name the option', () => {
  const v = [1, 2, 3];
  const bad = (r: unknown) => r as never;

  it('values', () => {
    rejects(() => summarize([]), RangeError, /values/);
    rejects(() => summarize([1, NaN]), RangeError, /values.*element 1/);
    rejects(() => summarize([1, Infinity]), RangeError, /values/);
    rejects(() => summarize(bad('1,2,3')), TypeError, /values/);
    rejects(() => ecdf([]), RangeError, /values/);
    rejects(() => histogram(bad(null)), TypeError, /values/);
    rejects(() => quantiles([], [0.5]), RangeError, /values/);
  });

  it('p', () => {
    rejects(() => quantileSorted(v, 1.5), RangeError, /p/);
    rejects(() => quantileSorted([], 0.5), RangeError, /sorted/);
    rejects(() => quantiles(v, [0.5, -0.1]), RangeError, /ps/);
    rejects(() => percentileInterval(v, 1), RangeError, /percentileInterval p/);
  });

  it('bins, scale, min, max', () => {
    rejects(() => histogram(v, { bins: 0 }), RangeError, /bins/);
    rejects(() => histogram(v, { bins: 2.5 }), RangeError, /bins/);
    rejects(() => histogram(v, { bins: bad('10') }), TypeError, /bins/);
    rejects(() => histogram(v, { scale: bad('cubic') }), RangeError, /scale/);
    rejects(() => histogram([0, 1, 2], { scale: 'log' }), RangeError, /min.*> 0.*log/);
    rejects(() => histogram(v, { scale: 'log', min: -1, max: 10 }), RangeError, /min/);
    rejects(() => histogram(v, { min: 5, max: 1 }), RangeError, /max/);
    rejects(() => histogram(v, bad(7)), TypeError, /histogram/);
  });

  it('edges', () => {
    rejects(() => histogram(v, { edges: [1, 3, 2] }), RangeError, /histogram edges.*ascending.*element 2/);
    rejects(() => histogram(v, { edges: [1] }), RangeError, /histogram edges.*at least 2/);
    rejects(() => histogram(v, { edges: [1, NaN] }), RangeError, /histogram edges.*element 1/);
    rejects(() => histogram(v, { edges: bad('0,1') }), TypeError, /histogram edges/);
    rejects(() => histogram(v, { edges: [0, 1], bins: 3 }), RangeError, /histogram edges.*bins/);
    rejects(() => histogram(v, { edges: [0, 1], scale: 'log' }), RangeError, /histogram edges.*scale/);
  });

  it('binEdges samples and options', () => {
    rejects(() => binEdges(bad([1, 2])), TypeError, /binEdges samples\[0\]/);
    rejects(() => binEdges([]), RangeError, /binEdges samples/);
    rejects(() => binEdges(bad(null)), TypeError, /binEdges samples/);
    rejects(() => binEdges([[1], [2, Infinity]]), RangeError, /binEdges samples\[1\].*element 1/);
    rejects(() => binEdges([v], { bins: 0 }), RangeError, /binEdges bins/);
    rejects(() => binEdges([[0, 1]], { scale: 'log' }), RangeError, /binEdges min.*> 0.*log/);
    rejects(() => binEdges([v], bad('log')), TypeError, /binEdges/);
  });

  it('maxPoints and inclusive', () => {
    rejects(() => ecdf(v, { maxPoints: 1 }), RangeError, /maxPoints/);
    rejects(() => ccdf(v, { maxPoints: 10.5 }), RangeError, /maxPoints/);
    rejects(() => ccdf(v, { inclusive: bad('yes') }), TypeError, /ccdf inclusive.*true or false.*"yes"/);
  });

  it('relativeError, minValue and LogHistogram misuse', () => {
    rejects(() => new LogHistogram({ relativeError: 0 }), RangeError, /relativeError/);
    rejects(() => new LogHistogram({ relativeError: 0.9 }), RangeError, /relativeError/);
    rejects(() => new LogHistogram({ relativeError: bad('1%') }), TypeError, /relativeError/);
    rejects(() => new LogHistogram({ minValue: 0 }), RangeError, /minValue/);
    rejects(() => new LogHistogram().merge(new LogHistogram({ relativeError: 0.02 })), RangeError, /relativeError/);
    rejects(() => new LogHistogram().merge(new LogHistogram({ minValue: 1 })), RangeError, /minValue/);
    rejects(() => new LogHistogram().merge(bad({})), TypeError, /other/);
    rejects(() => new LogHistogram().add(NaN), RangeError, /value/);
    rejects(() => new LogHistogram().addAll([1, Infinity]), RangeError, /values/);
    rejects(() => new LogHistogram().quantile(0.5), RangeError, /at least one value/);
    rejects(() => new LogHistogram().add(1).quantile(2), RangeError, /p/);
  });

  it('confidence', () => {
    rejects(() => percentileInterval(v, 0.5, 1.2), RangeError, /confidence/);
    rejects(() => percentileInterval(v, 0.5, 1), RangeError, /confidence/);
    rejects(() => percentileInterval(v, 0.5, bad('95%')), TypeError, /confidence/);
  });

  it('records and named', () => {
    rejects(() => toTable(bad(null)), TypeError, /records/);
    rejects(() => toTable(bad(42)), TypeError, /records/);
    rejects(() => toTable(bad([{ a: 1 }, 'row'])), TypeError, /records\[1\]/);
    rejects(() => toTable({ a: [1, 2], b: [1] }), RangeError, /records\.b/);
    rejects(() => toTable(bad({ a: [1, 2], b: 3 })), TypeError, /records\.b/);
    rejects(() => summaryTable({ ok: [1], empty: [] }), RangeError, /named\["empty"\]/);
    rejects(() => summaryTable(bad([1, 2])), TypeError, /named/);
  });
});

describe('stats: exported helpers check their arguments', () => {
  it('summarizeSorted refuses unsorted, empty and non-finite input; accurateSum a non-array', async () => {
    const { summarizeSorted } = await import('../../lib/stats');
    const { accurateSum } = await import('../../lib/stats/summarize');
    assert.throws(() => summarizeSorted([2, 1]), (e: Error) => e instanceof RangeError && /summarizeSorted\(sorted\).*ascending.*element 1/.test(e.message));
    assert.throws(() => summarizeSorted([]), (e: Error) => e instanceof RangeError && /summarizeSorted/.test(e.message));
    assert.throws(() => summarizeSorted([1, NaN]), (e: Error) => e instanceof RangeError && /summarizeSorted/.test(e.message));
    assert.throws(() => accurateSum(5 as never), (e: Error) => e instanceof TypeError && /accurateSum/.test(e.message));
    assert.equal(summarizeSorted([1, 1, 2]).max, 2);
  });
});
