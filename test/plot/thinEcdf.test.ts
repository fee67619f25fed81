import assert from 'node:assert/strict';
import { DEFAULT_MAX_POINTS, thinEcdf } from '../../lib/plot';

/** A deterministic heavy-tailed sample without lib/random: Pareto-like quantiles of a shuffled grid. */
function heavySample(n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const u = ((i * 7919) % n + 0.5) / n;
    out[i] = 1 / Math.sqrt(1 - u);
  }
  return out;
}

describe('plot/thinEcdf', () => {
  it('pins the ECDF of [3, 1, 2]', () => {
    const p = thinEcdf([3, 1, 2]);
    assert.deepEqual(p.x, [1, 2, 3]);
    assert.deepEqual(p.atMost, [1 / 3, 2 / 3, 1]);
    assert.deepEqual(p.atLeast, [1, 2 / 3, 1 / 3]);
  });

  it('collapses ties into one step', () => {
    const p = thinEcdf([5, 1, 5, 5]);
    assert.deepEqual(p.x, [1, 5]);
    assert.deepEqual(p.atMost, [0.25, 1]);
    assert.deepEqual(p.atLeast, [1, 0.75]);
  });

  it('thins 10^6 values to at most maxPoints, keeping min, max and the tail', () => {
    const values = heavySample(1_000_000);
    const sorted = Float64Array.from(values).sort();
    const p = thinEcdf(values);
    assert.ok(p.x.length <= DEFAULT_MAX_POINTS, `${p.x.length} points`);
    assert.ok(p.x.length >= DEFAULT_MAX_POINTS / 2, `${p.x.length} points: budget mostly used`);
    assert.equal(p.x[0], sorted[0]);
    assert.equal(p.x[p.x.length - 1], sorted[sorted.length - 1]);
    assert.equal(p.atMost[p.atMost.length - 1], 1);
    // The tail is resolved: points beyond p99.9 and beyond p99.99.
    assert.ok(p.atMost.filter((q) => q > 0.999 && q < 1).length >= 100);
    assert.ok(p.atMost.some((q) => q > 0.9999 && q < 1));
    // Ascending and exact: every kept point's probability matches the full sample.
    for (let i = 1; i < p.x.length; i++) assert.ok(p.x[i] > p.x[i - 1] && p.atMost[i] > p.atMost[i - 1]);
    const k = 700;
    const idx = sorted.lastIndexOf(p.x[k]);
    assert.equal(p.atMost[k], (idx + 1) / sorted.length);
  });

  it('respects a small limit', () => {
    const p = thinEcdf(heavySample(10_000), 16);
    assert.ok(p.x.length <= 16);
    assert.equal(p.atMost[p.atMost.length - 1], 1);
  });

  it('leaves small samples whole', () => {
    const p = thinEcdf(heavySample(500), 2000);
    assert.equal(p.x.length, 500);
  });
});
