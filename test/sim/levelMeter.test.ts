import { strict as assert } from 'node:assert';
import { LevelMeter } from '../../lib/sim/levelMeter';

describe('sim/LevelMeter', () => {
  it('splits the area under a stepped level exactly at bucket edges', () => {
    const m = new LevelMeter(10, 3);
    m.add(5, 2); // level 2 from 5 ms
    m.add(15, 1); // level 3 from 15 ms
    m.add(22, -3); // level 0 from 22 ms
    m.advance(30);
    assert.deepEqual(Array.from(m.areaByBucket), [10, 2 * 5 + 3 * 5, 3 * 2]);
    assert.equal(m.mean(1), 2.5);
    assert.equal(m.peak, 3);
    assert.equal(m.level, 0);
  });

  it('ignores time past the last bucket and rejects changes out of order', () => {
    const m = new LevelMeter(10, 1);
    m.add(0, 1);
    m.advance(1e9);
    assert.equal(m.areaByBucket[0], 10);
    assert.throws(() => m.add(5, 1), /time order; got 5 ms after 1000000000 ms/);
    assert.throws(() => new LevelMeter(0, 1), /bucketMs/);
  });
});
