import { strict as assert } from 'node:assert';
import { poissonArrivals } from '../../lib/sim';
import { createRng } from '../../lib/random';

describe('poissonArrivals', () => {
  it('a constant rate gives about rate × duration arrivals (tolerance 4 sd)', () => {
    const t = poissonArrivals({ load: 100, durationMs: 1000_000, rng: createRng(1) });
    assert.ok(Math.abs(t.length - 100_000) < 4 * Math.sqrt(100_000), `${t.length}`);
    for (let i = 1; i < t.length; i++) assert.ok(t[i] >= t[i - 1]);
  });

  it('a ramp gives the integral of its rate, and more arrivals late than early', () => {
    const t = poissonArrivals({ load: { startRps: 0, endRps: 200 }, durationMs: 1000_000, rng: createRng(2) });
    assert.ok(Math.abs(t.length - 100_000) < 4 * Math.sqrt(100_000), `${t.length}`);
    const firstHalf = t.filter((x) => x < 500_000).length;
    assert.ok(Math.abs(firstHalf / t.length - 0.25) < 0.01, `${firstHalf / t.length}`);
  });

  it('rejects bad loads naming the option', () => {
    const rng = createRng(1);
    assert.throws(() => poissonArrivals({ load: -5, durationMs: 10, rng }), (e: Error) => e instanceof RangeError && /load/.test(e.message));
    assert.throws(() => poissonArrivals({ load: { startRps: 0, endRps: 0 }, durationMs: 10, rng }), (e: Error) => e instanceof RangeError && /load/.test(e.message));
  });
});
