import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { simulateGlobalRouting } from '../../../lib/scenarios/globalRouting/simulateGlobalRouting';
import { DNS_HEALTH_CHECK_DEFAULTS, type GlobalRoutingOptions } from '../../../lib/scenarios/globalRouting/globalRoutingOptions';
import type { GlobalRoutingResult } from '../../../lib/scenarios/globalRouting/globalRoutingReport';
import { detectionBoundMs } from '../../../lib/balance/cluster/healthCheck';
import type { AccessProfile } from '../../../lib/net/path/accessProfiles';
import { getAccessProfile } from '../../../lib/net/path/accessProfiles';
import { loadAccessProfiles, loadRegionRtts } from '../../../lib/net/path/loadPlaces';
import { createRng } from '../../../lib/random/rng';

const DATA = join(__dirname, '..', '..', '..', 'data');
const rtts = loadRegionRtts(join(DATA, 'region-rtt.csv'));
const cable = getAccessProfile(loadAccessProfiles(join(DATA, 'access-profiles.csv')), 'cable');
/** A last mile of 20 ms without jitter, loss or a bandwidth limit: every request takes its budget exactly. */
const IDEAL: AccessProfile = { name: 'ideal', rttMs: 20, jitterMs: 0, lossRate: 0, meanLossBurst: 1, bandwidthMbps: Infinity, source: 'test' };
const PLACES = ['seoul', 'london', 'sao-paulo'];
const FOUR = ['virginia', 'tokyo', 'frankfurt', 'sao-paulo'];
const users = (access: AccessProfile) => PLACES.map((region) => ({ region, share: 1 / 3, access }));

const run = (over: Partial<GlobalRoutingOptions>, seed = 1): GlobalRoutingResult =>
  simulateGlobalRouting({
    rtts, users: users(IDEAL), regions: FOUR, strategy: 'geo-dns', arrivalRate: 30, durationMs: 600_000, ttlS: 60, rng: createRng(seed), ...over,
  });
const latencies = (r: GlobalRoutingResult, place: string): Set<number> => new Set(r.requests.filter((q) => q.userRegion === place).map((q) => q.latencyMs));

/** Asserts that `fn` throws an error whose message contains every fragment. */
function throwsWith(fn: () => unknown, ...fragments: string[]): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof Error, 'throws an Error');
    for (const f of fragments) assert.ok(e.message.includes(f), `message ${JSON.stringify(e.message)} should include ${JSON.stringify(f)}`);
    return true;
  });
}

describe('simulateGlobalRouting: latency is the budget arithmetic on the RTT table', () => {
  // New connection, TLS 1.3, 10 kB (one round of a 10-segment window), 5 ms server: 3 × (20 + backbone RTT) + 5.
  it('single region in Virginia: Seoul 3 × (20 + 187) + 5 = 626, London 302, São Paulo 422 ms, for every request', () => {
    const r = run({ strategy: 'single-region', regions: ['virginia'] });
    assert.deepEqual(PLACES.map((p) => [...latencies(r, p)]), [[626], [302], [422]]);
    assert.deepEqual(r.paths.map((p) => [p.userRegion, p.target, p.backboneRttMs, p.rttMs, p.budgetMs]), [
      ['seoul', 'virginia', 187, 207, 626], ['london', 'virginia', 79, 99, 302], ['sao-paulo', 'virginia', 119, 139, 422],
    ]);
    assert.equal(r.counts.failed, 0);
  });

  it('a reused connection without TLS pays one round trip: 20 + 187 + 5 = 212 ms from Seoul', () => {
    const r = run({ strategy: 'single-region', regions: ['virginia'], request: { connection: 'reused', tls: 'none' } });
    assert.deepEqual([...latencies(r, 'seoul')], [212]);
  });

  it('geo-dns sends each user region to its nearest region: Seoul → Tokyo 152, London → Frankfurt 116, São Paulo → São Paulo 65 ms', () => {
    const r = run({});
    for (const [place, region, ms] of [['seoul', 'tokyo', 152], ['london', 'frankfurt', 116], ['sao-paulo', 'sao-paulo', 65]] as const) {
      const s = r.byUserRegion.find((u) => u.userRegion === place)!;
      assert.equal(s.servedShare[region], 1, `${place}: ${JSON.stringify(s.servedShare)}`);
      assert.deepEqual([...latencies(r, place)], [ms]);
      assert.equal(r.paths.find((p) => p.userRegion === place && p.nearest)?.target, region);
    }
  });

  it('an edge answers its share over the last mile plus edge.rttMs: 3 × (20 + 2) + 5 = 71 ms', () => {
    const all = run({ edge: { share: 1, rttMs: 2 } });
    assert.equal(all.counts.servedAtEdge, all.counts.requests);
    assert.deepEqual([...new Set(all.requests.map((q) => q.latencyMs))], [71]);
    // Binomial: ~18 000 requests, sd of the share 0.004; tolerance 0.015.
    const half = run({ edge: { share: 0.5 } });
    assert.ok(Math.abs(half.counts.servedAtEdge / half.counts.requests - 0.5) < 0.015, `${half.counts.servedAtEdge} of ${half.counts.requests}`);
  });

  it('round robin spreads every user region evenly over the four regions, wherever it is', () => {
    // TTL 30 s, 16 resolvers per region, 1 h: ~1900 answers per user region. Seeds 1–5 deviate from 1/4 by at most 0.022; tolerance 0.04.
    for (const seed of [1, 2]) {
      const r = run({ strategy: 'dns-round-robin', arrivalRate: 50, durationMs: 3_600_000, ttlS: 30 }, seed);
      for (const s of r.byUserRegion) {
        for (const region of FOUR) assert.ok(Math.abs(s.servedShare[region] - 0.25) < 0.04, `seed ${seed} ${s.userRegion}: ${JSON.stringify(s.servedShare)}`);
      }
    }
  });
});

describe('simulateGlobalRouting: a region fails', () => {
  const failure = { region: 'frankfurt', atMs: 200_000, untilMs: 800_000 };
  const bound = detectionBoundMs(DNS_HEALTH_CHECK_DEFAULTS);

  it('geo-dns: no attempt reaches the dead region at or after detection + TTL ≤ failure start + 94 s + TTL; other places never do', () => {
    for (const ttlS of [0, 60, 300]) {
      for (const seed of [1, 2, 3]) {
        const r = run({ failure, ttlS, durationMs: 1_200_000 }, seed);
        const f = r.failure!;
        const detected = f.detectedAtMs as number;
        assert.ok(detected <= failure.atMs + bound);
        assert.equal(f.boundMs, detected + ttlS * 1000);
        const hits = r.attempts.filter((a) => a.hitOutage);
        assert.ok(hits.length > 0);
        assert.ok(hits.every((a) => a.tMs < f.boundMs), `TTL ${ttlS} seed ${seed}: last hit ${f.lastHitMs}, bound ${f.boundMs}`);
        assert.ok(hits.every((a) => r.requests[a.request].userRegion === 'london'));
        // Cached answers do outlive the detection (by more than half a TTL here), unless nothing is cached.
        if (ttlS > 0) assert.ok((f.lastHitMs as number) > detected + (ttlS * 1000) / 2, `TTL ${ttlS} seed ${seed}: last hit ${f.lastHitMs}, detected ${detected}`);
        else assert.ok((f.lastHitMs as number) < detected);
        assert.equal(f.allRecoveredAfterMs, (f.lastHitMs as number) - failure.atMs);
        const seoul = r.byUserRegion.find((u) => u.userRegion === 'seoul')!;
        assert.deepEqual([seoul.failed, seoul.recoveredAfterMs], [0, 0]);
      }
    }
  });

  it('geo-dns, exactly: a London request takes 116 ms, or fails over to Virginia (302 ms, +3000 after a dead attempt), or fails twice (6000 ms)', () => {
    const r = run({ failure, durationMs: 1_200_000 });
    const seen = latencies(r, 'london');
    assert.deepEqual([...seen].sort((a, b) => a - b), [116, 302, 3302, 6000]);
    for (const q of r.requests.filter((x) => x.userRegion === 'london')) {
      assert.equal(q.ok, q.latencyMs !== 6000);
      assert.equal(q.servedBy, q.latencyMs === 116 ? 'frankfurt' : q.latencyMs === 6000 ? 'frankfurt' : 'virginia');
    }
    // After the DNS hands Frankfurt out again, London goes back to it.
    const back = r.requests.filter((q) => q.userRegion === 'london' && q.tMs >= (r.failure!.restoredAtMs as number) + 60_000);
    assert.ok(back.length > 0 && back.every((q) => q.servedBy === 'frankfurt'));
  });

  it('round robin with health checks: ~1/4 of everyone fails until detection, then the share falls to 0 over one TTL', () => {
    // 100 resolvers per place, 150 requests/s, no retries. Measured (seeds 1–3): 0.243–0.252 before detection;
    // over [detection, detection + TTL) 0.115–0.128 against 1/8 (linear decay); 0 after. Tolerances 0.02 and 0.015.
    const failed: Record<number, number> = {};
    for (const ttlS of [60, 120]) {
      const r = run({ strategy: 'dns-round-robin', arrivalRate: 150, durationMs: 900_000, ttlS, retries: 0, resolversPerRegion: 100, failure });
      const detected = r.failure!.detectedAtMs as number;
      const share = (from: number, to: number): [number, number] => {
        const q = r.requests.filter((x) => x.tMs >= from && x.tMs < to);
        const bad = q.filter((x) => !x.ok).length;
        return [bad / q.length, bad];
      };
      const [before] = share(failure.atMs, detected);
      const [during, count] = share(detected, detected + ttlS * 1000);
      const [after] = share(detected + ttlS * 1000, Infinity);
      assert.ok(Math.abs(before - 0.25) < 0.02, `TTL ${ttlS}: ${before} before detection`);
      assert.ok(Math.abs(during - 0.125) < 0.015, `TTL ${ttlS}: ${during} while caches expire`);
      assert.equal(after, 0);
      for (const place of PLACES) assert.ok(r.byUserRegion.find((u) => u.userRegion === place)!.failed > 0, `${place} is hit too`);
      failed[ttlS] = count;
    }
    // Twice the TTL, twice the failures after detection (measured ratio 1.84 here, 1.84–2.06 over seeds 1–3; tolerance 0.25).
    assert.ok(Math.abs(failed[120] / failed[60] - 2) < 0.25, JSON.stringify(failed));
  });

  it('round robin without health checks keeps failing ~1/4 until the region is back', () => {
    const r = run({ strategy: 'dns-round-robin', arrivalRate: 150, durationMs: 900_000, retries: 0, resolversPerRegion: 100, failure, healthCheck: false });
    const inOutage = r.requests.filter((q) => q.tMs >= failure.atMs && q.tMs < failure.untilMs);
    const late = inOutage.filter((q) => q.tMs >= failure.untilMs - 100_000);
    const share = (q: typeof inOutage): number => q.filter((x) => !x.ok).length / q.length;
    // Same tolerance as above: 0.02 on the whole outage, 0.04 on its last 100 s (a sixth of the requests).
    assert.ok(Math.abs(share(inOutage) - 0.25) < 0.02, `${share(inOutage)}`);
    assert.ok(Math.abs(share(late) - 0.25) < 0.04, `${share(late)}`);
    assert.equal(r.failure!.detectedAtMs, null);
    assert.equal(r.failure!.boundMs, failure.untilMs);
    assert.ok(r.requests.filter((q) => q.tMs >= failure.untilMs).every((q) => q.ok));
  });

  it('a single region has nowhere to send anyone: every request sent during the outage fails, the first after it succeeds', () => {
    const r = run({ strategy: 'single-region', regions: ['virginia'], failure: { region: 'virginia', atMs: 200_000, untilMs: 500_000 } });
    const f = r.failure!;
    assert.equal(f.boundMs, 500_000);
    // The send time decides. With one retry 3 s later, a request first sent before untilMs − 3000 fails both
    // attempts (6000 ms); one sent in the last 3 s succeeds on its retry (3000 + 626 ms from Seoul).
    for (const q of r.requests) {
      if (q.tMs < 200_000 || q.tMs >= 500_000) assert.deepEqual([q.ok, q.attempts], [true, 1]);
      else if (q.tMs < 497_000) assert.deepEqual([q.ok, q.attempts, q.latencyMs], [false, 2, 6000]);
      else assert.deepEqual([q.ok, q.attempts], [true, 2]);
    }
    assert.ok(r.requests.some((q) => q.userRegion === 'seoul' && q.latencyMs === 3626));
    for (const s of r.byUserRegion) assert.ok((s.recoveredAfterMs as number) > 299_000, `${s.userRegion}: ${s.recoveredAfterMs}`);
    assert.ok(f.allRecoveredAfterMs < 300_000);
  });

  it('the error series adds up to the request records', () => {
    const r = run({ failure, strategy: 'dns-round-robin', bucketMs: 30_000 });
    assert.equal(r.series.length, 20 * 3);
    assert.equal(r.series.reduce((s, b) => s + b.failed, 0), r.counts.failed);
    assert.equal(r.series.reduce((s, b) => s + b.requests, 0), r.counts.requests);
    assert.equal(r.series.reduce((s, b) => s + b.outageHits, 0), r.failure!.hits);
    for (const b of r.series) assert.ok(b.requests === 0 ? Number.isNaN(b.errorRate) : b.errorRate === b.failed / b.requests);
  });
});

describe('simulateGlobalRouting: determinism and common random numbers', () => {
  const opts = (seed: number, strategy: GlobalRoutingOptions['strategy'] = 'geo-dns'): Partial<GlobalRoutingOptions> => ({
    users: users(cable), strategy, regions: strategy === 'single-region' ? ['virginia'] : FOUR, durationMs: 300_000,
    failure: { region: strategy === 'single-region' ? 'virginia' : 'frankfurt', atMs: 60_000, untilMs: 200_000 }, edge: { share: 0.3 },
  });

  it('gives identical results for the same seed, different ones for another', () => {
    assert.deepEqual(run(opts(7), 7), run(opts(7), 7));
    assert.notDeepEqual(run(opts(7), 7).requests, run(opts(8), 8).requests);
  });

  it('sends the same requests from the same places under every strategy', () => {
    const [a, b, c] = (['single-region', 'dns-round-robin', 'geo-dns'] as const).map((s) => run(opts(3, s), 3).requests);
    assert.deepEqual(a.map((q) => [q.tMs, q.userRegion]), b.map((q) => [q.tMs, q.userRegion]));
    assert.deepEqual(b.map((q) => [q.tMs, q.userRegion]), c.map((q) => [q.tMs, q.userRegion]));
  });
});

describe('simulateGlobalRouting: bad input is named', () => {
  const base = (): GlobalRoutingOptions => ({ rtts, users: users(IDEAL), regions: FOUR, strategy: 'geo-dns', arrivalRate: 10, durationMs: 10_000, ttlS: 60, rng: createRng(1) });
  const bad = (over: Record<string, unknown>, ...fragments: string[]): void =>
    throwsWith(() => simulateGlobalRouting({ ...base(), ...over } as GlobalRoutingOptions), ...fragments);

  it('rejects each wrong option with its name and value', () => {
    bad({ ttl: 60 }, 'simulateGlobalRouting: unknown option "ttl" (did you mean "ttlS"?)');
    bad({ strategy: 'anycast' }, 'strategy', '"anycast"', '"geo-dns"');
    bad({ rtts: {} }, 'rtts', 'loadRegionRtts');
    bad({ regions: ['virginia', 'mars'] }, 'regions[1]', '"mars"', 'known regions');
    bad({ regions: ['tokyo', 'tokyo'] }, 'regions[1]', 'twice');
    bad({ strategy: 'single-region' }, 'exactly one region', '"single-region"', '4');
    bad({ users: [{ region: 'seoul', share: 0.5, access: IDEAL }] }, 'users[].share', 'sum to 1', '0.5');
    bad({ users: [{ region: 'atlantis', share: 1, access: IDEAL }] }, 'users[0].region', '"atlantis"');
    bad({ users: [{ region: 'seoul', share: 1, access: { ...IDEAL, lossRate: 1 } }] }, 'users[0].access.lossRate', '1');
    bad({ users: [{ region: 'seoul', share: 1, acess: IDEAL }] }, 'unknown option "users[0].acess" (did you mean "users[0].access"?)');
    bad({ users: [{ region: 'seoul', share: 1, access: { ...IDEAL, lossrate: 0 } }] }, 'unknown option "users[0].access.lossrate" (did you mean "users[0].access.lossRate"?)');
    bad({ users: [null] }, 'users[0] expects an options object');
    bad({ users: [{ region: 'seoul', share: 1, access: null }] }, 'option users[0].access is null');
    bad({ ttlS: 1.5 }, 'ttlS', '1.5');
    bad({ arrivalRate: 0 }, 'arrivalRate', '0');
    bad({ arrivalRate: 1e6, durationMs: 1e7 }, 'expected requests', '1000000');
    bad({ edge: { share: 1.5 } }, 'edge.share', '1.5');
    bad({ edge: { share: 0.5, rtt: 3 } }, 'unknown option "edge.rtt" (did you mean "edge.rttMs"?)');
    bad({ edge: null }, 'simulateGlobalRouting: option edge is null');
    bad({ request: null }, 'simulateGlobalRouting: option request is null');
    bad({ healthCheck: null }, 'simulateGlobalRouting: option healthCheck is null');
    bad({ failure: null }, 'simulateGlobalRouting: option failure is null');
    bad({ request: { byte: 10 } }, 'unknown option "request.byte" (did you mean "request.bytes"?)');
    bad({ failure: { region: 'tokyo', atMs: 0, untilMS: 10 } }, 'unknown option "failure.untilMS" (did you mean "failure.untilMs"?)');
    bad({ failure: { region: 'tokyo', atMs: 0, untilMs: 1e12 } }, 'failure.untilMs', '10000000000', '1000000000000');
    bad({ edge: { share: 0.5, rttMs: 1e9 } }, 'edge.rttMs', '3600000');
    bad({ edge: { share: 0.5, rttMs: 3_599_990 } }, 'users[0] (seoul) to edge, access + backbone round trip: rttMs', '3600010');
    bad({ request: { serverMs: 1e12 } }, 'request.serverMs', '3600000');
    bad({ connectTimeoutMs: 1e300 }, 'connectTimeoutMs', '3600000');
    bad({ failure: { region: 'london', atMs: 0, untilMs: 10 } }, 'failure.region', 'virginia, tokyo, frankfurt, sao-paulo', '"london"');
    bad({ failure: { region: 'tokyo', atMs: 5000, untilMs: 5000 } }, 'failure.untilMs', 'after failure.atMs');
    bad({ healthCheck: { intervalMs: 0 } }, 'healthCheck.intervalMs', '0');
    bad({ healthCheck: { every: 5 } }, 'unknown option "healthCheck.every"');
    bad({ healthCheck: { intervalMS: 5 } }, 'unknown option "healthCheck.intervalMS" (did you mean "healthCheck.intervalMs"?)');
    bad({ request: { tls: '1.4' } }, 'request.tls', '"1.4"');
    bad({ retries: 11 }, 'retries', '11');
    bad({ connectTimeoutMs: -1 }, 'connectTimeoutMs', '-1');
    bad({ bucketMs: 0.5 }, 'bucketMs', '10000 buckets');
    bad({ rng: 42 }, 'rng', 'createRng');
  });

  it('refuses up front a run whose responses would take minutes to draw', () => {
    const start = performance.now();
    // 10^5 expected requests, 2 attempts each, 10^9-byte responses (684,932 segments): 1.4·10^11 segments.
    bad({ arrivalRate: 1000, durationMs: 100_000, request: { bytes: 1e9 } }, 'request.bytes', '1.37e+11', 'limit is 2.00e+8');
    bad({ arrivalRate: 1000, durationMs: 100_000, retries: 10, request: { bytes: 1e6 } }, '(1 + retries)', '7.54e+8');
    assert.ok(performance.now() - start < 500);
  });
});

describe('simulateGlobalRouting: one stream per user population', () => {
  it("keeps every other population's draws when one population's access network changes", () => {
    const lossy: AccessProfile = { ...cable, jitterMs: 30, lossRate: 0.05, meanLossBurst: 2 };
    const opts = (londonAccess: AccessProfile): Partial<GlobalRoutingOptions> => ({
      users: PLACES.map((region) => ({ region, share: 1 / 3, access: region === 'london' ? londonAccess : cable })),
      edge: { share: 0.3 }, durationMs: 120_000,
    });
    const a = run(opts(cable), 5);
    const b = run(opts(lossy), 5);
    for (const place of ['seoul', 'sao-paulo']) {
      const mine = (r: GlobalRoutingResult) => r.requests.filter((q) => q.userRegion === place);
      assert.deepEqual(mine(a), mine(b), place);
    }
    const london = (r: GlobalRoutingResult) => r.requests.filter((q) => q.userRegion === 'london').map((q) => q.latencyMs);
    assert.notDeepEqual(london(a), london(b));
  });
});
