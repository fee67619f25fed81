import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { createRng, requireRng } from '../../lib/random';
import { drawSource } from '../../lib/random/rng';
import { Alea } from '../../lib/random/alea';

describe('createRng', () => {
  it('pins the first draws of a seed (the same on every machine)', () => {
    const rng = createRng(42);
    const draws = [rng(), rng(), rng()];
    assert.deepEqual(draws, [createRng('42')(), ...draws.slice(1)]);
    assert.equal(rng.seed, '["42"]');
    assert.deepEqual(rng.labels, ['42']);
    // Pinned values: a change of generator or seeding scheme must be deliberate.
    const pinned = createRng('netlab');
    assert.deepEqual([pinned(), pinned()].map((x) => x.toFixed(12)), PINNED);
  });

  it('returns numbers in [0, 1) with a uniform mean and variance', () => {
    const rng = createRng(7);
    let sum = 0;
    let sumSq = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const u = rng();
      assert.ok(u >= 0 && u < 1);
      sum += u;
      sumSq += u * u;
    }
    const mean = sum / n;
    // Standard error of the mean is 1/sqrt(12 n) ≈ 0.00065: allow 5 of them.
    assert.ok(Math.abs(mean - 0.5) < 0.0033, `mean ${mean}`);
    assert.ok(Math.abs(sumSq / n - mean * mean - 1 / 12) < 0.002);
  });

  it('same seed, same stream; different seeds, different streams', () => {
    const a = createRng(1);
    const b = createRng(1);
    const c = createRng(2);
    const xa = Array.from({ length: 5 }, () => a());
    assert.deepEqual(xa, Array.from({ length: 5 }, () => b()));
    assert.notDeepEqual(xa, Array.from({ length: 5 }, () => c()));
  });

  it('fork depends only on the parent seed and the label, not on draws made', () => {
    const fresh = createRng(9).fork('service');
    const used = createRng(9);
    for (let i = 0; i < 1000; i++) used();
    const forked = used.fork('service');
    assert.equal(forked.seed, '["9","service"]');
    assert.deepEqual(Array.from({ length: 5 }, () => fresh()), Array.from({ length: 5 }, () => forked()));
    assert.notEqual(createRng(9).fork('arrivals')(), createRng(9).fork('service')());
  });

  it('derives streams from the whole label path, so no two paths or string seeds collide', () => {
    const first = (rng: ReturnType<typeof createRng>) => Array.from({ length: 4 }, () => rng());
    const nested = first(createRng(42).fork('a').fork('b'));
    assert.notDeepEqual(nested, first(createRng(42).fork('a/b')));
    assert.notDeepEqual(first(createRng('42/arrivals')), first(createRng(42).fork('arrivals')));
    assert.notDeepEqual(first(createRng('["42","arrivals"]')), first(createRng(42).fork('arrivals')));
    assert.notDeepEqual(first(createRng('4').fork('2a')), first(createRng('42').fork('a')));
    assert.deepEqual(createRng(42).fork('a').fork('b').labels, ['42', 'a', 'b']);
  });

  it('rejects bad seeds and labels naming the option', () => {
    assert.throws(() => createRng(NaN), (e: Error) => e instanceof RangeError && /seed/.test(e.message));
    assert.throws(() => createRng({} as unknown as number), (e: Error) => e instanceof TypeError && /seed/.test(e.message));
    assert.throws(() => createRng(1).fork(''), (e: Error) => e instanceof TypeError && /label/.test(e.message));
  });
});

const PINNED = ['0.022729200078', '0.634957494214'];

describe('requireRng', () => {
  it('passes a stream from createRng through untouched', () => {
    const rng = createRng(3);
    assert.equal(requireRng('rng', rng), rng);
    const fork = rng.fork('x');
    assert.equal(requireRng('rng', fork), fork);
  });

  it('keeps a stream, its label path and its generator unchangeable, and a copy of its properties untrusted', () => {
    const rng = createRng(3).fork('x');
    assert.ok(Object.isFrozen(rng) && Object.isFrozen(rng.labels));
    assert.equal(Reflect.set(rng, 'seed', 'other'), false);
    assert.equal(rng.seed, '["3","x"]');
    assert.deepEqual(Object.keys(rng).sort(), ['fork', 'labels', 'seed']);
    // A wrapper given the stream's properties draws its own numbers: it is checked, not handed the stream's generator.
    let calls = 0;
    const wrapper = Object.assign(() => (calls++, rng()), rng);
    const checked = requireRng('rng', wrapper);
    assert.notEqual(checked, wrapper);
    drawSource(checked).next();
    assert.equal(calls, 1);
  });

  it('checks every draw of any other rng, and of its forks, naming the option', () => {
    const fake = Object.assign(() => 0.5, { fork: () => Object.assign(() => NaN, { fork: () => fake }) });
    const rng = requireRng('servers[0].rng', fake);
    assert.equal(rng(), 0.5);
    assert.throws(() => rng.fork('a')(), (e: Error) => e instanceof RangeError && /servers\[0\]\.rng must return numbers in \[0, 1\).*NaN/.test(e.message));
    const negative = requireRng('rng', Object.assign(() => -0.5, { fork: () => negative }));
    assert.throws(() => negative(), RangeError);
  });

  it('refuses what is not an rng', () => {
    assert.throws(() => requireRng('rng', null), (e: Error) => e instanceof TypeError && /rng must be an Rng.*null/.test(e.message));
    assert.throws(() => requireRng('rng', () => 0.5), TypeError);
  });
});

describe('Alea and drawSource', () => {
  it('Alea draws exactly what seedrandom\'s alea draws for the same seed', () => {
    for (const seed of ['["42"]', '["netlab","delay"]', '', 'x'.repeat(300)]) {
      const ours = new Alea(seed);
      const theirs = seedrandom.alea(seed);
      for (let i = 0; i < 10_000; i++) assert.equal(ours.next(), theirs(), `seed ${seed}, draw ${i}`);
    }
  });

  it('Alea is seeded as seedrandom seeds it, for any seed string', () => {
    // Label paths as models build them, and any other string, non-ASCII and surrogates included.
    const seeds = fc.oneof(
      fc.array(fc.string({ minLength: 1, maxLength: 40 }), { minLength: 1, maxLength: 8 }).map((labels) => JSON.stringify(labels)),
      fc.string({ unit: 'binary', maxLength: 400 }),
    );
    fc.assert(
      fc.property(seeds, (seed) => {
        const ours = new Alea(seed);
        const theirs = seedrandom.alea(seed);
        for (let i = 0; i < 3; i++) assert.equal(ours.next(), theirs(), `seed ${JSON.stringify(seed)}, draw ${i}`);
      }),
      { seed: 2026, numRuns: 5000 },
    );
  });

  it('firstBelow draws a run exactly as next() would, stopping at the first draw below p', () => {
    for (const p of [0, 0.01, 0.5, 1]) {
      const run = new Alea('["runs"]');
      const single = new Alea('["runs"]');
      for (let k = 0; k < 2000; k++) {
        const n = k % 17;
        let expected = n;
        for (let i = 0; i < n; i++) {
          if (single.next() < p) {
            expected = i;
            break;
          }
        }
        assert.equal(run.firstBelow(n, p), expected, `p ${p}, run ${k}`);
        assert.equal(run.next(), single.next());
      }
    }
  });

  it('a stream and its draw source are one stream: draws interleave in order', () => {
    const a = createRng(5).fork('loss');
    const b = createRng(5).fork('loss');
    const source = drawSource(b);
    const expected = Array.from({ length: 8 }, () => a());
    assert.deepEqual([b(), source.next(), source.next(), b(), source.next(), b(), b(), source.next()], expected);
    assert.equal(drawSource(b), source);
  });

  it('calls through a checked rng, so its draws are still checked', () => {
    const fake = requireRng('rng', Object.assign(() => 0.25, { fork: () => fake }));
    assert.equal(drawSource(fake).next(), 0.25);
    assert.equal(drawSource(fake).firstBelow(3, 0.25), 3);
    assert.equal(drawSource(fake).firstBelow(3, 0.5), 0);
    const bad = requireRng('rng', Object.assign(() => 2, { fork: () => bad }));
    assert.throws(() => drawSource(bad).next(), RangeError);
  });
});
