import { strict as assert } from 'node:assert';
import { simulateQueue, mmc } from '../../lib/sim';
import { createRng, exponential, constant, lognormal } from '../../lib/random';

/** Relative difference. */
const rel = (a: number, b: number): number => Math.abs(a / b - 1);

describe('simulateQueue against queueing theory', () => {
  // Tolerances are about three standard deviations of the estimate, measured
  // across seeds 1–6 for these run lengths (the spread grows with ρ).
  const cases = [
    { workers: 1, rho: 0.5, requests: 500_000, meanTol: 0.03, p99Tol: 0.05 },
    { workers: 1, rho: 0.8, requests: 1_000_000, meanTol: 0.03, p99Tol: 0.06 },
    { workers: 1, rho: 0.9, requests: 2_000_000, meanTol: 0.05, p99Tol: 0.1 },
    { workers: 4, rho: 0.8, requests: 1_000_000, meanTol: 0.03, p99Tol: 0.05 },
  ];
  for (const c of cases) {
    it(`M/M/${c.workers} at ρ = ${c.rho}: mean within ${c.meanTol * 100}%, p99 within ${c.p99Tol * 100}%`, () => {
      const arrivalRate = c.rho * 100 * c.workers; // 10 ms mean service: 100/s per worker
      const r = simulateQueue({ workers: c.workers, arrivalRate, serviceTime: exponential(10), requests: c.requests, rng: createRng(3) });
      const theory = mmc({ workers: c.workers, arrivalRate, meanServiceMs: 10 });
      assert.ok(rel(r.summary.mean, theory.meanLatencyMs) < c.meanTol, `mean ${r.summary.mean} vs ${theory.meanLatencyMs}`);
      assert.ok(rel(r.summary.p99, theory.latencyQuantile(0.99)) < c.p99Tol, `p99 ${r.summary.p99} vs ${theory.latencyQuantile(0.99)}`);
      assert.ok(Math.abs(r.utilisation - c.rho) < 0.01, `utilisation ${r.utilisation}`);
      assert.equal(r.unstable, false);
    });
  }

  it('M/D/1: waiting follows Pollaczek–Khinchine (mean wait ρ·S / 2(1−ρ)), within 3%', () => {
    const r = simulateQueue({ workers: 1, arrivalRate: 80, serviceTime: constant(10), requests: 500_000, rng: createRng(4) });
    const expectedWait = (0.8 * 10) / (2 * 0.2);
    const meanWait = r.waitMs.reduce((a, b) => a + b, 0) / r.waitMs.length;
    assert.ok(rel(meanWait, expectedWait) < 0.03, `${meanWait} vs ${expectedWait}`);
  });
});

describe('simulateQueue behaviour', () => {
  const base = { workers: 2, arrivalRate: 150, serviceTime: lognormal({ median: 8, p99: 60 }), requests: 20_000 };

  it('is deterministic: the same seed gives identical latencies', () => {
    const a = simulateQueue({ ...base, rng: createRng('same') });
    const b = simulateQueue({ ...base, rng: createRng('same') });
    assert.deepEqual(a.latencyMs, b.latencyMs);
    assert.notDeepEqual(a.latencyMs, simulateQueue({ ...base, rng: createRng('other') }).latencyMs);
  });

  it('uses common random numbers: more workers see the same requests and never wait longer', () => {
    const two = simulateQueue({ ...base, warmupRequests: 0, rng: createRng(8) });
    const three = simulateQueue({ ...base, workers: 3, warmupRequests: 0, rng: createRng(8) });
    // Same arrivals and service draws: the first request never waits in either run.
    assert.equal(two.latencyMs[0], three.latencyMs[0]);
    for (let i = 0; i < two.waitMs.length; i++) assert.ok(three.waitMs[i] <= two.waitMs[i] + 1e-9);
  });

  it('ends an unstable run, bounded by requests, and says so', () => {
    const r = simulateQueue({ workers: 1, arrivalRate: 150, serviceTime: exponential(10), requests: 50_000, rng: createRng(5) });
    assert.equal(r.unstable, true);
    assert.ok(r.offeredLoad > 1.4 && r.offeredLoad < 1.6);
    assert.equal(r.served, 45_000);
    assert.ok(r.summary.p99 > 10_000, 'the queue grows for the whole run');
  });

  it('drops arrivals beyond the queue limit and counts them', () => {
    const r = simulateQueue({ workers: 1, arrivalRate: 150, serviceTime: exponential(10), requests: 50_000, queueLimit: 20, rng: createRng(5) });
    assert.ok(r.dropped > 10_000 && r.served + r.dropped === 45_000);
    assert.ok(r.summary.max < 25 * 10 * 10, 'waiting is bounded by the queue');
  });

  it('reports progress about a hundred times', () => {
    const calls: number[] = [];
    simulateQueue({ ...base, rng: createRng(1), onProgress: (done) => calls.push(done) });
    assert.ok(calls.length >= 100 && calls.length <= 101);
    assert.equal(calls[calls.length - 1], base.requests);
  });

  it('rejects bad options with the option named', () => {
    const rng = createRng(1);
    const bad: [object, ErrorConstructor, RegExp][] = [
      [{ ...base, rng, workers: 0 }, RangeError, /workers/],
      [{ ...base, rng, arrivalRate: -3 }, RangeError, /arrivalRate/],
      [{ ...base, rng, arrivalRate: 'fast' }, TypeError, /arrivalRate/],
      [{ ...base, rng, serviceTime: 10 }, TypeError, /serviceTime/],
      [{ ...base, rng, requests: 2.5 }, RangeError, /requests/],
      [{ ...base, rng, warmupRequests: 20_000 }, RangeError, /warmupRequests/],
      [{ ...base, rng: Math.random }, TypeError, /rng/],
      [{ ...base, rng, queueLimit: -1 }, RangeError, /queueLimit/],
    ];
    for (const [opts, type, pattern] of bad) {
      assert.throws(() => simulateQueue(opts as never), (e: Error) => e instanceof type && pattern.test(e.message), JSON.stringify(opts));
    }
    assert.throws(() => simulateQueue(undefined as never), (e: Error) => e instanceof TypeError && /options/.test(e.message));
  });
});
