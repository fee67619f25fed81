import { strict as assert } from 'node:assert';
import { simulatePool } from '../../lib/net/connections/connectionPool';
import type { PoolOptions } from '../../lib/net/connections/poolOptions';
import { concurrencyQuantile, meanConcurrency } from '../../lib/net/connections/concurrency';
import { mmc, simulateQueue } from '../../lib/sim';
import { createRng, exponential, lognormal, constant } from '../../lib/random';

const rel = (a: number, b: number): number => Math.abs(a / b - 1);

/** Erlang B: the share of arrivals that find all n servers busy in M/G/n/n (insensitive to the service distribution). */
function erlangB(n: number, offered: number): number {
  let b = 1;
  for (let k = 1; k <= n; k++) b = (offered * b) / (k + offered * b);
  return b;
}

// 200 requests/s holding a connection 50 ms on average: 10 in flight (Little's law).
const base = { arrivalRate: 200, requestMs: exponential(50), handshakeMs: 30, requests: 200_000 };

describe('simulatePool: sizing to concurrency', () => {
  it('a pool far larger than the concurrency opens connections only while warming up', () => {
    for (const whenExhausted of ['open-extra', 'wait'] as const) {
      const r = simulatePool({ ...base, poolSize: 500, whenExhausted, rng: createRng(1) });
      assert.equal(r.handshakes, r.peakOpen, 'every handshake is a pooled connection kept for good');
      assert.ok(r.handshakes <= 40, `${r.handshakes} handshakes`);
      assert.ok(r.handshakeShare < 2e-4);
      assert.equal(r.extraConnections, 0);
      assert.equal(r.closedConnections, 0);
      assert.equal(r.meanWaitMs, 0);
    }
  });

  it("poolSize 1 at concurrency 10: 'open-extra' turns most requests into handshakes", () => {
    const r = simulatePool({ ...base, poolSize: 1, whenExhausted: 'open-extra', rng: createRng(2) });
    assert.ok(r.handshakeShare > 0.85, `${r.handshakeShare}`);
    assert.equal(r.closedConnections, r.extraConnections, 'throwaway connections are closed: TIME_WAIT on the client');
    assert.ok(rel(r.closesPerSecond, 200 * r.handshakeShare) < 0.02);
    assert.ok(r.summary.mean > 50 + 30 * 0.85, 'the handshakes show in the latency');
  });

  it("poolSize 1 at concurrency 10: 'wait' makes the queue grow for the whole run, and says so", () => {
    const r = simulatePool({ ...base, poolSize: 1, whenExhausted: 'wait', requests: 20_000, rng: createRng(2) });
    assert.equal(r.unstable, true);
    assert.equal(r.handshakes, 1);
    const half = r.waitMs.length / 2;
    const mean = (a: Float64Array): number => a.reduce((s, v) => s + v, 0) / a.length;
    assert.ok(mean(r.waitMs.subarray(half)) > 2 * mean(r.waitMs.subarray(0, half)), 'later requests wait longer');
    assert.ok(r.meanWaitMs > 100_000);
  });

  it("'open-extra': the share of throwaway connections matches Erlang B for the pool size, within 6%", () => {
    // The pool is an M/G/n/n loss system whose overflow opens throwaway connections.
    // Across seeds 1–8 the ratio to theory has an sd of about 1.5% at pool 14 (less for smaller pools).
    for (const [poolSize, seed] of [[8, 3], [10, 4], [14, 5]]) {
      const r = simulatePool({ ...base, requestMs: lognormal({ median: 35, p99: 300 }), poolSize, whenExhausted: 'open-extra', rng: createRng(seed) });
      const theory = erlangB(poolSize, r.offeredConcurrency);
      assert.ok(rel(r.extraConnections / base.requests, theory) < 0.06, `pool ${poolSize}: ${r.extraConnections / base.requests} vs ${theory}`);
    }
  });

  it("'wait' without handshake cost is M/M/c: the same waits as simulateQueue, and Erlang C's mean within 12%", () => {
    // Across seeds 1–8 the mean wait of 400,000 requests spreads by about ±4% (sd) around Erlang C.
    for (const [poolSize, seed] of [[12, 6], [14, 7]]) {
      const r = simulatePool({ ...base, handshakeMs: 0, poolSize, whenExhausted: 'wait', requests: 400_000, rng: createRng(seed) });
      const queue = simulateQueue({ workers: poolSize, arrivalRate: 200, serviceTime: base.requestMs, requests: 400_000, warmupRequests: 0, rng: createRng(seed) });
      assert.deepEqual(r.waitMs, queue.waitMs);
      const theory = mmc({ workers: poolSize, arrivalRate: 200, meanServiceMs: 50 });
      assert.equal(r.unstable, false);
      assert.ok(rel(r.meanWaitMs, theory.meanWaitMs) < 0.12, `pool ${poolSize}: ${r.meanWaitMs} vs ${theory.meanWaitMs}`);
    }
  });

  it('measured mean concurrency matches arrivalRate × mean request time (Little) within 1.5%', () => {
    // Across seeds 1–8 the estimate's sd is about 0.4% (heavy lognormal) or less: 1.5% is over 3.5 sd.
    for (const requestMs of [exponential(50), lognormal({ median: 20, p99: 400 }), constant(25)]) {
      for (const whenExhausted of ['open-extra', 'wait'] as const) {
        const r = simulatePool({ ...base, requestMs, poolSize: 40, whenExhausted, rng: createRng(11) });
        const expected = meanConcurrency(200, requestMs.mean!);
        assert.equal(r.offeredConcurrency, expected);
        assert.ok(rel(r.meanBusy, expected) < 0.015, `${requestMs.label}, ${whenExhausted}: ${r.meanBusy} vs ${expected}`);
      }
    }
  });

  it('concurrencyQuantile gives Poisson quantiles: at a mean of 10 the p99 is 18', () => {
    assert.equal(concurrencyQuantile(10, 0.99), 18);
    assert.equal(concurrencyQuantile(10, 0.5), 10);
    assert.equal(concurrencyQuantile(0, 0.99), 0);
    const big = concurrencyQuantile(10_000, 0.99);
    assert.ok(big >= 10_000 + 2.3 * 100 && big <= 10_000 + 2.36 * 100, `${big}`); // normal limit: mean + 2.326 sd
    const r = simulatePool({ ...base, poolSize: 18, whenExhausted: 'open-extra', rng: createRng(12) });
    assert.equal(r.concurrencyP99, 18);
    assert.ok(r.handshakeShare < 0.02, 'a pool at the p99 of concurrency serves almost every request warm');
  });
});

describe('simulatePool: connection lifecycle', () => {
  it('conserves connections: handshakes = closed + still open at the end', () => {
    const cases: Partial<PoolOptions>[] = [
      { poolSize: 10, whenExhausted: 'open-extra', idleTimeoutMs: 100 },
      { poolSize: 10, whenExhausted: 'wait', maxLifetimeMs: 2_000 },
      { poolSize: 0, whenExhausted: 'open-extra' },
      { poolSize: 20, whenExhausted: 'open-extra', idleTimeoutMs: 50, maxLifetimeMs: 1_000, handshakeMs: lognormal({ median: 20, p99: 120 }) },
    ];
    for (const c of cases) {
      const r = simulatePool({ ...base, requests: 50_000, rng: createRng(13), ...c } as PoolOptions);
      assert.equal(r.handshakes, r.closedConnections + r.openAtEnd, JSON.stringify(c));
      assert.equal(r.handshakes, r.handshake.reduce((s, v) => s + v, 0));
      assert.ok(r.peakOpen <= (c.whenExhausted === 'wait' ? c.poolSize! : Infinity));
    }
  });

  it('poolSize 0 means no pooling: every request pays a handshake and leaves a TIME_WAIT socket', () => {
    const r = simulatePool({ ...base, poolSize: 0, whenExhausted: 'open-extra', requests: 20_000, rng: createRng(14) });
    assert.equal(r.handshakes, 20_000);
    assert.equal(r.closedConnections, 20_000);
    assert.equal(r.openAtEnd, 0);
  });

  it('idle timeouts and lifetimes cost handshakes', () => {
    const opts = { ...base, poolSize: 30, whenExhausted: 'open-extra' as const, requests: 100_000 };
    const kept = simulatePool({ ...opts, rng: createRng(15) });
    const idle = simulatePool({ ...opts, idleTimeoutMs: 20, rng: createRng(15) });
    const aged = simulatePool({ ...opts, maxLifetimeMs: 1_000, rng: createRng(15) });
    assert.ok(idle.handshakes > 10 * kept.handshakes, `${idle.handshakes} vs ${kept.handshakes}`);
    // Each connection lives at least maxLifetime: about 10+ connections retired every second.
    assert.ok(aged.handshakes > 10 * (aged.simulatedMs / 1_000), `${aged.handshakes}`);
    assert.ok(idle.meanOpen < kept.meanOpen, 'idle connections are closed');
  });
});

describe('simulatePool: determinism and options', () => {
  it('the same seed gives identical results; pools of different sizes see the same requests', () => {
    const opts = { ...base, requests: 20_000, poolSize: 8, whenExhausted: 'open-extra' as const };
    assert.deepEqual(simulatePool({ ...opts, rng: createRng(21) }), simulatePool({ ...opts, rng: createRng(21) }));
    assert.notDeepEqual(simulatePool({ ...opts, rng: createRng(21) }).latencyMs, simulatePool({ ...opts, rng: createRng(22) }).latencyMs);
    // Without handshake cost and without waiting, latency is the request's own time, whatever the pool.
    const a = simulatePool({ ...opts, handshakeMs: 0, poolSize: 3, rng: createRng(23) });
    const b = simulatePool({ ...opts, handshakeMs: 0, poolSize: 30, rng: createRng(23) });
    assert.deepEqual(a.latencyMs, b.latencyMs);
    assert.ok(a.handshakes > b.handshakes);
  });

  it('rejects bad options with the option, the value and the range named', () => {
    const ok = { ...base, poolSize: 5, whenExhausted: 'wait', rng: createRng(1) };
    const bad: [object, ErrorConstructor, RegExp][] = [
      [{ ...ok, whenExhausted: 'drop' }, RangeError, /whenExhausted must be one of "open-extra", "wait"; got "drop"/],
      [{ ...ok, whenExhausted: undefined }, TypeError, /whenExhausted/],
      [{ ...ok, poolSize: 0 }, RangeError, /poolSize must be an integer in \[1, 100000\]; got 0/],
      [{ ...ok, whenExhausted: 'open-extra', poolSize: -1 }, RangeError, /poolSize must be an integer in \[0, 100000\]; got -1/],
      [{ ...ok, poolSize: 2.5 }, RangeError, /poolSize/],
      [{ ...ok, arrivalRate: -1 }, RangeError, /arrivalRate must be a number in \(0, 1000000000\]; got -1/],
      [{ ...ok, requestMs: 50 }, TypeError, /requestMs must be a Distribution/],
      [{ ...ok, handshakeMs: -3 }, RangeError, /handshakeMs must be a number of ms in \[0, 3600000\].*got -3/],
      [{ ...ok, handshakeMs: 'slow' }, TypeError, /handshakeMs/],
      [{ ...ok, idleTimeoutMs: 0 }, RangeError, /idleTimeoutMs/],
      [{ ...ok, maxLifetimeMs: -5 }, RangeError, /maxLifetimeMs/],
      [{ ...ok, requests: 0 }, RangeError, /requests must be an integer in \[1, 10000000\]; got 0/],
      [{ ...ok, rng: 42 }, TypeError, /rng/],
    ];
    for (const [opts, type, pattern] of bad) {
      assert.throws(() => simulatePool(opts as never), (e: Error) => e instanceof type && pattern.test(e.message), JSON.stringify(opts));
    }
    assert.throws(() => simulatePool(null as never), (e: Error) => e instanceof TypeError && /simulatePool expects an options object/.test(e.message));
    assert.throws(() => concurrencyQuantile(-1, 0.5), (e: Error) => e instanceof RangeError && /mean/.test(e.message));
    assert.throws(() => concurrencyQuantile(5, 1), (e: Error) => e instanceof RangeError && /p must be a number in \[0, 1\); got 1/.test(e.message));
  });
});
