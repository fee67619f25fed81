import { strict as assert } from 'node:assert';
import { LatencyRecorder, MAX_EXACT_LATENCIES, SKETCH_RELATIVE_ERROR } from '../../lib/stats/latencyRecorder';
import { summarize } from '../../lib/stats/summarize';

describe('LatencyRecorder', () => {
  it('summarises exactly (type-7 quantiles) and rounds timestamp noise to the nanosecond', () => {
    const rec = new LatencyRecorder();
    const values = [249.99999999994, 250, 50.00000000006, 75.5, 1000, 50];
    values.forEach((v) => rec.add(v));
    assert.deepEqual(rec.summary(), summarize([250, 250, 50, 75.5, 1000, 50]));
    assert.equal(rec.exact, true);
    assert.equal(new LatencyRecorder().summary().count, 0);
    assert.ok(Number.isNaN(new LatencyRecorder().summary().p50));
  });

  it('keeps values that are already whole nanoseconds exactly as they are (0.1, 123.456)', () => {
    const rec = new LatencyRecorder();
    for (let i = 0; i < 100_000; i++) rec.add(i / 1000);
    const s = rec.summary();
    assert.equal(s.min, 0);
    assert.equal(s.max, 99.999);
    assert.deepEqual(s, summarize(Array.from({ length: 100_000 }, (_, i) => i / 1000)));
  });

  it('refuses a latency that is negative, NaN or infinite, naming it', () => {
    for (const bad of [-5, NaN, Infinity]) assert.throws(() => new LatencyRecorder().add(bad), /latencyMs must be a finite number >= 0; got/);
  });

  it('moves to a sketch beyond MAX_EXACT_LATENCIES values, within its relative error', () => {
    const rec = new LatencyRecorder();
    const n = MAX_EXACT_LATENCIES + 1000;
    for (let i = 0; i < n; i++) rec.add(1 + (i % 1000));
    assert.equal(rec.exact, false);
    const s = rec.summary();
    assert.equal(s.count, n);
    assert.deepEqual([s.min, s.max], [1, 1000]);
    assert.ok(Math.abs(s.p50 / 500.5 - 1) <= SKETCH_RELATIVE_ERROR + 1e-3, String(s.p50));   // + the rank's spacing (1 in 500)
    assert.ok(Math.abs(s.p99 / 990.01 - 1) <= SKETCH_RELATIVE_ERROR + 1e-12, String(s.p99));
  });
});
