import assert from 'node:assert/strict';
import {
  baseAxis, baseLayout, ccdfFigure, ecdfFigure, figureProblems, lineFigure, percentileFigure, resetColors, signalsFigure,
  smallMultiplesFigure, type Figure, type ScatterTrace,
} from '../../lib/plot';
import { assertJson, assertThrowsNaming } from './helpers';

const line = (name: string, y: number[], extra: Partial<ScatterTrace> = {}): ScatterTrace => ({
  type: 'scatter', mode: 'lines', name, x: y.map((_, i) => i), y, ...extra,
});

function figure(data: Figure['data'], layout: Partial<Figure['layout']> = {}): Figure {
  return { data, layout: { ...baseLayout(), xaxis: baseAxis('time (ms)'), yaxis: baseAxis('latency (ms)'), ...layout } };
}

const rules = (f: Figure): string[] => figureProblems(f).map((p) => p.rule);

describe('plot: figure rules (figureProblems)', () => {
  it('passes a plain, readable figure', () => {
    assert.deepEqual(figureProblems(figure([line('a', [1, 2]), line('b', [2, 3])])), []);
  });

  it('counts traces per panel, leaving grey context lines out', () => {
    const seven = Array.from({ length: 7 }, (_, i) => line(`s${i}`, [i, i + 1]));
    assert.deepEqual(rules(figure(seven)), ['traces-per-panel']);
    seven[0].meta = 'context';
    assert.deepEqual(rules(figure(seven)), []);
    // The same seven spread over two panels are fine.
    const split = Array.from({ length: 7 }, (_, i) => line(`s${i}`, [i, i + 1], { yaxis: i < 4 ? 'y' : 'y2' }));
    assert.deepEqual(rules(figure(split, { yaxis2: baseAxis('latency (ms)') })), []);
  });

  it('finds lines hidden under identical lines, unless a note says they coincide', () => {
    const twins = [line('round robin', [1, 2, 3]), line('weighted round robin', [1, 2, 3])];
    const problems = figureProblems(figure(twins));
    assert.deepEqual(problems.map((p) => p.rule), ['identical-series']);
    assert.match(problems[0].message, /"round robin = weighted round robin"/);
    const noted = figure(twins, { annotations: [{ text: 'the two coincide', x: 0, y: -0.2, xref: 'paper', yref: 'paper', showarrow: false }] });
    assert.deepEqual(rules(noted), []);
  });

  it('refuses bars on a log value axis, and log axes over two decades or less', () => {
    const bars: Figure = figure([{ type: 'bar', name: 'p99', x: ['a', 'b'], y: [10, 5000] }], { yaxis: baseAxis('latency (ms)', { log: true }), xaxis: baseAxis('config', { kind: 'category' }) });
    assert.deepEqual(rules(bars), ['bars-on-log-axis']);
    const narrow = figure([line('a', [10, 400])], { yaxis: baseAxis('latency (ms)', { log: true }) });
    assert.deepEqual(rules(narrow), ['log-axis-span']);
    const wide = figure([line('a', [1, 400])], { yaxis: baseAxis('latency (ms)', { log: true }) });
    assert.deepEqual(rules(wide), []);
  });

  it('wants every axis titled, a value axis with its unit', () => {
    assert.deepEqual(rules(figure([line('a', [1, 2])], { yaxis: baseAxis('') })), ['axis-title']);
    assert.deepEqual(rules(figure([line('a', [1, 2])], { yaxis: baseAxis('latency') })), ['axis-title']);
    for (const title of ['latency (ms)', 'requests/s', 'open connections', 'share of requests', 'utilisation ρ']) {
      assert.deepEqual(rules(figure([line('a', [1, 2])], { yaxis: baseAxis(title) })), [], title);
    }
  });

  it('wants the legend outside the panels and annotations apart', () => {
    assert.deepEqual(rules(figure([line('a', [1, 2])], { legend: { x: 0.5, y: 0.5 } })), ['legend-overlap']);
    const label = (text: string, x: number) => ({ text, x, y: 1, xref: 'x', yref: 'paper', showarrow: false, xanchor: 'left' as const, yanchor: 'top' as const });
    const data = [line('a', Array.from({ length: 101 }, (_, i) => i))];
    assert.deepEqual(rules(figure(data, { annotations: [label('route withdrawn', 30), label('route back', 33)] })), ['annotation-overlap']);
    assert.deepEqual(rules(figure(data, { annotations: [label('route withdrawn', 30), label('route back', 70)] })), []);
  });
});

describe('plot: builders keep the figure rules', () => {
  beforeEach(() => resetColors());
  const lines = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `s${i}`, x: [0, 1, 2], y: [i, i + 1, i + 3] }));

  it('refuse a panel of more than 6 lines, naming the way out', () => {
    assertThrowsNaming(() => lineFigure(lines(7), { yTitle: 'y (ms)' }), RangeError, 'lineFigure', 'draws 7 traces', 'small multiples', 'highlight');
    assert.equal(lineFigure(lines(6), { yTitle: 'y (ms)' }).data.length, 6);
  });

  it('draw a highlighted few in colour and the rest as grey context under one legend entry', () => {
    const fig = lineFigure(lines(9), { yTitle: 'y (ms)', highlight: ['s2', 's7'] });
    assertJson(fig);
    const context = fig.data.filter((t) => t.meta === 'context');
    assert.equal(context.length, 7);
    assert.deepEqual(context.map((t) => t.showlegend), [true, false, false, false, false, false, false]);
    assert.ok(context.every((t) => t.name === 'others'));
    assert.deepEqual(fig.data.filter((t) => t.meta !== 'context').map((t) => t.name), ['s2', 's7']);
    assertThrowsNaming(() => lineFigure(lines(3), { yTitle: 'y (ms)', highlight: ['s9'] }), RangeError, 'lineFigure highlight[0]', '"s9"');
    assertThrowsNaming(() => lineFigure(lines(9), { yTitle: 'y (ms)', highlight: ['s0', 's1', 's2', 's3', 's4', 's5', 's6'] }), RangeError, 'lineFigure highlight', 'at most 6');
  });

  it('draw steps where asked', () => {
    const fig = lineFigure(lines(1), { yTitle: 'congestion window (segments)', xTitle: 'round trips', steps: true });
    assert.equal((fig.data[0] as ScatterTrace).line?.shape, 'hv');
    assert.equal((lineFigure(lines(1), { yTitle: 'y (ms)' }).data[0] as ScatterTrace).line?.shape, undefined);
  });

  it('merge series whose lines coincide everywhere into one labelled "A = B"', () => {
    const fig = lineFigure([{ name: 'round robin', x: [0, 1], y: [3, 4] }, { name: 'weighted round robin', x: [0, 1], y: [3, 4] }, { name: 'random', x: [0, 1], y: [5, 9] }], { yTitle: 'p99 (ms)' });
    assert.deepEqual(fig.data.map((t) => t.name), ['round robin = weighted round robin', 'random']);
  });

  it('note a coincidence that holds in some panels only', () => {
    const fig = signalsFigure([
      { title: 'requests', yTitle: 'requests/s', series: [{ name: 'long polling', x: [0, 1], y: [1, 2] }, { name: 'SSE', x: [0, 1], y: [1, 2] }] },
      { title: 'connections', yTitle: 'open connections', series: [{ name: 'long polling', x: [0, 1], y: [5, 5] }, { name: 'SSE', x: [0, 1], y: [1, 1] }] },
    ]);
    assert.equal(fig.data.length, 4);
    assert.ok(fig.layout.annotations?.some((a) => a.text === 'SSE coincides with long polling'));
  });

  it('refuse a log axis the data do not need, and choose log for distribution curves only past two decades', () => {
    assertThrowsNaming(() => lineFigure([{ name: 'a', x: [0, 1], y: [10, 400] }], { yTitle: 'y (ms)', logY: true, xTitle: 'x (s)' }), RangeError, 'logY: axis y is logarithmic', 'two decades');
    assertThrowsNaming(() => percentileFigure([{ name: 'a', p50: 10, p90: 20, p99: 40, p999: 80 }], { logY: true }), RangeError, 'bar');
    assert.equal(ecdfFigure([{ name: 'a', values: [10, 20, 400] }]).layout.xaxis?.type, 'linear');
    assert.equal(ecdfFigure([{ name: 'a', values: [1, 20, 400] }]).layout.xaxis?.type, 'log');
    const tail = Array.from({ length: 5000 }, (_, i) => 1 + i);
    assert.deepEqual([ccdfFigure([{ name: 'a', values: tail }]).layout.xaxis?.type, ccdfFigure([{ name: 'a', values: tail }]).layout.yaxis?.type], ['log', 'log']);
  });
});

describe('plot/smallMultiplesFigure', () => {
  beforeEach(() => resetColors());
  const panel = (title: string, k: number) => ({
    title,
    series: ['p50', 'p95', 'p99'].map((name, j) => ({ name, x: [0, 1, 2], y: [k + j, k + j + 1, k + 2 * j + 2] })),
  });

  it('lays panels in a grid that shares its axes, one legend entry per name, a heading per panel', () => {
    const fig = smallMultiplesFigure([panel('HTTP/1.1', 1), panel('HTTP/2', 2), panel('HTTP/3', 3), panel('QUIC 0-RTT', 4)], { yTitle: 'page load (ms)', xTitle: 'loss (%)', columns: 2 });
    assertJson(fig);
    assert.deepEqual(figureProblems(fig), []);
    assert.equal(fig.data.length, 12);
    assert.deepEqual(fig.data.filter((t) => t.showlegend).map((t) => t.name), ['p50', 'p95', 'p99']);
    assert.equal(fig.data[3].xaxis, 'x2');
    assert.equal(fig.layout.xaxis2?.matches, 'x');
    assert.equal(fig.layout.yaxis4?.matches, 'y');
    assert.deepEqual(fig.layout.annotations?.map((a) => a.text), ['<b>HTTP/1.1</b>', '<b>HTTP/2</b>', '<b>HTTP/3</b>', '<b>QUIC 0-RTT</b>']);
    // Titles sit under the bottom row and left of the first column.
    assert.equal(fig.layout.xaxis3?.title.text, 'loss (%)');
    assert.equal(fig.layout.xaxis?.title.text, '');
    assert.equal(fig.layout.yaxis3?.title.text, 'page load (ms)');
    assert.equal(fig.layout.yaxis2?.title.text, '');
    // Panel 1 (top left) ends above panel 3 (bottom left) with room for its heading.
    assert.ok(fig.layout.yaxis3!.domain![1] < fig.layout.yaxis!.domain![0]);
  });

  it('checks its inputs and keeps each panel within 6 lines', () => {
    assertThrowsNaming(() => smallMultiplesFigure([panel('a', 1)], { yTitle: 'y (ms)', colums: 2 } as never), TypeError, 'unknown option "colums"', 'columns');
    assertThrowsNaming(() => smallMultiplesFigure([panel('a', 1)], { yTitle: 'y (ms)', columns: 5 }), RangeError, 'smallMultiplesFigure columns');
    assertThrowsNaming(() => smallMultiplesFigure([{ title: 'a', series: [] }], { yTitle: 'y (ms)' }), RangeError, 'panels[0].series');
    const crowded = { title: 'a', series: Array.from({ length: 7 }, (_, i) => ({ name: `s${i}`, x: [0, 1], y: [i, 2 * i + 1] })) };
    assertThrowsNaming(() => smallMultiplesFigure([crowded], { yTitle: 'y (ms)' }), RangeError, 'draws 7 traces');
  });
});

describe('plot: marker labels keep apart', () => {
  it('drops a label a line lower when it would run into the one before', () => {
    const series = [{ title: 'p99', yTitle: 'latency (ms)', series: [{ name: 'a', x: [0, 100], y: [1, 2] }] }];
    const near = signalsFigure(series, { markers: [{ x: 30, label: 'route withdrawn' }, { x: 33, label: 'route back' }] });
    assert.deepEqual(figureProblems(near), []);
    const labels = near.layout.annotations!.filter((a) => a.xref === 'x');
    assert.deepEqual(labels.map((a) => a.yshift ?? 0), [0, -18]);
    const far = signalsFigure(series, { markers: [{ x: 30, label: 'route withdrawn' }, { x: 80, label: 'route back' }] });
    assert.deepEqual(far.layout.annotations!.filter((a) => a.xref === 'x').map((a) => a.yshift ?? 0), [0, 0]);
  });

  it('judges the distance across the plot left beside a legend at the right, with the merged names', () => {
    const flat = { x: [0, 150, 300], y: [1, 1, 1] };
    const panels = [{ title: 'goodput', yTitle: 'goodput (requests/s)', series: [
      { name: 'no retries', x: [0, 150, 300], y: [1, 2, 3] },
      { name: 'three attempts at once', ...flat },
      { name: 'three attempts, backoff and full jitter', ...flat },
    ] }];
    const markers = [{ x: 60, label: 'queries slow down' }, { x: 120, label: 'back to normal' }];
    const fig = signalsFigure(panels, { markers });
    assert.equal(fig.data.length, 2, 'the two flat lines are drawn once');
    assert.deepEqual(fig.layout.annotations!.filter((a) => a.xref === 'x').map((a) => a.yshift ?? 0), [0, -18]);
    assert.deepEqual(figureProblems(fig), []);
    const unstaggered = structuredClone(fig);
    for (const a of unstaggered.layout.annotations!) delete a.yshift;
    assert.deepEqual(figureProblems(unstaggered).map((p) => p.rule), ['annotation-overlap']);
  });

  it('keeps a vertical legend from raising the top margin', () => {
    const names = ['a fairly long legend entry', 'another fairly long legend entry', 'a third long legend entry'];
    const panels = [{ title: 'p', yTitle: 'latency (ms)', series: names.map((name, i) => ({ name, x: [0, 1], y: [i, i + 1] })) }];
    assert.equal(signalsFigure(panels).layout.margin!.t, baseLayout().margin!.t);
  });
});
