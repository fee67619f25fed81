import { strict as assert } from 'node:assert';
import { simulateCluster, dnsRoundRobin, CLUSTER_OUTCOME, detectionBoundMs, type ClusterOptions } from '../../lib/balance';
import { mm1, mmc } from '../../lib/sim';
import { createRng, exponential, constant } from '../../lib/random';

const rel = (a: number, b: number): number => Math.abs(a / b - 1);
const base = (seed: number): Pick<ClusterOptions, 'serviceTime' | 'rng'> => ({ serviceTime: exponential(10), rng: createRng(seed) });

describe('simulateCluster against queueing theory', () => {
  // Tolerances: about twice the largest deviation seen over seeds 1–6 at this length.
  it('random over 8 exponential servers = 8 independent M/M/1 queues (mean within 4%, p99 within 7%)', () => {
    const r = simulateCluster({ ...base(3), servers: 8, arrivalRate: 8 * 70, requests: 400_000, balancer: 'random' });
    const theory = mm1({ arrivalRate: 70, meanServiceMs: 10 });
    assert.ok(rel(r.summary.mean, theory.meanLatencyMs) < 0.04, `mean ${r.summary.mean} vs ${theory.meanLatencyMs}`);
    assert.ok(rel(r.summary.p99, theory.latencyQuantile(0.99)) < 0.07, `p99 ${r.summary.p99} vs ${theory.latencyQuantile(0.99)}`);
    for (const s of r.perServer) assert.ok(Math.abs(s.utilisation - 0.7) < 0.02, `server ${s.server} utilisation ${s.utilisation}`);
    assert.equal(r.unstable, false);
    assert.ok(Math.abs(r.offeredLoad - 0.7) < 0.01);
  });

  it('one server with 4 workers = M/M/4 (Erlang C; mean within 4%, p99 within 7%)', () => {
    const r = simulateCluster({ ...base(3), servers: 1, workers: 4, arrivalRate: 320, requests: 400_000, balancer: 'round-robin' });
    const theory = mmc({ workers: 4, arrivalRate: 320, meanServiceMs: 10 });
    assert.ok(rel(r.summary.mean, theory.meanLatencyMs) < 0.04, `mean ${r.summary.mean} vs ${theory.meanLatencyMs}`);
    assert.ok(rel(r.summary.p99, theory.latencyQuantile(0.99)) < 0.07, `p99 ${r.summary.p99} vs ${theory.latencyQuantile(0.99)}`);
  });

  it('least-connections over 8 servers comes close to one shared queue (M/M/8) and beats random by far', () => {
    const opts = { ...base(4), servers: 8, arrivalRate: 8 * 80, requests: 200_000 };
    const lc = simulateCluster({ ...opts, balancer: 'least-connections' });
    const rnd = simulateCluster({ ...opts, rng: createRng(4), balancer: 'random' });
    const pooled = mmc({ workers: 8, arrivalRate: 640, meanServiceMs: 10 }).meanLatencyMs;
    assert.ok(lc.summary.mean >= pooled * 0.97 && lc.summary.mean < pooled * 1.3, `lc mean ${lc.summary.mean} vs M/M/8 ${pooled}`);
    assert.ok(rnd.summary.mean > 3 * lc.summary.mean, `random ${rnd.summary.mean} vs lc ${lc.summary.mean}`);
  });

  it('weighted round robin gives each server exactly its weight’s share of requests', () => {
    const r = simulateCluster({
      ...base(5),
      servers: [{ weight: 1 }, { weight: 4, speed: 4 }, { weight: 8, speed: 8 }],
      arrivalRate: 650,
      requests: 13_000,
      warmupRequests: 0,
      balancer: 'weighted-round-robin',
    });
    assert.deepEqual(r.perServer.map((s) => s.requests), [1000, 4000, 8000]);
  });

  it('round robin over unequal servers overloads the small one, and the run says so', () => {
    const r = simulateCluster({ ...base(5), servers: [{}, { speed: 4 }, { speed: 8 }], arrivalRate: 0.7 * 1300, requests: 20_000, balancer: 'round-robin' });
    assert.ok(r.offeredLoad < 1, 'the pool as a whole has room');
    assert.equal(r.overloadedServers, 1);
    assert.equal(r.unstable, true);
    assert.ok(Math.abs(r.perServer[0].offeredLoad - (0.7 * 1300) / 3 / 100) < 0.1, `${r.perServer[0].offeredLoad}`);
    // Measured while requests arrive, the fast servers' utilisation is their load, not diluted by the slow one's drain.
    assert.ok(Math.abs(r.perServer[2].utilisation - (0.7 * 1300) / 3 / 800) < 0.03, `${r.perServer[2].utilisation}`);
    // Least connections keeps the small server full, never overloaded.
    const lc = simulateCluster({ ...base(5), servers: [{ workers: 4 }, { workers: 16 }, { workers: 32 }], arrivalRate: 0.7 * 5200, requests: 100_000, balancer: 'least-connections' });
    assert.ok(lc.perServer[0].offeredLoad > 0.97, `${lc.perServer[0].offeredLoad}`);
    assert.equal(lc.overloadedServers, 0);
    assert.equal(lc.unstable, false);
  });
});

describe('simulateCluster: failures and health checks', () => {
  const hcOptions = { intervalMs: 1000, timeoutMs: 500, unhealthyThreshold: 3, healthyThreshold: 2 };
  const bound = detectionBoundMs(hcOptions);
  const failAt = 20_000;
  const failing = (healthCheck?: typeof hcOptions, untilMs?: number): ClusterOptions => ({
    ...base(6),
    servers: [{ failures: [{ atMs: failAt, untilMs }] }, {}, {}, {}],
    arrivalRate: 200,
    requests: 16_000,
    warmupRequests: 0,
    balancer: 'round-robin',
    healthCheck,
  });

  it('health checks bound the errors by the failed server’s arrival rate × detection time', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const r = simulateCluster({ ...failing(hcOptions), rng: createRng(seed) });
      const perServerRate = 200 / 4 / 1000; // requests per ms reaching server 0
      const minimum = perServerRate * (2 * hcOptions.intervalMs + hcOptions.timeoutMs);
      const maximum = perServerRate * bound;
      // Poisson slack of 4 standard deviations, plus the few requests in service when it failed.
      assert.ok(r.errors >= minimum - 4 * Math.sqrt(minimum), `seed ${seed}: ${r.errors} errors < ${minimum}`);
      assert.ok(r.errors <= maximum + 4 * Math.sqrt(maximum) + 3, `seed ${seed}: ${r.errors} errors > ${maximum}`);
      const out = r.health.find((h) => h.server === 0 && !h.healthy)!;
      assert.ok(out.atMs > failAt && out.atMs <= failAt + bound);
      for (let k = 0; k < r.server.length; k++) if (r.server[k] === 0) assert.ok(r.arrivalMs[k] < out.atMs);
    }
  });

  it('without health checks the balancer keeps sending a quarter of the traffic into the dead server', () => {
    const r = simulateCluster(failing());
    let after = 0;
    for (let k = 0; k < r.arrivalMs.length; k++) if (r.arrivalMs[k] >= failAt) after++;
    assert.ok(Math.abs(r.errors / after - 0.25) < 0.01, `${r.errors} of ${after}`);
    assert.equal(r.health.length, 0);
  });

  it('least-connections without health checks pulls traffic into a server that fails fast', () => {
    const r = simulateCluster({ ...failing(), balancer: 'least-connections' });
    let after = 0;
    for (let k = 0; k < r.arrivalMs.length; k++) if (r.arrivalMs[k] >= failAt) after++;
    assert.ok(r.errors / after > 0.35, `a fast error looks like an idle server: ${r.errors} of ${after}`);
  });

  it('a recovered server returns to rotation after the healthy threshold', () => {
    const r = simulateCluster(failing(hcOptions, 40_000));
    const back = r.health.find((h) => h.server === 0 && h.healthy)!;
    assert.ok(back.atMs >= 40_000 + hcOptions.intervalMs && back.atMs <= 40_000 + 2 * hcOptions.intervalMs, `back at ${back.atMs}`);
    let servedAfter = 0;
    for (let k = 0; k < r.server.length; k++) if (r.server[k] === 0 && r.arrivalMs[k] > back.atMs) servedAfter += r.outcome[k] === CLUSTER_OUTCOME.ok ? 1 : 0;
    assert.ok(servedAfter > 1000, `served after recovery: ${servedAfter}`);
  });

  it('requests lost in a crash, refused requests and timeouts are told apart', () => {
    const r = simulateCluster({ ...failing(), failedRequestMs: 3000, timeoutMs: 1000 });
    assert.equal(r.ok + r.errors + r.timeouts, r.outcome.length);
    assert.ok(r.timeouts > 0 && r.errors > 0);
    for (let k = 0; k < r.outcome.length; k++) {
      if (r.outcome[k] === CLUSTER_OUTCOME.timedOut) assert.equal(r.latencyMs[k], 1000);
      else assert.ok(r.latencyMs[k] <= 1000);
    }
  });
});

describe('simulateCluster: DNS round robin', () => {
  const dnsRun = (ttlS: number, extra: Partial<ClusterOptions> = {}) =>
    simulateCluster({
      ...base(7),
      servers: 4,
      arrivalRate: 200,
      requests: 40_000,
      balancer: dnsRoundRobin({ resolvers: [40, ...Array<number>(60).fill(1)], ttlS }),
      ...extra,
    });

  it('with TTL 0 every request asks the authority: a perfect rotation', () => {
    assert.ok(dnsRun(0).imbalance.requestsMaxOverMean < 1.001);
  });

  it('with a long TTL one large resolver skews the load (the convoy)', () => {
    assert.ok(dnsRun(300).imbalance.requestsMaxOverMean > 1.2);
  });

  it('health-checked DNS stops new answers pointing at a dead server, but caches keep it until the TTL runs out', () => {
    const failAt = 60_000;
    const ttlS = 30;
    const r = dnsRun(ttlS, { servers: [{ failures: [{ atMs: failAt }] }, {}, {}, {}], healthCheck: {}, warmupRequests: 0 });
    const detected = r.health.find((h) => !h.healthy)!.atMs;
    let lastError = 0;
    for (let k = 0; k < r.outcome.length; k++) if (r.outcome[k] === CLUSTER_OUTCOME.failed) lastError = r.arrivalMs[k];
    assert.ok(lastError > detected, `errors continue after detection (last ${lastError}, detected ${detected})`);
    assert.ok(lastError < detected + ttlS * 1000, `but end within a TTL of it (last ${lastError})`);
  });

  it('names bad DNS options', () => {
    assert.throws(() => dnsRoundRobin({ resolvers: [], ttlS: 30 }), /resolvers must be an array/);
    assert.throws(() => dnsRoundRobin({ resolvers: [1, -2], ttlS: 30 }), /resolvers\[1\] must be/);
    assert.throws(() => dnsRoundRobin({ resolvers: [1], ttlS: 1.5 }), /ttlS must be/);
  });
});

describe('simulateCluster: L4 and L7 balancers', () => {
  it('an L7 proxy is busy λ × cost of the time, and becomes the bottleneck before the servers', () => {
    const opts = { ...base(8), servers: 16, workers: 4, arrivalRate: 9000, requests: 100_000 };
    const l7 = simulateCluster({ ...opts, serviceTime: exponential(5), balancer: 'least-connections', proxies: [{ layer: 'L7' }] });
    assert.ok(Math.abs(l7.proxies[0].utilisation - 0.9) < 0.02, `proxy utilisation ${l7.proxies[0].utilisation}`);
    const over = simulateCluster({ ...opts, serviceTime: exponential(5), arrivalRate: 11_000, balancer: 'least-connections', proxies: [{ layer: 'L7' }] });
    assert.ok(over.unstable && over.offeredLoad > 1.05, `offered ${over.offeredLoad}`);
    const tiered = simulateCluster({
      ...opts,
      serviceTime: exponential(5),
      arrivalRate: 11_000,
      balancer: 'least-connections',
      proxies: [{ layer: 'L4' }, { layer: 'L7', instances: 4 }],
    });
    assert.equal(tiered.unstable, false);
    assert.ok(tiered.summary.p99 < over.summary.p99 / 10, `${tiered.summary.p99} vs ${over.summary.p99}`);
    assert.equal(tiered.proxies.length, 5);
  });

  it('routes paths to pools by longest prefix, and sticky sessions stay on one server', () => {
    const r = simulateCluster({
      ...base(9),
      servers: [{ pool: 'payments' }, { pool: 'payments' }, { pool: 'products' }, { pool: 'products' }, { pool: 'default' }],
      paths: [
        { path: '/api/payments/charge', share: 0.2, serviceTime: exponential(20) },
        { path: '/api/products/42', share: 0.5 },
        { path: '/about', share: 0.3 },
      ],
      routes: { '/api/payments': 'payments', '/api/products': 'products', '/api': 'default' },
      proxies: [{ layer: 'L7' }],
      sticky: true,
      arrivalRate: 100,
      requests: 20_000,
      balancer: 'round-robin',
    });
    const poolOf = ['payments', 'payments', 'products', 'products', 'default'];
    const expected = ['payments', 'products', 'default'];
    const pinned = new Map<string, number>();
    for (let k = 0; k < r.path.length; k++) {
      assert.equal(poolOf[r.server[k]], expected[r.path[k]]);
      const key = `${r.session[k]} ${poolOf[r.server[k]]}`;
      if (!pinned.has(key)) pinned.set(key, r.server[k]);
      assert.equal(r.server[k], pinned.get(key), `session ${r.session[k]} moved`);
    }
    assert.ok(pinned.size > 1000);
  });

  it('an L4 balancer cannot route by path, stick by cookie or hash sessions, and says why', () => {
    const opts = { ...base(1), servers: 2, arrivalRate: 10, requests: 10, balancer: 'round-robin' as const, proxies: [{ layer: 'L4' as const }] };
    assert.throws(() => simulateCluster({ ...opts, routes: { '/a': 'default' } }), /routes \(path routing\) needs an L7 balancer, but the last proxy tier is L4/);
    assert.throws(() => simulateCluster({ ...opts, sticky: true }), /sticky \(cookie stickiness\) needs an L7 balancer/);
    assert.throws(() => simulateCluster({ ...opts, hashKey: 'session' }), /hashKey "session" needs an L7 balancer/);
  });

  it('sticky sessions are repinned when their server leaves rotation', () => {
    const r = simulateCluster({
      ...base(10),
      servers: [{ failures: [{ atMs: 10_000 }] }, {}, {}],
      arrivalRate: 100,
      requests: 5000,
      proxies: [{ layer: 'L7' }],
      sticky: true,
      requestsPerSession: 20,
      clients: 200,
      healthCheck: {},
      balancer: 'least-connections',
    });
    assert.ok(r.sessionsRepinned > 10, `${r.sessionsRepinned}`);
  });
});

describe('simulateCluster: runs and inputs', () => {
  const small: ClusterOptions = { ...base(11), servers: 4, arrivalRate: 300, requests: 5000, balancer: 'power-of-two' };

  it('is deterministic, and compared balancers meet the same requests', () => {
    const a = simulateCluster({ ...small, rng: createRng(11) });
    const b = simulateCluster({ ...small, rng: createRng(11) });
    assert.deepEqual(a.latencyMs, b.latencyMs);
    assert.deepEqual(a.server, b.server);
    const c = simulateCluster({ ...small, rng: createRng(11), balancer: 'round-robin' });
    assert.deepEqual(a.arrivalMs, c.arrivalMs);
    assert.notDeepEqual(a.server, c.server);
  });

  it('an overloaded cluster ends, bounded, and says it is unstable', () => {
    const r = simulateCluster({ ...small, arrivalRate: 600, serviceTime: constant(10) });
    assert.equal(r.unstable, true);
    assert.ok(r.offeredLoad > 1.4);
    assert.equal(r.summary.count, 4500);
  });

  it('bursts at the same average rate stretch the tail', () => {
    const poisson = simulateCluster({ ...small, requests: 50_000 });
    const bursty = simulateCluster({ ...small, rng: createRng(11), requests: 50_000, burst: { meanOnMs: 200, meanOffMs: 300 } });
    assert.ok(bursty.summary.p99 > 3 * poisson.summary.p99, `${bursty.summary.p99} vs ${poisson.summary.p99}`);
  });

  it('reports progress up to the last request', () => {
    const seen: number[] = [];
    simulateCluster({ ...small, onProgress: (done, total) => seen.push(done / total) });
    assert.equal(seen[seen.length - 1], 1);
  });

  it('names bad input', () => {
    assert.throws(() => simulateCluster({ ...small, servers: 0 }), /servers must be an integer in \[1, 100000\]; got 0/);
    assert.throws(() => simulateCluster({ ...small, servers: [] }), /servers must be a count or an array/);
    assert.throws(() => simulateCluster({ ...small, servers: [{}, { weight: -1 }] }), /servers\[1\]\.weight must be .*got -1/);
    assert.throws(() => simulateCluster({ ...small, balancer: 'fastest' as never }), /balancer must be one of "random", "round-robin".*got "fastest"/);
    assert.throws(() => simulateCluster({ ...small, requests: 0 }), /requests must be an integer/);
    assert.throws(() => simulateCluster({ ...small, arrivalRate: -5 }), /arrivalRate must be/);
    assert.throws(() => simulateCluster({ ...small, servers: [{ failures: [{ atMs: 10, untilMs: 5 }] }] }), /servers\[0\]\.failures\[0\]\.untilMs must be a number > atMs/);
    assert.throws(() => simulateCluster({ ...small, paths: [{ path: '/a', share: 0.5 }] }), /paths shares must sum to 1; got 0.5/);
    assert.throws(() => simulateCluster({ ...small, routes: { '/a': 'nowhere' } }), /routes\["\/a"\] must name a pool/);
    assert.throws(() => simulateCluster({ ...small, proxies: [{ layer: 'L5' as never }] }), /proxies\[0\]\.layer must be one of "L4", "L7"/);
  });
});
