import { strict as assert } from 'node:assert';
import { createRng, constant, uniform, exponential, normal, lognormal, pareto, empirical, standardNormalQuantile, type Distribution } from '../../lib/random';

/** Mean of n draws. */
function sampleMean(d: Distribution, n: number, seed = 1): number {
  const rng = createRng(seed);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += d.sample(rng);
  return sum / n;
}

/** Fraction of n draws at or below x. */
function fractionBelow(d: Distribution, x: number, n: number, seed = 2): number {
  const rng = createRng(seed);
  let below = 0;
  for (let i = 0; i < n; i++) if (d.sample(rng) <= x) below++;
  return below / n;
}

describe('distributions', () => {
  it('pin exact means and quantiles', () => {
    assert.equal(constant(5).mean, 5);
    assert.equal(constant(5).sample(createRng(1)), 5);
    assert.equal(uniform(2, 6).mean, 4);
    assert.equal(uniform(2, 6).quantile!(0.25), 3);
    assert.equal(exponential(10).mean, 10);
    assert.ok(Math.abs(exponential(10).quantile!(0.99) - 10 * Math.log(100)) < 1e-12);
    assert.equal(normal(3, 2).quantile!(0.5), 3);
    assert.ok(Math.abs(standardNormalQuantile(0.975) - 1.959963984540054) < 1e-8);
    assert.ok(Math.abs(standardNormalQuantile(0.001) + 3.090232306167813) < 1e-8);
    const ln = lognormal({ median: 20, p99: 200 });
    assert.ok(Math.abs(ln.quantile!(0.5) - 20) < 1e-9);
    assert.ok(Math.abs(ln.quantile!(0.99) - 200) < 1e-6);
    const sigma = Math.log(10) / 2.3263478740408408;
    assert.ok(Math.abs(ln.mean! - 20 * Math.exp((sigma * sigma) / 2)) < 1e-6);
    assert.equal(pareto({ scale: 1, shape: 2 }).mean, 2);
    assert.equal(pareto({ scale: 1, shape: 1 }).mean, Infinity);
    assert.ok(Math.abs(pareto({ scale: 2, shape: 2 }).quantile!(0.75) - 4) < 1e-12);
    const emp = empirical([5, 1, 3, 2, 4]);
    assert.equal(emp.mean, 3);
    assert.equal(emp.quantile!(0.2), 1);
    assert.equal(emp.quantile!(0.21), 2);
    assert.equal(emp.quantile!(1), 5);
    assert.equal(emp.quantile!(0), 1);
  });

  it('sample means agree with exact means (tolerance: 5 standard errors)', () => {
    const n = 200_000;
    const cases: [Distribution, number][] = [
      [uniform(0, 10), 10 / Math.sqrt(12)],
      [exponential(10), 10],
      [normal(50, 5), 5],
      [lognormal({ median: 20, p99: 100 }), 30],
      [pareto({ scale: 1, shape: 3 }), Math.sqrt(3 / 4)],
      [empirical([1, 2, 3, 10]), 3.6],
    ];
    for (const [d, sd] of cases) {
      const m = sampleMean(d, n);
      assert.ok(Math.abs(m - d.mean!) < (5 * sd) / Math.sqrt(n), `${d.label}: sample mean ${m} vs ${d.mean}`);
    }
  });

  it('sampled fractions agree with exact quantiles (tolerance 0.005 absolute)', () => {
    const n = 100_000;
    for (const d of [exponential(3), normal(0, 1), lognormal({ median: 1, p99: 50 }), pareto({ scale: 2, shape: 1.5 }), uniform(-1, 1)]) {
      for (const p of [0.1, 0.5, 0.9, 0.99]) {
        const f = fractionBelow(d, d.quantile!(p), n);
        assert.ok(Math.abs(f - p) < 0.005, `${d.label} at p=${p}: ${f}`);
      }
    }
  });

  it('reject bad parameters with the option named', () => {
    const cases: [() => unknown, ErrorConstructor, RegExp][] = [
      [() => exponential(0), RangeError, /exponential\(meanMs\)/],
      [() => exponential('5' as unknown as number), TypeError, /exponential\(meanMs\)/],
      [() => uniform(3, 1), RangeError, /hi > lo/],
      [() => normal(0, -1), RangeError, /normal\(sd\)/],
      [() => lognormal({ median: 50, p99: 20 }), RangeError, /p99/],
      [() => lognormal({ median: -1, p99: 20 }), RangeError, /median/],
      [() => pareto({ scale: 1, shape: 0 }), RangeError, /shape/],
      [() => empirical([]), RangeError, /empirical\(values\)/],
      [() => empirical([1, NaN]), RangeError, /empirical\(values\)/],
      [() => constant(Infinity), RangeError, /constant/],
      [() => exponential(1).quantile!(1.5), RangeError, /quantile p/],
    ];
    for (const [fn, type, pattern] of cases) {
      assert.throws(fn, (e: Error) => e instanceof type && pattern.test(e.message), String(fn));
    }
  });
});
