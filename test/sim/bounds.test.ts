import { strict as assert } from 'node:assert';
import {
  Station, Simulation, simulatePipeline, simulateQueue, poissonArrivals, onOffArrivals, erlangC, mmc, mmcMaxArrivalRate, simLimits,
} from '../../lib/sim';
import { bucketIndexAt, bucketOf } from '../../lib/sim/measures/buckets';
import { LevelMeter } from '../../lib/sim/measures/levelMeter';
import { StationBank } from '../../lib/sim/queues/stationBank';
import { createRng, exponential, standardNormalQuantile } from '../../lib/random';

/** Runs `fn` and asserts it finished within `ms` of wall time (the calls tested here used to hang). */
function quickly<T>(ms: number, fn: () => T): T {
  const start = process.hrtime.bigint();
  const out = fn();
  const took = Number(process.hrtime.bigint() - start) / 1e6;
  assert.ok(took < ms, `took ${took.toFixed(0)} ms`);
  return out;
}

/** Asserts a RangeError whose message matches every pattern. */
function refused(fn: () => unknown, ...patterns: RegExp[]): void {
  quickly(1000, () =>
    assert.throws(fn, (e: unknown) => {
      assert.ok(e instanceof RangeError, `expected a RangeError, got ${String(e)}`);
      for (const p of patterns) assert.match(e.message, p);
      return true;
    }),
  );
}

describe('nothing hangs: bucket arithmetic by integer index', () => {
  const third = 1000 / 3;

  it('bucketIndexAt agrees with the edges b · width even when the width is not representable', () => {
    for (let b = 0; b < 10_000; b++) {
      const edge = b * third;
      assert.equal(bucketIndexAt(edge, third), b, `edge ${b}`);
      assert.equal(bucketOf(edge, third, 5), Math.min(b, 4));
    }
    assert.throws(() => bucketOf(NaN, third, 5), RangeError);
  });

  it('LevelMeter with bucketMs 1000 / 3 splits a level exactly and returns', () => {
    const m = new LevelMeter(third);
    quickly(200, () => {
      m.add(0, 2);
      m.advance(1000);
      m.advance(10_000); // this one used to loop for ever: an edge near 9666.67 ms was never passed
      m.add(10_000, -2);
      m.advance(12_000);
    });
    assert.ok(m.areaByBucket.length >= 30);
    for (let b = 0; b < 30; b++) assert.ok(Math.abs(m.areaByBucket[b] - 2 * third) < 1e-9, `bucket ${b}: ${m.areaByBucket[b]}`);
    for (let b = 30; b < m.areaByBucket.length; b++) assert.equal(m.areaByBucket[b], 0);
    assert.equal(m.areaUntil(12_000), 20_000);
  });

  it('LevelMeter and Station refuse, up front, a time that needs more than MAX_TRACKED_BUCKETS buckets', () => {
    const m = new LevelMeter(1);
    m.add(0, 1);
    refused(() => m.advance(1e12), /LevelMeter/, /bucketMs 1/);
    const sim = new Simulation();
    const station = new Station(sim, { workers: 1, bucketMs: 1 });
    sim.call(1e12, () => station.submit(0, 1));
    refused(() => sim.run(), /bucketMs 1/);
  });

  it('Station and simulatePipeline with bucketMs 1000 / 3', () => {
    const sim = new Simulation();
    const station = new Station(sim, { workers: 1, bucketMs: third });
    for (let i = 0; i < 30; i++) sim.call(i * third, () => station.submit(i, third));
    quickly(200, () => sim.run());
    station.flush(11_000);
    for (let b = 0; b < 30; b++) assert.ok(Math.abs(station.busyByBucket[b] - third) < 1e-9);
    const r = quickly(2000, () =>
      simulatePipeline({ stages: [{ name: 'app', workers: 2, serviceTime: exponential(5) }], load: 100, durationMs: 10_000, bucketMs: third, rng: createRng(1) }),
    );
    assert.equal(r.signals.length, 30);
    assert.equal(r.stageSignals.length, 30);
  });
});

describe('nothing hangs: closed forms are bounded and check their arguments', () => {
  /** Erlang C by its textbook sum, for comparison at moderate sizes. */
  function erlangCBySum(c: number, a: number): number {
    let term = 1;
    let sum = 1;
    for (let k = 1; k < c; k++) {
      term *= a / k;
      sum += term;
    }
    const top = (term * a) / c / (1 - a / c);
    return top / (sum + top);
  }

  it('erlangC agrees with the textbook sum to 1e-12 (relative)', () => {
    for (const [c, a] of [[1, 0.5], [2, 1], [10, 8], [50, 45], [200, 190], [500, 480]]) {
      const want = erlangCBySum(c, a);
      assert.ok(Math.abs(erlangC(c, a) / want - 1) < 1e-12, `C(${c}, ${a}) = ${erlangC(c, a)} vs ${want}`);
    }
    assert.equal(erlangC(5, 0), 0);
  });

  it('erlangC stops once its terms vanish, and refuses 10^12 workers by name', () => {
    assert.equal(quickly(100, () => erlangC(1_000_000, 5)), 0);
    refused(() => erlangC(1e12, 5), /erlangC workers/, /1000000/);
    refused(() => erlangC(-1, 3), /erlangC workers/);
    refused(() => erlangC(3, 3), /offeredLoad/, /< workers/);
    refused(() => erlangC(3, NaN), /offeredLoad/);
    assert.throws(() => erlangC(3, '1' as never), TypeError);
  });

  it('mmc and mmcMaxArrivalRate at a million workers return in well under a second; beyond, a named RangeError', () => {
    const q = quickly(3000, () => mmc({ workers: 1_000_000, arrivalRate: 0.999e8, meanServiceMs: 10 }));
    assert.ok(q.probabilityOfWaiting > 0 && q.probabilityOfWaiting < 1);
    refused(() => mmc({ workers: 1e12, arrivalRate: 5, meanServiceMs: 10 }), /workers/);
    refused(() => mmcMaxArrivalRate({ workers: 1e12, meanServiceMs: 10, quantile: 0.99, targetMs: 100 }), /workers/);
    const rate = quickly(5000, () => mmcMaxArrivalRate({ workers: 10_000, meanServiceMs: 10, quantile: 0.99, targetMs: 100 }));
    assert.ok(rate > 0.99 * 1e6 && rate < 1e6, `${rate}`);
  });

  it('a latency quantile with a vanishing service time still ends', () => {
    const q = mmc({ workers: 1, arrivalRate: 1, meanServiceMs: 5e-324 });
    assert.ok(quickly(100, () => q.latencyQuantile(0.5)) >= 0);
  });

  it('standardNormalQuantile checks p', () => {
    assert.equal(standardNormalQuantile(0), -Infinity);
    assert.equal(standardNormalQuantile(1), Infinity);
    refused(() => standardNormalQuantile(NaN), /standardNormalQuantile\(p\)/);
    refused(() => standardNormalQuantile(1.5), /standardNormalQuantile\(p\)/);
    assert.throws(() => standardNormalQuantile('0.5' as never), TypeError);
  });
});

describe('nothing aborts: work is bounded up front', () => {
  const stages = [{ name: 'app', workers: 2, serviceTime: exponential(5) }];

  it('simulatePipeline with startRps 1e12 is refused before allocating anything', () => {
    refused(() => simulatePipeline({ stages, load: { startRps: 1e12, endRps: 1 }, durationMs: 60_000, rng: createRng(1) }), /load × durationMs/, /limit/);
    refused(() => simulatePipeline({ stages, load: 1e6, durationMs: 1e6, rng: createRng(1) }), /load × durationMs/);
  });

  it('simulatePipeline refuses too many stage visits, too many stages and too many buckets', () => {
    const many = Array.from({ length: 10 }, (_, i) => ({ name: `s${i}`, workers: 100, serviceTime: exponential(1) }));
    refused(() => simulatePipeline({ stages: many, load: 10_000, durationMs: 1_000_000, rng: createRng(1) }), /stages/, /stage visits/);
    const tooMany = Array.from({ length: simLimits.MAX_STAGES + 1 }, (_, i) => ({ name: `s${i}`, workers: 1, serviceTime: exponential(1) }));
    refused(() => simulatePipeline({ stages: tooMany, load: 1, durationMs: 1000, rng: createRng(1) }), /stages\.length/);
    refused(() => simulatePipeline({ stages, load: 1, durationMs: 1000, bucketMs: 1e-6, rng: createRng(1) }), /bucketMs/);
  });

  it('simulateQueue refuses more than MAX_STREAMED_REQUESTS requests, and MAX_REQUESTS when keeping columns', () => {
    refused(() => simulateQueue({ workers: 1, arrivalRate: 1, serviceTime: exponential(1), requests: 1e9, rng: createRng(1) }), /requests/, /limit is 1\.00e\+8/);
    refused(() => simulateQueue({ workers: 1, arrivalRate: 1e3, serviceTime: exponential(1), requests: 3e7, keep: 'columns', rng: createRng(1) }), /keep: "columns"/, /limit is 2\.00e\+7/);
  });

  it('arrival generators refuse counts and rates beyond their limits', () => {
    refused(() => poissonArrivals({ load: 1e12, durationMs: 1e6, rng: createRng(1) }), /load × durationMs/);
    refused(() => poissonArrivals({ load: 5, count: 1e12, rng: createRng(1) }), /count/);
    refused(() => onOffArrivals({ rate: 5, meanOnMs: 1, meanOffMs: 1, count: 1e12, rng: createRng(1) }), /count/);
    // 1e-6 arrivals per second in cycles of 2 ms: about 5·10^11 silent cycles per arrival.
    refused(() => onOffArrivals({ rate: 1e-6, meanOnMs: 1, meanOffMs: 1, count: 10, rng: createRng(1) }), /loop steps/);
  });

  it('StationBank refuses more worker slots than it may allocate', () => {
    refused(() => new StationBank(new Simulation(), [1e12], () => {}), /StationBank workers/);
    assert.throws(() => new StationBank(new Simulation(), [1.5], () => {}), /StationBank workers\[0\]/);
  });
});

describe('nothing loses precision: simulated time stays within MAX_SIMULATED_MS', () => {
  it('simulateQueue refuses arrivals spread beyond the horizon and a service draw beyond it', () => {
    refused(() => simulateQueue({ workers: 1, arrivalRate: 1e-300, serviceTime: exponential(10), requests: 1000, rng: createRng(1) }), /requests \/ arrivalRate/, /simulated time/);
    refused(() => simulateQueue({ workers: 1, arrivalRate: 1, serviceTime: exponential(1e308), requests: 1000, rng: createRng(1) }), /^serviceTime/, /10000000000 ms/);
  });

  it('simulatePipeline and the arrival generators refuse durations and spans beyond it', () => {
    const stages = [{ name: 'app', workers: 1, serviceTime: exponential(1) }];
    refused(() => simulatePipeline({ stages, load: 1e-300, durationMs: 1e308, rng: createRng(1) }), /durationMs/);
    refused(() => poissonArrivals({ load: 1e-300, count: 10, rng: createRng(1) }), /count \/ load/);
    refused(() => poissonArrivals({ load: 1e-300, durationMs: 1e11, rng: createRng(1) }), /durationMs/);
    refused(() => onOffArrivals({ rate: 1e-9, meanOnMs: 1e9, meanOffMs: 1e9, count: 10, rng: createRng(1) }), /count \/ rate/);
  });
});
