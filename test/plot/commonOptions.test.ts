import assert from 'node:assert/strict';
import {
  ccdfFigure, ecdfFigure, heatmapFigure, histogramFigure, lineFigure, loadLatencyFigure, percentileFigure, resetColors,
  signalsFigure, stackedBarFigure, timelineFigure, type CommonFigureOptions, type Figure, type ScatterTrace,
} from '../../lib/plot';
import { assertThrowsNaming, assertTitle } from './helpers';
import { legendRows, THEME } from '../../lib/plot/theme';

const any = (v: unknown) => v as never;
const sample = [{ name: 'a', values: [1, 2, 4] }];

/** Each builder with a valid input, called with the given common options. */
const BUILDERS: Record<string, (o: CommonFigureOptions) => Figure> = {
  histogramFigure: (o) => histogramFigure(sample, o),
  ecdfFigure: (o) => ecdfFigure(sample, o),
  ccdfFigure: (o) => ccdfFigure(sample, o),
  percentileFigure: (o) => percentileFigure([{ name: 'a', p50: 1, p90: 2, p99: 3, p999: 4 }], o),
  loadLatencyFigure: (o) => loadLatencyFigure([{ name: 'a', points: [{ x: 0.5, p50: 1, p99: 2 }] }], o),
  stackedBarFigure: (o) => stackedBarFigure([{ name: 'a', parts: { DNS: 1 } }], o),
  timelineFigure: (o) => timelineFigure([{ lane: 'a', startMs: 0, endMs: 1, group: 'a' }], o),
  lineFigure: (o) => lineFigure([{ name: 'a', x: [1], y: [1] }], { yTitle: 'y (ms)', ...o }),
  signalsFigure: (o) => signalsFigure([{ title: 'p', yTitle: 'y (ms)', series: [{ name: 'a', x: [1], y: [1] }] }], o),
  heatmapFigure: (o) => heatmapFigure({ x: [1], y: [1], z: [[1]], zTitle: 'z (ms)' }, { xTitle: 'x', yTitle: 'y', ...o }),
};

describe('plot: the options every builder shares', () => {
  beforeEach(() => resetColors());

  for (const [fn, build] of Object.entries(BUILDERS)) {
    it(`${fn} takes title and height${fn === 'heatmapFigure' ? '' : ' and colors'}, and names itself when they are bad`, () => {
      const fig = build({ title: 'T', height: 333 });
      assert.equal(fig.layout.title?.text, 'T');
      assert.equal(fig.layout.height, 333);
      assertThrowsNaming(() => build({ height: 10 }), RangeError, `${fn} height`, '10');
      assertThrowsNaming(() => build({ title: any(5) }), TypeError, `${fn} title`);
      assertThrowsNaming(() => build(any({ titel: 'T' })), TypeError, `${fn}: unknown option "titel"`, 'did you mean "title"', 'title, height');
      assertThrowsNaming(() => build(any({ title: null })), TypeError, `${fn}: option title is null`);
      if (fn === 'heatmapFigure') {
        assertThrowsNaming(() => build({ colors: { a: '#000000' } }), TypeError, `${fn}: unknown option "colors"`);
      } else {
        const marked = build({ colors: { a: '#123456', DNS: '#123456' } });
        assert.ok(JSON.stringify(marked.data).includes('#123456'), `${fn} ignored colors`);
        assertThrowsNaming(() => build({ colors: any({ a: 7 }) }), TypeError, `${fn} colors["a"]`);
      }
    });
  }
});

describe('plot/ecdfFigure and ccdfFigure: what tells them apart', () => {
  beforeEach(() => resetColors());

  it('ecdf: P(X ≤ x) on a linear y axis spanning [0, 1.02]', () => {
    const fig = ecdfFigure(sample, { xTitle: 'RTT (s)' });
    const t = fig.data[0] as ScatterTrace;
    assert.ok(t.hovertemplate?.startsWith('P(X ≤ '), t.hovertemplate);
    assert.ok(t.hovertemplate?.includes(' s)'), t.hovertemplate);
    assert.equal(fig.layout.yaxis?.type, 'linear');
    assert.deepEqual(fig.layout.yaxis?.range, [0, 1.02]);
    assertTitle(fig.layout.yaxis, 'fraction of values ≤ x');
  });

  it('ccdf: P(X ≥ x) on a log y axis with no fixed range, once the tail spans two decades', () => {
    const fig = ccdfFigure([{ name: 'a', values: Array.from({ length: 1000 }, (_, i) => 1 + i) }]);
    const t = fig.data[0] as ScatterTrace;
    assert.ok(t.hovertemplate?.startsWith('P(X ≥ '), t.hovertemplate);
    assert.equal(fig.layout.yaxis?.type, 'log');
    assert.equal(fig.layout.yaxis?.range, undefined);
    assertTitle(fig.layout.yaxis, 'fraction of values > x');
  });

  it('each names itself in option errors', () => {
    for (const [fn, build] of [['ecdfFigure', ecdfFigure], ['ccdfFigure', ccdfFigure]] as const) {
      assertThrowsNaming(() => build(sample, { logX: any('yes') }), TypeError, `${fn} logX`);
      assertThrowsNaming(() => build(sample, { xTitle: '' }), RangeError, `${fn} xTitle`);
      assertThrowsNaming(() => build(sample, { yTitle: any(3) }), TypeError, `${fn} yTitle`);
      assertThrowsNaming(() => build([{ name: 'a', values: [0] }], { logX: true }), RangeError, `${fn} series[0].values`, 'logX: false');
      assert.equal(build([{ name: 'a', values: [0, 1] }], { logX: false }).layout.xaxis?.type, 'linear');
    }
  });
});

describe('ecdfFigure log axis range', () => {
  it('starts at the lowest 0.1th percentile, not at a stray near-zero value', () => {
    const values = Array.from({ length: 10_000 }, (_, i) => 1 + i / 100);
    values[0] = 1e-6;
    const fig = ecdfFigure([{ name: 'a', values }]);
    const range = (fig.layout.xaxis as { range: [number, number] }).range;
    assert.ok(range[0] > -0.1 && range[0] < 0.05, `from ${range[0]}`);
    assert.ok(Math.abs(range[1] - Math.log10(100.99)) < 0.1, `to ${range[1]}`);
  });
});

describe('legend room above the plot', () => {
  const line = (names: string[]) => lineFigure(names.map((name, i) => ({ name, x: [0, 1], y: [i, i] })), { yTitle: 'y (ms)', title: 't' });

  it('counts the rows a horizontal legend wraps into', () => {
    assert.equal(legendRows([]), 1);
    assert.equal(legendRows(['a', 'b']), 1);
    const long = 'warm after idle, initcwnd 10';
    assert.equal(legendRows(Array(7).fill(long)), 3);
  });

  it('raises the top margin one row per extra legend row, and only then', () => {
    const short = line(['a', 'b']).layout.margin!.t;
    const long = line(['new, initcwnd 4', 'warm after idle, initcwnd 4', 'new, initcwnd 10', 'warm after idle, initcwnd 10',
      'new, initcwnd 30', 'warm after idle, initcwnd 30']).layout.margin!.t;
    assert.equal(long - short, THEME.legendRowPx);
  });
});
