import assert from 'node:assert/strict';
import { createRng, exponential } from '../../lib/random';
import { binEdges, histogram } from '../../lib/stats';

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

  it('bins into explicit edges: last bin closed, outside values in underflow/overflow', () => {
    const edges = [1, 2, 4, 8];
    const h = histogram([0.5, 1, 1.5, 2, 3.99, 4, 8, 9], { edges });
    assert.equal(h.scale, 'explicit');
    assert.deepEqual(Array.from(h.edges), edges);
    assert.deepEqual(Array.from(h.counts), [2, 2, 2]);
    assert.equal(h.underflow, 1);
    assert.equal(h.overflow, 1);
    assert.deepEqual(Array.from(h.density), [2 / 8 / 1, 2 / 8 / 2, 2 / 8 / 4]);
    edges[0] = -100;
    assert.equal(h.edges[0], 1, 'the edges are copied');
  });

  it('counts exactly as the generated edges say, also near log edges', () => {
    const values = [1, 10, 100, 1000, 9.999999999999998, 99.99999999999996];
    const h = histogram(values, { bins: 3, scale: 'log' });
    const direct = histogram(values, { edges: h.edges });
    assert.deepEqual(Array.from(direct.counts), Array.from(h.counts));
    // The stored edges decide: 9.999999999999998 and 99.99999999999996 are bin starts here.
    assert.deepEqual(Array.from(h.edges), [1, 9.999999999999998, 99.99999999999996, 1000]);
    assert.deepEqual(Array.from(h.counts), [1, 2, 3]);
  });
});

describe('stats/binEdges', () => {
  it('spans all samples, so overlaid histograms share their bins', () => {
    const edges = binEdges([[2, 3], [0, 1], Float64Array.from([4])], { bins: 4 });
    assert.deepEqual(Array.from(edges), [0, 1, 2, 3, 4]);
    const a = histogram([2, 3], { edges });
    const b = histogram([0, 1], { edges });
    assert.deepEqual(Array.from(a.counts), [0, 0, 1, 1]);
    assert.deepEqual(Array.from(b.counts), [1, 1, 0, 0]);
  });

  it('matches histogram for one sample, linear and log', () => {
    const v = [0.5, 3, 40, 700];
    assert.deepEqual(binEdges([v], { bins: 7 }), histogram(v, { bins: 7 }).edges);
    assert.deepEqual(binEdges([v], { bins: 7, scale: 'log' }), histogram(v, { bins: 7, scale: 'log' }).edges);
  });

  it('log edges are geometric from min to max exactly', () => {
    const e = binEdges([[1, 1000]], { bins: 3, scale: 'log' });
    assert.equal(e[0], 1);
    assert.equal(e[3], 1000);
    assert.ok(Math.abs(e[1] - 10) < 1e-12 && Math.abs(e[2] - 100) < 1e-12);
  });

  it('centres the range on a constant sample', () => {
    assert.deepEqual(Array.from(binEdges([[5, 5]], { bins: 2 })), [4.5, 5, 5.5]);
    assert.deepEqual(Array.from(binEdges([[5]], { bins: 1, scale: 'log' })), [2.5, 10]);
  });

  it('uses min and max when given, without reading the data range', () => {
    assert.deepEqual(Array.from(binEdges([[100]], { bins: 2, min: 0, max: 1 })), [0, 0.5, 1]);
  });
});
