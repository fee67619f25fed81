import assert from 'node:assert/strict';
import { ccdfFigure, ecdfFigure, histogramFigure, resetColors, type BarTrace, type ScatterTrace } from '../../lib/plot';
import { assertClose, assertJson, assertTitle } from './helpers';

const twoSeries = () => [
  { name: 'fast', values: Float64Array.from([1, 2, 2, 3, 4, 8]) },
  { name: 'slow', values: [2, 4, 8, 16, 32, 64, 128] },
];

describe('plot/histogramFigure', () => {
  beforeEach(() => resetColors());

  it('overlays one bar trace per series, JSON-safe, with titled axes', () => {
    const fig = histogramFigure(twoSeries(), { bins: 10 });
    assertJson(fig);
    assert.equal(fig.data.length, 2);
    assert.equal(fig.layout.barmode, 'overlay');
    const t = fig.data[0] as BarTrace;
    assert.equal(t.type, 'bar');
    assert.ok(Array.isArray(t.x) && t.x.length === 10);
    assert.ok((t.opacity as number) < 1);
    assertTitle(fig.layout.xaxis, 'latency (ms)');
    assertTitle(fig.layout.yaxis, 'fraction');
    assert.equal(fig.layout.xaxis?.type, 'linear');
  });

  it('pins counts and probabilities on linear bins', () => {
    const fig = histogramFigure([{ name: 'a', values: [0, 1, 2, 3, 4] }], { bins: 2, norm: 'count' });
    const t = fig.data[0] as BarTrace;
    assert.deepEqual(t.customdata, [[0, 2, 2], [2, 4, 3]]);
    assert.deepEqual(t.y, [2, 3]);
    assert.deepEqual(t.x, [1, 3]);
    assert.deepEqual(t.width, [2, 2]);
    const p = histogramFigure([{ name: 'a', values: [0, 1, 2, 3, 4] }], { bins: 2 }).data[0] as BarTrace;
    assert.deepEqual(p.y, [0.4, 0.6]);
  });

  it('computes log-spaced bins itself on a log axis', () => {
    const fig = histogramFigure([{ name: 'a', values: [1, 10, 100, 1000] }], { bins: 3, logX: true, norm: 'percent' });
    assert.equal(fig.layout.xaxis?.type, 'log');
    const t = fig.data[0] as BarTrace;
    assert.deepEqual(t.customdata, [[1, 10, 1], [10, 100, 1], [100, 1000, 2]]);
    assert.deepEqual(t.y, [25, 25, 50]);
    // Each bar spans its bin exactly: centre ± width / 2 in linear units.
    assert.deepEqual(t.x, [5.5, 55, 550]);
    assert.deepEqual(t.width, [9, 90, 900]);
    assertTitle(fig.layout.yaxis, '(%)');
  });

  it('accepts explicit edges and ignores values outside them', () => {
    const t = histogramFigure([{ name: 'a', values: [0.5, 1, 1.5, 2, 9] }], { bins: [1, 2, 3], norm: 'count' }).data[0] as BarTrace;
    assert.deepEqual(t.y, [2, 1]);
  });
});

describe('plot/ecdfFigure', () => {
  beforeEach(() => resetColors());

  it('pins the ECDF of [3, 1, 2] as an hv step line', () => {
    const fig = ecdfFigure([{ name: 'a', values: [3, 1, 2] }]);
    assertJson(fig);
    const t = fig.data[0] as ScatterTrace;
    assert.deepEqual(t.x, [1, 2, 3]);
    assertClose(t.y, [1 / 3, 2 / 3, 1]);
    assert.deepEqual(t.y, [0.333333, 0.666667, 1]);
    assert.equal(t.line?.shape, 'hv');
  });

  it('is log-x by default, linear on request, with titled axes', () => {
    const fig = ecdfFigure(twoSeries());
    assert.equal(fig.data.length, 2);
    assert.equal(fig.layout.xaxis?.type, 'log');
    assertTitle(fig.layout.xaxis, 'latency (ms)');
    assertTitle(fig.layout.yaxis, '≤ x');
    assert.equal(ecdfFigure(twoSeries(), { logX: false }).layout.xaxis?.type, 'linear');
    assertTitle(ecdfFigure(twoSeries(), { xTitle: 'RTT (s)' }).layout.xaxis, 'RTT (s)');
  });

  it('thins a 10^6-value series to ≤ maxPoints, keeping its maximum, and stays small', () => {
    const n = 1_000_000;
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) values[i] = 1 + ((i * 48271) % n);
    const fig = ecdfFigure([{ name: 'big', values }], { maxPoints: 1000 });
    const t = fig.data[0] as ScatterTrace;
    assert.ok(t.x.length <= 1000);
    assert.equal(t.x[0], 1);
    assert.equal(t.x[t.x.length - 1], n);
    assert.equal(t.y[t.y.length - 1], 1);
    assert.ok(JSON.stringify(fig).length < 40_000);
  });
});

describe('plot/ccdfFigure', () => {
  beforeEach(() => resetColors());

  it('draws P(X > x) as steps, on linear axes while the values span two decades or less', () => {
    const fig = ccdfFigure([{ name: 'a', values: [3, 1, 2] }]);
    assertJson(fig);
    assert.equal(fig.layout.xaxis?.type, 'linear');
    assert.equal(fig.layout.yaxis?.type, 'linear');
    const t = fig.data[0] as ScatterTrace;
    assert.deepEqual(t.x, [1, 2, 3]);
    assert.deepEqual(t.y, [1, 0.666667, 0.333333]);
    assert.equal(t.line?.shape, 'vh');
    assertTitle(fig.layout.yaxis, '> x');
  });

  it('keeps every y > 0 so the tail shows on a log axis', () => {
    const fig = ccdfFigure(twoSeries());
    assert.equal(fig.data.length, 2);
    for (const t of fig.data as ScatterTrace[]) for (const y of t.y) assert.ok((y as number) > 0);
  });
});
