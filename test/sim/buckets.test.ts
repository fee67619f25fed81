import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { BucketLookup, MAX_BUCKETS, bucketCount, bucketOf, checkBuckets } from '../../lib/sim/measures/buckets';

describe('report buckets', () => {
  it('counts a short last bucket, and not one made of rounding error', () => {
    assert.equal(bucketCount(1000, 100), 10);
    assert.equal(bucketCount(1050, 100), 11);
    assert.equal(bucketCount(0.3, 0.1), 3, '0.3 / 0.1 = 2.9999999999999996 is three buckets');
  });

  it('puts a moment in its bucket, the end and later in the last one', () => {
    assert.deepEqual([0, 99.999, 100, 950, 1000, 5000].map((t) => bucketOf(t, 100, 10)), [0, 0, 1, 9, 9, 9]);
  });

  it('defaults to durationMs / defaultBuckets and refuses a width outside (0, durationMs] or too many buckets', () => {
    assert.deepEqual(checkBuckets(60_000, undefined, 60), { bucketMs: 1000, buckets: 60 });
    assert.deepEqual(checkBuckets(60_000, 7000, 60), { bucketMs: 7000, buckets: 9 });
    assert.throws(() => checkBuckets(60_000, 0, 60), /bucketMs must be a number in \(0, 60000\]; got 0/);
    assert.throws(() => checkBuckets(60_000, 70_000, 60), /bucketMs/);
    assert.throws(() => checkBuckets(60_000, 5, 60), new RegExp(`bucketMs must leave at most ${MAX_BUCKETS} buckets in durationMs \\(60000 ms\\); got 5, which gives 12000`));
  });

  it('BucketLookup answers as bucketOf, for moments in any order, on the edges and past the end', () => {
    const widths = fc.oneof(fc.constantFrom(1000 / 3, 0.1, 100, 5_000), fc.double({ min: 0.01, max: 1e4, noNaN: true }));
    fc.assert(
      fc.property(widths, fc.integer({ min: 1, max: 50 }), fc.array(fc.oneof(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.nat(60)), { maxLength: 200 }), (bucketMs, buckets, picks) => {
        const lookup = new BucketLookup(bucketMs, buckets);
        // Plain moments, and bucket edges computed as the buckets compute them.
        for (const pick of picks) {
          const t = Number.isInteger(pick) && pick <= 60 ? pick * bucketMs : pick;
          assert.equal(lookup.of(t), bucketOf(t, bucketMs, buckets), `t ${t}, bucketMs ${bucketMs}, buckets ${buckets}`);
        }
      }),
      { seed: 7, numRuns: 500 },
    );
    assert.throws(() => new BucketLookup(100, 10).of(-1), /bucketOf needs tMs >= 0/);
    assert.throws(() => new BucketLookup(100, 10).of(Number.NaN), /bucketOf needs tMs >= 0/);
  });
});
