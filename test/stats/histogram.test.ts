import assert from 'node:assert/strict';
import { createRng, exponential } from '../../lib/random';
import { histogram } from '../../lib/stats';

const sum = (a: ArrayLike<number>) => Array.from(a).reduce((s, x) => s + x, 0);

describe('stats/histogram', () => {
  const rng = createRng('histogram');
  const d = exponential(10);
  const v = Float64Array.from({ length: 10_000 }, () => d.sample(rng));

  it('linear bins: counts sum to n, density integrates to 1, edges span the data', () => {
    const h = histogram(v, { bins: 20 });
    assert.equal(h.edges.length, 21);
    assert.equal(h.counts.length, 20);
    assert.equal(sum(h.counts), v.length);
    assert.equal(h.underflow + h.overflow, 0);
    assert.equal(h.edges[0], Math.min(...v));
    assert.equal(h.edges[20], Math.max(...v));
    const integral = sum(Array.from(h.density, (f, i) => f * (h.edges[i + 1] - h.edges[i])));
    assert.ok(Math.abs(integral - 1) < 1e-12);
    assert.ok(h.counts[0] > h.counts[10], 'exponential decreases');
  });

  it('defaults to 50 linear bins', () => {
    const h = histogram(v);
    assert.equal(h.counts.length, 50);
    assert.equal(h.scale, 'linear');
  });

  it('log bins are geometric and count everything in range', () => {
    const h = histogram(v, { bins: 30, scale: 'log', min: 0.01, max: 1000 });
    const ratio = h.edges[1] / h.edges[0];
    for (let i = 1; i < 30; i++) assert.ok(Math.abs(h.edges[i + 1] / h.edges[i] - ratio) < 1e-9);
    assert.equal(sum(h.counts) + h.underflow + h.overflow, v.length);
  });

  it('counts out-of-range values in underflow/overflow instead of clamping', () => {
    const h = histogram([-1, 0, 0.5, 1, 2, 3], { bins: 2, min: 0, max: 1 });
    assert.deepEqual(Array.from(h.counts), [1, 2]); // [0, .5) and [.5, 1] (last bin closed)
    assert.equal(h.underflow, 1);
    assert.equal(h.overflow, 2);
    assert.equal(h.total, 6);
    assert.deepEqual(Array.from(h.fraction), [1 / 6, 2 / 6]);
  });

  it('puts every value of a constant sample in one bin', () => {
    const h = histogram([5, 5, 5], { bins: 3 });
    assert.equal(sum(h.counts), 3);
    assert.equal(h.counts[1], 3);
  });
});
