import { strict as assert } from 'node:assert';
import { outcomesPerBucket, simulateCluster, type ClusterOptions, type ClusterResult } from '../../lib/balance';
import { createRng, exponential, lognormal } from '../../lib/random';

/** Everything a run that keeps summaries reports besides its summary must equal the run that keeps columns. */
function sameTallies(streamed: ClusterResult, exact: ClusterResult): void {
  assert.equal(exact.kept, 'columns');
  assert.equal(streamed.kept, 'summaries');
  for (const k of ['ok', 'errors', 'timeouts', 'offeredLoad', 'overloadedServers', 'unstable', 'simulatedMs', 'sessionsRepinned'] as const) {
    assert.deepEqual(streamed[k], exact[k], k);
  }
  assert.deepEqual(streamed.perServer, exact.perServer);
  assert.deepEqual(streamed.proxies, exact.proxies);
  assert.deepEqual(streamed.imbalance, exact.imbalance);
  assert.deepEqual(streamed.health, exact.health);
  assert.equal(streamed.summary.count, exact.summary.count);
  assert.equal(streamed.summary.max, exact.summary.max);
  assert.ok(Math.abs(streamed.summary.mean / exact.summary.mean - 1) < 1e-9, 'mean');
}

describe('simulateCluster keeping summaries', () => {
  const cases: [string, Omit<ClusterOptions, 'rng' | 'keep'>][] = [
    ['least response time, sticky sessions by cookie behind an L7 tier', {
      servers: 20, serviceTime: lognormal({ median: 10, p99: 80 }), arrivalRate: 1600, requests: 40_000, balancer: 'least-response-time',
      sticky: true, hashKey: 'session', proxies: [{ layer: 'L7', instances: 2, workers: 8, costMs: 0.2 }],
    }],
    ['failures seen by health checks, two pools, bursts and timeouts', {
      servers: [
        { pool: 'api', failures: [{ atMs: 40_000, untilMs: 60_000 }] }, { pool: 'api', workers: 2 }, { pool: 'api' },
        { pool: 'static', failures: [{ atMs: 80_000 }] }, { pool: 'static' },
      ],
      serviceTime: exponential(10), arrivalRate: 250, burst: { meanOnMs: 300, meanOffMs: 300 }, requests: 30_000, balancer: 'least-connections',
      paths: [{ path: '/api', share: 0.7 }, { path: '/static', share: 0.3, serviceTime: exponential(4) }], routes: { '/api': 'api', '/static': 'static' },
      proxies: [{ layer: 'L7', instances: 1, workers: 4, costMs: 0.1 }], healthCheck: { intervalMs: 500 }, failedRequestMs: 2, timeoutMs: 40,
    }],
  ];
  for (const [name, opts] of cases) {
    it(`${name}: the same counts, per-server rows and health transitions as the exact run`, () => {
      const exact = simulateCluster({ ...opts, keep: 'columns', rng: createRng(5) });
      const streamed = simulateCluster({ ...opts, keep: 'summaries', rng: createRng(5) });
      sameTallies(streamed, exact);
      if (opts.healthCheck !== undefined) assert.ok(exact.health.length > 0 && exact.errors > 0 && exact.timeouts > 0, 'the case exercises failures and timeouts');
      if (opts.sticky) assert.ok(exact.proxies.length > 0 && exact.summary.count > 30_000, 'the case exercises the tier');
      for (const q of ['p50', 'p90', 'p99', 'p999'] as const) assert.ok(Math.abs(streamed.summary[q] / exact.summary[q] - 1) <= 0.005 + 1e-9, q);
    });
  }

  // The test the streaming path is held to at scale (tolerance 1 %; the sketch's own bound is 0.5 %).
  it('10^6 requests over 64 servers at utilisation 0.9 (power of two): p50, p99, p99.9 within 1 % of the exact run', function () {
    this.timeout(60_000);
    const opts = { servers: 64, serviceTime: exponential(10), arrivalRate: 0.9 * 64 * 100, requests: 1_000_000, balancer: 'power-of-two' } as const;
    const exact = simulateCluster({ ...opts, keep: 'columns', rng: createRng(2026) });
    const streamed = simulateCluster({ ...opts, keep: 'summaries', rng: createRng(2026) });
    sameTallies(streamed, exact);
    for (const q of ['p50', 'p90', 'p99', 'p999'] as const) {
      const err = Math.abs(streamed.summary[q] / exact.summary[q] - 1);
      assert.ok(err <= 0.01, `${q}: ${streamed.summary[q]} vs exact ${exact.summary[q]} (${(err * 100).toFixed(3)} %)`);
    }
  });

  it('keeps summaries by default above 10^7 requests, and says so when a column is read', () => {
    const r = simulateCluster({ servers: 2, serviceTime: exponential(10), arrivalRate: 100, requests: 500, balancer: 'round-robin', keep: 'summaries', rng: createRng(1) });
    assert.throws(() => r.latencyMs, (e: Error) => e instanceof RangeError && /simulateCluster kept summaries/.test(e.message));
    assert.throws(() => r.outcome, RangeError);
    assert.throws(() => outcomesPerBucket(r, { fromMs: 0, toMs: 1000, bucketMs: 100 }), (e: Error) => e instanceof RangeError && /outcomesPerBucket/.test(e.message) && /keep: 'columns'/.test(e.message));
    assert.throws(
      () => simulateCluster({ servers: 2, serviceTime: exponential(10), arrivalRate: 1e6, requests: 2e7, balancer: 'round-robin', keep: 'columns', rng: createRng(1) }),
      (e: Error) => e instanceof RangeError && /keep: "columns"/.test(e.message),
    );
  });
});
