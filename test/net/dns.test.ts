import { strict as assert } from 'node:assert';
import { TtlCache, isLive, remainingTtlMs } from '../../lib/net/dns/ttlCache';
import { dnsZone, dnsName, tldOf, zoneOf } from '../../lib/net/dns/dnsZone';
import { DnsResolver } from '../../lib/net/dns/dnsResolver';
import { DnsClient, runtimeCacheMs, type RuntimeCachePolicy } from '../../lib/net/dns/dnsClient';
import { dnsLookupBudget } from '../../lib/net/dns/dnsBudget';
import { DnsFleet } from '../../lib/net/dns/dnsFleet';
import { simulateDnsFailover, type DnsFailoverOptions } from '../../lib/net/dns/dnsFailover';
import { requestTime } from '../../lib/net/tcp/requestTime';
import { createRng } from '../../lib/random/rng';

const S = 1000;
const RTTS = { resolverRttMs: 10, rootMs: 100, tldMs: 40, authoritativeMs: 70 };
const resolverRtts = { rootMs: RTTS.rootMs, tldMs: RTTS.tldMs, authoritativeMs: RTTS.authoritativeMs };

describe('TtlCache', () => {
  it('is live until the expiry and gone exactly at it (RFC 1035 §3.2.1)', () => {
    const cache = new TtlCache<string>();
    cache.set('a', 'x', 300 * S, 1000);
    assert.equal(cache.lookup('a', 1000)?.value, 'x');
    assert.equal(cache.lookup('a', 1000 + 300 * S - 1)?.value, 'x');
    assert.equal(cache.lookup('a', 1000 + 300 * S - 1e-6)?.value, 'x');
    assert.equal(cache.lookup('a', 1000 + 300 * S), undefined);
    assert.equal(cache.size, 0, 'the expired entry is dropped');
    assert.equal(isLive(5, 5), false);
    assert.equal(isLive(5, 4.999), true);
  });

  it('hands out the remaining TTL, never below zero', () => {
    const cache = new TtlCache<string>();
    cache.set('a', 'x', 60 * S, 0);
    assert.equal(cache.remainingMs('a', 15 * S), 45 * S);
    assert.equal(cache.remainingMs('a', 60 * S), 0);
    assert.equal(remainingTtlMs(100, 250), 0);
  });

  it('stores nothing for a zero TTL and keeps an infinite one for ever', () => {
    const cache = new TtlCache<string>();
    cache.set('a', 'x', 10, 0);
    cache.set('a', 'y', 0, 5);
    assert.equal(cache.lookup('a', 5), undefined);
    cache.set('b', 'z', Infinity, 0);
    assert.equal(cache.lookup('b', 1e15)?.value, 'z');
  });
});

describe('DNS names and zones', () => {
  it('canonicalises names and finds their TLD and zone', () => {
    assert.equal(dnsName('name', 'DB.Example.COM.'), 'db.example.com');
    assert.equal(tldOf('db.eu.example.com'), 'com');
    assert.equal(zoneOf('db.eu.example.com'), 'example.com');
    assert.equal(zoneOf('example.com'), 'example.com');
  });

  it('applies timed changes and answers NXDOMAIN with the negative TTL (RFC 2308 §5)', () => {
    const zone = dnsZone({ records: { 'a.example.com': '10.0.0.1' }, ttlS: 60, negativeTtlS: 900, changes: [{ atMs: 5000, name: 'a.example.com', address: '10.0.0.2' }] });
    assert.deepEqual(zone('a.example.com', 4999), { address: '10.0.0.1', ttlMs: 60 * S });
    assert.deepEqual(zone('a.example.com', 5000), { address: '10.0.0.2', ttlMs: 60 * S });
    assert.deepEqual(zone('b.example.com', 0), { address: null, ttlMs: 900 * S });
  });
});

describe('resolution through runtime, stub and resolver caches', () => {
  const zone = dnsZone({
    records: { 'db.example.com': 'old', 'www.example.com': 'web', 'api.other.com': 'api', 'x.example.org': 'org' },
    ttlS: 300,
    negativeTtlS: 120,
    changes: [{ atMs: 150 * S, name: 'db.example.com', address: 'new' }],
  });
  const setup = (runtime: RuntimeCachePolicy = 'honour-ttl', stubCache = true) => {
    const resolver = new DnsResolver({ authority: zone, ...resolverRtts });
    const client = (): DnsClient => new DnsClient({ resolver, resolverRttMs: RTTS.resolverRttMs, runtime, stubCache });
    return { resolver, client };
  };

  it('costs the sum of the hops it walks, as dnsLookupBudget says', () => {
    const { client } = setup();
    const a = client();
    const b = client();
    const walk = (walkFrom: 'root' | 'tld' | 'authoritative') => dnsLookupBudget({ answeredBy: 'authoritative', walkFrom, ...RTTS });
    const cold = a.lookup('db.example.com', 0);
    assert.deepEqual(cold, { ms: 10 + 100 + 40 + 70, answeredBy: 'authoritative', address: 'old' });
    assert.equal(cold.ms, walk('root'));
    assert.deepEqual(a.lookup('db.example.com', 1), { ms: 0, answeredBy: 'runtime', address: 'old' });
    assert.deepEqual(b.lookup('db.example.com', 2), { ms: 10, answeredBy: 'resolver', address: 'old' });
    assert.equal(dnsLookupBudget({ answeredBy: 'resolver', ...RTTS }), 10);
    // Same zone, other name: the zone referral is cached, only the authoritative hop is walked.
    assert.deepEqual(a.lookup('www.example.com', 3), { ms: 10 + 70, answeredBy: 'authoritative', address: 'web' });
    assert.equal(walk('authoritative'), 80);
    // Same TLD, other zone: the TLD referral is cached.
    assert.equal(a.lookup('api.other.com', 4).ms, 10 + 40 + 70);
    assert.equal(walk('tld'), 120);
    // Other TLD: from the root again.
    assert.equal(a.lookup('x.example.org', 5).ms, 220);
    assert.equal(dnsLookupBudget({ answeredBy: 'stub', ...RTTS }), 0);
  });

  it("explains requestTime's dns: 'cold' as a resolver hit and 'warm' as a local hit", () => {
    for (const rttMs of [5, 48, 150]) {
      const cold = requestTime({ rttMs, bytes: 1000, dns: 'cold' }).breakdown.dnsMs;
      assert.equal(cold, dnsLookupBudget({ answeredBy: 'resolver', resolverRttMs: rttMs }));
      assert.equal(requestTime({ rttMs, bytes: 1000, dns: 'warm' }).breakdown.dnsMs, dnsLookupBudget({ answeredBy: 'runtime' }));
    }
  });

  it('re-walks from the root once the two-day referrals expire', () => {
    const { resolver } = setup();
    resolver.resolve('db.example.com', 0);
    assert.equal(resolver.walkStart('db.example.com', 172_800 * S - 1), 'authoritative');
    assert.equal(resolver.walkStart('db.example.com', 172_800 * S), 'root');
    assert.deepEqual(resolver.upstream, { root: 1, tld: 1, authoritative: 1 });
  });

  it('passes the remaining TTL down: no client cache outlives the resolver copy', () => {
    const { resolver, client } = setup();
    resolver.resolve('db.example.com', 0); // fetched at 0, expires at 300 s
    const late = client();
    assert.equal(late.lookup('db.example.com', 200 * S).answeredBy, 'resolver');
    assert.equal(resolver.resolve('db.example.com', 200 * S).ttlMs, 100 * S);
    // The record changed at 150 s; the client's copy lives exactly as long as the resolver's.
    assert.deepEqual(late.lookup('db.example.com', 300 * S - 1), { ms: 0, answeredBy: 'runtime', address: 'old' });
    assert.deepEqual(late.lookup('db.example.com', 300 * S), { ms: 80, answeredBy: 'authoritative', address: 'new' });
    // A stub alone behaves the same way.
    const { resolver: r2, client: c2 } = setup('none');
    r2.resolve('db.example.com', 0);
    const stubOnly = c2();
    stubOnly.lookup('db.example.com', 250 * S);
    assert.equal(stubOnly.lookup('db.example.com', 300 * S - 1).answeredBy, 'stub');
    assert.equal(stubOnly.lookup('db.example.com', 300 * S).answeredBy, 'authoritative');
  });

  it("keeps a 'forever' runtime copy past every TTL, and a fixed one for its own time", () => {
    const { client } = setup('forever');
    const jvm = client();
    jvm.lookup('db.example.com', 0);
    assert.deepEqual(jvm.lookup('db.example.com', 1e9), { ms: 0, answeredBy: 'runtime', address: 'old' });
    jvm.restart();
    assert.equal(jvm.lookup('db.example.com', 1e9).address, 'new');
    const { client: c2 } = setup(30 * S);
    const fixed = c2();
    fixed.lookup('db.example.com', 0);
    assert.equal(fixed.lookup('db.example.com', 30 * S - 1).answeredBy, 'runtime');
    assert.equal(fixed.lookup('db.example.com', 30 * S).answeredBy, 'stub');
    assert.equal(runtimeCacheMs('forever', 5, false), Infinity);
    assert.equal(runtimeCacheMs('honour-ttl', 5, false), 5);
  });

  it('caches NXDOMAIN for the negative TTL at the resolver and the stub (RFC 2308)', () => {
    const { resolver, client } = setup('none', false);
    const a = client();
    assert.deepEqual(a.lookup('nope.example.com', 0), { ms: 220, answeredBy: 'authoritative', address: null });
    assert.deepEqual(a.lookup('nope.example.com', 120 * S - 1), { ms: 10, answeredBy: 'resolver', address: null });
    assert.equal(resolver.resolve('nope.example.com', 30 * S).ttlMs, 90 * S);
    assert.equal(a.lookup('nope.example.com', 120 * S).answeredBy, 'authoritative');
    assert.equal(resolver.upstream.authoritative, 2);
    // A stub holds the negative answer for what is left of it.
    const b = setup('none').client();
    b.lookup('nope.example.com', 0);
    assert.deepEqual(b.lookup('nope.example.com', 120 * S - 1), { ms: 0, answeredBy: 'stub', address: null });
    // A 'forever' runtime keeps NXDOMAIN only for runtimeNegativeMs (10 s by default).
    const jvm = setup('forever').client();
    jvm.lookup('nope.example.com', 0);
    assert.equal(jvm.lookup('nope.example.com', 10 * S - 1).answeredBy, 'runtime');
    assert.equal(jvm.lookup('nope.example.com', 10 * S).answeredBy, 'stub');
  });
});

describe('DnsFleet agrees with DnsClient and DnsResolver', () => {
  for (const runtime of ['honour-ttl', 'forever', 'none', 7000] as RuntimeCachePolicy[]) {
    for (const stubCache of [true, false]) {
      it(`request by request: runtime ${runtime}, stub ${stubCache}`, () => {
        const zone = dnsZone({
          records: { 'db.example.com': 'a' },
          ttlS: 20,
          negativeTtlS: 15,
          changes: [
            { atMs: 40 * S, name: 'db.example.com', address: 'b' },
            { atMs: 90 * S, name: 'db.example.com', address: null },
            { atMs: 130 * S, name: 'db.example.com', address: 'c' },
          ],
        });
        const clients = 12;
        const resolvers = 3;
        const fleet = new DnsFleet({ clients, resolvers, authority: zone, name: 'db.example.com', runtime, stubCache, referralTtlS: 50, ...RTTS });
        const rs = Array.from({ length: resolvers }, () => new DnsResolver({ authority: zone, referralTtlS: 50, ...resolverRtts }));
        const cs = Array.from({ length: clients }, (_, i) => new DnsClient({ resolver: rs[i % resolvers], resolverRttMs: RTTS.resolverRttMs, runtime, stubCache }));
        fleet.preload(1, 0, 5 * S);
        rs[1].preload('db.example.com', 0, 5 * S);
        const rng = createRng('fleet');
        let t = 0;
        for (let i = 0; i < 3000; i++) {
          t += rng() * 150;
          const c = Math.floor(rng() * clients);
          const want = cs[c].lookup('db.example.com', t);
          const got = fleet.addresses[fleet.lookup(c, t)];
          assert.deepEqual({ address: got, answeredBy: fleet.lastAnsweredBy, ms: fleet.lastMs }, want, `request ${i} at ${t} ms, client ${c}`);
        }
        const upstream = { root: 0, tld: 0, authoritative: 0 };
        for (const r of rs) for (const k of ['root', 'tld', 'authoritative'] as const) upstream[k] += r.upstream[k];
        assert.deepEqual(fleet.upstream, upstream);
        assert.ok(upstream.root >= 2, 'the referrals expired and were fetched again');
      });
    }
  }
});

describe('simulateDnsFailover', () => {
  const base = { clients: 3000, resolvers: 100, ratePerClient: 0.2, changeAtMs: 120 * S, bucketMs: 5 * S, rng: createRng(7) };

  for (const ttlS of [30, 300, 3600]) {
    it(`TTL ${ttlS} s: stale requests stop before change + TTL, and happen in its last tenth`, () => {
      const r = simulateDnsFailover({ ...base, clients: ttlS === 3600 ? 1000 : 3000, ttlS, durationMs: base.changeAtMs + 1.3 * ttlS * S });
      const bound = base.changeAtMs + ttlS * S;
      assert.equal(r.staleBoundMs, bound);
      assert.ok(r.lastStaleMs !== null && r.lastStaleMs < bound, `last stale ${r.lastStaleMs} vs ${bound}`);
      // With 100 resolvers at uniform phases the last refresh is after 0.9 TTL unless all 100
      // fall earlier (probability 0.9^100 ≈ 3e-5); the seed is fixed, so this is exact here.
      assert.ok(r.lastStaleMs >= base.changeAtMs + 0.9 * ttlS * S, `last stale ${r.lastStaleMs}`);
      for (const b of r.series) if (b.tMs >= bound) assert.equal(b.stale, 0, `bucket at ${b.tMs}`);
      assert.ok(r.series[0].staleShare! > 0.8, `first bucket ${r.series[0].staleShare}`);
      assert.ok(r.series[r.series.length - 1].staleShare === 0);
      assert.equal(r.clientsOnOldAtEnd, 0);
    });
  }

  it("with a 'forever' runtime, clients that resolved before the change never let go", () => {
    const opts = { ...base, ratePerClient: 0.01, changeAtMs: 60 * S, durationMs: 1800 * S, bucketMs: 60 * S, ttlS: 30 };
    const forever = simulateDnsFailover({ ...opts, runtime: 'forever' });
    const honour = simulateDnsFailover(opts);
    const before = forever.clientsResolvedBeforeChange;
    assert.ok(before > 0.3 * opts.clients && before < 0.6 * opts.clients, `${before} resolved before`);
    assert.ok(forever.clientsOnOldAtEnd >= before);
    assert.equal(forever.staleBoundMs, null);
    const last = forever.series[forever.series.length - 1];
    // Requests are spread evenly over clients, so the late stale share estimates the share of
    // clients stuck on the old address: within 0.06 (5 binomial standard errors of ~1800 requests).
    assert.ok(Math.abs(last.staleShare! - forever.clientsOnOldAtEnd / opts.clients) < 0.06, `${last.staleShare} vs ${forever.clientsOnOldAtEnd / opts.clients}`);
    for (const b of forever.series) assert.ok(b.staleShare! > 0.3, `bucket at ${b.tMs}: ${b.staleShare}`);
    assert.equal(honour.clientsOnOldAtEnd, 0);
    assert.ok(honour.lastStaleMs! < opts.changeAtMs + 30 * S);
  });

  it('same seed gives an identical result; TTL runs share their requests (common random numbers)', () => {
    const opts = { ...base, clients: 500, durationMs: 900 * S, ttlS: 300 };
    const a = simulateDnsFailover({ ...opts, rng: createRng('same') });
    const b = simulateDnsFailover({ ...opts, rng: createRng('same') });
    assert.deepEqual(a, b);
    assert.notDeepEqual(a.series, simulateDnsFailover({ ...opts, rng: createRng('other') }).series);
    const short = simulateDnsFailover({ ...opts, ttlS: 30, rng: createRng('same') });
    assert.equal(short.requests, a.requests);
    assert.deepEqual(short.series.map((x) => x.requests), a.series.map((x) => x.requests));
    assert.ok(short.upstream.authoritative > a.upstream.authoritative, 'a shorter TTL costs more authoritative queries');
  });

  it('reports progress about a hundred times, ending at the duration', () => {
    const calls: [number, number][] = [];
    simulateDnsFailover({ ...base, clients: 200, durationMs: 600 * S, ttlS: 60, onProgress: (done, total) => calls.push([done, total]) });
    assert.ok(calls.length >= 95 && calls.length <= 102, `${calls.length} calls`);
    assert.deepEqual(calls[calls.length - 1], [600 * S, 600 * S]);
    for (let i = 1; i < calls.length; i++) assert.ok(calls[i][0] >= calls[i - 1][0]);
  });

  it('runs 10 000 clients for an hour (its speed is held by npm run bench, not here)', () => {
    const r = simulateDnsFailover({ clients: 10_000, durationMs: 3600 * S, changeAtMs: 600 * S, ttlS: 30, rng: createRng(1) });
    assert.ok(r.requests > 3_500_000);
  });

  it('rejects bad options naming the option, the value and the allowed range', () => {
    const ok: DnsFailoverOptions = { clients: 10, durationMs: 60 * S, changeAtMs: 10 * S, ttlS: 30, rng: createRng(1) };
    const bad: [object, ErrorConstructor, RegExp][] = [
      [{ ...ok, ttlS: -30 }, RangeError, /ttlS must be an integer in \[0, 2147483647\]; got -30/],
      [{ ...ok, ttlS: 1.5 }, RangeError, /ttlS .*got 1.5/],
      [{ ...ok, clients: 0 }, RangeError, /clients must be an integer in \[1, 200000\]; got 0/],
      [{ ...ok, resolvers: 11 }, RangeError, /resolvers must be an integer in \[1, 10\]; got 11/],
      [{ ...ok, runtime: 'sometimes' }, RangeError, /runtime must be one of "none", "honour-ttl", "forever" or .*; got "sometimes"/],
      [{ ...ok, runtime: -5 }, RangeError, /runtime .*>= 0.*got -5/],
      [{ ...ok, runtime: true }, TypeError, /runtime .*got true/],
      [{ ...ok, changeAtMs: 60 * S }, RangeError, /changeAtMs must be a number in \[0, 60000\); got 60000/],
      [{ ...ok, durationMs: 0 }, RangeError, /durationMs .*got 0/],
      [{ ...ok, ratePerClient: 0 }, RangeError, /ratePerClient .*> 0; got 0/],
      [{ ...ok, bucketMs: -1 }, RangeError, /bucketMs .*got -1/],
      [{ ...ok, bucketMs: 0.1 }, RangeError, /bucketMs must give at most 100000 buckets/],
      [{ ...ok, clients: 200_000, ratePerClient: 10, durationMs: 3600 * S }, RangeError, /expected requests\) must be <= 20000000/],
      [{ ...ok, stubCache: 'yes' }, TypeError, /stubCache must be true or false; got "yes"/],
      [{ ...ok, resolverRttMs: -1 }, RangeError, /resolverRttMs must be a number of ms in \[0, 3600000\].*got -1/],
      [{ ...ok, rng: Math.random }, TypeError, /rng/],
    ];
    for (const [opts, type, pattern] of bad) {
      assert.throws(() => simulateDnsFailover(opts as never), (e: Error) => e instanceof type && pattern.test(e.message), JSON.stringify(opts));
    }
    assert.throws(() => simulateDnsFailover(undefined as never), /simulateDnsFailover expects an options object/);
  });

  it('rejects bad cache, zone, resolver, client and budget inputs the same way', () => {
    const zone = dnsZone({ records: {}, ttlS: 1 });
    const resolver = new DnsResolver({ authority: zone });
    const cases: [() => unknown, ErrorConstructor, RegExp][] = [
      [() => new TtlCache().set('a', 1, -5, 0), RangeError, /ttlMs must be a finite number >= 0; got -5/],
      [() => dnsZone({ records: {}, ttlS: -1 }), RangeError, /ttlS must be an integer in \[0, 2147483647\]; got -1/],
      [() => dnsZone({ records: {}, ttlS: 1, negativeTtlS: -1 }), RangeError, /negativeTtlS .*got -1/],
      [() => dnsZone({ records: { localhost: '127.0.0.1' }, ttlS: 1 }), RangeError, /records key "localhost" must be a domain name of at least two/],
      [() => dnsName('name', 'bad..name.com'), RangeError, /name must be a domain name.*got "bad..name.com"/],
      [() => dnsName('name', 42), TypeError, /name must be a domain name.*got 42/],
      [() => new DnsResolver({ authority: zone, rootMs: -1 }), RangeError, /rootMs must be a number of ms in \[0, 3600000\].*got -1/],
      [() => new DnsResolver({ authority: 'zone' as never }), TypeError, /authority must be a function/],
      [() => resolver.preload('a.example.com', 0, 400_000), RangeError, /remainingMs must be a number in \[0, 300000\]; got 400000/],
      [() => resolver.walkStart('a.example.com', NaN), RangeError, /nowMs/],
      [() => resolver.remainingMs('a.example.com', Infinity), RangeError, /nowMs/],
      [() => resolver.remainingMs(7 as never, 0), TypeError, /name must be a domain name/],
      [() => new DnsClient({ resolver, runtime: 'sometimes' as never }), RangeError, /runtime must be one of/],
      [() => new DnsClient({ resolver: {} as never }), TypeError, /resolver must be a DnsResolver/],
      [() => new DnsClient({ resolver }).lookup('a.example.com', NaN), RangeError, /nowMs/],
      [() => dnsLookupBudget({ answeredBy: 'cdn' as never }), RangeError, /answeredBy must be one of "runtime", "stub", "resolver", "authoritative"; got "cdn"/],
      [() => dnsLookupBudget({ answeredBy: 'resolver', walkFrom: 'root' }), RangeError, /walkFrom applies only when answeredBy is "authoritative"/],
      [() => new DnsFleet({ clients: 0, resolvers: 1, authority: zone, name: 'a.example.com' }), RangeError, /clients must be an integer in \[1, 1000000\]; got 0/],
    ];
    for (const [fn, type, pattern] of cases) {
      assert.throws(fn, (e: Error) => e instanceof type && pattern.test(e.message), String(fn));
    }
  });
});
