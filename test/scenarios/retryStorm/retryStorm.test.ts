import { strict as assert } from 'node:assert';
import { simulateRetryStorm } from '../../../lib/scenarios/retryStorm/simulateRetryStorm';
import { type RetryStormOptions } from '../../../lib/scenarios/retryStorm/retryStormOptions';
import { STORM_OUTCOME } from '../../../lib/scenarios/retryStorm/retryStormTally';
import { createRng } from '../../../lib/random/rng';
import { exponential } from '../../../lib/random/exponential';
import { constant } from '../../../lib/random/constant';
import { mmc } from '../../../lib/sim/queues/queueTheory';

const A_DAY_MS = 86_400_000;

/** A downstream that fails every attempt at once, for the whole run. */
const failing = (over: Partial<RetryStormOptions>): RetryStormOptions => ({
  durationMs: 10_000, arrivalRate: 100, workers: 4, serviceTime: constant(10), timeoutMs: 1000,
  trigger: { atMs: 0, untilMs: 10_000, errorRate: 1 }, rng: createRng(1), ...over,
});

describe('simulateRetryStorm: layered retries multiply', () => {
  it('r = 2 retries at each of k = 3 layers: exactly 27 downstream attempts per user request when every attempt fails', () => {
    const r = simulateRetryStorm(failing({ layers: 3, retry: { maxAttempts: 3 } }));
    const n = r.summary.requests;
    assert.ok(n > 900, `${n} requests`);
    assert.ok(r.requests.downstreamAttempts.every((a) => a === 27));
    assert.equal(r.summary.downstreamAttempts, 27 * n);
    assert.equal(r.summary.amplification, 27);
    assert.deepEqual(r.summary.attemptsByLayer, [3 * n, 9 * n, 27 * n]);
    assert.equal(r.summary.ok, 0);
    assert.equal(r.summary.failed, n);
    assert.ok(r.requests.outcome.every((o) => o === STORM_OUTCOME.failedBelow));
  });

  it('(r + 1)^k for r in 0..3 and k in 1..3', () => {
    for (let k = 1; k <= 3; k++) {
      for (let attempts = 1; attempts <= 4; attempts++) {
        const r = simulateRetryStorm(failing({ durationMs: 1000, trigger: { atMs: 0, untilMs: 1000, errorRate: 1 }, layers: k, retry: { maxAttempts: attempts } }));
        assert.equal(r.summary.amplification, attempts ** k, `k = ${k}, ${attempts} attempts per layer`);
      }
    }
  });

  it('nested timeouts cut inner retries: 3 layers of 3 attempts with timeouts 1500/1000/500 ms reach the downstream 9 times, not 27', () => {
    // Every attempt outlives its timeout (service 10 s). The middle layer's 1000 ms fits two 500 ms bottom attempts;
    // its retry at 1000 ms inherits the top attempt's deadline (1500 ms), which leaves room for one: 3 per top attempt.
    const r = simulateRetryStorm({
      durationMs: 20_000, arrivalRate: 1, workers: 1000, serviceTime: constant(10_000), layers: 3, timeoutMs: [1500, 1000, 500],
      retry: { maxAttempts: 3 }, rng: createRng(2),
    });
    const done = r.requests.downstreamAttempts.filter((_, u) => r.requests.outcome[u] !== STORM_OUTCOME.unfinished);
    assert.ok(done.length >= 10);
    assert.ok(done.every((a) => a === 9), Array.from(done).join(','));
    assert.ok(r.summary.attemptFailures.timedOut > 0);
  });
});

describe('simulateRetryStorm: without retries, below capacity, it is an M/M/c queue', () => {
  // 8 workers × exponential(10 ms) = 800 rps; 560 rps → ρ = 0.7. Over 300 s (168,000 requests), seeds 1–6
  // put p50 and p99 within 3% of Erlang C's and the time-averaged queue within 10% of λ·Wq. Tolerances: 5%, 5%, 15%.
  const theory = mmc({ workers: 8, arrivalRate: 560, meanServiceMs: 10 });
  for (const seed of [1, 2]) {
    it(`seed ${seed}: latency p50/p99 as Erlang C says, queue length by Little's law`, () => {
      const r = simulateRetryStorm({ durationMs: 300_000, arrivalRate: 560, workers: 8, serviceTime: exponential(10), timeoutMs: A_DAY_MS, rng: createRng(seed) });
      const s = r.summary;
      assert.equal(s.amplification, 1);
      assert.ok(s.unfinished < 30 && s.failed === 0, `${s.unfinished} unfinished, ${s.failed} failed`);
      const rel = (x: number, y: number): number => Math.abs(x / y - 1);
      assert.ok(rel(s.latencyMs.p50, theory.latencyQuantile(0.5)) < 0.05, `p50 ${s.latencyMs.p50} vs ${theory.latencyQuantile(0.5)}`);
      assert.ok(rel(s.latencyMs.p99, theory.latencyQuantile(0.99)) < 0.05, `p99 ${s.latencyMs.p99} vs ${theory.latencyQuantile(0.99)}`);
      assert.ok(rel(s.utilisation, 0.7) < 0.02, `utilisation ${s.utilisation}`);
      // Little's law, on the run's own numbers (exact but for the attempts still queued at the end) and against theory.
      const lambda = s.downstreamAttempts / 300_000;
      assert.ok(rel(s.meanQueueLength, lambda * s.meanWaitMs) < 0.01, `L ${s.meanQueueLength} vs λW ${lambda * s.meanWaitMs}`);
      assert.ok(rel(s.meanQueueLength, 0.56 * theory.meanWaitMs) < 0.15, `L ${s.meanQueueLength} vs theory ${0.56 * theory.meanWaitMs}`);
      assert.equal(s.wastedShare, 0);
    });
  }
});

describe('simulateRetryStorm: records, determinism, input', () => {
  const small = (seed: number): RetryStormOptions => ({
    durationMs: 30_000, arrivalRate: 350, workers: 10, serviceTime: exponential(20), timeoutMs: 500, bucketMs: 1000,
    trigger: { atMs: 10_000, untilMs: 15_000, latencyFactor: 2, rampMs: 1000 }, retry: { maxAttempts: 3, backoff: { baseMs: 50, capMs: 1000 } },
    budget: { ratio: 0.2 }, breaker: { failureRate: 0.5, minimumRequests: 20, cooldownMs: 1000 }, rng: createRng(seed),
  });

  it('is deterministic: same seed, same result; another seed differs', () => {
    assert.deepEqual(simulateRetryStorm(small(7)), simulateRetryStorm(small(7)));
    assert.notDeepEqual(simulateRetryStorm(small(7)).summary, simulateRetryStorm(small(8)).summary);
  });

  it('buckets add up to the summary', () => {
    const r = simulateRetryStorm(small(3));
    assert.equal(r.buckets.length, 30);
    const sum = (f: (b: (typeof r.buckets)[number]) => number): number => r.buckets.reduce((a, b) => a + f(b), 0);
    assert.equal(Math.round(sum((b) => b.offeredRps)), r.summary.requests);
    assert.equal(Math.round(sum((b) => b.attemptRps)), r.summary.downstreamAttempts);
    assert.equal(Math.round(sum((b) => b.goodputRps)), r.summary.ok);
    assert.equal(Math.round(sum((b) => b.failedRps)), r.summary.failed);
    assert.equal(r.buckets[12].latencyFactor, 2);
    assert.equal(r.buckets[10].latencyFactor, 1.5);
    assert.equal(r.buckets[20].latencyFactor, 1);
  });

  it('reports progress up to the number of user requests', () => {
    const calls: [number, number][] = [];
    const r = simulateRetryStorm({ ...small(1), onProgress: (done, total) => calls.push([done, total]) });
    assert.deepEqual(calls[calls.length - 1], [r.summary.requests, r.summary.requests]);
  });

  it('names the option at fault', () => {
    const bad = (over: Record<string, unknown>, pattern: RegExp | { name: string; message: RegExp }): void =>
      assert.throws(() => simulateRetryStorm({ ...small(1), ...over } as RetryStormOptions), pattern);
    bad({ timeout: 500 }, { name: 'TypeError', message: /^simulateRetryStorm: unknown option "timeout" \(did you mean "timeoutMs"\?\)/ });
    bad({ arrivalRate: 0 }, /arrivalRate must be/);
    bad({ workers: 2.5 }, /workers must be an integer/);
    bad({ timeoutMs: Infinity }, /timeoutMs must be a number in \(0, 86400000\]/);
    bad({ layers: 2, timeoutMs: [500] }, /timeoutMs must hold one timeout per layer \(2\); got 1/);
    bad({ layers: 7 }, /layers must be an integer in \[1, 6\]/);
    bad({ trigger: { atMs: 5000, untilMs: 5000 } }, /trigger.untilMs must be a number in \(5000, 30000\]/);
    bad({ trigger: { atMs: 0, untilMs: 1000, latencyFactor: 0.5 } }, /trigger.latencyFactor/);
    bad({ trigger: { atMs: 0, untilMs: 1000, errorRate: 2 } }, /trigger.errorRate/);
    bad({ retry: { maxAttempts: 0 } }, /retry: maxAttempts must be an integer in \[1, 100\]/);
    bad({ budget: { ratio: -1 } }, /budget: ratio/);
    bad({ breaker: { failureRate: 0, minimumRequests: 1, cooldownMs: 1 } }, /breaker: failureRate/);
    bad({ serviceTime: 10 }, /serviceTime must be a Distribution/);
    bad({ rng: undefined }, /rng must be an Rng/);
    bad({ bucketMs: 1 }, /bucketMs must leave at most 10000 buckets/);
    bad({ durationMs: 1e8, arrivalRate: 1000 }, /arrivalRate × durationMs imply 1.00e\+8 user requests .*the limit is 5.00e\+6/);
    bad({ durationMs: 1e6, arrivalRate: 1000, layers: 4, timeoutMs: 500 }, { name: 'RangeError', message: /imply 8.10e\+7 attempts at the downstream if every attempt failed .*the limit is 3.00e\+7/ });
  });
});
