import assert from 'node:assert/strict';
import { createRng, exponential, lognormal, pareto, type Distribution } from '../../lib/random';
import { LogHistogram, sortedCopy } from '../../lib/stats';
import { quantileSorted } from '../../lib/stats/quantile';

/** The sketch promises relativeError up to floating-point rounding. */
const ROUNDING = 1e-12;
const PS = [0.5, 0.9, 0.99, 0.999];

function draw(dist: Distribution, n: number, seed: string): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length: n }, () => dist.sample(rng));
}

function relError(a: number, b: number): number {
  return Math.abs(a - b) / Math.abs(b);
}

describe('stats/LogHistogram', () => {
  for (const [name, dist] of [
    ['lognormal(p50 10, p99 200)', lognormal({ median: 10, p99: 200 })],
    ['pareto(scale 1, shape 1.5)', pareto({ scale: 1, shape: 1.5 })],
  ] as const) {
    it(`10^6 ${name}: quantiles within 1% of the exact sample quantiles`, () => {
      const v = draw(dist, 1_000_000, name);
      const h = new LogHistogram().addAll(v);
      const sorted = sortedCopy(v);
      for (const p of [...PS, 0, 0.1, 0.25, 0.75, 0.9999, 1]) {
        const err = relError(h.quantile(p), quantileSorted(sorted, p));
        assert.ok(err <= 0.01 + ROUNDING, `p=${p}: relative error ${err}`);
      }
      assert.ok(h.bucketCount < 2000, `bucketCount ${h.bucketCount}`);
      assert.equal(h.count, v.length);
      const s = h.summary();
      assert.equal(s.min, sorted[0]);
      assert.equal(s.max, sorted[sorted.length - 1]);
      assert.ok(relError(s.mean, sorted.reduce((a, b) => a + b, 0) / sorted.length) < 1e-12);
    });
  }

  it('10^7 exponential values in bounded memory: p99 within 1% (+ sampling) of the true p99', function () {
    this.timeout(30_000);
    const dist = exponential(10);
    const rng = createRng('streaming-1e7');
    const h = new LogHistogram();
    for (let i = 0; i < 10_000_000; i++) h.add(dist.sample(rng));
    assert.equal(h.count, 10_000_000);
    // Sampling error of a p99 from 10^7 draws is ~0.07% (1 sd); allow 1% + 0.5%.
    const truth = dist.quantile!(0.99);
    assert.ok(relError(h.quantile(0.99), truth) < 0.015, `p99 ${h.quantile(0.99)} vs ${truth}`);
    assert.ok(relError(h.summary().mean, 10) < 0.005);
    assert.ok(h.bucketCount < 2000, `bucketCount ${h.bucketCount}`);
  });

  it('merge gives the same sketch as adding everything to one', () => {
    const v = draw(lognormal({ median: 5, p99: 80 }), 30_000, 'merge');
    const all = new LogHistogram().addAll(v);
    const parts = [0, 1, 2].map((k) => new LogHistogram().addAll(v.subarray(k * 10_000, (k + 1) * 10_000)));
    const merged = parts[0].merge(parts[1]).merge(parts[2]);
    assert.equal(merged.count, all.count);
    for (let p = 0; p <= 1; p += 0.01) assert.equal(merged.quantile(p), all.quantile(p), `p=${p}`);
    const [a, b] = [merged.summary(), all.summary()];
    assert.deepEqual({ ...a, mean: 0 }, { ...b, mean: 0 });
    assert.ok(relError(a.mean, b.mean) < 1e-12);
  });

  it('merge grows to cover ranges below and above its own', () => {
    const mid = new LogHistogram().addAll([1, 2, 3]);
    const low = new LogHistogram().addAll([1e-4, 2e-4]);
    const high = new LogHistogram().addAll([1e4, 2e4]);
    const all = new LogHistogram().addAll([1, 2, 3, 1e-4, 2e-4, 1e4, 2e4]);
    mid.merge(low).merge(high);
    for (let p = 0; p <= 1; p += 0.05) assert.equal(mid.quantile(p), all.quantile(p), `p=${p}`);
  });

  it('merging a histogram into itself doubles its counts', () => {
    const h = new LogHistogram().addAll([1, 2, 3, 4]);
    const before = h.quantile(0.5);
    h.merge(h);
    assert.equal(h.count, 8);
    assert.equal(h.quantile(0.5), before);
  });

  it('counts values below minValue (zero, negative) in the zero bucket; p0/p1 are exact', () => {
    const h = new LogHistogram({ minValue: 1e-3 }).addAll([-5, 0, 1e-9, 10, 20]);
    assert.equal(h.zeroCount, 3);
    assert.equal(h.quantile(0), -5);
    assert.equal(h.quantile(1), 20);
    assert.equal(h.quantile(0.5), 0); // the rank-2 value 1e-9 is reported as 0
    assert.ok(relError(h.quantile(0.75), 10) <= 0.01 + ROUNDING);
  });

  it('a coarser relativeError uses fewer buckets and keeps its own bound', () => {
    const v = draw(exponential(3), 100_000, 'coarse');
    const sorted = sortedCopy(v);
    const fine = new LogHistogram().addAll(v);
    const coarse = new LogHistogram({ relativeError: 0.05 }).addAll(v);
    assert.ok(coarse.bucketCount < fine.bucketCount / 3);
    for (const p of PS) assert.ok(relError(coarse.quantile(p), quantileSorted(sorted, p)) <= 0.05 + ROUNDING);
  });
});
