import assert from 'node:assert/strict';
import {
  heatmapFigure, lineFigure, loadLatencyFigure, percentileFigure, resetColors, signalsFigure, stackedBarFigure,
  timelineFigure, type BarTrace, type HeatmapTrace, type ScatterTrace,
} from '../../lib/plot';
import { assertJson, assertTitle } from './helpers';

const rows = [
  { name: 'M/M/1', p50: 7, p90: 23, p99: 46, p999: 69, count: 1000, mean: 10 },
  { name: 'M/M/4', p50: 2, p90: 5, p99: 9.5, p999: 14 },
];

describe('plot/percentileFigure', () => {
  beforeEach(() => resetColors());

  it('groups bars per configuration over p50 … p99.9', () => {
    const fig = percentileFigure(rows);
    assertJson(fig);
    assert.equal(fig.data.length, 2);
    assert.equal(fig.layout.barmode, 'group');
    const t = fig.data[0] as BarTrace;
    assert.deepEqual(t.x, ['p50', 'p90', 'p99', 'p99.9']);
    assert.deepEqual(t.y, [7, 23, 46, 69]);
    assertTitle(fig.layout.yaxis, 'latency (ms)');
    assertTitle(fig.layout.xaxis, 'percentile');
  });

  it('draws a dot ladder on a log y axis when asked', () => {
    const fig = percentileFigure([...rows, { name: 'cold', p50: 40, p90: 300, p99: 900, p999: 1500 }], { style: 'ladder', logY: true });
    assert.equal(fig.data[1].type, 'scatter');
    assert.equal((fig.data[1] as ScatterTrace).mode, 'lines+markers');
    assert.equal(fig.layout.yaxis?.type, 'log');
  });
});

describe('plot/loadLatencyFigure', () => {
  beforeEach(() => resetColors());

  it('draws p50 solid and p99 dashed in one colour per configuration, sorted by x, with markers', () => {
    const fig = loadLatencyFigure(
      [
        { name: 'one queue', points: [{ x: 0.9, p50: 20, p99: 200 }, { x: 0.5, p50: 3, p99: 14 }] },
        { name: 'four queues', points: [{ x: 0.5, p50: 2, p99: 8 }] },
      ],
      { markers: [{ x: 1, label: 'capacity' }] },
    );
    assertJson(fig);
    assert.equal(fig.data.length, 4);
    const [p50, p99] = fig.data as ScatterTrace[];
    assert.equal(p50.line?.dash, 'solid');
    assert.equal(p99.line?.dash, 'dash');
    assert.equal(p50.line?.color, p99.line?.color);
    assert.notEqual((fig.data[2] as ScatterTrace).line?.color, p50.line?.color);
    assert.deepEqual(p50.x, [0.5, 0.9]);
    assert.deepEqual(p99.y, [14, 200]);
    assertTitle(fig.layout.xaxis, 'utilisation ρ');
    assertTitle(fig.layout.yaxis, 'latency (ms)');
    assert.equal(fig.layout.shapes?.length, 1);
    assert.equal(fig.layout.shapes?.[0].x0, 1);
    assert.equal(fig.layout.annotations?.[0].text, 'capacity');
  });
});

describe('plot/stackedBarFigure', () => {
  beforeEach(() => resetColors());

  it('stacks parts in one order with missing parts as 0', () => {
    const fig = stackedBarFigure([
      { name: 'TLS 1.2', parts: { DNS: 30, TCP: 50, TLS: 100, transfer: 60 } },
      { name: 'TLS 1.3', parts: { TCP: 50, DNS: 30, TLS: 50 } },
    ]);
    assertJson(fig);
    assert.equal(fig.layout.barmode, 'stack');
    assert.deepEqual(fig.data.map((d) => d.name), ['DNS', 'TCP', 'TLS', 'transfer']);
    assert.deepEqual((fig.data[3] as BarTrace).y, [60, 0]);
    assert.deepEqual((fig.data[2] as BarTrace).x, ['TLS 1.2', 'TLS 1.3']);
    assertTitle(fig.layout.yaxis, 'time (ms)');
  });

  it('follows the parts option and gives a part the same colour in every figure', () => {
    const a = stackedBarFigure([{ name: 'x', parts: { TLS: 1, DNS: 2 } }], { parts: ['DNS', 'TLS', 'server'] });
    assert.deepEqual(a.data.map((d) => d.name), ['DNS', 'TLS', 'server']);
    const b = stackedBarFigure([{ name: 'y', parts: { TLS: 3 } }]);
    assert.equal((b.data[0] as BarTrace).marker?.color, (a.data[1] as BarTrace).marker?.color);
  });
});

describe('plot/timelineFigure', () => {
  beforeEach(() => resetColors());

  it('draws horizontal bars from start to end on lanes in the given order', () => {
    const fig = timelineFigure([
      { lane: 'index.html', startMs: 0, endMs: 120, group: 'conn 1' },
      { lane: 'a.png', startMs: 120, endMs: 300, group: 'conn 2', label: '40 kB' },
      { lane: 'b.png', startMs: 130, endMs: 250, group: 'conn 1' },
    ]);
    assertJson(fig);
    assert.equal(fig.data.length, 2);
    const t = fig.data[0] as BarTrace;
    assert.equal(t.orientation, 'h');
    assert.deepEqual(t.y, ['index.html', 'b.png']);
    assert.deepEqual(t.base, [0, 130]);
    assert.deepEqual(t.x, [120, 120]);
    assert.deepEqual(fig.layout.yaxis?.categoryarray, ['index.html', 'a.png', 'b.png']);
    assert.equal(fig.layout.yaxis?.autorange, 'reversed');
    assertTitle(fig.layout.xaxis, 'time (ms)');
  });
});

describe('plot/heatmapFigure', () => {
  it('builds one heatmap trace with a titled colour bar and category axes', () => {
    const fig = heatmapFigure(
      { x: ['Dallas', 'Tokyo'], y: ['London', 'Sydney', 'Madrid'], z: [[70, 210], [190, 110], [Float64Array.of(95)[0], 230]], zTitle: 'RTT (ms)' },
      { xTitle: 'to region', yTitle: 'from region' },
    );
    assertJson(fig);
    const t = fig.data[0] as HeatmapTrace;
    assert.equal(fig.data.length, 1);
    assert.deepEqual(t.z[2], [95, 230]);
    assert.equal(t.colorbar?.title?.text, 'RTT (ms)');
    assert.equal(fig.layout.xaxis?.type, 'category');
    assertTitle(fig.layout.yaxis, 'from region');
  });
});

describe('plot/lineFigure', () => {
  beforeEach(() => resetColors());

  it('draws NaN in y as a gap (null), and still rejects Infinity and NaN in x', () => {
    const fig = lineFigure([{ name: 'p99', x: [0, 1, 2], y: [5, NaN, 7] }], { yTitle: 'p99 (ms)' });
    assertJson(fig);
    assert.deepEqual((fig.data[0] as ScatterTrace).y, [5, null, 7]);
    assert.throws(() => lineFigure([{ name: 'p99', x: [0, 1], y: [5, Infinity] }], { yTitle: 'p99 (ms)' }), /or NaN for a gap\); element 1 is Infinity/);
    assert.throws(() => lineFigure([{ name: 'p99', x: [0, NaN], y: [5, 6] }], { yTitle: 'p99 (ms)' }), /x must contain only finite numbers; element 1 is NaN/);
  });

  it('converts typed arrays, rounds to 6 significant digits and honours logY and dash', () => {
    const fig = lineFigure(
      [
        { name: 'rps', x: Float64Array.of(0, 1000, 2000), y: Float64Array.of(100, 1 / 3, 250.123456789) },
        { name: 'limit', x: [0, 2000], y: [300, 300], dash: 'dot' },
      ],
      { yTitle: 'throughput (requests/s)', logY: true },
    );
    assertJson(fig);
    const [a, b] = fig.data as ScatterTrace[];
    assert.ok(Array.isArray(a.x) && Array.isArray(a.y));
    assert.deepEqual(a.y, [100, 0.333333, 250.123]);
    assert.equal(b.line?.dash, 'dot');
    assert.equal(fig.layout.yaxis?.type, 'log');
    assertTitle(fig.layout.xaxis, 'time (ms)');
    assertTitle(fig.layout.yaxis, 'requests/s');
    assert.ok((a.hovertemplate as string).includes('requests/s'));
  });
});

describe('plot/signalsFigure', () => {
  beforeEach(() => resetColors());

  it('stacks one y axis per panel over a shared x axis, one legend entry per name', () => {
    const x = [0, 1000, 2000];
    const fig = signalsFigure([
      { title: 'latency', yTitle: 'p99 (ms)', series: [{ name: 'L7', x, y: [10, 12, 80] }, { name: 'L4', x, y: [1, 1, 2] }] },
      { title: 'traffic', yTitle: 'throughput (requests/s)', series: [{ name: 'L7', x, y: [100, 200, 300] }] },
      { title: 'errors', yTitle: 'errors (%)', series: [{ name: 'L7', x, y: [0, 0, 5] }] },
      { title: 'saturation', yTitle: 'utilisation ρ', series: [{ name: 'L4', x, y: [0.2, 0.5, 0.99] }] },
    ]);
    assertJson(fig);
    assert.equal(fig.data.length, 5);
    assert.deepEqual(fig.data.map((d) => d.yaxis), ['y', 'y', 'y2', 'y3', 'y4']);
    assert.deepEqual(fig.data.map((d) => d.showlegend), [true, true, false, false, false]);
    assert.equal((fig.data[0] as ScatterTrace).line?.color, (fig.data[2] as ScatterTrace).line?.color);
    assertTitle(fig.layout.yaxis, 'p99 (ms)');
    assertTitle(fig.layout.yaxis4, 'utilisation ρ');
    assertTitle(fig.layout.xaxis, 'time (ms)');
    assert.equal(fig.layout.xaxis?.anchor, 'y4');
    const top = fig.layout.yaxis?.domain as [number, number];
    const bottom = fig.layout.yaxis4?.domain as [number, number];
    assert.equal(top[1], 1);
    assert.equal(bottom[0], 0);
    assert.ok(bottom[1] < top[0]);
    assert.equal(fig.layout.annotations?.length, 4);
    assert.equal(fig.layout.shapes, undefined);
  });

  it('draws markers across every panel, labelled at the top', () => {
    const x = [0, 1000, 2000];
    const fig = signalsFigure(
      [
        { title: 'latency', yTitle: 'p99 (ms)', series: [{ name: 'L7', x, y: [10, 12, 80] }] },
        { title: 'errors', yTitle: 'errors (per s)', series: [{ name: 'L7', x, y: [0, 0, 5] }] },
      ],
      { markers: [{ x: 1500, label: 'route withdrawn' }, { x: 1800 }] },
    );
    assertJson(fig);
    assert.deepEqual(fig.layout.shapes?.map((s) => [s.x0, s.yref, s.y0, s.y1]), [[1500, 'paper', 0, 1], [1800, 'paper', 0, 1]]);
    assert.deepEqual(fig.layout.annotations?.map((a) => a.text), ['<b>latency</b>', '<b>errors</b>', 'route withdrawn']);
    assert.throws(() => signalsFigure([{ title: 'a', yTitle: 'b (ms)', series: [{ name: 'L7', x, y: x }] }], { markers: [{ x: NaN }] }), /markers\[0\]\.x/);
  });
});
