import { strict as assert } from 'node:assert';
import { erlangC, mm1, mmc, mmcMaxArrivalRate } from '../../lib/sim';

describe('queueing theory', () => {
  it('pins Erlang C and M/M/1 closed forms', () => {
    assert.ok(Math.abs(erlangC(2, 1) - 1 / 3) < 1e-12);
    assert.ok(Math.abs(erlangC(1, 0.7) - 0.7) < 1e-12);
    const q = mm1({ arrivalRate: 80, meanServiceMs: 10 });
    assert.ok(Math.abs(q.meanLatencyMs - 50) < 1e-9);
    assert.ok(Math.abs(q.latencyQuantile(0.99) - 50 * Math.log(100)) < 1e-6);
    assert.ok(Math.abs(q.meanInSystem - 4) < 1e-9);
  });

  it('M/M/c with one worker equals M/M/1, and more workers wait less at the same utilisation', () => {
    const one = mmc({ workers: 1, arrivalRate: 50, meanServiceMs: 10 });
    const ref = mm1({ arrivalRate: 50, meanServiceMs: 10 });
    assert.ok(Math.abs(one.latencyQuantile(0.9) - ref.latencyQuantile(0.9)) < 1e-6);
    const four = mmc({ workers: 4, arrivalRate: 200, meanServiceMs: 10 });
    assert.ok(four.meanWaitMs < one.meanWaitMs);
  });

  it('refuses an unstable system instead of returning nonsense', () => {
    assert.throws(() => mmc({ workers: 2, arrivalRate: 200, meanServiceMs: 10 }), (e: Error) => e instanceof RangeError && /utilisation/.test(e.message));
  });
});

describe('mmcMaxArrivalRate', () => {
  it('inverts the M/M/1 p99 formula exactly: λ = μ − ln(100) / target', () => {
    const rate = mmcMaxArrivalRate({ workers: 1, meanServiceMs: 10, quantile: 0.99, targetMs: 100 });
    const expected = 1000 * (0.1 - Math.log(100) / 100);
    assert.ok(Math.abs(rate - expected) < 1e-6, `${rate} vs ${expected}`);
  });

  it('grows with workers and is 0 when an idle server already misses the objective', () => {
    const one = mmcMaxArrivalRate({ workers: 1, meanServiceMs: 10, quantile: 0.99, targetMs: 100 });
    const four = mmcMaxArrivalRate({ workers: 4, meanServiceMs: 10, quantile: 0.99, targetMs: 100 });
    assert.ok(four > 4 * one);
    assert.equal(mmcMaxArrivalRate({ workers: 2, meanServiceMs: 10, quantile: 0.99, targetMs: 20 }), 0);
    assert.throws(() => mmcMaxArrivalRate({ workers: 1, meanServiceMs: 10, quantile: 1, targetMs: 5 }), (e: Error) => e instanceof RangeError && /quantile/.test(e.message));
  });
});
