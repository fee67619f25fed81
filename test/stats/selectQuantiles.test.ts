/**
 * Quantiles by selection equal the sorted way exactly (type 7), for any values and
 * levels: a property over arrays with many ties and sizes on both sides of the
 * selection's sampling threshold (600), plus the summary built on it. Quantiles by
 * buckets equal selection's exactly, or decline.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { bucketQuantiles, selectQuantiles } from '../../lib/stats/selectQuantiles';
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

describe('bucketQuantiles', () => {
  const LEVELS = [0.5, 0.9, 0.99, 0.999];
  const extremes = (xs: Float64Array): [number, number] => [Math.min(...xs), Math.max(...xs)];

  it('equals selection exactly, leaves the values as they were, or declines only for zeros and crowded mixed buckets', () => {
    const values = fc.oneof(
      fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 40 }),
      fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 3000 }),
      fc.array(fc.double({ min: 1, max: 1 + 1e-9, noNaN: true }), { minLength: 1, maxLength: 500 }),
      fc.array(fc.constantFrom(-1e308, 1e308, 5e-324, 0, 1, 2.5), { minLength: 1, maxLength: 300 }),
      fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 300 }),
    );
    const levels = fc.array(fc.oneof(fc.constantFrom(0, 0.5, 0.9, 0.99, 0.999, 1), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(values, levels, (xs, ps) => {
        const data = Float64Array.from(xs);
        const [min, max] = extremes(data);
        const got = bucketQuantiles(data, min, max, ps);
        assert.deepEqual(data, Float64Array.from(xs), 'values untouched');
        if (got === null) {
          assert.ok(xs.some((x) => x === 0), `declined ${JSON.stringify(xs.slice(0, 10))}`);
          return;
        }
        const want = selectQuantiles(Float64Array.from(xs), ps);
        got.forEach((g, i) => assert.ok(Object.is(g, want[i]), `level ${ps[i]}: ${g} against ${want[i]}`));
      }),
      { seed: SEED, numRuns: 600 },
    );
  });

  it('answers for heavy tails, heavy ties and a single value at 10^5 values', () => {
    let x = 11;
    const uniform = (): number => (x = (x * 48271) % 2147483647) / 2147483647;
    const cases: Record<string, Float64Array> = {
      'heavy tail': Float64Array.from({ length: 100_000 }, () => 100 / (1 - uniform()) ** 1.5),
      'heavy ties': Float64Array.from({ length: 100_000 }, () => (uniform() < 0.97 ? 600 : 600 + 150 * Math.ceil(uniform() * 5))),
      'a single value': new Float64Array(100_000).fill(0.3),
      'negative and positive': Float64Array.from({ length: 100_000 }, () => -Math.log(1 - uniform()) * (uniform() < 0.5 ? -1 : 1)),
    };
    for (const [name, data] of Object.entries(cases)) {
      const [min, max] = extremes(data);
      const got = bucketQuantiles(data, min, max, LEVELS);
      assert.ok(got !== null, name);
      assert.deepEqual(got, selectQuantiles(Float64Array.from(data), LEVELS), name);
    }
  });

  it('declines for zeros of both signs and crowded buckets of mixed values', () => {
    const zeros = Float64Array.from({ length: 1000 }, (_, i) => (i % 3 === 0 ? -0 : i % 3 === 1 ? 0 : i));
    assert.equal(bucketQuantiles(zeros, -0, 999, LEVELS), null);
    assert.equal(bucketQuantiles(new Float64Array(10).fill(0), 0, 0, LEVELS), null);
    // 90 % of the values within 10^-8 of each other, the rest far away: one crowded bucket.
    const crowded = Float64Array.from({ length: 100_000 }, (_, i) => (i < 90_000 ? 1 + i * 1e-13 : 1e6 + i));
    assert.equal(bucketQuantiles(crowded, 1, Math.max(...crowded), LEVELS), null);
  });

  it('summarize takes the same summary either way at 10^5 values', () => {
    let x = 5;
    const xs = Float64Array.from({ length: 100_000 }, () => ((x = (x * 48271) % 2147483647), 150 + 20 * -Math.log(x / 2147483647)));
    const got = summarize(xs);
    const asArray = summarize(Array.from(xs));
    assert.deepEqual(got, asArray);
    const sorted = Float64Array.from(xs).sort();
    assert.deepEqual({ ...got, mean: 0 }, { ...summarizeSorted(sorted), mean: 0 });
  });
});

