import { strict as assert } from 'node:assert';
import { constant, uniform, exponential, normal, lognormal, pareto, empirical, createRng, type Rng } from '../../lib/random';

/** Asserts an error of `type` whose message names the parameter. */
function refuses(fn: () => unknown, type: ErrorConstructor, name: RegExp): void {
  assert.throws(fn, (e: unknown) => e instanceof type && name.test((e as Error).message), String(fn));
}

/** A stream that always returns `u` (a generator's extreme draws). */
function fixed(u: number): Rng {
  const rng = (() => u) as Rng;
  return Object.assign(rng, { labels: ['fixed'], seed: '["fixed"]', fork: () => rng });
}

const never = (v: unknown) => v as never;

describe('distribution constructors validate their parameters with named errors', () => {
  it('constant, uniform, exponential', () => {
    refuses(() => constant(NaN), RangeError, /constant\(value\)/);
    refuses(() => constant(never('5')), TypeError, /constant\(value\)/);
    refuses(() => uniform(1, 1), RangeError, /uniform\(lo, hi\).*hi > lo/);
    refuses(() => uniform(-Infinity, 1), RangeError, /uniform\(lo\)/);
    refuses(() => uniform(-1e308, 1e308), RangeError, /uniform\(lo, hi\).*finite width/);
    refuses(() => exponential(0), RangeError, /exponential\(meanMs\)/);
    refuses(() => exponential(Infinity), RangeError, /exponential\(meanMs\)/);
  });

  it('normal, lognormal, pareto, empirical', () => {
    refuses(() => normal(0, 0), RangeError, /normal\(sd\)/);
    refuses(() => normal(NaN, 1), RangeError, /normal\(mean\)/);
    refuses(() => normal(0, 1e308), RangeError, /normal\(mean, sd\)/);
    refuses(() => lognormal({ median: 10, p99: 5 }), RangeError, /lognormal p99/);
    refuses(() => lognormal({ median: -1, p99: 5 }), RangeError, /lognormal median/);
    refuses(() => lognormal(never(null)), TypeError, /lognormal/);
    refuses(() => pareto({ scale: 1, shape: 0 }), RangeError, /pareto shape/);
    refuses(() => pareto({ scale: Infinity, shape: 1 }), RangeError, /pareto scale/);
    refuses(() => empirical([]), RangeError, /empirical\(values\)/);
    refuses(() => empirical([1, NaN]), RangeError, /empirical\(values\)/);
  });

  it('normal and lognormal draws stay finite at the generator’s extreme draws (0 and 1 − 2^-32)', () => {
    for (const u of [0, 1 - 2 ** -32]) {
      const z = normal(0, 1).sample(fixed(u));
      assert.ok(Number.isFinite(z) && Math.abs(z) < 6.5, `u = ${u}: ${z}`);
      const x = lognormal({ median: 10, p99: 100 }).sample(fixed(u));
      assert.ok(Number.isFinite(x) && x > 0, `u = ${u}: ${x}`);
    }
    // An ordinary stream is unchanged by the rule for u = 0.
    const a = normal(3, 2);
    const r1 = createRng(5);
    const r2 = createRng(5);
    for (let i = 0; i < 100; i++) assert.equal(a.sample(r1), a.quantile!(r2()));
  });
});
