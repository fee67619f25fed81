import { strict as assert } from 'node:assert';
import { simulatePipeline, simulateQueue, type StageSpec } from '../../lib/sim';
import { createRng, constant, exponential, type Distribution } from '../../lib/random';

/** A distribution that records its draws, to compare one component's stream across runs. */
function recorded(base: Distribution): { dist: Distribution; draws: number[] } {
  const draws: number[] = [];
  return { draws, dist: { label: base.label, mean: base.mean, sample: (rng) => { const v = base.sample(rng); draws.push(v); return v; } } };
}

/** A distribution whose `bad`-th draw (counting from 1) is `value`. */
function breaksAt(bad: number, value: number): Distribution {
  let n = 0;
  return { label: `breaks at draw ${bad}`, mean: 1, sample: (rng) => (++n === bad ? value : 2 * rng()) };
}

describe('streams: every pipeline stage draws from its own fork', () => {
  const run = (first: Distribution, extra: StageSpec[] = []) => {
    const db = recorded(exponential(4));
    const stages: StageSpec[] = [{ name: 'app', workers: 4, serviceTime: first }, ...extra, { name: 'db', workers: 4, serviceTime: db.dist }];
    const r = simulatePipeline({ stages, load: 200, durationMs: 5_000, rng: createRng(11) });
    return { r, db: db.draws };
  };

  it('changing one stage, or adding one, leaves the arrivals and another stage’s draws as they were', () => {
    const a = run(exponential(5));
    const b = run(constant(5));
    const c = run(exponential(5), [{ name: 'cache', workers: 8, serviceTime: exponential(1) }]);
    assert.deepEqual(b.r.requests.arrivalMs, a.r.requests.arrivalMs);
    assert.deepEqual(c.r.requests.arrivalMs, a.r.requests.arrivalMs);
    // The n-th request to reach db gets the n-th draw of db's stream in every run.
    const common = Math.min(a.db.length, b.db.length, c.db.length);
    assert.ok(common > 900, `${common} draws`);
    assert.deepEqual(b.db.slice(0, common), a.db.slice(0, common));
    assert.deepEqual(c.db.slice(0, common), a.db.slice(0, common));
    assert.notDeepEqual(b.r.requests.latencyMs, a.r.requests.latencyMs);
  });
});

describe('bad distributions: the first bad draw throws a RangeError naming its option', () => {
  const good = exponential(1);
  for (const value of [NaN, -1, Infinity]) {
    it(`simulatePipeline: stages[1].serviceTime giving ${value}`, () => {
      const stages = [{ name: 'lb', workers: 1, serviceTime: good }, { name: 'app', workers: 2, serviceTime: breaksAt(3, value) }];
      assert.throws(
        () => simulatePipeline({ stages, load: 100, durationMs: 10_000, rng: createRng(1) }),
        (e: Error) => e instanceof RangeError && e.message.startsWith('stages[1].serviceTime') && e.message.includes(String(value)),
      );
    });

    it(`simulateQueue: serviceTime giving ${value}`, () => {
      assert.throws(
        () => simulateQueue({ workers: 1, arrivalRate: 10, serviceTime: breaksAt(5, value), requests: 100, rng: createRng(1) }),
        (e: Error) => e instanceof RangeError && e.message.startsWith('serviceTime') && e.message.includes(String(value)),
      );
    });
  }
});

describe('overload: simulatePipeline reports offered load against capacity', () => {
  const stages: StageSpec[] = [
    { name: 'lb', workers: 1, serviceTime: exponential(1) }, // 1000/s
    { name: 'app', workers: 4, serviceTime: exponential(20), queueLimit: 50 }, // 200/s
  ];

  it('a constant load above the bottleneck is unstable; below it is not', () => {
    const over = simulatePipeline({ stages, load: 300, durationMs: 2_000, rng: createRng(1) });
    assert.equal(over.unstable, true);
    assert.equal(over.peakOfferedRps, 300);
    assert.ok(Math.abs(over.stages[1].offeredLoad - 1.5) < 1e-12, `${over.stages[1].offeredLoad}`);
    assert.ok(Math.abs(over.stages[0].offeredLoad - 0.3) < 1e-12);
    const under = simulatePipeline({ stages, load: 100, durationMs: 2_000, rng: createRng(1) });
    assert.equal(under.unstable, false);
    assert.ok(Math.abs(under.stages[1].offeredLoad - 0.5) < 1e-12);
  });

  it('a ramp is judged at its peak', () => {
    const r = simulatePipeline({ stages, load: { startRps: 50, endRps: 250 }, durationMs: 2_000, rng: createRng(1) });
    assert.equal(r.peakOfferedRps, 250);
    assert.equal(r.unstable, true);
  });

  it('without an exact mean, capacity comes from the mean of the draws', () => {
    const noMean: Distribution = { label: 'uniform 0–10 without a mean', sample: (rng) => 10 * rng() };
    const r = simulatePipeline({ stages: [{ name: 'app', workers: 1, serviceTime: noMean }], load: 50, durationMs: 100_000, rng: createRng(1) });
    // About 5000 draws of U(0, 10): their mean is 5 ms within 4 standard errors (10/√12/√5000 ≈ 0.041 ms).
    assert.ok(Math.abs(1000 / r.stages[0].capacityRps - 5) < 4 * 0.041, `${r.stages[0].capacityRps}`);
    assert.equal(r.unstable, false);
  });
});
