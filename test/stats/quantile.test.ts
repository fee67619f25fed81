import assert from 'node:assert/strict';
import { quantiles, sortedCopy, summarize } from '../../lib/stats';
import { quantileSorted } from '../../lib/stats/quantile';

const close = (actual: number, expected: number, tol = 1e-12) =>
  assert.ok(Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected)), `${actual} ≠ ${expected}`);

describe('stats/quantile (Hyndman & Fan type 7)', () => {
  it('pins hand-computed values on [1, 2, 3, 4]', () => {
    const x = [1, 2, 3, 4];
    assert.equal(quantileSorted(x, 0), 1);
    assert.equal(quantileSorted(x, 1), 4);
    assert.equal(quantileSorted(x, 0.5), 2.5); // h = 1.5
    close(quantileSorted(x, 0.9), 3.7); // h = 2.7
    assert.equal(quantileSorted(x, 0.25), 1.75); // h = 0.75
    close(quantileSorted(x, 1 / 3), 2); // h = 1
  });

  it('returns the only value of a one-element array for every p', () => {
    for (const p of [0, 0.3, 0.999, 1]) assert.equal(quantileSorted([10], p), 10);
  });

  it('quantiles() sorts a copy once and leaves the input alone', () => {
    const input = [4, 1, 3, 2];
    const out = quantiles(input, [0.5, 0.9, 0]);
    assert.equal(out[0], 2.5);
    close(out[1], 3.7);
    assert.equal(out[2], 1);
    assert.deepEqual(input, [4, 1, 3, 2]);
  });

  it('sortedCopy returns an ascending Float64Array (numeric, not lexicographic)', () => {
    const s = sortedCopy([10, 9, 100, -1]);
    assert.ok(s instanceof Float64Array);
    assert.deepEqual(Array.from(s), [-1, 9, 10, 100]);
  });
});

describe('stats/summarize', () => {
  it('summarises a known array', () => {
    const s = summarize([5, 1, 4, 2, 3]);
    assert.equal(s.count, 5);
    assert.equal(s.mean, 3);
    assert.equal(s.min, 1);
    assert.equal(s.max, 5);
    assert.equal(s.p50, 3);
    close(s.p90, 4.6); // h = 3.6
    close(s.p99, 4.96); // h = 3.96
    close(s.p999, 4.996); // h = 3.996
    assert.deepEqual(Object.keys(s), ['count', 'mean', 'min', 'p50', 'p90', 'p99', 'p999', 'max']);
  });

  it('keeps digits in the mean (compensated summation)', () => {
    assert.equal(summarize([1e16, 1, -1e16]).mean, 1 / 3);
  });

  it('handles 10^6 typed-array values and agrees with quantiles()', () => {
    const n = 1_000_000;
    const v = new Float64Array(n);
    for (let i = 0; i < n; i++) v[i] = (i * 7919) % n; // a permutation of 0 … n − 1
    const s = summarize(v);
    assert.equal(s.count, n);
    assert.equal(s.min, 0);
    assert.equal(s.max, n - 1);
    close(s.mean, (n - 1) / 2);
    const [p50, p999] = quantiles(v, [0.5, 0.999]);
    assert.equal(s.p50, p50);
    assert.equal(s.p999, p999);
    close(s.p999, 0.999 * (n - 1));
  });
});
