import { strict as assert } from 'node:assert';
import { simulateCluster, dnsRoundRobin, remappedShare, createBalancer, type ClusterOptions } from '../../lib/balance';
import { createRng, exponential, constant, type Distribution } from '../../lib/random';

const small = (over: Partial<ClusterOptions> = {}): ClusterOptions =>
  ({ servers: 4, serviceTime: exponential(10), arrivalRate: 200, requests: 2000, balancer: 'round-robin', rng: createRng(1), ...over }) as ClusterOptions;
const bad = (over: Record<string, unknown>, type: new (...a: never[]) => Error, message: RegExp) =>
  assert.throws(() => simulateCluster(small(over as Partial<ClusterOptions>)), (e: unknown) => e instanceof type && message.test((e as Error).message));

/** A distribution whose k-th draw (counting from 0) is `bad`. */
const breaksAt = (k: number, bad: number): Distribution => {
  let n = 0;
  return { label: 'breaking', mean: 10, sample: (rng) => (n++ === k ? bad : 10 * rng()) } as Distribution;
};

describe('simulateCluster: every option checked by key', () => {
  it('names a misspelt option at the top and suggests the right one', () => {
    bad({ arivalRate: 5 }, TypeError, /simulateCluster: unknown option "arivalRate" \(did you mean "arrivalRate"\?\)/);
    bad({ healthcheck: {} }, TypeError, /did you mean "healthCheck"/);
  });

  it('names a misspelt option inside servers, failures, proxies, health checks, paths, burst and the balancer', () => {
    bad({ servers: [{}, { wieght: 2 }] }, TypeError, /unknown option "servers\[1\]\.wieght" \(did you mean "servers\[1\]\.weight"\?\)/);
    bad({ servers: [{ failures: [{ atMs: 5, untilMS: 10 }] }] }, TypeError, /"servers\[0\]\.failures\[0\]\.untilMS" \(did you mean "servers\[0\]\.failures\[0\]\.untilMs"\?\)/);
    bad({ proxies: [{ layer: 'L7', instnces: 2 }] }, TypeError, /"proxies\[0\]\.instnces" \(did you mean "proxies\[0\]\.instances"\?\)/);
    bad({ healthCheck: { intervalMS: 100 } }, TypeError, /"healthCheck\.intervalMS" \(did you mean "healthCheck\.intervalMs"\?\)/);
    bad({ paths: [{ path: '/', shares: 1 }] }, TypeError, /"paths\[0\]\.shares" \(did you mean "paths\[0\]\.share"\?\)/);
    bad({ burst: { meanOnMs: 10, meanOffMS: 10 } }, TypeError, /"burst\.meanOffMS" \(did you mean "burst\.meanOffMs"\?\)/);
    bad({ balancer: { name: 'power-of-two', choises: 3 } }, TypeError, /"balancer\.choises" \(did you mean "balancer\.choices"\?\)/);
    bad({ timeoutMs: null }, TypeError, /option timeoutMs is null/);
    bad({ servers: [{ failures: [{ atMs: 5, untilMs: null }] }] }, TypeError, /servers\[0\]\.failures\[0\]\.untilMs is null/);
  });

  it('names misspelt options of the other entry points', () => {
    assert.throws(() => dnsRoundRobin({ resolvers: [1], ttl: 30 } as never), /dnsRoundRobin: unknown option "ttl" \(did you mean "ttlS"\?\)/);
    assert.throws(() => remappedShare({ balancer: 'ip-hash', servers: 4, keys: 10, remove: 1 } as never), /remappedShare: unknown option "remove" \(did you mean "removed"\?\)/);
    const ctx = { members: Int32Array.from([0]), weights: Float64Array.from([1]), rng: createRng(1), weigths: 1 };
    assert.throws(() => createBalancer('random', ctx as never), /createBalancer: unknown option "weigths"/);
  });

  it('a failure’s untilMs must come after atMs, or be Infinity; anything else is named', () => {
    const at = (untilMs: unknown) => ({ servers: [{ failures: [{ atMs: 100, untilMs }] }, {}] });
    bad(at(NaN), RangeError, /servers\[0\]\.failures\[0\]\.untilMs must be a number in \[0, 1000000000000\]; got NaN/);
    bad(at('200'), TypeError, /servers\[0\]\.failures\[0\]\.untilMs must be a number/);
    bad(at(-5), RangeError, /servers\[0\]\.failures\[0\]\.untilMs must be a number/);
    bad(at(100), RangeError, /servers\[0\]\.failures\[0\]\.untilMs must be a number > atMs \(100 ms\)/);
    bad(at(2e12), RangeError, /untilMs must be a number in \[0, 1000000000000\]; got 2000000000000/);
    // Infinity, or leaving it out, is a server that never recovers.
    for (const untilMs of [Infinity, undefined]) {
      const r = simulateCluster(small({ ...at(untilMs), warmupRequests: 0 } as Partial<ClusterOptions>));
      assert.ok(r.errors > 0 && r.health.length === 0);
    }
  });
});

describe('simulateCluster: streams', () => {
  it('changing server 0’s service time leaves server 1’s latencies identical under round robin', () => {
    const servers = (first: Distribution): ClusterOptions['servers'] => [{ serviceTime: first }, { serviceTime: exponential(10) }];
    const runWith = (first: Distribution) => simulateCluster(small({ servers: servers(first), arrivalRate: 50, warmupRequests: 0 }));
    const a = runWith(exponential(10));
    const b = runWith(constant(10));
    const on1 = (r: ReturnType<typeof simulateCluster>) => Array.from(r.latencyMs).filter((_, k) => r.server[k] === 1);
    assert.ok(on1(a).length > 900);
    assert.deepEqual(on1(a), on1(b));
    assert.notDeepEqual(Array.from(a.latencyMs).filter((_, k) => a.server[k] === 0), Array.from(b.latencyMs).filter((_, k) => b.server[k] === 0));
  });

  it('changing one path’s distribution leaves the other paths’ work identical', () => {
    const paths = (d: Distribution) => [{ path: '/a', share: 0.5, serviceTime: d }, { path: '/b', share: 0.5 }];
    const a = simulateCluster(small({ paths: paths(exponential(5)), warmupRequests: 0 }));
    const b = simulateCluster(small({ paths: paths(constant(5)), warmupRequests: 0 }));
    const onB = (r: ReturnType<typeof simulateCluster>) => Array.from(r.latencyMs).filter((_, k) => r.path[k] === 1);
    assert.deepEqual(a.path, b.path);
    // Queues are shared, so compare the work itself: a server per path keeps them apart.
    const sep = (d: Distribution) => simulateCluster(small({ servers: [{ pool: 'a' }, { pool: 'default' }], paths: paths(d), routes: { '/a': 'a' }, proxies: [{ layer: 'L7' }], warmupRequests: 0 }));
    assert.deepEqual(onB(sep(exponential(5))), onB(sep(constant(5))));
    assert.ok(onB(a).length > 900);
  });
});

describe('simulateCluster: bad distributions and bounds', () => {
  it('a bad draw names the option it came from, at the first bad draw', () => {
    bad({ servers: [{}, { serviceTime: breaksAt(3, NaN) }] }, RangeError, /servers\[1\]\.serviceTime must yield durations >= 0 ms; breaking gave NaN/);
    bad({ serviceTime: breaksAt(0, -1) }, RangeError, /^serviceTime must yield durations/);
    bad({ paths: [{ path: '/', share: 1, serviceTime: breaksAt(5, Infinity) }] }, RangeError, /paths\[0\]\.serviceTime must yield durations/);
    bad({ proxies: [{ layer: 'L7', costMs: breaksAt(2, -3) }] }, RangeError, /proxies\[0\]\.costMs must yield durations/);
  });

  it('least connections over 10^5 servers runs in seconds, not hours', () => {
    // Before the index each pick scanned every server: 10^5 × 10^5 looks, hours at 10^7 requests.
    const started = process.hrtime.bigint();
    const r = simulateCluster({ servers: 100_000, serviceTime: exponential(10), arrivalRate: 100_000 * 50, requests: 30_000, balancer: 'least-connections', rng: createRng(2) });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    assert.ok(seconds < 20, `${seconds} s`);
    assert.equal(r.unstable, false);
    assert.ok(r.summary.mean < 10.5, `${r.summary.mean}`);
  }).timeout(40_000);

  it('refuses up front what would take more than about a minute or 2 GB, saying why', () => {
    const quick = (over: Record<string, unknown>, message: RegExp) => {
      const started = Date.now();
      bad(over, RangeError, message);
      assert.ok(Date.now() - started < 2000);
    };
    quick({ servers: 100_000, requests: 1e7, balancer: 'weighted-round-robin' }, /requests × servers looked at per request imply 1\.00e\+12 server looks by weighted-round-robin; the limit is 5\.00e\+9/);
    quick({ requests: 1e7, balancer: { name: 'power-of-two', choices: 1000 }, servers: 2000 }, /server looks by power-of-two/);
    quick({ servers: 100_000, workers: 10_000 }, /worker slots/);
    quick({ requests: 1e7, arrivalRate: 1, burst: { meanOnMs: 1e-3, meanOffMs: 1e-3 } }, /burst and silence periods/);
    quick({ servers: 100_000, balancer: { name: 'consistent-hash', vnodes: 10_000 } }, /points on the hash rings/);
    quick({ healthCheck: { intervalMs: 1e-6 } }, /healthCheck\.intervalMs must be a number in \[1, 1000000000\]/);
    const pools = Array.from({ length: 20 }, (_, i) => ({ pool: `p${i}` }));
    quick({ servers: pools, requests: 1e7, sticky: true, proxies: [{ layer: 'L7' }], routes: { '/': 'p0' } }, /requests × pools imply 2\.00e\+8 session pins/);
  });
});
