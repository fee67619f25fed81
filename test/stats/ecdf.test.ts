import assert from 'node:assert/strict';
import { createRng, exponential } from '../../lib/random';
import { ccdf, ecdf, sortedCopy } from '../../lib/stats';

function sample(n: number, seed: string): Float64Array {
  const rng = createRng(seed);
  const d = exponential(10);
  return Float64Array.from({ length: n }, () => d.sample(rng));
}

describe('stats/ecdf and ccdf', () => {
  it('gives one point per distinct value with the exact step heights', () => {
    const e = ecdf([3, 1, 2, 2]);
    assert.ok(e.x instanceof Float64Array && e.p instanceof Float64Array);
    assert.deepEqual(Array.from(e.x), [1, 2, 3]);
    assert.deepEqual(Array.from(e.p), [0.25, 0.75, 1]);
  });

  it('ccdf is 1 − p without the final zero', () => {
    const c = ccdf([3, 1, 2, 2]);
    assert.deepEqual(Array.from(c.x), [1, 2]);
    assert.deepEqual(Array.from(c.p), [0.75, 0.25]);
    assert.equal(ccdf([7, 7, 7]).x.length, 0);
  });

  it('thins to at most maxPoints exact points, keeping min, max and the tail', () => {
    const v = sample(100_000, 'ecdf-thin');
    const sorted = sortedCopy(v);
    const n = sorted.length;
    const e = ecdf(v, { maxPoints: 200 });
    assert.ok(e.x.length <= 200 && e.x.length >= 150, `${e.x.length} points`);
    assert.equal(e.x[0], sorted[0]);
    assert.equal(e.x[e.x.length - 1], sorted[n - 1]);
    assert.equal(e.p[e.p.length - 1], 1);
    for (let i = 1; i < e.x.length; i++) assert.ok(e.x[i] > e.x[i - 1] && e.p[i] > e.p[i - 1]);
    // Every kept point lies on the exact step function.
    for (let i = 0; i < e.x.length; i++) {
      let below = 0;
      for (let lo = 0, hi = n; lo < hi; ) {
        const mid = (lo + hi) >>> 1;
        if (sorted[mid] <= e.x[i]) lo = below = mid + 1;
        else hi = mid;
      }
      assert.equal(e.p[i], below / n);
    }
    const count = (pred: (p: number) => boolean) => Array.from(e.p).filter(pred).length;
    assert.ok(count((p) => p <= 0.9) >= 60, 'body resolved');
    assert.ok(count((p) => p >= 0.99) >= 40, 'p99+ tail resolved');
    assert.ok(count((p) => p >= 0.999 && p < 0.9999) >= 10, 'p99.9 … p99.99 resolved');
  });

  it('thinned ccdf keeps positive probabilities down to 1/n', () => {
    const v = sample(100_000, 'ccdf-thin');
    const c = ccdf(v, { maxPoints: 100 });
    assert.ok(c.x.length <= 100);
    assert.ok(Array.from(c.p).every((q) => q > 0));
    assert.equal(c.p[c.p.length - 1], 1 / v.length);
  });

  it('inclusive ccdf is P(X ≥ x) at every distinct value, the maximum included', () => {
    const c = ccdf([3, 1, 2], { inclusive: true });
    assert.deepEqual(Array.from(c.x), [1, 2, 3]);
    assert.deepEqual(Array.from(c.p), [1, 2 / 3, 1 / 3]);
    const ties = ccdf([5, 1, 5, 5], { inclusive: true });
    assert.deepEqual(Array.from(ties.x), [1, 5]);
    assert.deepEqual(Array.from(ties.p), [1, 0.75]);
    assert.deepEqual(Array.from(ccdf([7, 7, 7], { inclusive: true }).p), [1]);
  });

  it('thinned inclusive ccdf keeps min, max and exact P(X ≥ x) at the points ecdf keeps', () => {
    const v = sample(100_000, 'ccdf-inclusive');
    const sorted = sortedCopy(v);
    const n = sorted.length;
    const c = ccdf(v, { maxPoints: 200, inclusive: true });
    const e = ecdf(v, { maxPoints: 200 });
    assert.deepEqual(Array.from(c.x), Array.from(e.x));
    assert.equal(c.x[0], sorted[0]);
    assert.equal(c.x[c.x.length - 1], sorted[n - 1]);
    assert.equal(c.p[0], 1);
    assert.equal(c.p[c.p.length - 1], 1 / n);
    for (let i = 0; i < c.x.length; i++) assert.equal(c.p[i], (n - sorted.indexOf(c.x[i])) / n);
  });

  it('returns everything when maxPoints exceeds the distinct values', () => {
    assert.equal(ecdf([1, 2, 3], { maxPoints: 10 }).x.length, 3);
  });
});
