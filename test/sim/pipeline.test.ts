import { strict as assert } from 'node:assert';
import { simulatePipeline, OUTCOME, type StageSpec } from '../../lib/sim';
import { createRng, exponential } from '../../lib/random';

const stages: StageSpec[] = [
  { name: 'balancer', workers: 1, serviceTime: exponential(1) }, // 1000/s
  { name: 'app', workers: 4, serviceTime: exponential(20), queueLimit: 50 }, // 200/s
  { name: 'db', workers: 2, serviceTime: exponential(8) }, // 250/s
];

describe('simulatePipeline', () => {
  it('the lowest-capacity stage saturates first and caps throughput (theory of constraints)', () => {
    const r = simulatePipeline({ stages, load: 300, durationMs: 120_000, rng: createRng(1) });
    assert.equal(r.bottleneck, 'app');
    assert.equal(r.firstSaturated?.stage, 'app');
    const steady = r.signals.slice(4);
    const throughput = steady.reduce((a, s) => a + s.throughputRps, 0) / steady.length;
    const errors = steady.reduce((a, s) => a + s.errorRps, 0) / steady.length;
    // Goodput settles at the bottleneck's capacity (200/s), the excess is dropped: 5% tolerance.
    assert.ok(Math.abs(throughput - 200) < 10, `throughput ${throughput}`);
    assert.ok(Math.abs(errors - 100) < 10, `errors ${errors}`);
    assert.ok(r.stages[1].utilisation > 0.97 && r.stages[0].utilisation < 0.35);
  });

  it('under a ramp, saturation arrives near the bottleneck capacity', () => {
    const r = simulatePipeline({ stages, load: { startRps: 50, endRps: 350 }, durationMs: 120_000, rng: createRng(2) });
    assert.equal(r.firstSaturated?.stage, 'app');
    const rps = r.firstSaturated!.offeredRps;
    assert.ok(rps > 170 && rps < 230, `saturated at ${rps}/s`);
  });

  it('counts every request exactly once and marks slow ones as timed out', () => {
    const r = simulatePipeline({ stages, load: { startRps: 100, endRps: 400 }, durationMs: 30_000, timeoutMs: 300, rng: createRng(3) });
    const c = r.counts;
    assert.equal(c.ok + c.dropped + c.timedOut + c.unfinished, c.requests);
    assert.ok(c.timedOut > 0 && c.dropped > 0);
    for (let i = 0; i < c.requests; i++) {
      if (r.requests.outcome[i] === OUTCOME.ok) assert.ok(r.requests.latencyMs[i] <= 300);
    }
  });

  it('is deterministic and rejects bad stages', () => {
    const a = simulatePipeline({ stages, load: 150, durationMs: 5_000, rng: createRng(4) });
    const b = simulatePipeline({ stages, load: 150, durationMs: 5_000, rng: createRng(4) });
    assert.deepEqual(a.signals, b.signals);
    const rng = createRng(1);
    assert.throws(() => simulatePipeline({ stages: [], load: 1, durationMs: 10, rng }), (e: Error) => e instanceof TypeError && /stages/.test(e.message));
    assert.throws(
      () => simulatePipeline({ stages: [stages[0], stages[0]], load: 1, durationMs: 10, rng }),
      (e: Error) => e instanceof RangeError && /stages\[1\]\.name/.test(e.message),
    );
    assert.throws(() => simulatePipeline({ stages, load: 1, durationMs: 10, bucketMs: 20, rng }), (e: Error) => e instanceof RangeError && /bucketMs/.test(e.message));
  });
});
