import { strict as assert } from 'node:assert';
import { highestLoadWithin } from '../../lib/balance/measures/highestLoadWithin';

describe('highestLoadWithin', () => {
  it('interpolates linearly between the two loads around the first crossing', () => {
    assert.equal(highestLoadWithin({ loads: [0.5, 0.6, 0.7], latencyMs: [90, 110, 300], targetMs: 100 }), 0.55);
    assert.ok(Math.abs(highestLoadWithin({ loads: [0.5, 0.6], latencyMs: [92, 115], targetMs: 100 }) - (0.5 + (8 / 23) * 0.1)) < 1e-12);
  });

  it('reads the first crossing even if the curve dips back under the target', () => {
    assert.equal(highestLoadWithin({ loads: [1, 2, 3, 4], latencyMs: [50, 150, 80, 200], targetMs: 100 }), 1.5);
  });

  it('gives the last load when the target is never missed, NaN when the first load misses it', () => {
    assert.equal(highestLoadWithin({ loads: [0.3, 0.9], latencyMs: [10, 99], targetMs: 100 }), 0.9);
    assert.ok(Number.isNaN(highestLoadWithin({ loads: [0.3, 0.9], latencyMs: [101, 200], targetMs: 100 })));
    assert.equal(highestLoadWithin({ loads: [0.3, 0.9], latencyMs: [100, 200], targetMs: 100 }), 0.3);
  });

  it('names wrong options', () => {
    assert.throws(() => highestLoadWithin({ loads: [0.5, 0.4], latencyMs: [1, 2], targetMs: 10 }), /loads must be strictly ascending/);
    assert.throws(() => highestLoadWithin({ loads: [0.4, 0.5], latencyMs: [1], targetMs: 10 }), /latencyMs must hold one latency per load \(2\); got 1/);
    assert.throws(() => highestLoadWithin({ loads: [0.4, 0.5], latencyMs: [1, -2], targetMs: 10 }), /latencyMs\[1\]/);
    assert.throws(() => highestLoadWithin({ loads: [0.4, 0.5], latencyMs: [1, 2], targetMs: 0 }), /targetMs must be a finite number > 0/);
    assert.throws(() => highestLoadWithin({ loads: [0.4, 0.5], latencyMs: [1, 2], target: 10 } as never), /unknown option "target"/);
  });
});
