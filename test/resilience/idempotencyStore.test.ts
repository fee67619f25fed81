import { strict as assert } from 'node:assert';
import { IdempotencyStore, idempotencyStore } from '../../lib/resilience/idempotencyStore';

describe('IdempotencyStore', () => {
  it('executes the first request, replays the stored result to repeats', () => {
    const store = idempotencyStore<{ chargeId: string }>();
    assert.deepEqual(store.begin('k1', 0), { kind: 'execute' });
    store.complete('k1', 40, { chargeId: 'ch_1' });
    const again = store.begin('k1', 100);
    assert.deepEqual(again, { kind: 'replay', result: { chargeId: 'ch_1' } });
    assert.equal(store.begin('k1', 200), again, 'the same answer object, no allocation per replay');
    assert.deepEqual(store.begin('k2', 200), { kind: 'execute' }, 'another key executes');
    assert.deepEqual(store.begin(7, 200), { kind: 'execute' });
    assert.deepEqual(store.begin('7', 200), { kind: 'execute' }, '7 and "7" are different keys');
    assert.deepEqual(store.counts, { executed: 4, replayed: 2, waited: 0, conflicts: 0, abandoned: 0 });
    assert.equal(store.size, 4);
  });

  it("'wait': a concurrent repeat waits and is called with the result on complete", () => {
    const store = new IdempotencyStore<number>({ concurrent: 'wait' });
    const settled: (number | null)[] = [];
    assert.equal(store.begin('k', 0).kind, 'execute');
    assert.deepEqual(store.begin('k', 10, (r) => settled.push(r)), { kind: 'waiting' });
    assert.deepEqual(store.begin('k', 20, (r) => settled.push(r * 10)), { kind: 'waiting' });
    assert.equal(store.begin('k', 25).kind, 'waiting', 'a waiter without a callback is still counted');
    assert.deepEqual(settled, []);
    store.complete('k', 30, 42);
    assert.deepEqual(settled, [42, 420]);
    assert.deepEqual(store.counts, { executed: 1, replayed: 0, waited: 3, conflicts: 0, abandoned: 0 });
    assert.deepEqual(store.begin('k', 31), { kind: 'replay', result: 42 });
  });

  it("'reject': a concurrent repeat gets a conflict (like HTTP 409)", () => {
    const store = idempotencyStore<string>({ concurrent: 'reject' });
    let called = false;
    store.begin('k', 0);
    assert.deepEqual(store.begin('k', 5, () => (called = true)), { kind: 'conflict' });
    store.complete('k', 10, 'done');
    assert.equal(called, false);
    assert.deepEqual(store.begin('k', 11), { kind: 'replay', result: 'done' });
    assert.deepEqual(store.counts, { executed: 1, replayed: 1, waited: 0, conflicts: 1, abandoned: 0 });
  });

  it('abandon releases waiters with null and lets the next begin execute', () => {
    const store = idempotencyStore<string>();
    const settled: (string | null)[] = [];
    store.begin('k', 0);
    store.begin('k', 1, (r) => settled.push(r));
    store.abandon('k', 2);
    assert.deepEqual(settled, [null]);
    assert.equal(store.size, 0);
    assert.deepEqual(store.begin('k', 3), { kind: 'execute' });
    store.complete('k', 4, 'ok');
    assert.deepEqual(settled, [null], 'an abandoned waiter is not called again');
    assert.deepEqual(store.counts, { executed: 2, replayed: 0, waited: 1, conflicts: 0, abandoned: 1 });
  });

  it('stored results expire ttlMs after completion and are then dropped', () => {
    const store = idempotencyStore<number>({ ttlMs: 1000 });
    store.begin('a', 0);
    store.complete('a', 100, 1);
    store.begin('b', 200);
    store.complete('b', 300, 2);
    assert.equal(store.begin('a', 1099).kind, 'replay');
    assert.equal(store.begin('a', 1100).kind, 'execute', 'expired exactly at completion + ttl');
    assert.equal(store.size, 2, "a's new execution and b");
    assert.equal(store.begin('b', 1299).kind, 'replay');
    store.complete('a', 1300, 3);
    assert.equal(store.size, 1, 'b dropped at 1300');
    assert.deepEqual(store.begin('a', 2299), { kind: 'replay', result: 3 });
    assert.equal(store.begin('b', 2299).kind, 'execute');
    // Memory stays bounded by the keys completed within one TTL.
    const busy = idempotencyStore<number>({ ttlMs: 100 });
    for (let t = 0; t < 100_000; t++) {
      busy.begin(t, t);
      busy.complete(t, t, t);
    }
    assert.equal(busy.size, 100);
    assert.equal(busy.counts.executed, 100_000);
  });

  it('rejects bad options and calls naming them', () => {
    assert.throws(() => idempotencyStore({ concurrent: 'queue' as 'wait' }), /concurrent must be one of "wait", "reject"; got "queue"/);
    assert.throws(() => idempotencyStore({ ttlMs: 0 }), /ttlMs must be a finite number > 0; got 0/);
    assert.throws(() => idempotencyStore({ ttlMs: -5 }), /ttlMs/);
    assert.throws(() => idempotencyStore({ ttl: 5 } as unknown as { ttlMs: number }), { name: 'TypeError', message: /^idempotencyStore: unknown option "ttl" \(did you mean "ttlMs"\?\)/ });
    assert.throws(() => idempotencyStore({ ttlMs: null } as unknown as { ttlMs: number }), { name: 'TypeError', message: /option ttlMs is null/ });
    const store = idempotencyStore<number>();
    assert.throws(() => store.complete('x', 0, 1), /IdempotencyStore.complete: key "x" is not in flight/);
    assert.throws(() => store.abandon('x', 0), /IdempotencyStore.abandon: key "x" is not in flight/);
    store.begin('x', 10);
    store.complete('x', 10, 1);
    assert.throws(() => store.complete('x', 10, 2), /not in flight/, 'completing twice');
    assert.throws(() => store.begin('y', 9), /IdempotencyStore.begin: nowMs must not go backwards \(>= 10\); got 9/);
    assert.throws(() => store.begin(NaN, 10), /key must be a string or a finite number; got NaN/);
    assert.throws(() => store.begin({} as unknown as string, 10), /key must be a string or a finite number/);
    assert.throws(() => store.begin('z', 10, 5 as unknown as () => void), /onSettled must be a function/);
  });
});
