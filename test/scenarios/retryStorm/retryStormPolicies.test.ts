import { strict as assert } from 'node:assert';
import { simulateRetryStorm } from '../../../lib/scenarios/retryStorm/simulateRetryStorm';
import type { RetryStormOptions } from '../../../lib/scenarios/retryStorm/retryStormOptions';
import type { RetryStormResult } from '../../../lib/scenarios/retryStorm/retryStormReport';
import { createRng } from '../../../lib/random/rng';
import { exponential } from '../../../lib/random/exponential';

/**
 * The storm: 10 workers × exponential(20 ms) = 500 rps of capacity, 350 rps offered (ρ = 0.7), a 500 ms timeout.
 * From 30 s to 50 s service takes twice as long: capacity 250 rps, below the offered load.
 */
const RPS = 350;
const storm = (seed: number, over: Partial<RetryStormOptions> = {}): RetryStormResult => simulateRetryStorm({
  durationMs: 120_000, arrivalRate: RPS, workers: 10, serviceTime: exponential(20), timeoutMs: 500, bucketMs: 2000,
  trigger: { atMs: 30_000, untilMs: 50_000, latencyFactor: 2 }, rng: createRng(seed), ...over,
});
const THREE = { maxAttempts: 3 };
const SEEDS = [1, 2];

describe('simulateRetryStorm: the storm outlives its trigger (metastable) with immediate retries', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: 3 attempts at once stay collapsed to the end; no retries recover within the drain time`, () => {
      const naive = storm(seed, { retry: THREE });
      assert.equal(naive.summary.metastable, true);
      assert.equal(naive.summary.recoveryMs, null);
      assert.ok(naive.summary.goodputRps.after < 0.05 * RPS, `goodput after ${naive.summary.goodputRps.after}`);
      // Once every attempt times out, each request costs the downstream all 3 attempts.
      assert.ok(naive.summary.amplificationByPhase.after > 2.95, `${naive.summary.amplificationByPhase.after}`);
      assert.ok(naive.summary.wastedShare > 0.7, `wasted ${naive.summary.wastedShare}`);

      // Without retries the backlog is (350 − 250) rps × 20 s = 2000 attempts, drained at 500 − 350 = 150 rps: 13.3 s,
      // plus up to two 2 s buckets for the noise and the bucket edges (measured: 10–14 s for seeds 1–4).
      const none = storm(seed);
      assert.equal(none.summary.metastable, false);
      assert.ok(none.summary.recoveryMs !== null && none.summary.recoveryMs <= 17_400, `recovery ${none.summary.recoveryMs}`);
      assert.equal(none.summary.amplification, 1);
      assert.ok(none.summary.goodputRps.before > 0.95 * RPS);
    });
  }
});

describe('simulateRetryStorm: what relieves it', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: a retry budget of 10% recovers, and amplification stays ≤ 1 + ratio + initial tokens / requests`, () => {
      const r = storm(seed, { retry: THREE, budget: { ratio: 0.1 } });
      const s = r.summary;
      assert.equal(s.metastable, false);
      assert.ok(s.recoveryMs !== null && s.recoveryMs <= 30_000, `recovery ${s.recoveryMs}`);
      // The default bucket holds 10 tokens at the start (maxTokens = 10 · max(1, ratio)).
      assert.ok(s.amplification <= 1 + 0.1 + 10 / s.requests, `amplification ${s.amplification}`);
      assert.equal(s.downstreamAttempts - s.requests, r.budget![0].granted);
      assert.ok(r.budget![0].denied > 0);
    });

    it(`seed ${seed}: a circuit breaker recovers within two buckets and sends less than one attempt per request during the trigger`, () => {
      const r = storm(seed, { retry: THREE, breaker: { failureRate: 0.5, minimumRequests: 20, cooldownMs: 2000 } });
      const s = r.summary;
      assert.equal(s.metastable, false);
      assert.ok(s.recoveryMs !== null && s.recoveryMs <= 4000, `recovery ${s.recoveryMs}`);
      assert.ok(s.amplificationByPhase.during < 1, `${s.amplificationByPhase.during}`);
      assert.ok(s.attemptFailures.rejected > 0);
      assert.ok(s.goodputRps.during > 2 * storm(seed, { retry: THREE }).summary.goodputRps.during);
    });

    it(`seed ${seed}: backoff with full jitter spreads retries but does not remove them: still collapsed, all 3 attempts per request`, () => {
      const r = storm(seed, { retry: { maxAttempts: 3, backoff: { baseMs: 100, capMs: 5000, jitter: 'full' } } });
      assert.equal(r.summary.metastable, true);
      assert.ok(r.summary.amplificationByPhase.after > 2.95, `${r.summary.amplificationByPhase.after}`);
      // With a user deadline, delays that would end past it drop the retry: backoff then does cut amplification.
      const deadline = { deadlineMs: 2000 };
      const naive = storm(seed, { retry: THREE, ...deadline });
      const spaced = storm(seed, { retry: { maxAttempts: 3, backoff: { baseMs: 1000, capMs: 10_000 } }, ...deadline });
      assert.ok(spaced.summary.amplificationByPhase.after < naive.summary.amplificationByPhase.after - 0.5,
        `${spaced.summary.amplificationByPhase.after} vs ${naive.summary.amplificationByPhase.after}`);
    });

    it(`seed ${seed}: a downstream that skips abandoned work drains its backlog at once, but cannot stop immediate retries`, () => {
      const none = storm(seed);
      const skipping = storm(seed, { cancelAbandoned: true });
      assert.ok(skipping.summary.skipped > 1000);
      assert.ok(skipping.summary.recoveryMs !== null && skipping.summary.recoveryMs <= 2000, `${skipping.summary.recoveryMs}`);
      assert.ok(skipping.summary.recoveryMs! < none.summary.recoveryMs!);
      // FIFO serves the oldest attempts still wanted, which are close to their timeout and mostly expire in service.
      const retrying = storm(seed, { retry: THREE, cancelAbandoned: true });
      assert.equal(retrying.summary.metastable, true);
      assert.ok(retrying.summary.wastedShare > 0.5, `${retrying.summary.wastedShare}`);
    });
  }
});

describe('simulateRetryStorm: recovery is judged by arrival, not by noisy goodput', () => {
  it('a trigger that changes nothing is recovered from at once, for 20 seeds, with 100 buckets of 3 s at 50 requests/s', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const r = storm(seed, { arrivalRate: 50, durationMs: 300_000, bucketMs: undefined, retry: THREE,
        trigger: { atMs: 60_000, untilMs: 120_000, latencyFactor: 1 } });
      assert.equal(r.summary.metastable, false, `seed ${seed}`);
      assert.equal(r.summary.recoveryMs, 0, `seed ${seed}`);
    }
  });
});

describe('simulateRetryStorm: the circuit breaker', () => {
  it('refuses everything while open: no attempt reaches the downstream in a bucket inside an open interval', () => {
    const r = storm(3, { retry: THREE, breaker: { failureRate: 0.5, minimumRequests: 20, cooldownMs: 2000 }, bucketMs: 100 });
    const transitions = r.breaker!.transitions;
    const opened = transitions.filter((t) => t.to === 'open');
    assert.ok(opened.length >= 3, `${opened.length} openings`);
    let inside = 0;
    let rejected = 0;
    transitions.forEach((t, i) => {
      if (t.to !== 'open') return;
      const next = transitions[i + 1];
      assert.equal(next.to, 'half-open');
      assert.equal(next.atMs, t.atMs + 2000);
      for (const b of r.buckets) {
        if (b.tMs < t.atMs || b.tMs + 100 > next.atMs) continue;
        inside++;
        rejected += b.rejectedRps;
        assert.equal(b.attemptRps, 0, `bucket at ${b.tMs} ms inside open [${t.atMs}, ${next.atMs})`);
        assert.equal(b.breakerOpenShare, 1);
      }
    });
    assert.ok(inside > 50 && rejected > 0);
    assert.equal(r.breaker!.rejectedByLayer[0], r.summary.attemptFailures.rejected);
  });
});
