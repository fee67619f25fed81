import { strict as assert } from 'node:assert';
import {
  simulateQueue, simulatePipeline, Station, Simulation, poissonArrivals, onOffArrivals, mmc, mm1, mmcMaxArrivalRate,
} from '../../lib/sim';
import { createRng, exponential, lognormal, pareto } from '../../lib/random';
import { binEdges, ccdf, ecdf, histogram, LogHistogram } from '../../lib/stats';

/** Asserts a TypeError that names `key` where it sits and suggests `suggestion`. */
function misspelt(fn: () => unknown, key: string, suggestion?: string): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof TypeError, `expected a TypeError, got ${String(e)}`);
    assert.ok(e.message.includes(`unknown option "${key}"`), e.message);
    if (suggestion !== undefined) assert.ok(e.message.includes(`did you mean "${suggestion}"?`), e.message);
    return true;
  });
}

const never = (v: unknown) => v as never;

describe('options: one rule for every options object in sim, stats and random', () => {
  const queue = { workers: 1, arrivalRate: 50, serviceTime: exponential(10), requests: 100 };
  const stages = [
    { name: 'lb', workers: 1, serviceTime: exponential(1) },
    { name: 'app', workers: 2, serviceTime: exponential(5), queueLimit: 10 },
  ];

  it('simulateQueue: a misspelt queueLimit is refused, not ignored', () => {
    misspelt(() => simulateQueue(never({ ...queue, qeueLimit: 10, rng: createRng(1) })), 'qeueLimit', 'queueLimit');
    assert.throws(() => simulateQueue(never({ ...queue, qeueLimit: 10, rng: createRng(1) })), /simulateQueue: /);
  });

  it('simulateQueue: null is never "omitted"', () => {
    assert.throws(() => simulateQueue(never({ ...queue, queueLimit: null, rng: createRng(1) })), (e: Error) => e instanceof TypeError && /queueLimit is null/.test(e.message));
  });

  it('simulatePipeline: misspellings at the top, in stages[i] and in load, named where they sit', () => {
    const rng = createRng(1);
    misspelt(() => simulatePipeline(never({ stages, load: 10, durationMs: 1000, bucketMS: 100, rng })), 'bucketMS', 'bucketMs');
    misspelt(() => simulatePipeline(never({ stages: [stages[0], { ...stages[1], queueLimt: 5 }], load: 10, durationMs: 1000, rng })), 'stages[1].queueLimt', 'stages[1].queueLimit');
    misspelt(() => simulatePipeline(never({ stages, load: { startRps: 1, endRPS: 5 }, durationMs: 1000, rng })), 'load.endRPS', 'load.endRps');
    assert.throws(() => simulatePipeline(never({ stages: [{ ...stages[0], queueLimit: null }], load: 10, durationMs: 1000, rng })), /stages\[0\]\.queueLimit is null/);
  });

  it('Station, Simulation.run, poissonArrivals and onOffArrivals', () => {
    const sim = new Simulation();
    misspelt(() => new Station(sim, never({ workers: 1, queuelimit: 3 })), 'queuelimit', 'queueLimit');
    misspelt(() => sim.run(never({ untill: 5 })), 'untill', 'until');
    misspelt(() => poissonArrivals(never({ load: 5, durationMS: 100, rng: createRng(1) })), 'durationMS', 'durationMs');
    misspelt(() => poissonArrivals(never({ load: { startRps: 1, endRps: 2, peak: 3 }, durationMs: 100, rng: createRng(1) })), 'load.peak');
    misspelt(() => onOffArrivals(never({ rate: 5, meanOnMs: 1, meanOffMS: 1, count: 3, rng: createRng(1) })), 'meanOffMS', 'meanOffMs');
  });

  it('queueing theory: mmc, mm1 and mmcMaxArrivalRate', () => {
    misspelt(() => mmc(never({ workers: 1, arrivalRate: 5, meanServiceMS: 10 })), 'meanServiceMS', 'meanServiceMs');
    misspelt(() => mm1(never({ arrivalRate: 5, meanServiceMs: 10, workers: 2 })), 'workers');
    misspelt(() => mmcMaxArrivalRate(never({ workers: 1, meanServiceMs: 10, quantile: 0.99, target: 50 })), 'target', 'targetMs');
  });

  it('stats: histogram, binEdges, ecdf, ccdf and LogHistogram', () => {
    const v = [1, 2, 3];
    misspelt(() => histogram(v, never({ bin: 3 })), 'bin', 'bins');
    misspelt(() => binEdges([v], never({ scal: 'log' })), 'scal', 'scale');
    misspelt(() => ecdf(v, never({ maxPoint: 3 })), 'maxPoint', 'maxPoints');
    misspelt(() => ccdf(v, never({ inclusve: true })), 'inclusve', 'inclusive');
    misspelt(() => ecdf(v, never({ inclusive: true })), 'inclusive');
    misspelt(() => new LogHistogram(never({ relativeErr: 0.01 })), 'relativeErr', 'relativeError');
  });

  it('random: lognormal and pareto', () => {
    misspelt(() => lognormal(never({ median: 5, P99: 50 })), 'P99', 'p99');
    misspelt(() => pareto(never({ scale: 1, shap: 2 })), 'shap', 'shape');
  });
});
