import { strict as assert } from 'node:assert';
import { simulateRetryStorm } from '../../../lib/scenarios/retryStorm/simulateRetryStorm';
import { MAX_STORM_DURATION_MS, type RetryStormOptions } from '../../../lib/scenarios/retryStorm/retryStormOptions';
import { retryPolicy, type RetryPolicy } from '../../../lib/resilience/retryPolicy';
import { createRng } from '../../../lib/random/rng';
import { exponential } from '../../../lib/random/exponential';
import type { Distribution } from '../../../lib/random/distribution';

/** 10 workers × exponential(20 ms) = 500 rps of capacity; 350 rps offered; twice as slow from 10 s to 15 s. */
const storm = (over: Partial<RetryStormOptions> = {}): RetryStormOptions => ({
  durationMs: 30_000, arrivalRate: 350, workers: 10, serviceTime: exponential(20), timeoutMs: 500, bucketMs: 1000,
  trigger: { atMs: 10_000, untilMs: 15_000, latencyFactor: 2 }, retry: { maxAttempts: 3, backoff: { baseMs: 50, capMs: 1000 } },
  budget: { ratio: 0.2 }, breaker: { failureRate: 0.5, minimumRequests: 20, cooldownMs: 1000 }, rng: createRng(5), ...over,
});

const typeError = (message: RegExp): { name: string; message: RegExp } => ({ name: 'TypeError', message });

describe('simulateRetryStorm: nested options are checked where they sit', () => {
  it('names a misspelt nested key with its path and the closest known key', () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ trigger: { atMs: 0, untilMS: 5 } }, /^unknown option "trigger.untilMS" \(did you mean "trigger.untilMs"\?\)/],
      [{ retry: { maxAtempts: 3 } }, /^unknown option "retry.maxAtempts" \(did you mean "retry.maxAttempts"\?\)/],
      [{ retry: { maxAttempts: 3, backoff: { baseMs: 10, capMS: 100 } } }, /^unknown option "retry.backoff.capMS" \(did you mean "retry.backoff.capMs"\?\)/],
      [{ budget: { ratios: 0.1 } }, /^unknown option "budget.ratios" \(did you mean "budget.ratio"\?\)/],
      [{ breaker: { failureRate: 0.5, minimumRequests: 5, cooldown: 100 } }, /^unknown option "breaker.cooldown" \(did you mean "breaker.cooldownMs"\?\)/],
    ];
    for (const [over, message] of cases) assert.throws(() => simulateRetryStorm(storm(over as Partial<RetryStormOptions>)), typeError(message));
  });

  it('refuses null for any option, nested ones included, before reading it', () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ retry: null }, /option retry is null/],
      [{ trigger: null }, /option trigger is null/],
      [{ budget: null }, /option budget is null/],
      [{ breaker: null }, /option breaker is null/],
      [{ bucketMs: null }, /option bucketMs is null/],
      [{ retry: { maxAttempts: 2, backoff: null } }, /option retry.backoff is null/],
      [{ retry: { maxAttempts: 2, backoff: { baseMs: 10, capMs: 100, jitter: null } } }, /option retry.backoff.jitter is null/],
      [{ trigger: { atMs: 0, untilMs: 10, rampMs: null } }, /option trigger.rampMs is null/],
      [{ budget: { ratio: 0.1, maxTokens: null } }, /option budget.maxTokens is null/],
      [{ breaker: { failureRate: 0.5, minimumRequests: 5, cooldownMs: 100, halfOpenProbes: null } }, /option breaker.halfOpenProbes is null/],
    ];
    for (const [over, message] of cases) assert.throws(() => simulateRetryStorm(storm(over as Partial<RetryStormOptions>)), typeError(message));
  });

  it('checks a built retry policy it is handed: its maxAttempts sizes the run, its delays must be durations', () => {
    const fake: RetryPolicy = { maxAttempts: NaN, backoff: null, idempotentOnly: true, mayRetry: () => true, delayMs: () => 0 };
    assert.throws(() => simulateRetryStorm(storm({ retry: fake })), { name: 'RangeError', message: /retry.maxAttempts must be a number/ });
    const policy = retryPolicy({ maxAttempts: 3 });
    const broken: RetryPolicy = { maxAttempts: 3, backoff: null, idempotentOnly: true, mayRetry: (made, idem) => policy.mayRetry(made, idem), delayMs: () => NaN };
    assert.throws(() => simulateRetryStorm(storm({ retry: broken, budget: undefined, breaker: undefined })), { name: 'RangeError', message: /retry.delayMs must return a delay >= 0 ms; got NaN/ });
  });

  it('names serviceTime at the first bad draw of a distribution', () => {
    const draws = [10, 10, -1];
    let i = 0;
    const bad: Distribution = { label: 'broken', mean: 10, sample: () => draws[Math.min(i++, 2)] };
    assert.throws(() => simulateRetryStorm(storm({ serviceTime: bad })), { name: 'RangeError', message: /serviceTime must yield durations >= 0 ms; broken gave -1/ });
    const nan: Distribution = { label: 'nan', mean: 10, sample: () => NaN };
    assert.throws(() => simulateRetryStorm(storm({ serviceTime: nan })), { name: 'RangeError', message: /serviceTime must yield durations >= 0 ms; nan gave NaN/ });
  });
});

describe('simulateRetryStorm: bounded work', () => {
  it('returns quickly with buckets of 1000 / 3 ms, a breaker and a trigger', () => {
    const started = process.hrtime.bigint();
    const r = simulateRetryStorm(storm({ bucketMs: 1000 / 3 }));
    assert.ok(Number(process.hrtime.bigint() - started) / 1e6 < 5000);
    assert.equal(r.buckets.length, 90);
    // Open time split by bucket adds up to the open intervals.
    const openMs = r.buckets.reduce((sum, b, k) => sum + b.breakerOpenShare * Math.min(1000 / 3, 30_000 - k * (1000 / 3)), 0);
    const t = r.breaker?.transitions ?? [];
    const expected = t.reduce((sum, x, k) => sum + (x.to === 'open' ? (k + 1 < t.length ? t[k + 1].atMs : 30_000) - x.atMs : 0), 0);
    assert.ok(Math.abs(openMs - expected) < 1e-6, `${openMs} vs ${expected}`);
  });

  it('refuses a run longer than a week, naming the limit', () => {
    assert.throws(() => simulateRetryStorm(storm({ durationMs: 1e12, arrivalRate: 1e-6, trigger: undefined })),
      { name: 'RangeError', message: new RegExp(`durationMs must be a number in \\(0, ${MAX_STORM_DURATION_MS}\\]; got 1000000000000`) });
  });
});

describe('simulateRetryStorm: overload is reported', () => {
  it('offered load = arrival rate × mean service / workers; unstable from 1 on, and then never called metastable', () => {
    const below = simulateRetryStorm(storm());
    assert.ok(Math.abs(below.offeredLoad - 0.7) < 1e-12);
    assert.equal(below.unstable, false);
    // 600 rps against 500 rps of capacity, without retries or trigger: the queue grows all run long.
    const over = simulateRetryStorm(storm({ arrivalRate: 600, trigger: { atMs: 10_000, untilMs: 11_000, latencyFactor: 1 }, retry: undefined, budget: undefined, breaker: undefined, timeoutMs: 86_400_000 }));
    assert.ok(Math.abs(over.offeredLoad - 1.2) < 1e-12);
    assert.equal(over.unstable, true);
    assert.equal(over.summary.metastable, false);
    assert.ok(over.buckets[29].queueLength > over.buckets[5].queueLength + 1000, `queue ${over.buckets[5].queueLength} → ${over.buckets[29].queueLength}`);
  });
});

describe('simulateRetryStorm: each component draws from its own stream', () => {
  it('changing the breaker, the budget, the retries, the layers or the service time leaves the arrival times identical', () => {
    const base = simulateRetryStorm(storm()).requests.arrivalMs;
    const variants: Partial<RetryStormOptions>[] = [
      { breaker: { failureRate: 0.9, minimumRequests: 100, cooldownMs: 5000 } },
      { budget: undefined },
      { retry: { maxAttempts: 2, backoff: { baseMs: 10, capMs: 100, jitter: 'equal' } } },
      { layers: 2, timeoutMs: [500, 250] },
      { serviceTime: exponential(25) },
    ];
    for (const over of variants) assert.deepEqual(simulateRetryStorm(storm(over)).requests.arrivalMs, base, JSON.stringify(over));
  });
});
