/**
 * Quantiles by selection equal the sorted way exactly (type 7), for any values and
 * levels: a property over arrays with many ties and sizes on both sides of the
 * selection's sampling threshold (600), plus the summary built on it.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { selectQuantiles } from '../../lib/stats/selectQuantiles';
import { quantileSorted } from '../../lib/stats/quantile';
import { summarize, summarizeSorted } from '../../lib/stats/summarize';

const SEED = 20_261_203;

describe('selectQuantiles', () => {
  it('equals type-7 quantiles of the sorted values, ties and any order of levels included', () => {
    const values = fc.oneof(
      fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 40 }),
      fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 3000 }),
    );
    const levels = fc.array(fc.oneof(fc.constantFrom(0, 0.5, 0.9, 0.99, 0.999, 1), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(values, levels, (xs, ps) => {
        const sorted = Float64Array.from(xs).sort();
        const got = selectQuantiles(Float64Array.from(xs), ps);
        assert.deepEqual(got, ps.map((p) => quantileSorted(sorted, p)));
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('summarize agrees with summarizeSorted at 10^5 values (quantiles exactly, the mean within 1e-12)', () => {
    let x = 7;
    const xs = Float64Array.from({ length: 100_000 }, () => ((x = (x * 48271) % 2147483647), Math.round(-Math.log(x / 2147483647) * 1000) / 10));
    const a = summarize(xs);
    const b = summarizeSorted(Float64Array.from(xs).sort());
    assert.deepEqual({ ...a, mean: 0 }, { ...b, mean: 0 });
    assert.ok(Math.abs(a.mean - b.mean) <= 1e-12 * Math.abs(b.mean));
  });
});
