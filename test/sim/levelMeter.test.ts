import { strict as assert } from 'node:assert';
import { LevelMeter } from '../../lib/sim/measures/levelMeter';

describe('sim/LevelMeter', () => {
  it('splits the area under a stepped level exactly at bucket edges', () => {
    const m = new LevelMeter(10);
    m.add(5, 2); // level 2 from 5 ms
    m.add(15, 1); // level 3 from 15 ms
    m.add(22, -3); // level 0 from 22 ms
    m.advance(30);
    assert.deepEqual(Array.from(m.areaByBucket.subarray(0, 3)), [10, 2 * 5 + 3 * 5, 3 * 2]);
    assert.equal(m.mean(1), 2.5);
    assert.equal(m.mean(7), 0);
    assert.equal(m.peak, 3);
    assert.equal(m.level, 0);
    assert.equal(m.areaUntil(100), 10 + 25 + 6);
  });

  it('grows its buckets as time passes, keeps only the total without buckets, and rejects changes out of order', () => {
    const m = new LevelMeter(10);
    m.add(0, 1);
    m.advance(1000);
    assert.equal(m.areaByBucket[99], 10);
    assert.throws(() => m.add(5, 1), /time order; got 5 ms after 1000 ms/);
    const total = new LevelMeter();
    total.add(0, 2);
    assert.equal(total.areaUntil(50), 100);
    total.advance(50);
    assert.equal(total.areaByBucket.length, 0);
    assert.throws(() => new LevelMeter(-1), /bucketMs/);
  });
});
