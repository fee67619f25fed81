import { strict as assert } from 'node:assert';
import type { BalancerSpec } from '../../lib/balance/balancers/balancer';
import { remappedShare } from '../../lib/balance/measures/remapping';
import { createRng } from '../../lib/random';

describe('remappedShare', () => {
  it('consistent hashing moves about 1/N of the keys when one of N = 10 leaves, and none from the survivors', () => {
    const r = remappedShare({ balancer: 'consistent-hash', servers: 10, keys: 20_000 });
    assert.equal(r.expected, 0.1);
    assert.ok(Math.abs(r.share - 0.1) < 0.03, `share ${r.share}`);
    assert.equal(r.movedFromSurvivors, 0);
  });

  it('is the same whichever server leaves, for consistent hashing', () => {
    for (const removed of [0, 4, 9]) {
      const r = remappedShare({ balancer: { name: 'consistent-hash', vnodes: 100 }, servers: 10, keys: 20_000, removed });
      assert.ok(Math.abs(r.share - 0.1) < 0.03, `removed ${removed}: share ${r.share}`);
      assert.equal(r.movedFromSurvivors, 0, `removed ${removed}`);
    }
  });

  it('hash mod N moves most keys when one of N = 10 leaves', () => {
    const r = remappedShare({ balancer: 'ip-hash', servers: 10, keys: 20_000 });
    assert.ok(r.share > 0.8, `share ${r.share}`);
    assert.ok(r.movedFromSurvivors > 0.8, `survivors ${r.movedFromSurvivors}`);
  });

  it('counts exactly: a key-based factory that sends key k to k mod N', () => {
    // With live servers [0 … N−1] (or without the last), key k goes to live[k mod live.length].
    const modN: BalancerSpec = { name: 'mod', create: () => ({ pick: (live, request) => live[request.key % live.length] }) };
    const r = remappedShare({ balancer: modN, servers: 4, keys: 12 });
    // Before: 0 1 2 3 0 1 2 3 0 1 2 3; after (live 0 1 2): 0 1 2 0 1 2 0 1 2 0 1 2.
    // Unchanged: keys 0, 1, 2 only.
    assert.equal(r.share, 9 / 12);
    assert.equal(r.movedFromSurvivors, 6 / 9);
    assert.equal(r.expected, 0.25);
  });

  it('a balancer that ignores the key moves keys at random: 4/5 of them for random over 5 servers', () => {
    // A key stays only if both draws name the same survivor: 4 × (1/5 × 1/4) = 1/5.
    const r = remappedShare({ balancer: 'random', servers: 5, keys: 20_000, rng: createRng(2) });
    assert.ok(Math.abs(r.share - 0.8) < 0.02, `share ${r.share}`);
    assert.ok(Math.abs(r.movedFromSurvivors - 0.75) < 0.02, `survivors ${r.movedFromSurvivors}`);
  });

  it('checks its options, naming them', () => {
    assert.throws(() => remappedShare({ balancer: 'ip-hash', servers: 1, keys: 10 }), /servers must be an integer in \[2, 100000\]; got 1/);
    assert.throws(() => remappedShare({ balancer: 'ip-hash', servers: 4, keys: 0 }), /keys must be an integer in \[1, 10000000\]/);
    assert.throws(() => remappedShare({ balancer: 'ip-hash', servers: 4, keys: 10, removed: 4 }), /removed must be an integer in \[0, 3\]/);
    assert.throws(() => remappedShare({ balancer: 'nope' as BalancerSpec, servers: 4, keys: 10 }), /balancer must be one of/);
    assert.throws(() => remappedShare(undefined as never), /remappedShare expects an options object/);
  });
});
