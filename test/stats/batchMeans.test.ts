import assert from 'node:assert/strict';
import { createRng } from '../../lib/random/rng';
import { exponential } from '../../lib/random/exponential';
import { batchMeans } from '../../lib/stats/batchMeans';
import { meanInterval } from '../../lib/stats/replicate';
import { mm1 } from '../../lib/sim/queues/queueTheory';
import { simulateQueue } from '../../lib/sim/queues/simulateQueue';

describe('stats: batchMeans', function () {
  this.timeout(60_000);

  it('averages equal consecutive batches after the warm-up, dropping a short remainder', () => {
    const iv = batchMeans([100, 1, 2, 3, 4, 5, 6, 99], { batches: 3, warmup: 0.125 });
    assert.deepEqual(iv.values, [1.5, 3.5, 5.5]);
    assert.equal(iv.mean, 3.5);
    assert.equal(iv.runs, 3);
    assert.equal(iv.level, 0.95);
  });

  it('covers the M/M/1 mean latency from single long runs, where the naive interval over requests does not (ρ = 0.5, 40 runs)', () => {
    const truth = mm1({ arrivalRate: 50, meanServiceMs: 10 }).meanLatencyMs;
    let batched = 0;
    let naive = 0;
    for (let k = 0; k < 40; k++) {
      const q = simulateQueue({ workers: 1, arrivalRate: 50, serviceTime: exponential(10), requests: 100_000, rng: createRng(`batch-${k}`) });
      const iv = batchMeans(q.latencyMs, { warmup: 0.01 });
      if (iv.ciLow <= truth && truth <= iv.ciHigh) batched++;
      const plain = meanInterval(Array.from(q.latencyMs));
      if (plain.ciLow <= truth && truth <= plain.ciHigh) naive++;
    }
    // 40 trials at 0.95: sd ≈ 1.4; at least 34 (−4 sd). The naive interval ignores correlation and covers far less.
    assert.ok(batched >= 34, `batch means covered ${batched} of 40`);
    assert.ok(naive < batched, `naive ${naive} vs batch means ${batched}`);
  });

  it('refuses bad input with named errors', () => {
    assert.throws(() => batchMeans([1, 2, 3], { batches: 5 }), (e: Error) => e instanceof RangeError && /cannot fill 5 batches/.test(e.message));
    assert.throws(() => batchMeans([1, 2, 3, 4], { bathes: 2 } as never), /unknown option "bathes" \(did you mean "batches"\?\)/);
    assert.throws(() => batchMeans([1, 2, 3, 4], { warmup: 0.95 }), (e: Error) => e instanceof RangeError && /warmup/.test(e.message));
    assert.throws(() => batchMeans([1, NaN, 3, 4]), /values/);
  });
});
