import { strict as assert } from 'node:assert';
import { backoff, JITTERS } from '../../lib/resilience/backoff';
import { createRng } from '../../lib/random/rng';

const N = 100_000;

describe('backoff', () => {
  it("'none' is the exact capped doubling sequence", () => {
    const b = backoff({ baseMs: 100, capMs: 1000, jitter: 'none' });
    const rng = createRng(1);
    assert.deepEqual([1, 2, 3, 4, 5, 6].map((r) => b.delayMs(r, rng)), [100, 200, 400, 800, 1000, 1000]);
    assert.deepEqual([1, 2, 3, 4, 5, 6].map((r) => b.ceilingMs(r)), [100, 200, 400, 800, 1000, 1000]);
    assert.equal(b.ceilingMs(1_000_000), 1000, 'huge retry numbers stay at the cap');
  });

  it('honours the multiplier and the defaults', () => {
    const b = backoff({ baseMs: 10, capMs: 1e6, multiplier: 3, jitter: 'none' });
    assert.deepEqual([1, 2, 3, 4].map((r) => b.ceilingMs(r)), [10, 30, 90, 270]);
    const d = backoff({ baseMs: 50, capMs: 500 });
    assert.equal(d.jitter, 'full');
    assert.equal(d.multiplier, 2);
    assert.deepEqual(JITTERS, ['none', 'full', 'equal', 'decorrelated']);
  });

  it("'full' jitter is uniform over [0, ceiling)", () => {
    const b = backoff({ baseMs: 100, capMs: 1000, jitter: 'full' });
    const ceiling = b.ceilingMs(4); // 800
    const rng = createRng('full-jitter');
    const BINS = 20;
    const counts = new Array<number>(BINS).fill(0);
    const draws = new Float64Array(N);
    let sum = 0;
    for (let i = 0; i < N; i++) {
      const d = b.delayMs(4, rng);
      assert.ok(d >= 0 && d < ceiling, `draw ${d} outside [0, ${ceiling})`);
      draws[i] = d;
      sum += d;
      counts[Math.floor((d / ceiling) * BINS)]++;
    }
    // Chi-square with 19 degrees of freedom: the 0.999 quantile is 43.82 (measured 13.38 with this seed).
    const expected = N / BINS;
    const chi2 = counts.reduce((acc, c) => acc + (c - expected) ** 2 / expected, 0);
    assert.ok(chi2 < 43.82, `chi-square ${chi2.toFixed(2)} ≥ 43.82`);
    // Kolmogorov–Smirnov: the 0.999 critical value is 1.95/√N = 0.00617 (measured 0.0019).
    draws.sort();
    let ks = 0;
    for (let i = 0; i < N; i++) ks = Math.max(ks, Math.abs((i + 1) / N - draws[i] / ceiling), Math.abs(draws[i] / ceiling - i / N));
    assert.ok(ks < 1.95 / Math.sqrt(N), `KS distance ${ks}`);
    // Mean ceiling/2 = 400; standard error 800/√12/√N = 0.73 ms, tolerance 4 SE = 3 ms (measured 399.38).
    assert.ok(Math.abs(sum / N - ceiling / 2) < 3, `mean ${sum / N}`);
  });

  it("'equal' jitter stays in [ceiling/2, ceiling) with mean 3/4 of the ceiling", () => {
    const b = backoff({ baseMs: 100, capMs: 1000, jitter: 'equal' });
    const rng = createRng('equal-jitter');
    let sum = 0;
    let min = Infinity;
    for (let i = 0; i < N; i++) {
      const d = b.delayMs(3, rng); // ceiling 400
      assert.ok(d >= 200 && d < 400, `draw ${d}`);
      min = Math.min(min, d);
      sum += d;
    }
    // Mean 300; SE 200/√12/√N = 0.18 ms, tolerance 1 ms (measured 300.08); the minimum comes within 0.1 ms of 200.
    assert.ok(Math.abs(sum / N - 300) < 1, `mean ${sum / N}`);
    assert.ok(min < 200.1);
  });

  it("'decorrelated' jitter draws from [base, 3·previous), clamped at the cap", () => {
    const wide = backoff({ baseMs: 100, capMs: 100_000, jitter: 'decorrelated' });
    const rng = createRng('decorrelated');
    for (let i = 0; i < N / 10; i++) {
      const previous = 100 + rng() * 900;
      const d = wide.delayMs(1 + (i % 5), rng, previous);
      assert.ok(d >= 100 && d < 3 * previous, `draw ${d} for previous ${previous}`);
    }
    const first = wide.delayMs(1, rng);
    assert.ok(first >= 100 && first < 300, 'previous defaults to base');
    // A chain feeding each delay back in never leaves [base, cap] and reaches the cap.
    const narrow = backoff({ baseMs: 100, capMs: 1000, jitter: 'decorrelated' });
    let previous = 100;
    let atCap = 0;
    for (let i = 0; i < 10_000; i++) {
      const d = narrow.delayMs(i + 1, rng, previous);
      assert.ok(d >= 100 && d <= 1000 && d < 3 * previous, `draw ${d}`);
      if (d === 1000) atCap++;
      previous = d;
    }
    assert.ok(atCap > 0, 'clamped at the cap sometimes');
  });

  it('same seed, same delays', () => {
    for (const jitter of JITTERS) {
      const b = backoff({ baseMs: 20, capMs: 5000, jitter });
      const run = (): number[] => {
        const rng = createRng(7);
        let prev = 20;
        return Array.from({ length: 50 }, (_, i) => (prev = b.delayMs(i + 1, rng, prev)));
      };
      assert.deepEqual(run(), run());
    }
  });

  it('rejects bad options naming the option and the range', () => {
    assert.throws(() => backoff({ baseMs: 0, capMs: 10 }), /baseMs must be a number in \(0, 86400000\]; got 0/);
    assert.throws(() => backoff({ baseMs: NaN, capMs: 10 }), /baseMs/);
    assert.throws(() => backoff({ baseMs: '5' as unknown as number, capMs: 10 }), /baseMs/);
    assert.throws(() => backoff({ baseMs: 100, capMs: 50 }), /capMs must be a number in \[100, 86400000\]; got 50/);
    assert.throws(() => backoff({ baseMs: 100, capMs: 1e9 }), /capMs must be a number in \[100, 86400000\]/);
    assert.throws(() => backoff({ baseMs: 100, capMs: 1000, jitter: 'half' as 'full' }), /jitter must be one of "none", "full", "equal", "decorrelated"; got "half"/);
    assert.throws(() => backoff({ baseMs: 100, capMs: 1000, multiplier: 0.5 }), /multiplier must be a number in \[1, 10\]; got 0.5/);
    assert.throws(() => backoff({ baseMs: 100, capMs: 1000, multiplier: 11 }), /multiplier must be a number in \[1, 10\]/);
    assert.throws(() => backoff({ baseMs: 100, capMs: 1000, base: 3 } as unknown as { baseMs: number; capMs: number }), { name: 'TypeError', message: /^backoff: unknown option "base" \(did you mean "baseMs"\?\); known options: baseMs, capMs, jitter, multiplier$/ });
    assert.throws(() => backoff({ baseMs: 100, capMs: 1000, jitter: null as unknown as 'full' }), { name: 'TypeError', message: /option jitter is null/ });
    assert.throws(() => backoff(undefined as unknown as { baseMs: number; capMs: number }), /backoff expects an options object/);
  });

  it('rejects bad method arguments naming them', () => {
    const b = backoff({ baseMs: 100, capMs: 1000, jitter: 'decorrelated' });
    const rng = createRng(1);
    assert.throws(() => b.ceilingMs(0), /retry must be an integer in \[1, 1000000\]; got 0/);
    assert.throws(() => b.delayMs(1.5, rng), /retry must be an integer in \[1, 1000000\]; got 1.5/);
    assert.throws(() => b.delayMs(1, rng, 50), /previousMs must be a number in \[100, 1000\]; got 50/);
    assert.throws(() => b.delayMs(1, rng, 2000), /previousMs must be a number in \[100, 1000\]/);
    assert.throws(() => b.delayMs(1, undefined as never), /rng must be an Rng/);
  });
});
