import assert from 'node:assert/strict';
import { createRng } from '../../lib/random/rng';
import { constant } from '../../lib/random/constant';
import { requestTime } from '../../lib/net/tcp/requestTime';
import { requestTimes } from '../../lib/net/tcp/requestTimes';
import { createPath } from '../../lib/net/path/path';
import { MAX_DELAY_MS, MAX_JITTER_MS, MAX_ROUND_MODEL_SEGMENTS, MAX_SIMULATED_MS, MAX_TRANSFER_SEGMENTS } from '../../lib/net/limits';
import { simulatePorts } from '../../lib/net/connections/simulatePorts';
import { simulatePool } from '../../lib/net/connections/connectionPool';
import { concurrencyQuantile, meanConcurrency } from '../../lib/net/connections/concurrency';
import { StreamLedger } from '../../lib/net/transport/streamLedger';
import { dnsZone } from '../../lib/net/dns/dnsZone';
import { simulateDnsFailover } from '../../lib/net/dns/dnsFailover';
import { handshakeCpu } from '../../lib/net/tcp/handshakeCpu';
import { mathisThroughput } from '../../lib/net/tcp/mathis';
import { rtoBounds } from '../../lib/net/tcp/rto';

/** Runs `fn` and asserts it took less than `ms` of wall time. */
function quick<T>(ms: number, fn: () => T): T {
  const t0 = process.hrtime.bigint();
  const out = fn();
  const took = Number(process.hrtime.bigint() - t0) / 1e6;
  assert.ok(took < ms, `took ${took.toFixed(0)} ms`);
  return out;
}

/** Asserts a RangeError from `fn` within 500 ms whose message matches `pattern`. */
function refusedQuickly(fn: () => unknown, pattern: RegExp): void {
  quick(500, () => assert.throws(fn, (e: Error) => e instanceof RangeError && pattern.test(e.message)));
}

/** Every number in a record (nested objects and typed arrays included) is finite. */
function allFinite(value: unknown, where = 'result'): void {
  if (typeof value === 'number') assert.ok(Number.isFinite(value), `${where} is ${value}`);
  else if (ArrayBuffer.isView(value)) (value as unknown as ArrayLike<number>).length > 0 && allFinite(Array.from(value as unknown as ArrayLike<number>), where);
  else if (Array.isArray(value)) value.forEach((v, i) => allFinite(v, `${where}[${i}]`));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) allFinite(v, `${where}.${k}`);
}

describe('lib/net bounds: the round model (requestTime, requestTimes)', () => {
  it('requestTimes with bytes: 1e12 is refused at once, naming the work and the limit', () => {
    refusedQuickly(
      () => requestTimes({ rttMs: 50, bytes: 1e12, lossRate: 0.01, samples: 1000, rng: createRng(1) }),
      /samples × bytes \/ mssBytes imply 6\.85e\+11 segments for the round model.*the limit is 1\.00e\+8 per call/,
    );
  });

  it('one request of 1e11 bytes on a lossless path is answered exactly and at once; beyond the limit it is refused', () => {
    const r = quick(500, () => requestTime({ rttMs: 50, bytes: 1e11 }));
    // 68 493 151 segments from a window of 10 doubling: 23 rounds (10 · (2^23 − 1) ≥ 68 493 151 > 10 · (2^22 − 1)).
    assert.equal(r.rounds, 23);
    assert.equal(r.totalMs, 50 * 24);
    refusedQuickly(() => requestTime({ rttMs: 50, bytes: 1460 * (MAX_ROUND_MODEL_SEGMENTS + 1) }), /bytes \/ mssBytes imply/);
  });

  it('delays beyond an hour are refused by name instead of turning into NaN', () => {
    refusedQuickly(() => requestTime({ rttMs: 1e308, bytes: 1e5 }), /rttMs must be a number of ms in \[0, 3600000\].*got 1e\+308/);
    refusedQuickly(() => requestTime({ rttMs: 50, bytes: 1e5, serverMs: 1e300 }), /serverMs/);
    refusedQuickly(() => requestTime({ rttMs: 50, bytes: 1e5, jitterMs: 1e300, rng: createRng(1) }), /jitterMs/);
    refusedQuickly(() => requestTime({ rttMs: 50, bytes: 1e5, dns: 'cold', dnsTimeoutMs: Infinity }), /dnsTimeoutMs/);
    refusedQuickly(() => rtoBounds({ maxRtoMs: 1e300 }), /maxRtoMs must be a number in \(0, 3600000\]/);
    refusedQuickly(() => createPath({ rttMs: 50, bandwidthMbps: 1e-9 }), /bandwidthMbps must be >= 0\.001/);
  });

  it('the largest accepted delays with heavy loss give finite numbers', () => {
    const r = quick(10_000, () =>
      requestTime({
        rttMs: MAX_DELAY_MS, jitterMs: MAX_JITTER_MS, lossRate: 0.3, bytes: 1e8, serverMs: MAX_DELAY_MS, tls: '1.2', dns: 'cold',
        dnsTimeoutMs: MAX_DELAY_MS, minRtoMs: MAX_DELAY_MS, maxRtoMs: MAX_DELAY_MS, initialRtoMs: MAX_DELAY_MS, maxRetries: 100,
        bandwidthMbps: 0.001, rng: createRng(2),
      }),
    );
    allFinite(r);
  });
});

describe('lib/net bounds: the packet engine', () => {
  it('a transfer beyond 4 million segments is refused before any table is built', () => {
    refusedQuickly(() => new StreamLedger([1e12], 1460), /response bytes \/ mssBytes imply 6\.85e\+8 segments for the packet engine.*limit is 4\.00e\+6/);
    assert.equal(new StreamLedger([1460 * MAX_TRANSFER_SEGMENTS], 1460).segments[0], MAX_TRANSFER_SEGMENTS);
    assert.throws(() => new StreamLedger([NaN], 1460), /response bytes\[0\] must be a number/);
  });
});

describe('lib/net bounds: ports, pool, concurrency', () => {
  it('simulatePorts refuses a simulated time beyond 10^10 ms, and hold times beyond it', () => {
    refusedQuickly(() => simulatePorts({ connectionsPerSecond: 1e-9, durationMs: 1e12 }), /durationMs must be a number in \(0, 10000000000\]; got 1000000000000/);
    refusedQuickly(() => simulatePorts({ connectionsPerSecond: 1, durationMs: 1e4, connectionMs: 1e300 }), /connectionMs/);
    refusedQuickly(() => simulatePorts({ connectionsPerSecond: 1e300, durationMs: 1e4 }), /limit is 100000000/);
  });

  it('simulatePorts at the extremes it accepts gives finite numbers and exact buckets (1000/3 ms wide)', () => {
    const slow = quick(2000, () => simulatePorts({ connectionsPerSecond: 1e-300, durationMs: MAX_SIMULATED_MS, timeWaitMs: MAX_SIMULATED_MS, connectionMs: MAX_SIMULATED_MS, bucketMs: 1e6 }));
    allFinite({ ...slow, exhaustedAtMs: 0, predictedExhaustionMs: 0 });
    const thirds = simulatePorts({ connectionsPerSecond: 30, durationMs: 1000, bucketMs: 1000 / 3 });
    assert.equal(thirds.series.length, 3);
    assert.equal(thirds.series.reduce((s, b) => s + b.opened, 0), 30);
    allFinite(thirds.series);
  });

  it('simulatePorts reports unstable when the demand exceeds the range', () => {
    assert.equal(simulatePorts({ connectionsPerSecond: 1000, durationMs: 10_000 }).unstable, true); // 60 000 ports demanded
    assert.equal(simulatePorts({ connectionsPerSecond: 100, durationMs: 10_000 }).unstable, false); // 6 000
  });

  it('simulatePool refuses a span beyond 10^10 ms and rates beyond 10^9 per second', () => {
    const base = { poolSize: 2, requestMs: constant(1), handshakeMs: 1, whenExhausted: 'wait' as const, requests: 1000, rng: createRng(1) };
    refusedQuickly(() => simulatePool({ ...base, arrivalRate: 1e-300 }), /requests \/ arrivalRate must span at most 10000000000 ms/);
    refusedQuickly(() => simulatePool({ ...base, arrivalRate: 1e12 }), /arrivalRate must be a number in \(0, 1000000000\]/);
    refusedQuickly(() => simulatePool({ ...base, arrivalRate: 10, handshakeMs: 1e300 }), /handshakeMs/);
  });

  it('simulatePool at its largest rate and longest requests reports a finite p99 of concurrency', () => {
    const r = quick(2000, () => simulatePool({ poolSize: 10, arrivalRate: 1e9, requestMs: constant(MAX_DELAY_MS), handshakeMs: 0, whenExhausted: 'open-extra', requests: 2000, rng: createRng(1) }));
    assert.equal(r.offeredConcurrency, 3.6e12);
    allFinite({ p99: r.concurrencyP99, summary: r.summary, meanOpen: r.meanOpen });
  });

  it('concurrencyQuantile beyond 10^7 follows the normal approximation, continuous with the exact sum', () => {
    const exact = concurrencyQuantile(1e7, 0.99);
    const approx = concurrencyQuantile(1e7 + 1e-3, 0.99);
    assert.ok(Math.abs(exact - approx) <= 1, `${exact} vs ${approx}`);
    // mean + z·√mean with z = 2.3263: 10^12 + 2 326 348 (+ (z² − 1)/6 ≈ 0.74).
    assert.equal(concurrencyQuantile(1e12, 0.99), 1e12 + 2_326_348 + 1);
    refusedQuickly(() => concurrencyQuantile(1e16, 0.5), /mean must be a number in \[0, 1000000000000000\]/);
    refusedQuickly(() => meanConcurrency(1e300, 1e300), /must be a finite number/);
  });
});

describe('lib/net bounds: DNS and the closed forms', () => {
  it('dnsZone refuses more than 10^6 changes before looking at them', () => {
    refusedQuickly(() => dnsZone({ records: {}, ttlS: 1, changes: new Array(1_000_001) }), /changes must hold at most 1000000 entries/);
  });

  it('simulateDnsFailover counts every request in a bucket when the width is not representable (10 s / 3)', () => {
    const r = simulateDnsFailover({ clients: 100, ratePerClient: 10, durationMs: 10_000, changeAtMs: 0, ttlS: 1, bucketMs: 10_000 / 3, rng: createRng(4) });
    assert.equal(r.series.length, 3);
    assert.equal(r.series.reduce((s, b) => s + b.requests, 0), r.requests);
    assert.equal(r.requestsAfterChange, r.requests);
  });

  it('handshakeCpu and mathisThroughput bound their sizes and times', () => {
    refusedQuickly(() => handshakeCpu({ connectionsPerSecond: 1, cores: 1e300 }), /cores must be an integer in \[1, 1000000\]/);
    refusedQuickly(() => handshakeCpu({ connectionsPerSecond: 1, fullMs: 1e300 }), /fullMs/);
    refusedQuickly(() => mathisThroughput({ mssBytes: 1e308, rttMs: 1, lossRate: 0.01 }), /mssBytes must be a number in \(0, 65535\]/);
    refusedQuickly(() => mathisThroughput({ mssBytes: 1460, rttMs: 4e6, lossRate: 0.01 }), /rttMs must be a number in \(0, 3600000\]/);
  });
});
