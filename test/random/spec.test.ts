import assert from 'node:assert/strict';
import {
  constant, createRng, distributionFromSpec, empirical, exponential, isDistributionSpec, lognormal, normal, pareto,
  requireDistribution, uniform, type Distribution, type DistributionSpec,
} from '../../lib/random';
import { simulateQueue } from '../../lib/sim/queues/simulateQueue';

const PAIRS: [DistributionSpec, Distribution][] = [
  [{ kind: 'constant', value: 4 }, constant(4)],
  [{ kind: 'uniform', lo: 1, hi: 3 }, uniform(1, 3)],
  [{ kind: 'exponential', meanMs: 10 }, exponential(10)],
  [{ kind: 'normal', mean: 50, sd: 5 }, normal(50, 5)],
  [{ kind: 'lognormal', median: 30, p99: 150 }, lognormal({ median: 30, p99: 150 })],
  [{ kind: 'pareto', scale: 2, shape: 1.5 }, pareto({ scale: 2, shape: 1.5 })],
  [{ kind: 'empirical', values: [3, 1, 2] }, empirical([3, 1, 2])],
];

describe('random: distributions written as data', () => {
  it('builds, for each kind, the distribution its constructor builds: same label, mean and draws', () => {
    for (const [spec, made] of PAIRS) {
      const built = distributionFromSpec(spec);
      assert.equal(built.label, made.label);
      assert.equal(built.mean, made.mean);
      const a = createRng(`spec-${spec.kind}`);
      const b = createRng(`spec-${spec.kind}`);
      for (let i = 0; i < 20; i++) assert.equal(built.sample(a), made.sample(b), `${spec.kind} draw ${i}`);
    }
  });

  it('is accepted wherever a Distribution is, with results identical to the constructor’s', () => {
    const base = { workers: 2, arrivalRate: 150, requests: 2000 };
    const fromData = simulateQueue({ ...base, serviceTime: { kind: 'exponential', meanMs: 10 }, rng: createRng(5) });
    const fromCall = simulateQueue({ ...base, serviceTime: exponential(10), rng: createRng(5) });
    assert.deepEqual(Array.from(fromData.latencyMs), Array.from(fromCall.latencyMs));
    // A spec survives JSON, so options can be stored beside results.
    const options = JSON.parse(JSON.stringify({ serviceTime: { kind: 'lognormal', median: 8, p99: 40 } }));
    assert.equal(requireDistribution('serviceTime', options.serviceTime).label, lognormal({ median: 8, p99: 40 }).label);
  });

  it('tells a spec from a Distribution', () => {
    assert.equal(isDistributionSpec({ kind: 'exponential', meanMs: 1 }), true);
    assert.equal(isDistributionSpec(exponential(1)), false);
    assert.equal(isDistributionSpec(null), false);
  });

  it('refuses an unknown kind or key, a missing key and a bad value, naming the option', () => {
    assert.throws(() => requireDistribution('serviceTime', { kind: 'exponental', meanMs: 1 }), (e: Error) => e instanceof RangeError && /serviceTime\.kind must be one of/.test(e.message));
    assert.throws(() => requireDistribution('serviceTime', { kind: 'exponential', mean: 1 }), /unknown option "serviceTime\.mean" \(did you mean "serviceTime\.meanMs"\?\)/);
    assert.throws(() => requireDistribution('stages[1].serviceTime', { kind: 'lognormal', median: 5 }), /stages\[1\]\.serviceTime\.p99 is required for kind 'lognormal'/);
    assert.throws(() => requireDistribution('serviceTime', { kind: 'exponential', meanMs: -1 }), (e: Error) => e instanceof RangeError && /serviceTime \(exponential\): exponential\(meanMs\)/.test(e.message));
    assert.throws(() => simulateQueue({ workers: 1, arrivalRate: 1, requests: 10, serviceTime: { kind: 'uniform', lo: 3, hi: 1 }, rng: createRng(1) }), /serviceTime \(uniform\)/);
  });
});
