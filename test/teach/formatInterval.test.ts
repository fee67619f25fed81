import assert from 'node:assert/strict';
import { formatInterval } from '../../lib/teach/format';
import { meanInterval } from '../../lib/stats/replicate';

describe('teach: formatInterval', () => {
  it('prints a mean, its interval and the runs by the teaching number rule', () => {
    assert.equal(formatInterval({ mean: 42.123, ciLow: 40.31, ciHigh: 43.94, level: 0.95, runs: 10 }, 'ms'), '42.1 ms (95 % interval 40.3–43.9 ms, 10 runs)');
    assert.equal(formatInterval(meanInterval([1, 2, 3, 4, 5])), '3 (95 % interval 1.04–4.96, 5 runs)');
  });

  it('prints an end beyond the quantity\'s range as the bound', () => {
    const share = { mean: 0.034, ciLow: -0.0348, ciHigh: 0.102, level: 0.95, runs: 4 };
    assert.equal(formatInterval(share, '%'), '0.034 % (95 % interval -0.0348–0.102 %, 4 runs)');
    assert.equal(formatInterval(share, '%', { min: 0 }), '0.034 % (95 % interval 0–0.102 %, 4 runs)');
    assert.equal(formatInterval({ ...share, mean: 0.99, ciLow: 0.97, ciHigh: 1.01 }, '', { min: 0, max: 1 }), '0.99 (95 % interval 0.97–1, 4 runs)');
  });

  it('refuses what is not an interval', () => {
    assert.throws(() => formatInterval(null as never), TypeError);
    assert.throws(() => formatInterval({ mean: NaN, ciLow: 0, ciHigh: 1, level: 0.95, runs: 2 }), /interval.mean must be a finite number/);
    const iv = { mean: 1, ciLow: 0, ciHigh: 2, level: 0.95, runs: 2 };
    assert.throws(() => formatInterval(iv, '', { mn: 0 } as never), /unknown option "range.mn"/);
    assert.throws(() => formatInterval(iv, '', { min: '0' } as never), /range.min must be a number/);
    assert.throws(() => formatInterval(iv, '', { min: 2, max: 1 }), (e: Error) => e instanceof RangeError && /range.min must be at most range.max/.test(e.message));
    assert.throws(() => formatInterval(iv, '', { min: 1.5 }), (e: Error) => e instanceof RangeError && /mean must lie in range \[1.5, Infinity\]/.test(e.message));
  });
});
