import assert from 'node:assert/strict';
import { formatInterval } from '../../lib/teach/format';
import { meanInterval } from '../../lib/stats/replicate';

describe('teach: formatInterval', () => {
  it('prints a mean, its interval and the runs by the teaching number rule', () => {
    assert.equal(formatInterval({ mean: 42.123, ciLow: 40.31, ciHigh: 43.94, level: 0.95, runs: 10 }, 'ms'), '42.1 ms (95 % interval 40.3–43.9 ms, 10 runs)');
    assert.equal(formatInterval(meanInterval([1, 2, 3, 4, 5])), '3 (95 % interval 1.04–4.96, 5 runs)');
  });

  it('refuses what is not an interval', () => {
    assert.throws(() => formatInterval(null as never), TypeError);
    assert.throws(() => formatInterval({ mean: NaN, ciLow: 0, ciHigh: 1, level: 0.95, runs: 2 }), /interval.mean must be a finite number/);
  });
});
