import assert from 'node:assert/strict';
import { createRng } from '../../lib/random/rng';
import { meanInterval, replicate } from '../../lib/stats/replicate';

describe('stats: replicate', () => {
  it('gives the textbook Student-t interval for known values', () => {
    // Values 1..5: mean 3, s = √2.5, t(0.975, 4) = 2.776445; half-width 2.776445 × √2.5 / √5 = 1.963243.
    const iv = meanInterval([1, 2, 3, 4, 5]);
    assert.equal(iv.mean, 3);
    assert.ok(Math.abs(iv.sd - Math.sqrt(2.5)) < 1e-12);
    assert.ok(Math.abs(iv.halfWidth - 1.963243) < 1e-5, `half-width ${iv.halfWidth}`);
    assert.ok(Math.abs(iv.ciLow - (3 - iv.halfWidth)) < 1e-12 && Math.abs(iv.ciHigh - (3 + iv.halfWidth)) < 1e-12);
    assert.equal(iv.level, 0.95);
    assert.ok(meanInterval([1, 2, 3, 4, 5], 0.99).halfWidth > iv.halfWidth, 'a higher level widens the interval');
  });

  it('runs replication i on a stream derived from the seed and i alone, so adding runs keeps the earlier ones', () => {
    const five = replicate({ run: (rng) => rng(), seed: 'x', runs: 5 });
    const ten = replicate({ run: (rng) => rng(), seed: 'x', runs: 10 });
    assert.deepEqual(ten.values.slice(0, 5), five.values);
    assert.equal(five.values[2], createRng('x').fork('run-2')());
    assert.deepEqual(replicate({ run: (rng) => rng(), seed: 'x', runs: 5 }), five, 'same seed, same result');
  });

  it('covers the true mean about 95 % of the time (400 intervals of 8 uniform draws, binomial tolerance)', () => {
    let covered = 0;
    for (let k = 0; k < 400; k++) {
      const iv = replicate({ run: (rng) => rng(), seed: `coverage-${k}`, runs: 8 });
      if (iv.ciLow <= 0.5 && 0.5 <= iv.ciHigh) covered++;
    }
    // 400 trials at p = 0.95: sd = √(400 × 0.95 × 0.05) ≈ 4.4; allow ±3.5 sd.
    assert.ok(Math.abs(covered - 380) <= 16, `covered ${covered} of 400`);
  });

  it('replicates each number of a record', () => {
    const r = replicate({ run: (rng, i) => ({ u: rng(), i }), seed: 3, runs: 4 });
    assert.deepEqual(r.i.values, [0, 1, 2, 3]);
    assert.equal(r.i.mean, 1.5);
    assert.equal(r.u.runs, 4);
    assert.equal(replicate({ run: (rng) => ({ u: rng() }), seed: 3, runs: 4, level: 0.9 }).u.level, 0.9);
  });

  it('refuses bad options and bad results with named errors', () => {
    assert.throws(() => replicate({ run: () => 1, seed: 1, runss: 3 } as never), /unknown option "runss" \(did you mean "runs"\?\)/);
    assert.throws(() => replicate({ run: () => 1, seed: 1, runs: 1 }), (e: Error) => e instanceof RangeError && /runs/.test(e.message));
    assert.throws(() => replicate({ run: () => 1, runs: 3 } as never), /seed must be a number or a string/);
    assert.throws(() => replicate({ seed: 1 } as never), /run must be a function/);
    assert.throws(() => replicate((() => 1) as never), /takes one options object/);
    assert.throws(() => replicate({ run: () => 1, seed: 1, level: 1 }), (e: Error) => e instanceof RangeError && /level/.test(e.message));
    assert.throws(() => replicate({ run: () => NaN, seed: 1 }), /run 0 returned result = NaN/);
    assert.throws(() => replicate({ run: (_r, i) => (i === 0 ? { a: 1 } : { b: 1 }), seed: 1 }), /run 1 returned keys \[b\]/);
    assert.throws(() => meanInterval([1]), /at least 2 values/);
  });
});
