import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { simulatePipeline, simulateQueue, type PipelineOptions } from '../../lib/sim';
import { JobWindow } from '../../lib/sim/jobWindow';
import { checkKeep, COLUMNS_KEPT_UP_TO, SUMMARY_RELATIVE_ERROR } from '../../lib/sim/keptColumns';
import { createRng, exponential, lognormal } from '../../lib/random';

describe('JobWindow', () => {
  it('a ring holds each open request’s values whatever the order requests close in (against a Map)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.nat(5000)), { maxLength: 3000 }), (steps) => {
        const window = JobWindow.inFlight({ a: Float64Array, b: Int32Array });
        const reference = new Map<number, [number, number]>();
        for (const [opens, pick] of steps) {
          if (opens || reference.size === 0) {
            const job = window.openNext();
            window.col.a[job & window.mask] = job * 3.5;
            window.col.b[job & window.mask] = -job;
            reference.set(job, [job * 3.5, -job]);
          } else {
            const jobs = [...reference.keys()];
            const job = jobs[pick % jobs.length];
            window.close(job);
            reference.delete(job);
          }
          for (const [job, [a, b]] of reference) {
            if (window.col.a[job & window.mask] !== a || window.col.b[job & window.mask] !== b) return false;
          }
          const oldest = reference.size === 0 ? window.opened : Math.min(...reference.keys());
          if (window.span !== window.opened - oldest) return false;
        }
        return true;
      }),
      { seed: 21, numRuns: 60 },
    );
  });

  it('with every row kept, a request’s index is its number and closing overwrites nothing', () => {
    const window = JobWindow.everyRow({ a: Float64Array }, 5000);
    for (let i = 0; i < 5000; i++) {
      window.col.a[window.openNext() & window.mask] = i;
      window.close(i);
    }
    assert.deepEqual(Array.from(window.col.a.subarray(4995)), [4995, 4996, 4997, 4998, 4999]);
  });
});

describe('keep: columns or summaries', () => {
  it('keeps columns up to COLUMNS_KEPT_UP_TO requests and summaries above, unless told', () => {
    assert.equal(checkKeep(undefined, COLUMNS_KEPT_UP_TO, 2e7), 'columns');
    assert.equal(checkKeep(undefined, COLUMNS_KEPT_UP_TO + 1, 2e7), 'summaries');
    assert.equal(checkKeep('summaries', 10, 2e7), 'summaries');
    assert.throws(() => checkKeep('column', 10, 2e7), (e: Error) => e instanceof RangeError && /keep/.test(e.message) && /"columns"/.test(e.message));
    assert.throws(() => checkKeep('columns', 3e7, 2e7), (e: Error) => e instanceof RangeError && /keep: "summaries"/.test(e.message));
  });

  // The test the streaming path is held to: 10^6 requests, the sketch against the exact
  // selection over the kept columns, same seed. The sketch's bound is 0.5 %; the
  // tolerance stated for the model is 1 %.
  const cases = [
    { name: 'M/M/1 at ρ = 0.9', workers: 1, arrivalRate: 90, serviceTime: exponential(10), queueLimit: Infinity },
    { name: 'M/G/4 lognormal at ρ = 0.8 with a bounded queue', workers: 4, arrivalRate: 320, serviceTime: lognormal({ median: 8, p99: 60 }), queueLimit: 20 },
  ];
  for (const c of cases) {
    it(`simulateQueue, ${c.name}: summaries within 1 % of the exact run at 10^6 requests`, function () {
      this.timeout(30_000);
      const base = { workers: c.workers, arrivalRate: c.arrivalRate, serviceTime: c.serviceTime, queueLimit: c.queueLimit, requests: 1_000_000 };
      const exact = simulateQueue({ ...base, keep: 'columns', rng: createRng(2026) });
      const streamed = simulateQueue({ ...base, keep: 'summaries', rng: createRng(2026) });
      assert.equal(exact.kept, 'columns');
      assert.equal(streamed.kept, 'summaries');
      assert.equal(streamed.served, exact.served);
      assert.equal(streamed.dropped, exact.dropped);
      assert.equal(streamed.summary.count, exact.summary.count);
      assert.ok(Math.abs(streamed.summary.mean / exact.summary.mean - 1) < 1e-9);
      assert.equal(streamed.summary.max, exact.summary.max);
      for (const q of ['p50', 'p90', 'p99', 'p999'] as const) {
        const err = Math.abs(streamed.summary[q] / exact.summary[q] - 1);
        assert.ok(err <= 0.01, `${q}: ${streamed.summary[q]} vs exact ${exact.summary[q]} (${(err * 100).toFixed(3)} %)`);
        assert.ok(err <= SUMMARY_RELATIVE_ERROR + 1e-9, `${q} beyond the sketch's own bound`);
      }
      assert.equal(streamed.utilisation, exact.utilisation);
    });
  }

  it('says why a column was not kept instead of handing back an empty array', () => {
    const r = simulateQueue({ workers: 1, arrivalRate: 50, serviceTime: exponential(10), requests: 1000, keep: 'summaries', rng: createRng(1) });
    assert.throws(() => r.latencyMs, (e: Error) => e instanceof RangeError && /simulateQueue kept summaries/.test(e.message) && /keep: 'columns'/.test(e.message));
    assert.ok(!Object.keys(r).includes('latencyMs'));
    assert.equal(r.summary.count, r.served);
  });

  it('simulatePipeline with a ramp, a bounded queue and timeouts: the same counts, stages and per-bucket rates; percentiles within 0.5 %', () => {
    const opts: Omit<PipelineOptions, 'rng' | 'keep'> = {
      stages: [{ name: 'lb', workers: 2, serviceTime: exponential(2) }, { name: 'app', workers: 8, serviceTime: exponential(20), queueLimit: 30 }, { name: 'db', workers: 2, serviceTime: exponential(5) }],
      load: { startRps: 50, endRps: 500 }, durationMs: 200_000, timeoutMs: 80,
    };
    const exact = simulatePipeline({ ...opts, keep: 'columns', rng: createRng(11) });
    const streamed = simulatePipeline({ ...opts, keep: 'summaries', rng: createRng(11) });
    assert.equal(streamed.kept, 'summaries');
    assert.deepEqual(streamed.counts, exact.counts);
    assert.ok(exact.counts.dropped > 0 && exact.counts.timedOut > 0 && exact.counts.unfinished > 0, 'the case exercises every outcome');
    assert.deepEqual(streamed.stages, exact.stages);
    assert.deepEqual(streamed.stageSignals, exact.stageSignals);
    assert.deepEqual(streamed.firstSaturated, exact.firstSaturated);
    assert.throws(() => streamed.requests, (e: Error) => e instanceof RangeError && /simulatePipeline kept summaries/.test(e.message));
    streamed.signals.forEach((b, i) => {
      const e = exact.signals[i];
      assert.deepEqual([b.tMs, b.offeredRps, b.throughputRps, b.errorRps, b.saturation], [e.tMs, e.offeredRps, e.throughputRps, e.errorRps, e.saturation]);
      for (const q of ['p50Ms', 'p99Ms'] as const) {
        if (Number.isNaN(e[q])) assert.ok(Number.isNaN(b[q]));
        else assert.ok(Math.abs(b[q] / e[q] - 1) <= SUMMARY_RELATIVE_ERROR + 1e-9, `bucket ${i} ${q}: ${b[q]} vs ${e[q]}`);
      }
    });
  });
});
