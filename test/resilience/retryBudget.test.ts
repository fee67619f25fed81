import { strict as assert } from 'node:assert';
import { RetryBudget, retryBudget } from '../../lib/resilience/retryBudget';

describe('RetryBudget', () => {
  it('ratio 0.1: 100 first attempts from empty grant exactly 10 retries', () => {
    const budget = new RetryBudget({ ratio: 0.1, initialTokens: 0 });
    for (let i = 0; i < 100; i++) budget.deposit(i);
    assert.equal(budget.tokens(100), 10);
    let granted = 0;
    for (let i = 0; i < 15; i++) if (budget.tryWithdraw(100)) granted++;
    assert.equal(granted, 10);
    assert.equal(budget.granted, 10);
    assert.equal(budget.denied, 5);
    assert.equal(budget.tokens(100), 0);
  });

  it('keeps exact arithmetic over a long run (a million deposits of 0.3)', () => {
    const budget = new RetryBudget({ ratio: 0.3, maxTokens: 1_000_000, initialTokens: 0 });
    for (let i = 0; i < 1_000_000; i++) budget.deposit(0);
    assert.equal(budget.tokens(0), 300_000);
    // Interleaved: every 10 first attempts fund exactly 3 retries.
    const mixed = new RetryBudget({ ratio: 0.3, initialTokens: 0 });
    let granted = 0;
    for (let i = 1; i <= 10_000; i++) {
      mixed.deposit(i);
      if (i % 10 === 0) for (let k = 0; k < 4; k++) if (mixed.tryWithdraw(i)) granted++;
    }
    assert.equal(granted, 3000);
    assert.equal(mixed.denied, 1000);
  });

  it('caps the bucket at maxTokens; defaults', () => {
    const budget = new RetryBudget({ ratio: 0.5, maxTokens: 4, initialTokens: 0 });
    for (let i = 0; i < 100; i++) budget.deposit(0);
    assert.equal(budget.tokens(0), 4);
    const d = retryBudget({ ratio: 0.2 });
    assert.equal(d.maxTokens, 10, 'default 10 · max(1, ratio)');
    assert.equal(d.tokens(0), 10, 'starts full');
    assert.equal(new RetryBudget({ ratio: 5 }).maxTokens, 50);
    assert.equal(new RetryBudget({ ratio: 0, minPerSecond: 25 }).maxTokens, 25, 'at least one second of refill');
    assert.equal(new RetryBudget({ ratio: 0.1, minPerSecond: 12.3456789 }).maxTokens, 12.345679, 'a default cap rounded to whole millionths');
  });

  it('refills minPerSecond over time, exactly, up to the cap', () => {
    const budget = new RetryBudget({ ratio: 0, minPerSecond: 10, maxTokens: 5, initialTokens: 0 });
    assert.equal(budget.tryWithdraw(0), false);
    assert.equal(budget.tokens(99), 0.99);
    assert.equal(budget.tokens(100), 1);
    assert.equal(budget.tryWithdraw(100), true);
    assert.equal(budget.tryWithdraw(150), false, '0.5 token');
    // 1 ms steps: 0.01 token each, no loss to rounding.
    for (let t = 151; t <= 200; t++) budget.tokens(t);
    assert.equal(budget.tokens(200), 1);
    assert.equal(budget.tokens(10_000), 5, 'capped');
    assert.equal(budget.tokens(20_000), 5, 'no hidden credit while full');
    for (let i = 0; i < 5; i++) assert.equal(budget.tryWithdraw(20_000), true);
    assert.equal(budget.tryWithdraw(20_000), false);
    assert.equal(budget.tokens(20_250), 2.5);
  });

  it('is deterministic: same calls, same answers', () => {
    const run = (): boolean[] => {
      const b = new RetryBudget({ ratio: 0.25, minPerSecond: 1, initialTokens: 0 });
      const out: boolean[] = [];
      for (let i = 0; i < 1000; i++) {
        b.deposit(i * 7);
        if (i % 3 === 0) out.push(b.tryWithdraw(i * 7 + 1));
      }
      return out;
    };
    assert.deepEqual(run(), run());
  });

  it('rejects bad options and clocks naming them and the range', () => {
    assert.throws(() => new RetryBudget({ ratio: -0.1 }), /ratio must be a number in \[0, 10\]; got -0.1/);
    assert.throws(() => new RetryBudget({ ratio: 11 }), /ratio must be a number in \[0, 10\]; got 11/);
    assert.throws(() => new RetryBudget({ ratio: 1e-7 }), /ratio must be a multiple of 0.000001/);
    assert.throws(() => new RetryBudget({ ratio: 0.1, maxTokens: 0.5 }), /maxTokens must be a number in \[1, 1000000\]; got 0.5/);
    assert.throws(() => new RetryBudget({ ratio: 0.1, minPerSecond: -1 }), /minPerSecond must be a number in \[0, 1000000\]; got -1/);
    assert.throws(() => new RetryBudget({ ratio: 0.1, maxTokens: 5, initialTokens: 6 }), /initialTokens must be a number in \[0, 5\]; got 6/);
    assert.throws(() => new RetryBudget({ ratio: 0.1, percent: 20 } as unknown as { ratio: number }), { name: 'TypeError', message: /^RetryBudget: unknown option "percent"; known options: ratio, maxTokens, minPerSecond, initialTokens$/ });
    assert.throws(() => new RetryBudget({ ratio: 0.1, maxToken: 5 } as unknown as { ratio: number }), { name: 'TypeError', message: /unknown option "maxToken" \(did you mean "maxTokens"\?\)/ });
    assert.throws(() => new RetryBudget({ ratio: 0.1, minPerSecond: null } as unknown as { ratio: number }), { name: 'TypeError', message: /option minPerSecond is null/ });
    assert.throws(() => new RetryBudget(undefined as unknown as { ratio: number }), /RetryBudget expects an options object/);
    const b = new RetryBudget({ ratio: 0.1 });
    b.deposit(100);
    assert.throws(() => b.tryWithdraw(99), /RetryBudget.tryWithdraw: nowMs must not go backwards \(>= 100\); got 99/);
    assert.throws(() => b.deposit(NaN), /RetryBudget.deposit: nowMs must be a finite number/);
  });
});
