import { strict as assert } from 'node:assert';
import { jainIndex, maxOverMean } from '../../lib/stats/fairness';

describe('jainIndex', () => {
  it('is 1 for even shares, 1/n for one party taking everything, k/n for k equal parties', () => {
    assert.equal(jainIndex([1, 1, 1, 1]), 1);
    assert.equal(jainIndex([1, 0, 0, 0]), 0.25);
    assert.equal(jainIndex([3, 3, 0, 0, 0, 0]), 2 / 6);
    assert.equal(jainIndex(Float64Array.from([7])), 1);
  });

  it('matches the formula (Σx)² / (n · Σx²) and ignores scale', () => {
    // (1 + 2 + 3)² / (3 · 14) = 36 / 42
    assert.ok(Math.abs(jainIndex([1, 2, 3]) - 36 / 42) < 1e-15);
    assert.ok(Math.abs(jainIndex([1e200, 2e200, 3e200]) - 36 / 42) < 1e-15);
  });

  it('treats all zeros as even', () => {
    assert.equal(jainIndex([0, 0, 0]), 1);
  });

  it('rejects empty, negative and non-finite input', () => {
    assert.throws(() => jainIndex([]), /jainIndex values must be a non-empty array/);
    assert.throws(() => jainIndex([1, -1]), /element 1 is -1/);
    assert.throws(() => jainIndex([1, NaN]), RangeError);
    assert.throws(() => jainIndex([Infinity]), RangeError);
  });
});

describe('maxOverMean', () => {
  it('is 1 when even, n when one party has everything', () => {
    assert.equal(maxOverMean([2, 2, 2]), 1);
    assert.equal(maxOverMean([0, 0, 5, 0]), 4);
    assert.equal(maxOverMean([1, 2, 3]), 1.5);
  });

  it('treats all zeros as even and rejects bad input', () => {
    assert.equal(maxOverMean([0, 0]), 1);
    assert.throws(() => maxOverMean([]), /maxOverMean values/);
    assert.throws(() => maxOverMean([3, -0.5]), /maxOverMean values must contain only values >= 0/);
  });
});
