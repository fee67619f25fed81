import { strict as assert } from 'node:assert';
import { onOffArrivals, onOffPeakRate } from '../../lib/sim/onOffArrivals';
import { createRng } from '../../lib/random';

describe('on/off arrivals', () => {
  it('keeps the long-run rate within 3% and is burstier than Poisson', () => {
    const times = onOffArrivals({ rate: 100, meanOnMs: 200, meanOffMs: 800, count: 200_000, rng: createRng(1) });
    const rate = (times.length / times[times.length - 1]) * 1000;
    assert.ok(Math.abs(rate / 100 - 1) < 0.03, `rate ${rate}`);
    // Counts per 100 ms window: Poisson has variance = mean; bursts make it far larger.
    const counts = new Float64Array(Math.ceil(times[times.length - 1] / 100));
    for (const t of times) counts[Math.floor(t / 100)]++;
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
    const variance = counts.reduce((a, c) => a + (c - mean) ** 2, 0) / counts.length;
    assert.ok(variance > 5 * mean, `variance ${variance} vs mean ${mean}`);
    for (let i = 1; i < times.length; i++) assert.ok(times[i] > times[i - 1]);
  });

  it('computes the peak rate and names bad options', () => {
    assert.equal(onOffPeakRate(100, 200, 800), 500);
    assert.throws(() => onOffArrivals({ rate: 100, meanOnMs: 0, meanOffMs: 1, count: 1, rng: createRng(1) }), /meanOnMs must be/);
  });
});
