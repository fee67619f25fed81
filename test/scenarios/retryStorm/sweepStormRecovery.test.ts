import { strict as assert } from 'node:assert';
import { sweepStormRecovery, type StormRunOptions } from '../../../lib/scenarios/retryStorm/sweepStormRecovery';
import { simulateRetryStorm } from '../../../lib/scenarios/retryStorm/simulateRetryStorm';
import { createRng } from '../../../lib/random/rng';
import { exponential } from '../../../lib/random/exponential';

/** A short storm: capacity 200/s, 150/s offered, a 3 × slowdown for 10 s. */
const BASE: StormRunOptions = {
  durationMs: 60_000, arrivalRate: 150, workers: 4, serviceTime: exponential(20), timeoutMs: 300,
  trigger: { atMs: 10_000, untilMs: 20_000, latencyFactor: 3 }, bucketMs: 1000,
};
const RETRY = { maxAttempts: 3 };

describe('sweepStormRecovery', () => {
  const rows = sweepStormRecovery({
    base: BASE, runs: 3, seed: 7, maxAttempts: [2, 4],
    policies: [{ name: 'none', options: {} }, { name: 'at once', options: { retry: RETRY } }, { name: 'budget', options: { retry: RETRY, budget: { ratio: 0.1 } } }],
  });

  it('gives one row per policy that does not retry and one per attempt count for the others, in order', () => {
    assert.deepEqual(rows.map((r) => [r.policy, r.maxAttempts]), [['none', 1], ['at once', 2], ['at once', 4], ['budget', 2], ['budget', 4]]);
    for (const r of rows) {
      assert.equal(r.runs, 3);
      assert.equal(r.recoveryS.length, 3);
      assert.equal(r.recovered, r.recoveryS.filter((s) => !Number.isNaN(s)).length);
    }
  });

  it('reproduces simulateRetryStorm run by run with the forked seeds', () => {
    const row = rows.find((r) => r.policy === 'at once' && r.maxAttempts === 4)!;
    const amplification = [0, 1, 2].map((i) => simulateRetryStorm({ ...BASE, retry: { maxAttempts: 4 }, rng: createRng(7).fork(`run ${i}`) }));
    assert.deepEqual(row.recoveryS, amplification.map((r) => (r.summary.recoveryMs === null ? NaN : r.summary.recoveryMs / 1000)));
    assert.ok(Math.abs(row.meanAmplification - amplification.reduce((a, r) => a + r.summary.amplification, 0) / 3) < 1e-12);
  });

  it('sees the storm: retries at once never recover, the budget and no retries always do', () => {
    assert.ok(rows.filter((r) => r.policy === 'at once').every((r) => r.recovered === 0), JSON.stringify(rows));
    assert.ok(rows.filter((r) => r.policy !== 'at once').every((r) => r.recovered === r.runs && r.minRecoveryS <= r.maxRecoveryS));
    assert.ok(rows.filter((r) => r.policy === 'at once').every((r) => Number.isNaN(r.minRecoveryS)));
    assert.ok(rows.find((r) => r.policy === 'budget' && r.maxAttempts === 4)!.meanAmplification < 1.2);
  });

  it('refuses wrong options with named errors', () => {
    const ok = { base: BASE, runs: 1, seed: 1, maxAttempts: [2], policies: [{ name: 'a', options: {} }] };
    assert.throws(() => sweepStormRecovery({ ...ok, run: 1 } as never), /runs/);
    assert.throws(() => sweepStormRecovery({ ...ok, maxAttempts: [1] }), /maxAttempts\[0\]/);
    assert.throws(() => sweepStormRecovery({ ...ok, base: { ...BASE, trigger: undefined } }), /trigger is required/);
    assert.throws(() => sweepStormRecovery({ ...ok, policies: [{ name: 'a', options: { retry: { maxAtempts: 2 } as never } }] }), /maxAttempts/);
    assert.throws(() => sweepStormRecovery({ ...ok, runs: 50, maxAttempts: [2, 3, 4, 5, 6, 7, 8, 9], policies: Array.from({ length: 2 }, (_, i) => ({ name: `p${i}`, options: { retry: RETRY } })) }), /limit/);
  });
});
