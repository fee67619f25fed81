import assert from 'node:assert/strict';
import { createRng } from '../../lib/random/rng';
import { constant } from '../../lib/random/constant';
import { exponential } from '../../lib/random/exponential';
import type { Distribution } from '../../lib/random/distribution';
import { requestTime } from '../../lib/net/tcp/requestTime';
import { planRequest } from '../../lib/net/tcp/requestPlan';
import { requestTimes } from '../../lib/net/tcp/requestTimes';
import { createPath, jitterDraw } from '../../lib/net/path/path';
import { burstyLoss, gilbertElliott } from '../../lib/net/path/loss';
import { dnsZone } from '../../lib/net/dns/dnsZone';
import { DnsResolver } from '../../lib/net/dns/dnsResolver';
import { DnsClient } from '../../lib/net/dns/dnsClient';
import { DnsFleet } from '../../lib/net/dns/dnsFleet';
import { dnsLookupBudget } from '../../lib/net/dns/dnsBudget';
import { simulateDnsFailover } from '../../lib/net/dns/dnsFailover';
import { simulatePorts } from '../../lib/net/connections/simulatePorts';
import { simulatePool } from '../../lib/net/connections/connectionPool';
import { handshakeCpu } from '../../lib/net/tcp/handshakeCpu';
import { mathisThroughput } from '../../lib/net/tcp/mathis';
import { accessPath, type AccessProfile } from '../../lib/net/path/accessProfiles';

/** Asserts a TypeError whose message contains every fragment. */
function rejects(fn: () => unknown, ...fragments: string[]): void {
  assert.throws(fn, (e: Error) => {
    assert.ok(e instanceof TypeError, `${e.constructor.name}: ${e.message}`);
    for (const f of fragments) assert.ok(e.message.includes(f), `"${e.message}" lacks ${f}`);
    return true;
  });
}

const zone = dnsZone({ records: { 'db.example.com': '192.0.2.10' }, ttlS: 60 });
const resolver = new DnsResolver({ authority: zone });
const cable: AccessProfile = { name: 'cable', rttMs: 15, jitterMs: 3, lossRate: 0.001, meanLossBurst: 1, bandwidthMbps: 100, source: 'test' };

describe('lib/net options: a misspelt key is an error naming it and the closest known key', () => {
  it('requestTime({ lssRate }) names "lssRate" and suggests "lossRate" instead of ignoring the loss', () => {
    rejects(() => requestTime({ rttMs: 50, bytes: 1e5, lssRate: 0.5, rng: createRng(1) } as never), 'requestTime', '"lssRate"', 'did you mean "lossRate"?');
  });

  it('a path nested in another options object is named by its path: path.lossrate → path.lossRate', () => {
    rejects(() => createPath({ rttMs: 50, lossrate: 0.1 } as never, 'path'), 'unknown option "path.lossrate"', 'did you mean "path.lossRate"?');
    rejects(() => createPath({ rttMs: 50, jiterMs: 2 } as never), 'createPath: unknown option "jiterMs"', '"jitterMs"');
    // Values of a nested path are named where they sit too.
    assert.throws(() => createPath({ rttMs: -1 }, 'migration.path'), /migration\.path\.rttMs must be/);
    assert.throws(() => createPath({ rttMs: 1, lossRate: 1 }, 'path'), /path\.lossRate must be a number in \[0, 1\); got 1/);
  });

  it('every options object of lib/net refuses an unknown key', () => {
    const cases: [string, () => unknown, string, string][] = [
      ['requestTimes', () => requestTimes({ rttMs: 1, bytes: 1, samples: 1, rng: createRng(1), sample: 2 } as never), '"sample"', '"samples"'],
      ['planRequest', () => planRequest({ rttMs: 1, bytes: 1, serverMS: 2 } as never), '"serverMS"', '"serverMs"'],
      ['gilbertElliott', () => gilbertElliott({ goodToBad: 0.1, badToGood: 0.5, lossInBd: 1 } as never), '"lossInBd"', '"lossInBad"'],
      ['burstyLoss', () => burstyLoss({ rate: 0.01, meanBurts: 3 } as never), '"meanBurts"', '"meanBurst"'],
      ['dnsZone', () => dnsZone({ records: {}, ttl: 60 } as never), '"ttl"', '"ttlS"'],
      ['dnsZone changes', () => dnsZone({ records: {}, ttlS: 1, changes: [{ atMs: 1, name: 'a.example.com', adress: 'x' }] } as never), '"changes[0].adress"', '"changes[0].address"'],
      ['DnsResolver', () => new DnsResolver({ authority: zone, rootMS: 1 } as never), '"rootMS"', '"rootMs"'],
      ['DnsClient', () => new DnsClient({ resolver, stubcache: false } as never), '"stubcache"', '"stubCache"'],
      ['DnsFleet', () => new DnsFleet({ clients: 2, resolvers: 1, authority: zone, name: 'db.example.com', runtim: 'none' } as never), '"runtim"', '"runtime"'],
      ['dnsLookupBudget', () => dnsLookupBudget({ answeredBy: 'resolver', resolverRtt: 5 } as never), '"resolverRtt"', '"resolverRttMs"'],
      ['simulateDnsFailover', () => simulateDnsFailover({ clients: 2, durationMs: 1000, changeAtMs: 0, ttlS: 1, rng: createRng(1), warmstart: false } as never), '"warmstart"', '"warmStart"'],
      ['simulatePorts', () => simulatePorts({ connectionsPerSecond: 1, durationMs: 1000, timeWait: 1 } as never), '"timeWait"', '"timeWaitMs"'],
      ['simulatePool', () => simulatePool({ poolSize: 1, arrivalRate: 1, requestMs: constant(1), handshakeMs: 1, whenExhausted: 'wait', requests: 1, rng: createRng(1), idleTimeout: 5 } as never), '"idleTimeout"', '"idleTimeoutMs"'],
      ['handshakeCpu', () => handshakeCpu({ connectionsPerSecond: 1, core: 2 } as never), '"core"', '"cores"'],
      ['mathisThroughput', () => mathisThroughput({ mssBytes: 1460, rttMs: 50, lossRate: 0.01, loss: 0.02 } as never), '"loss"', 'known options'],
      ['accessPath', () => accessPath({ ...cable, bandwithMbps: 5 } as never), '"bandwithMbps"', '"bandwidthMbps"'],
    ];
    for (const [what, fn, key, hint] of cases) {
      assert.throws(fn, (e: Error) => e instanceof TypeError && e.message.includes(key) && e.message.includes(hint), what);
    }
  });

  it('null is refused, except where it is documented: a record change to null removes the name (NXDOMAIN)', () => {
    rejects(() => requestTime({ rttMs: 10, bytes: 10, tls: null } as never), 'option tls is null');
    rejects(() => dnsZone({ records: {}, ttlS: 1, changes: null } as never), 'option changes is null');
    const authority = dnsZone({ records: { 'db.example.com': '192.0.2.10' }, ttlS: 60, changes: [{ atMs: 1000, name: 'db.example.com', address: null }] });
    assert.equal(authority('db.example.com', 999).address, '192.0.2.10');
    assert.equal(authority('db.example.com', 1000).address, null);
    rejects(() => dnsZone({ records: [] as never, ttlS: 1 }), 'records must be an object');
  });

  it('a zone answers by the last change at or before the time, among many changes of one name', () => {
    const changes = Array.from({ length: 1000 }, (_, i) => ({ atMs: (i + 1) * 10, name: 'db.example.com', address: `10.0.${i >> 8}.${i & 255}` }));
    const authority = dnsZone({ records: { 'db.example.com': '192.0.2.1' }, ttlS: 60, changes });
    assert.equal(authority('db.example.com', 9.99).address, '192.0.2.1');
    assert.equal(authority('db.example.com', 10).address, '10.0.0.0');
    assert.equal(authority('db.example.com', 5_555).address, '10.0.2.42'); // change 554 (atMs 5550)
    assert.equal(authority('db.example.com', 1e9).address, '10.0.3.231');
    assert.equal(authority('db.example.com', -1).address, null);
  });
});

describe('lib/net distributions used as durations: a bad draw is a RangeError naming the option', () => {
  const bad = (value: number): Distribution => ({ label: `bad(${value})`, sample: () => value });
  it('jitter draws that are NaN, negative, infinite or over an hour name the jitter option', () => {
    for (const v of [NaN, -1, Infinity, 4e6]) {
      assert.throws(() => requestTime({ rttMs: 10, bytes: 1000, jitter: bad(v), rng: createRng(1) }), (e: Error) => e instanceof RangeError && /^jitter must yield durations/.test(e.message), String(v));
      assert.throws(() => jitterDraw(createPath({ rttMs: 10, jitter: bad(v) }, 'path'), createRng(1)), /^RangeError: path\.jitter must yield durations/, String(v));
    }
  });
  it("the pool's requestMs and handshakeMs draws are checked and named", () => {
    const base = { poolSize: 2, arrivalRate: 10, whenExhausted: 'wait' as const, requests: 10, rng: createRng(1) };
    assert.throws(() => simulatePool({ ...base, requestMs: bad(NaN), handshakeMs: 1 }), /requestMs must yield durations >= 0 ms; bad\(NaN\) gave NaN/);
    assert.throws(() => simulatePool({ ...base, requestMs: constant(1), handshakeMs: bad(-2) }), /handshakeMs must yield durations >= 0 ms; bad\(-2\) gave -2/);
    assert.throws(() => simulatePool({ ...base, requestMs: bad(1e300), handshakeMs: 1 }), /requestMs must yield durations <= 3600000 ms/);
  });
});

describe('lib/net streams: each component draws from its own fork', () => {
  it('requestTime draws what sample 0 of requestTimes draws (the same forks)', () => {
    const opts = { rttMs: 40, bytes: 200_000, jitterMs: 5, lossRate: 0.02, tls: '1.3' as const, dns: 'cold' as const };
    const one = requestTime({ ...opts, rng: createRng(7) });
    const many = requestTimes({ ...opts, samples: 3, rng: createRng(7) });
    assert.equal(many.totalMs[0], one.totalMs);
    assert.equal(many.dnsMs[0], one.breakdown.dnsMs);
  });

  it("a cold lookup draws from its own forks: the connection's times do not move with the lookup", () => {
    const opts = { rttMs: 40, bytes: 200_000, jitterMs: 5, lossRate: 0.02, samples: 200 };
    const warm = requestTimes({ ...opts, dns: 'warm', rng: createRng(3) });
    const cold = requestTimes({ ...opts, dns: 'cold', rng: createRng(3) });
    const farResolver = requestTimes({ ...opts, dns: 'cold', dnsRttMs: 300, rng: createRng(3) });
    assert.deepEqual(cold.tcpMs, warm.tcpMs);
    assert.deepEqual(cold.transferMs, warm.transferMs);
    assert.deepEqual(farResolver.transferMs, cold.transferMs);
    assert.ok(cold.dnsMs.every((d) => d > 0));
  });

  it('pools of different sizes pay the same handshake time for the same request', () => {
    const opts = { arrivalRate: 100, requestMs: exponential(40), handshakeMs: exponential(25), whenExhausted: 'open-extra' as const, requests: 2000 };
    const small = simulatePool({ ...opts, poolSize: 1, rng: createRng(5) });
    const large = simulatePool({ ...opts, poolSize: 50, rng: createRng(5) });
    // Every request paid a handshake in both runs where it did in the large pool; its cost is the same draw.
    let compared = 0;
    for (let i = 0; i < opts.requests; i++) {
      if (small.handshake[i] === 1 && large.handshake[i] === 1 && small.waitMs[i] === 0 && large.waitMs[i] === 0) {
        assert.ok(Math.abs(small.latencyMs[i] - large.latencyMs[i]) < 1e-9, `request ${i}`);
        compared++;
      }
    }
    assert.ok(compared >= 1, 'at least the first request opens a connection in both pools');
  });
});

describe('lib/net options: a Path is accepted where path options are, and engine objects are checked', () => {
  it('a Path (jitter null when it has none) can be given as path options', () => {
    const path = createPath({ rttMs: 30, lossRate: 0.01 });
    assert.equal(path.jitter, null);
    assert.deepEqual(createPath(path, 'path'), path);
    assert.equal(requestTime({ ...createPath({ rttMs: 30 }), bytes: 1000 }).totalMs, 60);
  });

  it('transport rules, RTO bounds and packet-transfer settings refuse unknown keys by where they sit', async () => {
    const { transportRules } = await import('../../lib/net/transport/transportRules');
    const { rtoBounds } = await import('../../lib/net/tcp/rto');
    const { PacketTransfer } = await import('../../lib/net/transport/packetTransfer');
    rejects(() => transportRules('tcp', '1.3', { minrtoMs: 10 } as never), '"rto.minrtoMs"', '"rto.minRtoMs"');
    rejects(() => rtoBounds({ maxRTOMs: 10 } as never), 'rtoBounds: unknown option "maxRTOMs"');
    const hooks = { onStreamDone: () => {}, onConnectionFailed: () => {} };
    const path = createPath({ rttMs: 10 });
    rejects(() => new PacketTransfer(path, [1000], { mssBytes: 1460, initcwnd: 10, maxRetrys: 3 } as never, hooks), '"settings.maxRetrys"', '"settings.maxRetries"');
    assert.throws(() => new PacketTransfer(path, [1000], { mssBytes: 1460, initcwnd: NaN, maxRetries: 3, congestionControl: 'newreno' }, hooks), /settings\.initcwnd/);
    rejects(() => new PacketTransfer(path, [1000], { mssBytes: 1460, initcwnd: 10, maxRetries: 3, congestionControl: 'newreno' }, { ...hooks, onStreamDone: 0 } as never), 'hooks.onStreamDone must be a function');
  });
});
