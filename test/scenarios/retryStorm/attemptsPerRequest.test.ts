import { strict as assert } from 'node:assert';
import { attemptsPerRequest } from '../../../lib/scenarios/retryStorm/attemptsPerRequest';
import { simulateRetryStorm } from '../../../lib/scenarios/retryStorm/simulateRetryStorm';
import { STORM_OUTCOME } from '../../../lib/scenarios/retryStorm/retryStormTally';
import type { RetryStormResult } from '../../../lib/scenarios/retryStorm/retryStormReport';
import { createRng } from '../../../lib/random/rng';
import { constant } from '../../../lib/random/constant';

describe('attemptsPerRequest', () => {
  it('is a^k when every attempt at every layer fails at once', () => {
    for (const [layers, a] of [[1, 3], [2, 3], [3, 2]]) {
      const r = simulateRetryStorm({
        durationMs: 2000, arrivalRate: 50, workers: 4, serviceTime: constant(5), timeoutMs: Array.from({ length: layers }, (_, i) => (layers - i) * 500),
        layers, retry: { maxAttempts: a }, trigger: { atMs: 0, untilMs: 2000, errorRate: 1 }, rng: createRng(3),
      });
      assert.equal(attemptsPerRequest(r), a ** layers, `${layers} layers × ${a} attempts`);
    }
  });

  it('leaves unfinished requests out and gives NaN when none finished', () => {
    const fake = (outcome: number[], attempts: number[]): RetryStormResult =>
      ({ requests: { outcome: Uint8Array.from(outcome), downstreamAttempts: Int32Array.from(attempts) } }) as unknown as RetryStormResult;
    assert.equal(attemptsPerRequest(fake([STORM_OUTCOME.ok, STORM_OUTCOME.unfinished, STORM_OUTCOME.timedOut], [1, 100, 3])), 2);
    assert.ok(Number.isNaN(attemptsPerRequest(fake([STORM_OUTCOME.unfinished], [4]))));
  });

  it('refuses what is not a storm result', () => {
    assert.throws(() => attemptsPerRequest({} as RetryStormResult), /attemptsPerRequest: result must be/);
    assert.throws(() => attemptsPerRequest(null as unknown as RetryStormResult), TypeError);
  });
});
