import assert from 'node:assert/strict';
import { createRng, exponential } from '../../lib/random';
import { percentileInterval } from '../../lib/stats';
import { binomialMasses } from '../../lib/stats/binomial';

const ranks = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('stats/percentileInterval', () => {
  it('pins the classic median interval for n = 20: [x(6), x(15)]', () => {
    const r = percentileInterval(ranks(20), 0.5, 0.95);
    assert.equal(r.lowerRank, 6);
    assert.equal(r.upperRank, 15);
    assert.ok(Math.abs(r.coverage - 0.9586105346679688) < 1e-12);
    assert.equal(r.bounded, true);
  });

  it('pins p90 of 1000 values: ranks 881 and 919 (checked with exact big-integer binomials)', () => {
    const r = percentileInterval(ranks(1000), 0.9);
    assert.equal(r.lower, 881);
    assert.equal(r.upper, 919);
    assert.ok(Math.abs(r.estimate - 900.1) < 1e-9);
    assert.ok(Math.abs(r.coverage - 0.9549071811148258) < 1e-9);
    assert.equal(r.note, undefined);
  });

  it('says so, without throwing, when n is too small (p99.9 from 100 values)', () => {
    const r = percentileInterval(ranks(100), 0.999);
    assert.equal(r.bounded, false);
    assert.equal(r.upper, 100); // the sample max
    assert.match(r.note!, /upper bound is the sample max/);
    assert.ok(r.coverage < 0.1, `coverage ${r.coverage}`); // 1 − 0.999^100 − P(B ≤ 98)
  });

  it('binomial masses match the closed form and sum to 1', () => {
    const n = 30;
    const p = 0.3;
    const { from, pmf } = binomialMasses(n, p);
    let choose = 1;
    let total = 0;
    for (let k = 0; k <= n; k++) {
      const exact = choose * p ** k * (1 - p) ** (n - k);
      const got = k >= from && k < from + pmf.length ? pmf[k - from] : 0;
      assert.ok(Math.abs(got - exact) < 1e-15 + 1e-12 * exact, `k=${k}`);
      total += got;
      choose = (choose * (n - k)) / (k + 1);
    }
    assert.ok(Math.abs(total - 1) < 1e-12);
  });

  it('covers the true p90 in 90–99% of 200 replications (nominal 95%, n = 1000)', () => {
    // Tolerance: with true coverage ≈ 0.955 the count of 200 is binomial, sd ≈ 3;
    // 90–99% is more than 3 sd either side.
    const dist = exponential(10);
    const truth = dist.quantile!(0.9);
    const root = createRng('percentile-coverage');
    let covered = 0;
    for (let r = 0; r < 200; r++) {
      const rng = root.fork(`rep-${r}`);
      const v = Float64Array.from({ length: 1000 }, () => dist.sample(rng));
      const ci = percentileInterval(v, 0.9, 0.95);
      assert.ok(ci.bounded && ci.coverage >= 0.95);
      assert.ok(ci.lower <= ci.estimate && ci.estimate <= ci.upper);
      if (ci.lower <= truth && truth <= ci.upper) covered++;
    }
    const rate = covered / 200;
    assert.ok(rate >= 0.9 && rate <= 0.99, `coverage ${rate}`);
  });

  it('works for large n (10^6) without under/overflow', () => {
    const r = percentileInterval(ranks(1_000_000), 0.999, 0.99);
    assert.equal(r.bounded, true);
    assert.ok(r.lower < 999_000 && r.upper > 999_000 && r.upper - r.lower < 200);
    assert.ok(r.coverage >= 0.99 && r.coverage < 0.995);
  });
});
