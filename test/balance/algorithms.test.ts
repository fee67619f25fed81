import { strict as assert } from 'node:assert';
import type { Balancer, BalancerContext, BalancerSpec, ClusterView, RequestView } from '../../lib/balance/balancers/balancer';
import { BALANCER_NAMES, balancerLabel, createBalancer } from '../../lib/balance/balancers/createBalancer';
import { hash32 } from '../../lib/balance/balancers/hash32';
import { HashRing } from '../../lib/balance/balancers/hashRing';
import { createRng } from '../../lib/random';

/** A pool of servers 0 … n − 1 with the given weights (1 by default). */
function context(n: number, weights?: number[], seed: number | string = 1): BalancerContext {
  const members = Int32Array.from({ length: n }, (_, i) => i);
  return { members, weights: Float64Array.from(weights ?? new Array<number>(n).fill(1)), rng: createRng(seed) };
}

function request(key: number, index = key): RequestView {
  return { index, client: key, session: key, path: 0, key };
}

function view(outstanding: number[]): ClusterView {
  return { nowMs: 0, outstanding: Int32Array.from(outstanding) };
}

/** Servers picked for `count` requests (request i has key i) with nothing outstanding. */
function picks(balancer: Balancer, live: Int32Array, count: number, n = live.length): number[] {
  const idle = view(new Array<number>(n).fill(0));
  return Array.from({ length: count }, (_, i) => balancer.pick(live, request(i), idle));
}

function counts(servers: number[], n: number): number[] {
  const c = new Array<number>(n).fill(0);
  for (const s of servers) c[s]++;
  return c;
}

describe('hash32', () => {
  it('is deterministic, unsigned, and seeds give different functions', () => {
    assert.equal(hash32(12345), hash32(12345));
    assert.notEqual(hash32(12345), hash32(12345, 1));
    for (const k of [0, 1, -1, -(2 ** 31), 2 ** 31, 2 ** 32 + 5, 2 ** 40]) {
      const h = hash32(k);
      assert.ok(Number.isInteger(h) && h >= 0 && h < 2 ** 32, `${k} → ${h}`);
    }
    assert.notEqual(hash32(-1), hash32(2 ** 32 - 1), 'negative keys are not folded onto large ones');
    assert.notEqual(hash32(5), hash32(2 ** 32 + 5), 'high bits count');
  });

  it('spreads consecutive keys evenly over 10 buckets (each within 2% of 100 000 for 10^6 keys)', () => {
    const c = new Array<number>(10).fill(0);
    for (let k = 0; k < 1_000_000; k++) c[hash32(k) % 10]++;
    for (const x of c) assert.ok(Math.abs(x - 100_000) < 2000, `${c}`);
  });

  it('flips about half the output bits when one input bit flips', () => {
    let flipped = 0;
    let trials = 0;
    for (let k = 0; k < 2000; k++) {
      for (let b = 0; b < 31; b++) {
        let x = (hash32(k) ^ hash32(k ^ (1 << b))) >>> 0;
        while (x) { flipped += x & 1; x >>>= 1; }
        trials++;
      }
    }
    const share = flipped / (trials * 32);
    assert.ok(Math.abs(share - 0.5) < 0.01, `${share}`);
  });
});

describe('HashRing', () => {
  it('keeps its points sorted, vnodes per member, and only returns servers in rotation', () => {
    const members = Int32Array.from([3, 7, 9]);
    const ring = new HashRing(members, 50);
    assert.equal(ring.points.length, 150);
    for (let i = 1; i < ring.points.length; i++) assert.ok(ring.points[i] >= ring.points[i - 1]);
    assert.deepEqual(counts(Array.from(ring.owners), 10), [0, 0, 0, 50, 0, 0, 0, 50, 0, 50]);
    const mask = new Uint8Array(10);
    mask[7] = 1;
    for (let k = 0; k < 200; k++) assert.equal(ring.owner(hash32(k), mask), 7);
    assert.equal(ring.owner(123, new Uint8Array(10)), -1);
  });

  it('gives a key to the owner of the first point at or after it, wrapping past the end', () => {
    const ring = new HashRing(Int32Array.from([0, 1, 2]), 4);
    const all = Uint8Array.from([1, 1, 1]);
    const last = ring.points.length - 1;
    assert.equal(ring.owner(ring.points[2], all), ring.owners[2]);
    assert.equal(ring.owner(ring.points[2] + 1, all), ring.owners[3]);
    assert.equal(ring.owner(ring.points[last] + 1, all), ring.owners[0]);
  });

  it('rejects an empty pool, bad vnodes and oversized rings', () => {
    assert.throws(() => new HashRing(new Int32Array(0), 10), /at least one member/);
    assert.throws(() => new HashRing(Int32Array.from([0]), 0), /vnodes/);
    assert.throws(() => new HashRing(new Int32Array(100_000), 1000), /at most/);
  });
});

describe('round-robin', () => {
  it('cycles through live servers in order', () => {
    const b = createBalancer('round-robin', context(4));
    assert.deepEqual(picks(b, Int32Array.from([0, 1, 2, 3]), 9), [0, 1, 2, 3, 0, 1, 2, 3, 0]);
    assert.deepEqual(picks(b, Int32Array.from([1, 3]), 4, 4), [3, 1, 3, 1]);
  });
});

describe('weighted-round-robin (smooth)', () => {
  it('gives weights 1, 4, 8 exactly 1, 4, 8 picks in one cycle of 13 and 10, 40, 80 over 10 cycles', () => {
    const b = createBalancer('weighted-round-robin', context(3, [1, 4, 8]));
    const live = Int32Array.from([0, 1, 2]);
    const first = picks(b, live, 13);
    assert.deepEqual(counts(first, 3), [1, 4, 8]);
    const more = picks(b, live, 117);
    assert.deepEqual(counts(first.concat(more), 3), [10, 40, 80]);
    for (let c = 0; c < 9; c++) assert.deepEqual(counts(more.slice(c * 13, c * 13 + 13), 3), [1, 4, 8], `cycle ${c + 2}`);
  });

  it('interleaves like nginx: weights 5, 1, 1 give a a b a c a a', () => {
    const b = createBalancer('weighted-round-robin', context(3, [5, 1, 1]));
    assert.deepEqual(picks(b, Int32Array.from([0, 1, 2]), 14), [0, 0, 1, 0, 2, 0, 0, 0, 0, 1, 0, 2, 0, 0]);
  });

  it('shares only among live servers', () => {
    const b = createBalancer('weighted-round-robin', context(4, [3, 1, 2, 9]));
    const out = picks(b, Int32Array.from([0, 2]), 50, 4);
    assert.deepEqual(counts(out, 4), [30, 0, 20, 0]);
  });
});

describe('random', () => {
  it('is roughly uniform over live servers (seed 1, 40 000 picks, each within 5% of 10 000)', () => {
    const b = createBalancer('random', context(6));
    const c = counts(picks(b, Int32Array.from([0, 2, 3, 5]), 40_000, 6), 6);
    assert.equal(c[1] + c[4], 0);
    for (const s of [0, 2, 3, 5]) assert.ok(Math.abs(c[s] - 10_000) < 500, `${c}`);
  });

  it('is reproducible from the context seed', () => {
    const live = Int32Array.from([0, 1, 2, 3, 4]);
    assert.deepEqual(picks(createBalancer('random', context(5, undefined, 'a')), live, 50), picks(createBalancer('random', context(5, undefined, 'a')), live, 50));
    assert.notDeepEqual(picks(createBalancer('random', context(5, undefined, 'a')), live, 50), picks(createBalancer('random', context(5, undefined, 'b')), live, 50));
  });
});

describe('least-connections', () => {
  it('picks the server with fewest outstanding requests', () => {
    const b = createBalancer('least-connections', context(5));
    const live = Int32Array.from([0, 1, 2, 3, 4]);
    assert.equal(b.pick(live, request(0), view([4, 2, 7, 1, 3])), 3);
    assert.equal(b.pick(Int32Array.from([0, 1, 2, 4]), request(1), view([4, 2, 7, 1, 3])), 1);
  });

  it('divides by weight', () => {
    const b = createBalancer('least-connections', context(2, [1, 4]));
    // 2 / 1 = 2 against 6 / 4 = 1.5
    assert.equal(b.pick(Int32Array.from([0, 1]), request(0), view([2, 6])), 1);
  });

  it('spreads ties uniformly at random over all tied servers (within 5% of 5000 each)', () => {
    const b = createBalancer('least-connections', context(5));
    const tied = view([1, 3, 1, 1, 1]);
    const live = Int32Array.from([0, 1, 2, 3, 4]);
    const c = new Array<number>(5).fill(0);
    for (let i = 0; i < 20_000; i++) c[b.pick(live, request(i), tied)]++;
    assert.equal(c[1], 0);
    for (const s of [0, 2, 3, 4]) assert.ok(Math.abs(c[s] - 5000) < 250, `${c}`);
  });
});

describe('least-response-time', () => {
  it('tries servers never observed first', () => {
    const b = createBalancer('least-response-time', context(3));
    b.observe!(0, 10);
    b.observe!(1, 10);
    assert.equal(b.pick(Int32Array.from([0, 1, 2]), request(0), view([0, 0, 5])), 2);
  });

  it('prefers the faster server after observations, until its queue costs more', () => {
    const b = createBalancer({ name: 'least-response-time', smoothing: 0.5 }, context(2));
    for (let i = 0; i < 20; i++) {
      b.observe!(0, 40);
      b.observe!(1, 10);
    }
    const live = Int32Array.from([0, 1]);
    assert.equal(b.pick(live, request(0), view([0, 0])), 1);
    assert.equal(b.pick(live, request(1), view([1, 2])), 1); // 2 × 40 = 80 against 3 × 10 = 30
    assert.equal(b.pick(live, request(2), view([0, 4])), 0); // 1 × 40 = 40 against 5 × 10 = 50
  });

  it('averages with the given smoothing (the first observation sets the average)', () => {
    const b = createBalancer({ name: 'least-response-time', smoothing: 0.5 }, context(2));
    b.observe!(0, 100); // average 100
    b.observe!(0, 20); // 100 + 0.5 × (20 − 100) = 60
    b.observe!(1, 61);
    const live = Int32Array.from([0, 1]);
    assert.equal(b.pick(live, request(0), view([0, 0])), 0);
    b.observe!(1, 57); // 61 + 0.5 × (57 − 61) = 59
    assert.equal(b.pick(live, request(1), view([0, 0])), 1);
  });
});

describe('power-of-two', () => {
  it('with 2 live servers and 2 choices always picks the less loaded one', () => {
    const b = createBalancer('power-of-two', context(4));
    const live = Int32Array.from([1, 3]);
    for (let i = 0; i < 500; i++) {
      assert.equal(b.pick(live, request(i), view([0, 9, 0, 2])), 3);
      assert.equal(b.pick(live, request(i), view([0, 1, 0, 2])), 1);
    }
  });

  it('never picks the most loaded of three, and picks each of the other two as often as sampling says', () => {
    // Distinct pairs of {0, 1, 2}: the least loaded (0) wins 2 of 3 pairs, server 1 wins 1, server 2 none.
    const b = createBalancer('power-of-two', context(3));
    const live = Int32Array.from([0, 1, 2]);
    const c = new Array<number>(3).fill(0);
    for (let i = 0; i < 30_000; i++) c[b.pick(live, request(i), view([1, 2, 3]))]++;
    assert.equal(c[2], 0);
    assert.ok(Math.abs(c[0] / 30_000 - 2 / 3) < 0.015, `${c}`);
  });

  it('with choices ≥ live servers considers them all', () => {
    const b = createBalancer({ name: 'power-of-two', choices: 10 }, context(5));
    for (let i = 0; i < 100; i++) assert.equal(b.pick(Int32Array.from([0, 1, 2, 3, 4]), request(i), view([5, 4, 3, 1, 2])), 3);
  });

  it('with one choice is random', () => {
    const b = createBalancer({ name: 'power-of-two', choices: 1 }, context(3));
    const c = new Array<number>(3).fill(0);
    for (let i = 0; i < 30_000; i++) c[b.pick(Int32Array.from([0, 1, 2]), request(i), view([0, 5, 10]))]++;
    for (const x of c) assert.ok(Math.abs(x - 10_000) < 500, `${c}`);
  });
});

describe('ip-hash and consistent-hash', () => {
  for (const name of ['ip-hash', 'consistent-hash'] as const) {
    it(`${name}: a key always reaches the same server, and only live servers`, () => {
      const b = createBalancer(name, context(8));
      const live = Int32Array.from([0, 2, 3, 5, 6]);
      const first = picks(b, live, 2000, 8);
      const again = picks(createBalancer(name, context(8, undefined, 'other seed')), live, 2000, 8);
      assert.deepEqual(first, again);
      const c = counts(first, 8);
      for (const s of [1, 4, 7]) assert.equal(c[s], 0);
      for (const s of live) assert.ok(c[s] > 200, `${c}`);
    });
  }

  it('ip-hash is hash(key) mod N over the live list', () => {
    const b = createBalancer('ip-hash', context(5));
    const live = Int32Array.from([4, 1, 2]);
    for (let k = 0; k < 100; k++) assert.equal(b.pick(live, request(k), view([0, 0, 0, 0, 0])), live[hash32(k) % 3]);
  });

  it('consistent-hash notices a new live array and moves keys back when a server returns', () => {
    const b = createBalancer('consistent-hash', context(4));
    const all = Int32Array.from([0, 1, 2, 3]);
    const before = picks(b, all, 1000);
    const without = picks(b, Int32Array.from([0, 1, 3]), 1000, 4);
    assert.ok(!without.includes(2));
    assert.ok(before.includes(2));
    assert.deepEqual(picks(b, all, 1000), before);
  });

  it('consistent-hash with 160 vnodes spreads 100 000 keys over 10 servers with max / mean < 1.3', () => {
    const c = counts(picks(createBalancer('consistent-hash', context(10)), Int32Array.from({ length: 10 }, (_, i) => i), 100_000), 10);
    const maxOverMean = Math.max(...c) / 10_000;
    assert.ok(maxOverMean < 1.3, `${c}`);
    const one = counts(picks(createBalancer({ name: 'consistent-hash', vnodes: 1 }, context(10)), Int32Array.from({ length: 10 }, (_, i) => i), 100_000), 10);
    assert.ok(Math.max(...one) / 10_000 > maxOverMean, `one vnode is less even: ${one}`);
  });
});

describe('createBalancer', () => {
  it('knows the eight built-in algorithms and creates each', () => {
    assert.deepEqual([...BALANCER_NAMES].sort(), [
      'consistent-hash', 'ip-hash', 'least-connections', 'least-response-time', 'power-of-two', 'random', 'round-robin', 'weighted-round-robin',
    ]);
    for (const name of BALANCER_NAMES) {
      const b = createBalancer(name, context(3));
      const s = b.pick(Int32Array.from([0, 2]), request(7), view([0, 0, 0]));
      assert.ok(s === 0 || s === 2, `${name} → ${s}`);
    }
  });

  it('names an unknown algorithm and lists the known ones', () => {
    assert.throws(() => createBalancer('fastest' as BalancerSpec, context(2)), (e: Error) =>
      e instanceof RangeError && /^balancer must be one of "random", "round-robin", .*"consistent-hash"; got "fastest"$/.test(e.message));
    assert.throws(() => createBalancer({ name: 'fastest' } as unknown as BalancerSpec, context(2)), /balancer\.name must be one of/);
    assert.throws(() => createBalancer(null as unknown as BalancerSpec, context(2)), TypeError);
  });

  it('rejects bad parameters, naming them', () => {
    const bad: [BalancerSpec, RegExp][] = [
      [{ name: 'power-of-two', choices: 0 }, /balancer\.choices must be an integer in \[1, 1000\]; got 0/],
      [{ name: 'power-of-two', choices: 2.5 }, /balancer\.choices/],
      [{ name: 'power-of-two', choices: 1001 }, /balancer\.choices/],
      [{ name: 'consistent-hash', vnodes: 0 }, /balancer\.vnodes must be an integer in \[1, 10000\]/],
      [{ name: 'consistent-hash', vnodes: 10_001 }, /balancer\.vnodes/],
      [{ name: 'least-response-time', smoothing: 0 }, /balancer\.smoothing must be a number in \(0, 1\]; got 0/],
      [{ name: 'least-response-time', smoothing: 1.5 }, /balancer\.smoothing/],
      [{ name: 'least-response-time', smoothing: '0.5' as unknown as number }, /balancer\.smoothing/],
    ];
    for (const [spec, message] of bad) assert.throws(() => createBalancer(spec, context(2)), message, JSON.stringify(spec));
    // The upper bounds are allowed.
    createBalancer({ name: 'least-response-time', smoothing: 1 }, context(2));
    createBalancer({ name: 'power-of-two', choices: 1000 }, context(2));
  });

  it('rejects a parameter of another algorithm', () => {
    assert.throws(() => createBalancer({ name: 'random', choices: 2 }, context(2)), /balancer\.choices does not apply to "random"/);
    assert.throws(() => createBalancer({ name: 'power-of-two', vnodes: 10 }, context(2)), /balancer\.vnodes does not apply to "power-of-two" \(its parameters: choices\)/);
    assert.throws(() => createBalancer({ name: 'ip-hash', bogus: 1 } as unknown as BalancerSpec, context(2)), /balancer\.bogus/);
  });

  it('reports a misspelt key of a spec as a misspelling, with the closest key', () => {
    const misspelt = /^unknown option "balancer\.nme" \(did you mean "balancer\.name"\?\)/;
    assert.throws(() => createBalancer({ nme: 'random' } as unknown as BalancerSpec, context(2)), (e: Error) => e instanceof TypeError && misspelt.test(e.message));
    assert.throws(() => balancerLabel({ nme: 'random' } as unknown as BalancerSpec), (e: Error) => e instanceof TypeError && misspelt.test(e.message));
    assert.throws(() => createBalancer({ name: 'power-of-two', choises: 3 } as unknown as BalancerSpec, context(2)), /"balancer\.choises" \(did you mean "balancer\.choices"\?\)/);
  });

  it('calls a factory with the context and checks what it returns', () => {
    let seen: BalancerContext | undefined;
    const ctx = context(3);
    const b = createBalancer({ name: 'always-last', create: (c) => { seen = c; return { pick: (live) => live[live.length - 1] }; } }, ctx);
    assert.equal(seen, ctx);
    assert.equal(b.pick(Int32Array.from([0, 1, 2]), request(0), view([0, 0, 0])), 2);
    assert.throws(() => createBalancer({ name: 'broken', create: () => ({}) as Balancer }, ctx), /must return an object with a pick function/);
    assert.throws(() => createBalancer({ create: () => b } as unknown as BalancerSpec, ctx), /non-empty string name/);
  });

  it('checks the context', () => {
    assert.throws(() => createBalancer('random', { ...context(2), members: new Int32Array(0) }), /context\.members/);
    assert.throws(() => createBalancer('random', { ...context(2), members: Int32Array.from([0, 5]) }), /context\.members\[1\]/);
    assert.throws(() => createBalancer('random', { ...context(2), rng: Math.random as never }), /context\.rng/);
  });

  it('labels specs with their parameters', () => {
    assert.equal(balancerLabel('round-robin'), 'round-robin');
    assert.equal(balancerLabel({ name: 'power-of-two', choices: 3 }), 'power-of-two (d = 3)');
    assert.equal(balancerLabel('power-of-two'), 'power-of-two (d = 2)');
    assert.equal(balancerLabel('consistent-hash'), 'consistent-hash (160 vnodes)');
    assert.equal(balancerLabel({ name: 'least-response-time', smoothing: 0.5 }), 'least-response-time (smoothing 0.5)');
    assert.equal(balancerLabel({ name: 'mine', create: () => ({ pick: (live) => live[0] }) }), 'mine');
    assert.throws(() => balancerLabel({ name: 'random', vnodes: 3 }), /balancer\.vnodes/);
  });
});
