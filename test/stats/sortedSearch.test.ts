import { strict as assert } from 'node:assert';
import { lowerBound, upperBound } from '../../lib/stats/sortedSearch';

describe('sorted search', () => {
  const sorted = Float64Array.from([1, 2, 2, 2, 5]);
  it('upperBound: first index with a value above x', () => {
    assert.deepEqual([0, 1, 2, 4.9, 5, 6].map((x) => upperBound(sorted, x)), [0, 1, 4, 4, 5, 5]);
  });
  it('lowerBound: first index with a value at least x', () => {
    assert.deepEqual([0, 1, 2, 4.9, 5, 6].map((x) => lowerBound(sorted, x)), [0, 0, 1, 4, 4, 5]);
  });
  it('handles an empty array', () => {
    assert.equal(upperBound([], 1), 0);
    assert.equal(lowerBound([], 1), 0);
  });
});
