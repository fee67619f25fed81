import { strict as assert } from 'node:assert';
import { simulatePayments } from '../../../lib/scenarios/payments/simulatePayments';
import { paymentArithmetic } from '../../../lib/scenarios/payments/paymentArithmetic';
import type { PaymentOptions } from '../../../lib/scenarios/payments/paymentOptions';
import { createRng } from '../../../lib/random/rng';
import { lognormal } from '../../../lib/random/lognormal';

/** Losses only: constant 200 ms server, 100 ms RTT, 5 s timeout, so every reply that is not lost is on time. */
const run = (over: Partial<PaymentOptions>): ReturnType<typeof simulatePayments> => simulatePayments({
  payments: 10_000, requestLossRate: 0, responseLossRate: 0, idempotencyKeys: false, maxAttempts: 3, rng: createRng(7), ...over,
});
/** p + p² + … + p^(n−1). */
const geometric = (p: number, n: number): number => Array.from({ length: n - 1 }, (_, k) => p ** (k + 1)).reduce((a, b) => a + b, 0);

describe('paymentArithmetic', () => {
  it('gives p + p² + … + p^(n−1) duplicates per payment when only responses are lost', () => {
    for (const [p, n] of [[0.1, 3], [0.3, 5], [0.5, 2], [0.9, 10], [0, 4], [1, 4]]) {
      const a = paymentArithmetic({ requestLossRate: 0, responseLossRate: p, maxAttempts: n, idempotencyKeys: false });
      assert.ok(Math.abs(a.duplicateCharges - geometric(p, n)) < 1e-12, `p ${p}, n ${n}: ${a.duplicateCharges}`);
      // P(D ≥ k) = p^k for k < n, so E[D²] = Σ (2k − 1) p^k.
      const second = Array.from({ length: n - 1 }, (_, k) => (2 * k + 1) * p ** (k + 1)).reduce((x, y) => x + y, 0);
      assert.ok(Math.abs(a.duplicateChargesSd ** 2 - (second - geometric(p, n) ** 2)) < 1e-12);
      assert.ok(Math.abs(a.failed - p ** n) < 1e-12);
      assert.ok(Math.abs(a.charges - (1 + geometric(p, n))) < 1e-12);
    }
  });
  it('has closed forms with request loss too: failure (1 − s)^n, charged but failed (1 − s)^n − q^n, no duplicates from request loss', () => {
    const [q, p, n] = [0.2, 0.3, 4];
    const s = (1 - q) * (1 - p);
    const a = paymentArithmetic({ requestLossRate: q, responseLossRate: p, maxAttempts: n, idempotencyKeys: false });
    assert.ok(Math.abs(a.failed - (1 - s) ** n) < 1e-12);
    assert.ok(Math.abs(a.chargedButFailed - ((1 - s) ** n - q ** n)) < 1e-12);
    // E[C] = (1 − q) Σ_{k<n} (1 − s)^k (Wald), and E[max(0, C − 1)] = E[C] − P(C ≥ 1).
    const charges = (1 - q) * Array.from({ length: n }, (_, k) => (1 - s) ** k).reduce((x, y) => x + y, 0);
    assert.ok(Math.abs(a.charges - charges) < 1e-12);
    assert.ok(Math.abs(a.duplicateCharges - (charges - (1 - q ** n))) < 1e-12);
    const onlyRequests = paymentArithmetic({ requestLossRate: 0.5, responseLossRate: 0, maxAttempts: 5, idempotencyKeys: false });
    assert.equal(onlyRequests.duplicateCharges, 0);
    const keyed = paymentArithmetic({ requestLossRate: q, responseLossRate: p, maxAttempts: n, idempotencyKeys: true });
    assert.equal(keyed.duplicateCharges, 0);
    assert.ok(Math.abs(keyed.charges - (1 - q ** n)) < 1e-12);
    assert.equal(keyed.failed, a.failed);
  });
  it('names bad input', () => {
    assert.throws(() => paymentArithmetic({ requestLossRate: 0, responseLossRate: 2, maxAttempts: 3, idempotencyKeys: false }), /responseLossRate/);
    assert.throws(() => paymentArithmetic({ requestLossRate: 0, responseLossRate: 0, maxAttempts: 0, idempotencyKeys: false }), /maxAttempts/);
  });
});

describe('simulatePayments: duplicate charges follow the loss arithmetic', () => {
  // 200 000 payments, seed 1: the total of duplicates is a sum of independent per-payment counts, so its
  // standard error is sd·√N (sd from paymentArithmetic). Tolerance: 4 standard errors.
  const N = 200_000;
  for (const [p, n] of [[0.1, 3], [0.3, 4]]) {
    it(`response loss ${p}, ${n} attempts: ${N} × (p + … + p^${n - 1}) duplicates without keys, none with keys`, () => {
      const theory = paymentArithmetic({ requestLossRate: 0, responseLossRate: p, maxAttempts: n, idempotencyKeys: false });
      const opts = { payments: N, responseLossRate: p, maxAttempts: n, rng: createRng(1) };
      const plain = run(opts);
      const se = theory.duplicateChargesSd * Math.sqrt(N);
      assert.ok(Math.abs(plain.duplicateCharges - N * geometric(p, n)) < 4 * se, `${plain.duplicateCharges} vs ${N * geometric(p, n)} ± ${4 * se}`);
      assert.equal(plain.charges, plain.attempts); // every request reached the server and charged
      const failSe = Math.sqrt((theory.failed * (1 - theory.failed)) / N) * N;
      assert.ok(Math.abs(plain.failedPayments - N * theory.failed) < 4 * failSe);
      assert.equal(plain.chargedButFailed, plain.failedPayments); // no request was lost, so every failure was charged
      const keyed = run({ ...opts, idempotencyKeys: true });
      assert.equal(keyed.duplicateCharges, 0);
      assert.equal(keyed.charges, N);
      assert.equal(keyed.server.executions, N);
      assert.ok(keyed.server.replayed > 0);
      assert.ok(Math.abs(keyed.failedPayments - N * theory.failed) < 4 * failSe);
    });
  }
  it('matches the exact expectations with both directions lossy', () => {
    // 50 000 payments, q = 0.1, p = 0.2, 4 attempts, seed 3; tolerance 4 standard errors.
    const M = 50_000;
    const theory = paymentArithmetic({ requestLossRate: 0.1, responseLossRate: 0.2, maxAttempts: 4, idempotencyKeys: false });
    const r = run({ payments: M, requestLossRate: 0.1, responseLossRate: 0.2, maxAttempts: 4, rng: createRng(3) });
    assert.ok(Math.abs(r.duplicateCharges - M * theory.duplicateCharges) < 4 * theory.duplicateChargesSd * Math.sqrt(M));
    const cbf = theory.chargedButFailed;
    assert.ok(Math.abs(r.chargedButFailed - M * cbf) < 4 * Math.sqrt(M * cbf * (1 - cbf)), `${r.chargedButFailed} vs ${M * cbf}`);
  });
  it('is exact at p = 0 (one charge each, nothing fails) and p = 1 (n charges each, everything fails)', () => {
    for (const keys of [false, true]) {
      const clean = run({ responseLossRate: 0, maxAttempts: 4, idempotencyKeys: keys });
      assert.deepEqual([clean.charges, clean.duplicateCharges, clean.failedPayments, clean.attempts], [10_000, 0, 0, 10_000]);
    }
    const lost = run({ responseLossRate: 1, maxAttempts: 4 });
    assert.deepEqual(
      [lost.charges, lost.duplicateCharges, lost.failedPayments, lost.chargedButFailed, lost.paymentsChargedTwiceOrMore],
      [40_000, 30_000, 10_000, 10_000, 10_000],
    );
    const keyed = run({ responseLossRate: 1, maxAttempts: 4, idempotencyKeys: true });
    assert.deepEqual(
      [keyed.charges, keyed.duplicateCharges, keyed.failedPayments, keyed.chargedButFailed, keyed.server.replayed],
      [10_000, 0, 10_000, 10_000, 30_000],
    );
  });
  it('never double-charges from request loss alone', () => {
    for (const q of [0.1, 0.5, 0.9]) {
      const r = run({ requestLossRate: q, maxAttempts: 5 });
      assert.equal(r.duplicateCharges, 0);
      assert.equal(r.chargedButFailed, 0);
      assert.equal(r.charges, r.confirmedPayments);
    }
    const dead = run({ requestLossRate: 1, maxAttempts: 5 });
    assert.deepEqual([dead.charges, dead.failedPayments, dead.attempts], [0, 10_000, 50_000]);
  });
});

describe('simulatePayments: concurrent retries', () => {
  // Server 3500 ms, timeout 1000 ms, no RTT, retry at once: attempts at 0, 1000 and 2000 ms all reach the
  // server while the first charge runs; the third times out at 3000 ms, before the first reply (3500 ms).
  // (Not a tie at 3000 ms: times are the arrival plus sums of delays, and their rounding would decide a tie.)
  const slow = { payments: 1, rttMs: 0, serverMs: 3500, timeoutMs: 1000, maxAttempts: 3 };
  /** Equal up to the rounding of a few additions to the arrival time. */
  const near = (actual: number, expected: number): void => assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} ≠ ${expected}`);
  it('charges once per attempt without keys, once with keys, and the user is told it failed either way', () => {
    const plain = run(slow);
    assert.deepEqual([plain.charges, plain.server.overlappingExecutions, plain.failedPayments, plain.chargedButFailed, plain.wire.late], [3, 2, 1, 1, 3]);
    near(plain.records.endMs[0] - plain.records.arrivalMs[0], 3000);
    const waiting = run({ ...slow, idempotencyKeys: true });
    assert.deepEqual([waiting.charges, waiting.server.waited, waiting.server.overlappingExecutions, waiting.chargedButFailed], [1, 2, 0, 1]);
    const rejecting = run({ ...slow, idempotencyKeys: { concurrent: 'reject' } });
    // Conflicts come back at once: the second attempt's conflict sends the third in the same instant.
    assert.deepEqual([rejecting.charges, rejecting.server.conflicts, rejecting.wire.conflicts, rejecting.failedPayments], [1, 2, 2, 1]);
    near(rejecting.records.endMs[0] - rejecting.records.arrivalMs[0], 1000);
    const patient = run({ ...slow, timeoutMs: 4000 });
    assert.deepEqual([patient.charges, patient.confirmedPayments], [1, 1]);
    near(patient.records.latencyMs[0], 3500);
  });
  it('keeps duplicates at zero with keys when a slow tail makes retries overlap the first charge', () => {
    // Lognormal server time (median 300 ms, p99 5 s) against a 2 s timeout: about 6% of replies are late.
    const opts = {
      payments: 20_000, requestLossRate: 0.02, responseLossRate: 0.02, maxAttempts: 4, timeoutMs: 2000,
      serverMs: lognormal({ median: 300, p99: 5000 }), backoff: { baseMs: 500, capMs: 4000 }, rng: createRng(2),
    };
    const plain = simulatePayments({ ...opts, idempotencyKeys: false });
    assert.ok(plain.server.overlappingExecutions > 100, `overlapping ${plain.server.overlappingExecutions}`);
    assert.ok(plain.duplicateCharges > plain.server.overlappingExecutions);
    for (const concurrent of ['wait', 'reject'] as const) {
      const keyed = simulatePayments({ ...opts, idempotencyKeys: { concurrent } });
      assert.equal(keyed.duplicateCharges, 0);
      assert.equal(keyed.server.overlappingExecutions, 0);
      assert.equal(keyed.server.executions, keyed.chargedPayments);
      const concurrentRepeats = concurrent === 'wait' ? keyed.server.waited : keyed.server.conflicts;
      assert.ok(concurrentRepeats > 100, `${concurrent}: ${concurrentRepeats}`);
    }
  });
  it('double-charges again when the stored result expires before the retry comes', () => {
    const r = run({ responseLossRate: 1, maxAttempts: 3, idempotencyKeys: { ttlMs: 100 }, backoff: { baseMs: 1000, capMs: 1000, jitter: 'none' } });
    assert.equal(r.duplicateCharges, 20_000);
  });
});

describe('simulatePayments: timing', () => {
  it('adds two key-store round trips to an executed payment and waits out the backoff', () => {
    const plain = run({ payments: 100 });
    const keyed = run({ payments: 100, idempotencyKeys: { storeMs: 5 } });
    assert.ok(plain.latencyMs.every((v) => Math.abs(v - 300) < 1e-9)); // RTT 100 + server 200
    assert.ok(keyed.latencyMs.every((v) => Math.abs(v - 310) < 1e-9));
    // Both replies lost: timeout 5000, backoff 1000, timeout 5000, then the client gives up.
    const r = run({ payments: 100, responseLossRate: 1, maxAttempts: 2, backoff: { baseMs: 1000, capMs: 8000, jitter: 'none' } });
    for (let i = 0; i < 100; i++) assert.ok(Math.abs(r.records.endMs[i] - r.records.arrivalMs[i] - 11_000) < 1e-9);
  });
  it('is deterministic', () => {
    const opts = { payments: 2000, requestLossRate: 0.05, responseLossRate: 0.1, serverMs: lognormal({ median: 300, p99: 3000 }), timeoutMs: 1500, backoff: { baseMs: 200, capMs: 2000 } };
    assert.deepEqual(run(opts), run(opts));
    assert.deepEqual(run({ ...opts, idempotencyKeys: true }), run({ ...opts, idempotencyKeys: true }));
  });
});

describe('simulatePayments: bad input', () => {
  const cases: [Partial<PaymentOptions> | Record<string, unknown>, RegExp][] = [
    [{ payments: 0 }, /payments/],
    [{ requestLossRate: 1.5 }, /requestLossRate/],
    [{ responseLossRate: -0.1 }, /responseLossRate/],
    [{ maxAttempts: 0 }, /maxAttempts/],
    [{ maxAttempts: 101 }, /maxAttempts/],
    [{ payments: 1_000_000, maxAttempts: 50 }, /payments × maxAttempts/],
    [{ payments: 100_000, maxAttempts: 31 }, /payments × maxAttempts must be at most 3000000; got 100000 × 31 = 3100000/],
    [{ rttMs: 1e12 }, /rttMs must be a number of ms in \[0, 3600000\]/],
    [{ serverMs: 1e12 }, /serverMs must be a number of ms in \[0, 3600000\]/],
    [{ serverMs: { label: 'glacial', sample: () => 1e12 } }, /serverMs must yield durations <= 3600000 ms; glacial gave 1000000000000/],
    [{ idempotencyKeys: { storeMs: 1e12 } }, /idempotencyKeys\.storeMs/],
    [{ arrivalRate: 1e-300 }, /arrivalRate must bring the 10 payments within 10000000000 ms/],
    [{ backoff: null }, /simulatePayments: option backoff is null/],
    [{ serverMs: null }, /simulatePayments: option serverMs is null/],
    [{ idempotencyKeys: null }, /simulatePayments: option idempotencyKeys is null/],
    [{ idempotencyKeys: { ttlMs: null } }, /option idempotencyKeys\.ttlMs is null/],
    [{ idempotencyKeys: 'yes' }, /idempotencyKeys/],
    [{ idempotencyKeys: { concurrent: 'queue' } }, /idempotencyKeys\.concurrent/],
    [{ idempotencyKeys: { ttl: 5 } }, /unknown option "idempotencyKeys\.ttl" \(did you mean "idempotencyKeys\.ttlMs"\?\)/],
    [{ timeoutMs: 0 }, /timeoutMs/],
    [{ rttMs: -1 }, /rttMs/],
    [{ serverMs: 'slow' }, /serverMs/],
    [{ serverMs: { label: 'bad', sample: () => -1 } }, /serverMs must yield durations/],
    [{ backoff: { baseMs: -5, capMs: 100 } }, /baseMs/],
    [{ maxAttempt: 3 }, /simulatePayments: unknown option "maxAttempt" \(did you mean "maxAttempts"\?\)/],
    [{ backoff: { baseMs: 100, capMS: 1000 } }, /TypeError: unknown option "backoff.capMS" \(did you mean "backoff.capMs"\?\)/],
    [{ rng: undefined }, /rng/],
  ];
  for (const [over, message] of cases) {
    it(`rejects ${Object.keys(over).map((k) => `${k}: ${JSON.stringify((over as Record<string, unknown>)[k]) ?? 'undefined'}`).join(', ')}`, () => {
      assert.throws(() => run({ payments: 10, ...over } as Partial<PaymentOptions>), message);
    });
  }
});

describe('simulatePayments: one stream per component, fixed per payment and attempt', () => {
  const opts = { payments: 5000, requestLossRate: 0.1, responseLossRate: 0.2, maxAttempts: 4, timeoutMs: 5000, backoff: { baseMs: 200, capMs: 2000 } };
  it("keeps the network's losses and the client's waits when the server's time changes", () => {
    // Every reply is on time either way (RTT 100 ms + at most 1 s < 5 s), so attempts fail by losses alone.
    const quick = run({ ...opts, serverMs: 50 });
    const slow = run({ ...opts, serverMs: lognormal({ median: 300, p99: 900 }) });
    assert.deepEqual([...quick.records.attempts], [...slow.records.attempts]);
    assert.deepEqual([...quick.records.charges], [...slow.records.charges]);
    assert.deepEqual(quick.wire, slow.wire);
    // The waits between retries are the same draws: a payment's time differs only by its server times.
    const retried = quick.records.attempts.findIndex((a, p) => a > 1 && quick.records.confirmed[p] === 1);
    assert.ok(retried >= 0);
    assert.notEqual(quick.records.latencyMs[retried], slow.records.latencyMs[retried]);
  });
  it('meets the same losses with and without keys: keys turn each charged payment into exactly one charge', () => {
    const plain = run(opts);
    const keyed = run({ ...opts, idempotencyKeys: true });
    assert.equal(keyed.charges, plain.chargedPayments);
    assert.equal(keyed.duplicateCharges, 0);
    assert.deepEqual([...keyed.records.attempts], [...plain.records.attempts]);
    assert.deepEqual([...keyed.records.confirmed], [...plain.records.confirmed]);
    assert.ok(plain.duplicateCharges > 0);
  });
});
