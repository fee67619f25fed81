import { strict as assert } from 'node:assert';
import { retryPolicy } from '../../lib/resilience/retryPolicy';
import { backoff } from '../../lib/resilience/backoff';
import { IDEMPOTENT_METHODS } from '../../lib/net/tcp/tls';
import { createRng } from '../../lib/random/rng';

describe('retryPolicy', () => {
  it('mayRetry allows attempts up to maxAttempts, first try included', () => {
    const p = retryPolicy({ maxAttempts: 3 });
    assert.deepEqual([0, 1, 2, 3, 4].map((n) => p.mayRetry(n, true)), [true, true, true, false, false]);
    const once = retryPolicy({ maxAttempts: 1 });
    assert.equal(once.mayRetry(1, true), false, 'maxAttempts 1 never retries');
  });

  it('retries only idempotent operations by default (RFC 9110 §9.2.2)', () => {
    const p = retryPolicy({ maxAttempts: 5 });
    assert.equal(p.idempotentOnly, true);
    const idempotent = (m: string): boolean => IDEMPOTENT_METHODS.includes(m);
    assert.equal(p.mayRetry(1, idempotent('GET')), true);
    assert.equal(p.mayRetry(1, idempotent('PUT')), true);
    assert.equal(p.mayRetry(1, idempotent('POST')), false);
    assert.equal(p.mayRetry(1, idempotent('PATCH')), false);
    const any = retryPolicy({ maxAttempts: 5, idempotentOnly: false });
    assert.equal(any.mayRetry(1, false), true);
    assert.equal(any.mayRetry(5, false), false, 'still capped by maxAttempts');
  });

  it('delays come from the backoff (options or a built schedule), 0 without one', () => {
    const none = retryPolicy({ maxAttempts: 6, backoff: { baseMs: 100, capMs: 1000, jitter: 'none' } });
    const rng = createRng(3);
    assert.deepEqual([1, 2, 3, 4, 5].map((r) => none.delayMs(r, rng)), [100, 200, 400, 800, 1000]);
    const schedule = backoff({ baseMs: 50, capMs: 400 });
    const full = retryPolicy({ maxAttempts: 4, backoff: schedule });
    assert.equal(full.backoff, schedule, 'a built schedule is used as is');
    const a = createRng('p');
    const b = createRng('p');
    for (let r = 1; r <= 20; r++) assert.equal(full.delayMs(r, a), schedule.delayMs(r, b));
    const immediate = retryPolicy({ maxAttempts: 2 });
    assert.equal(immediate.backoff, null);
    assert.equal(immediate.delayMs(1, rng), 0);
  });

  it('rejects bad options and arguments naming them and the range', () => {
    assert.throws(() => retryPolicy({ maxAttempts: 0 }), /maxAttempts must be an integer in \[1, 100\]; got 0/);
    assert.throws(() => retryPolicy({ maxAttempts: 101 }), /maxAttempts must be an integer in \[1, 100\]; got 101/);
    assert.throws(() => retryPolicy({ maxAttempts: 2.5 }), /maxAttempts must be an integer in \[1, 100\]/);
    assert.throws(() => retryPolicy({ maxAttempts: 3, idempotentOnly: 'yes' as unknown as boolean }), /idempotentOnly must be true or false/);
    assert.throws(() => retryPolicy({ maxAttempts: 3, backoff: { baseMs: -1, capMs: 10 } }), /baseMs must be a number in \(0, 86400000\]/);
    assert.throws(() => retryPolicy({ maxAttempts: 3, retries: 2 } as unknown as { maxAttempts: number }), { name: 'TypeError', message: /^retryPolicy: unknown option "retries"; known options: maxAttempts, backoff, idempotentOnly$/ });
    assert.throws(() => retryPolicy({ maxAttempt: 3 } as unknown as { maxAttempts: number }), { name: 'TypeError', message: /unknown option "maxAttempt" \(did you mean "maxAttempts"\?\)/ });
    // A backoff given as options is checked where it sits.
    assert.throws(() => retryPolicy({ maxAttempts: 3, backoff: { baseMS: 10, capMs: 100 } as unknown as { baseMs: number; capMs: number } }),
      { name: 'TypeError', message: /^unknown option "backoff.baseMS" \(did you mean "backoff.baseMs"\?\)/ });
    assert.throws(() => retryPolicy({ maxAttempts: 3, backoff: { baseMs: 10, capMs: 5 } }), { name: 'RangeError', message: /^backoff: capMs must be a number in \[10, 86400000\]; got 5/ });
    assert.throws(() => retryPolicy({ maxAttempts: 3, backoff: null as unknown as { baseMs: number; capMs: number } }), { name: 'TypeError', message: /option backoff is null/ });
    const p = retryPolicy({ maxAttempts: 3 });
    assert.throws(() => p.mayRetry(-1, true), /attemptsMade must be an integer >= 0; got -1/);
    assert.throws(() => p.mayRetry(1, 'true' as unknown as boolean), /idempotent must be true or false/);
    assert.throws(() => p.delayMs(0, createRng(1)), /retry must be an integer in \[1, 1000000\]; got 0/);
  });
});
