import assert from 'node:assert/strict';
import { requestTime } from '../../lib/net/tcp/requestTime';
import { planRequest } from '../../lib/net/tcp/requestPlan';
import { requestTimes } from '../../lib/net/tcp/requestTimes';
import { slowStartRounds, segmentsFor } from '../../lib/net/tcp/slowStart';
import { tlsHandshake, safeAsEarlyData, TLS_MODES } from '../../lib/net/tcp/tls';
import { handshakeCpu } from '../../lib/net/tcp/handshakeCpu';
import { createRng } from '../../lib/random/rng';

describe('requestTime: budget arithmetic without jitter or loss', () => {
  it('reproduces HPBN: 20 KB, initcwnd 4, RTT 56 ms, server 40 ms → 264 ms new, 96 ms reused', () => {
    const opts = { rttMs: 56, bytes: 20_000, initcwnd: 4, serverMs: 40 };
    const cold = requestTime(opts);
    assert.equal(cold.totalMs, 264);
    assert.equal(cold.rounds, 3);
    assert.deepEqual(cold.breakdown, { dnsMs: 0, tcpMs: 56, tlsMs: 0, transferMs: 168, serverMs: 40 });
    assert.equal(requestTime({ ...opts, connection: 'reused' }).totalMs, 96);
  });

  it('equals (1 + TLS round trips + slow-start rounds) × RTT + server for many sizes, RTTs and modes', () => {
    const tlsRtts = { none: 0, '1.2': 2, '1.3': 1, resumed: 1, '0-rtt': 0 } as const;
    for (const rttMs of [0.5, 20, 75, 150]) {
      for (const bytes of [0, 1, 1460, 1461, 14_600, 14_601, 100_000, 2_000_000]) {
        for (const initcwnd of [1, 4, 10, 30]) {
          for (const tls of TLS_MODES) {
            const rounds = slowStartRounds(segmentsFor(bytes), initcwnd);
            const expected = (1 + tlsRtts[tls] + rounds) * rttMs + 7;
            const r = requestTime({ rttMs, bytes, initcwnd, tls, serverMs: 7 });
            assert.ok(Math.abs(r.totalMs - expected) < 1e-9, `${rttMs} ms, ${bytes} B, initcwnd ${initcwnd}, TLS ${tls}: ${r.totalMs} vs ${expected}`);
            assert.equal(r.rounds, rounds);
          }
        }
      }
    }
  });

  it('counts slow-start rounds as the smallest k with initcwnd·(2^k − 1) ≥ segments', () => {
    assert.equal(slowStartRounds(14, 4), 3);
    assert.equal(slowStartRounds(12, 4), 2);
    assert.equal(slowStartRounds(13, 4), 3);
    assert.equal(slowStartRounds(10, 10), 1);
    assert.equal(slowStartRounds(11, 10), 2);
    assert.equal(slowStartRounds(1000, 10), 7);
    assert.equal(segmentsFor(20_000), 14);
    assert.equal(segmentsFor(0), 1);
  });

  it('adds one resolver round trip for a cold lookup: the course cross-region example is 4 RTT + work', () => {
    const r = requestTime({ rttMs: 75, bytes: 2000, tls: '1.3', dns: 'cold', serverMs: 5 });
    assert.equal(r.totalMs, 305);
    assert.equal(r.breakdown.dnsMs, 75);
    assert.equal(requestTime({ rttMs: 75, bytes: 2000, tls: '1.3', dns: 'cold', dnsRttMs: 10, serverMs: 5 }).breakdown.dnsMs, 10);
    const warm = requestTime({ rttMs: 75, bytes: 2000, tls: '1.3', dns: 'warm', connection: 'reused', serverMs: 5 });
    assert.equal(warm.totalMs, 80);
  });

  it('continues slow start from a reused connection’s given window', () => {
    // 100 segments from cwnd 10: 10 + 20 + 40 + 80 ≥ 100 → 4 rounds.
    const r = requestTime({ rttMs: 50, bytes: 146_000, connection: 'reused', cwnd: 10 });
    assert.equal(r.rounds, 4);
    assert.equal(r.totalMs, 200);
  });

  it('adds serialisation at a bottleneck bandwidth', () => {
    // 10 segments of 1460 B at 8 Mbit/s: 10 × 1.46 ms on top of one RTT.
    const r = requestTime({ rttMs: 40, bytes: 14_600, connection: 'reused', bandwidthMbps: 8 });
    assert.ok(Math.abs(r.totalMs - (40 + 14.6)) < 1e-9, String(r.totalMs));
  });

  it('marks 0-RTT early data replayable and full handshakes as such', () => {
    const early = requestTime({ rttMs: 50, bytes: 1000, tls: '0-rtt' });
    assert.equal(early.replayable, true);
    assert.equal(early.fullHandshake, false);
    assert.equal(requestTime({ rttMs: 50, bytes: 1000, tls: '1.3' }).fullHandshake, true);
    assert.equal(requestTime({ rttMs: 50, bytes: 1000, tls: 'resumed' }).fullHandshake, false);
    assert.equal(requestTime({ rttMs: 50, bytes: 1000, tls: '0-rtt', connection: 'reused' }).replayable, false);
    assert.equal(tlsHandshake('1.2').roundTrips, 2);
    assert.equal(safeAsEarlyData('get'), true);
    assert.equal(safeAsEarlyData('POST'), false);
    // Idempotent is not safe: RFC 8470 §2.1 keeps PUT and DELETE out of early data.
    assert.equal(safeAsEarlyData('PUT'), false);
    assert.equal(safeAsEarlyData('delete'), false);
    assert.equal(safeAsEarlyData('HEAD'), true);
  });
});

describe('requestTime: sampled with jitter and loss', () => {
  const opts = { rttMs: 150, bytes: 20_000, tls: '1.3' as const, jitterMs: 20, lossRate: 0.01 };

  it('needs an rng and is reproducible with one', () => {
    assert.throws(() => requestTime(opts), /rng/);
    const a = requestTimes({ ...opts, samples: 2000, rng: createRng(5) });
    const b = requestTimes({ ...opts, samples: 2000, rng: createRng(5) });
    assert.deepEqual(a.totalMs, b.totalMs);
    assert.notDeepEqual(a.totalMs, requestTimes({ ...opts, samples: 2000, rng: createRng(6) }).totalMs);
  });

  it('reads the same options from a literal, a spread, inherited properties and getters alike', () => {
    const literal = requestTimes({ rttMs: 150, bytes: 20_000, tls: '1.3', jitterMs: 20, lossRate: 0.01, samples: 300, rng: createRng(8) });
    const spread = requestTimes({ ...opts, samples: 300, rng: createRng(8) });
    const inherited = requestTimes(Object.assign(Object.create(opts) as typeof opts, { samples: 300, rng: createRng(8) }));
    class Settings {
      readonly samples = 300;
      readonly rng = createRng(8);
      get rttMs(): number {
        return 150;
      }
    }
    const getters = requestTimes(Object.assign(new Settings(), { bytes: 20_000, tls: '1.3' as const, jitterMs: 20, lossRate: 0.01 }));
    for (const other of [spread, inherited, getters]) assert.deepEqual(other, literal);
  });

  it('never beats the budget, and its breakdown adds up', () => {
    const budget = requestTime({ ...opts, jitterMs: 0, lossRate: 0 }).totalMs;
    const r = requestTimes({ ...opts, samples: 5000, rng: createRng(1) });
    for (let i = 0; i < r.totalMs.length; i++) {
      assert.ok(r.totalMs[i] >= budget - 1e-9);
      const sum = r.dnsMs[i] + r.tcpMs[i] + r.tlsMs[i] + r.transferMs[i] + r.serverMs[i];
      assert.ok(Math.abs(sum - r.totalMs[i]) < 1e-6);
    }
  });

  it('adds the mean jitter once per round trip: mean ≈ budget + rounds × jitterMs without loss (±2%)', () => {
    const r = requestTimes({ rttMs: 100, bytes: 20_000, jitterMs: 30, samples: 20_000, rng: createRng(2) });
    // new connection, 14 segments from initcwnd 10: 1 handshake + 2 data rounds.
    const expected = 3 * 130;
    assert.ok(Math.abs(r.summary.mean / expected - 1) < 0.02, `${r.summary.mean} vs ${expected}`);
  });

  it('shows loss in the tail: p99 grows far more than p50 at 1% loss', () => {
    const clean = requestTimes({ ...opts, lossRate: 0, samples: 20_000, rng: createRng(3) });
    const lossy = requestTimes({ ...opts, samples: 20_000, rng: createRng(3) });
    assert.ok(lossy.summary.p50 - clean.summary.p50 < 0.1 * clean.summary.p50);
    assert.ok(lossy.summary.p99 > 1.5 * clean.summary.p99, `${lossy.summary.p99} vs ${clean.summary.p99}`);
  });

  it('gives up after maxRetries consecutive timeouts and says so', () => {
    const r = requestTimes({ rttMs: 50, bytes: 5000, lossRate: 0.9, maxRetries: 2, samples: 200, rng: createRng(4) });
    assert.ok(r.failures > 0);
    assert.ok(r.failures < 200 || r.summary.count === 0);
  });
});

describe('requestTime: bad input names the option', () => {
  const cases: [object, RegExp][] = [
    [{ rttMs: -1, bytes: 10 }, /rttMs must be a number of ms in \[0, 3600000\].*got -1/],
    [{ rttMs: 10, bytes: 10, lossRate: 1 }, /lossRate must be a number in \[0, 1\); got 1/],
    [{ rttMs: 10, bytes: 10, lossRate: -0.1 }, /lossRate/],
    [{ rttMs: 10, bytes: 10, tls: '1.4' }, /tls must be one of "none", "1.2", "1.3", "resumed", "0-rtt"; got "1.4"/],
    [{ rttMs: 10, bytes: -5 }, /bytes must be a finite number >= 0; got -5/],
    [{ rttMs: 10, bytes: 10, initcwnd: 0 }, /initcwnd must be an integer in \[1, 10000\]; got 0/],
    [{ rttMs: 10, bytes: 10, dns: 'hot' }, /dns must be one of/],
    [{ rttMs: 10, bytes: 10, connection: 'reused', dns: 'cold' }, /dns must be "warm" or "none" when connection is "reused"/],
    [{ rttMs: 10, bytes: 10, cwnd: 20 }, /cwnd applies to a reused connection/],
    [{ rttMs: 10, bytes: 10, minRtoMs: 0 }, /minRtoMs must be a number in \(0, 3600000\]; got 0/],
    [{ rttMs: 10, bytes: 10, jitterMs: 5, jitter: { sample: () => 1 } }, /either jitterMs .* or jitter/],
  ];
  for (const [opts, pattern] of cases) {
    it(`rejects ${JSON.stringify(opts)}`, () => assert.throws(() => planRequest(opts as never), pattern));
  }
  it('rejects requestTimes without samples', () => {
    assert.throws(() => requestTimes({ rttMs: 10, bytes: 10, rng: createRng(1) } as never), /samples must be a number/);
  });
});

describe('handshakeCpu', () => {
  it('charges full and resumed handshakes by share and saturates at cores / cost', () => {
    const full = handshakeCpu({ connectionsPerSecond: 500, fullMs: 1 });
    assert.equal(full.utilisation, 0.5);
    assert.equal(full.saturationConnectionsPerSecond, 1000);
    const mixed = handshakeCpu({ connectionsPerSecond: 1000, resumedShare: 0.9, fullMs: 1, resumedMs: 0.1, cores: 2 });
    assert.ok(Math.abs(mixed.coreMsPerSecond - (100 + 90)) < 1e-9);
    assert.ok(Math.abs(mixed.utilisation - 0.095) < 1e-12);
    assert.throws(() => handshakeCpu({ connectionsPerSecond: 10, resumedShare: 2 }), /resumedShare must be a number in \[0, 1\]; got 2/);
  });
});

describe('requestTime with one rng over many calls', () => {
  it('draws successive requests (the first n calls equal requestTimes with n samples), never the same one again', () => {
    const opts = { rttMs: 100, bytes: 20_000, tls: '1.3' as const, jitterMs: 20, lossRate: 0.05 };
    const rng = createRng(11);
    const calls = Array.from({ length: 20 }, () => requestTime({ ...opts, rng }).totalMs);
    assert.ok(new Set(calls).size > 15, `20 calls gave only ${new Set(calls).size} distinct times`);
    const batch = requestTimes({ ...opts, samples: 20, rng: createRng(11) });
    assert.deepEqual(calls, Array.from(batch.totalMs));
  });
});

describe('requestTime called in a loop', () => {
  it('plans once for the same settings, and notices any change, misspelling or mutation', () => {
    const base = { rttMs: 100, bytes: 20_000, tls: '1.3' as const };
    const first = requestTime(base).totalMs;
    assert.equal(requestTime({ ...base }).totalMs, first);
    assert.equal(requestTime({ ...base, rttMs: 50 }).totalMs, first / 2);
    assert.equal(requestTime(base).totalMs, first);
    assert.throws(() => requestTime({ ...base, lssRate: 0.5 } as never), /unknown option "lssRate"/);
    const mutable = { ...base };
    requestTime(mutable);
    mutable.rttMs = 200;
    assert.equal(requestTime(mutable).totalMs, first * 2);
    assert.throws(() => requestTime({ ...base, rttMs: NaN }), RangeError);
    assert.equal(requestTime({ ...base, tls: 'none' }).totalMs, first - 100); // TLS 1.3 costs one round trip
  });
});
