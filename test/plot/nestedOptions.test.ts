/** Objects inside a figure's inputs are held to their known keys; sizes to FIGURE_LIMITS; showTable's options too. */
import assert from 'node:assert/strict';
import {
  ccdfFigure, ecdfFigure, heatmapFigure, histogramFigure, lineFigure, loadLatencyFigure, percentileFigure, resetColors,
  signalsFigure, stackedBarFigure, tableHtml, tableText, timelineFigure, showTable, baseAxis, baseLayout,
} from '../../lib/plot';
import { FIGURE_LIMITS } from '../../lib/plot/limits';
import { assertThrowsNaming } from './helpers';

const any = (v: unknown) => v as never;
const line = (name: string, n = 2) => ({ name, x: Array.from({ length: n }, (_, i) => i + 1), y: Array.from({ length: n }, () => 1) });

describe('plot: a misspelt key inside the inputs names where it sits and the closest key', () => {
  beforeEach(() => resetColors());

  it('series[1].valeus → did you mean series[1].values (ecdf, ccdf, histogram)', () => {
    const series = any([{ name: 'a', values: [1] }, { name: 'b', valeus: [2] }]);
    for (const [fn, build] of [['ecdfFigure', ecdfFigure], ['ccdfFigure', ccdfFigure], ['histogramFigure', histogramFigure]] as const) {
      assertThrowsNaming(() => build(series), TypeError, `${fn}: unknown option "series[1].valeus"`, 'did you mean "series[1].values"', 'name, values');
    }
  });

  it('lines, panels and their series, load points, markers', () => {
    assertThrowsNaming(() => lineFigure([line('a'), any({ ...line('b'), dahs: 'dot' })], { yTitle: 'y (ms)' }),
      TypeError, 'lineFigure: unknown option "series[1].dahs"', 'did you mean "series[1].dash"');
    const panel = { title: 'p', yTitle: 'y (ms)', series: [line('a')] };
    assertThrowsNaming(() => signalsFigure([panel, any({ ...panel, logy: true })]),
      TypeError, 'signalsFigure: unknown option "panels[1].logy"', 'did you mean "panels[1].logY"');
    assertThrowsNaming(() => signalsFigure([{ ...panel, series: [line('a'), any({ name: 'b', x: [1], yy: [1] })] }]),
      TypeError, 'signalsFigure: unknown option "panels[0].series[1].yy"');
    assertThrowsNaming(() => loadLatencyFigure([{ name: 'a', points: [{ x: 1, p50: 1, p99: 2 }, any({ x: 2, p50: 1, p90: 2 })] }]),
      TypeError, 'loadLatencyFigure: unknown option "series[0].points[1].p90"', 'did you mean "series[0].points[1].p50"');
    assertThrowsNaming(() => loadLatencyFigure(any([{ name: 'a', pionts: [] }])),
      TypeError, 'loadLatencyFigure: unknown option "series[0].pionts"', 'did you mean "series[0].points"');
    assertThrowsNaming(() => signalsFigure([panel], { markers: [any({ x: 1, lable: 'go' })] }),
      TypeError, 'signalsFigure: unknown option "markers[0].lable"', 'did you mean "markers[0].label"');
  });

  it('rows of the percentile ladder, stacked bars and timelines, and the heatmap grid', () => {
    assertThrowsNaming(() => percentileFigure([any({ name: 'a', p50: 1, p90: 2, p99: 3, p99_9: 4 })]),
      TypeError, 'percentileFigure: unknown option "rows[0].p99_9"', 'did you mean "rows[0].p999"');
    // The other fields of a Summary are accepted, so `{ name, ...summary }` works.
    const summary = { count: 3, mean: 2, min: 1, p50: 2, p90: 3, p99: 3, p999: 3, max: 3 };
    assert.equal(percentileFigure([{ name: 'a', ...summary }]).data.length, 1);
    assertThrowsNaming(() => stackedBarFigure([any({ name: 'a', part: { DNS: 1 } })]),
      TypeError, 'stackedBarFigure: unknown option "rows[0].part"', 'did you mean "rows[0].parts"');
    assertThrowsNaming(() => timelineFigure([any({ lane: 'a', startMs: 0, endMS: 1 })]),
      TypeError, 'timelineFigure: unknown option "rows[0].endMS"', 'did you mean "rows[0].endMs"');
    assertThrowsNaming(() => heatmapFigure(any({ x: [1], y: [1], z: [[1]], ztitle: 'z' }), { xTitle: 'x', yTitle: 'y' }),
      TypeError, 'heatmapFigure: unknown option "grid.ztitle"', 'did you mean "grid.zTitle"');
  });

  it('null is refused inside the inputs as in the options (it never means "omitted")', () => {
    assertThrowsNaming(() => lineFigure([any({ ...line('a'), dash: null })], { yTitle: 'y (ms)' }),
      TypeError, 'lineFigure: option series[0].dash is null');
    assertThrowsNaming(() => timelineFigure([any({ lane: 'a', startMs: 0, endMs: 1, group: null })]),
      TypeError, 'timelineFigure: option rows[0].group is null');
    assertThrowsNaming(() => ecdfFigure([any(null)]), TypeError, 'ecdfFigure: series[0] expects an options object', 'null');
    assertThrowsNaming(() => ecdfFigure([{ name: 'a', values: [1] }], any(null)), TypeError, 'ecdfFigure expects an options object', 'null');
  });
});

describe('plot: sizes a figure takes are bounded by FIGURE_LIMITS, with a named RangeError', () => {
  beforeEach(() => resetColors());

  it('series per figure', () => {
    const many = Array.from({ length: FIGURE_LIMITS.series + 1 }, (_, i) => line(`s${i}`));
    assertThrowsNaming(() => lineFigure(many, { yTitle: 'y (ms)' }), RangeError, 'lineFigure series holds 101 items', 'at most 100');
    assertThrowsNaming(() => ecdfFigure(many.map((l) => ({ name: l.name, values: l.x }))), RangeError, 'ecdfFigure series holds 101 items');
    assert.equal(lineFigure(many.slice(1), { yTitle: 'y (ms)', highlight: ['s1'] }).data.length, FIGURE_LIMITS.series);
  });

  it('points drawn per figure, over all lines and panels', () => {
    const big = Array.from({ length: 600_000 }, (_, i) => i);
    const half = { name: 'a', x: big, y: big };
    assertThrowsNaming(() => lineFigure([half, { ...half, name: 'b' }], { yTitle: 'y (ms)' }),
      RangeError, 'lineFigure series holds 1200000 points in all', 'at most 1000000');
    const panel = (name: string) => ({ title: name, yTitle: 'y (ms)', series: [{ ...half, name }] });
    assertThrowsNaming(() => signalsFigure([panel('a'), panel('b')]), RangeError, 'signalsFigure panels holds 1200000 points');
    const points = Array.from({ length: 600_000 }, (_, i) => ({ x: i, p50: 1, p99: 2 }));
    assertThrowsNaming(() => loadLatencyFigure([{ name: 'a', points }, { name: 'b', points }]), RangeError, 'loadLatencyFigure series holds 1200000 points');
  });

  it('heatmap cells, refused before the grid is read', () => {
    const x = Array.from({ length: 1001 }, (_, i) => i);
    const y = Array.from({ length: 1000 }, (_, i) => i);
    assertThrowsNaming(() => heatmapFigure({ x, y, z: [], zTitle: 'z' }, { xTitle: 'x', yTitle: 'y' }),
      RangeError, 'heatmapFigure grid holds 1001000 cells', 'at most 1000000');
  });

  it('sample values per figure, refused before any is sorted', () => {
    const shared = new Float64Array(FIGURE_LIMITS.sampleValues / 5).fill(1);
    const series = Array.from({ length: 6 }, (_, i) => ({ name: `s${i}`, values: shared }));
    const started = Date.now();
    assertThrowsNaming(() => ecdfFigure(series), RangeError, 'ecdfFigure series holds 60000000 values in all', 'at most 50000000');
    assertThrowsNaming(() => histogramFigure(series), RangeError, 'histogramFigure series holds 60000000 values');
    assert.ok(Date.now() - started < 1000, 'the bound is checked up front');
  });

  it('curve points, bins, markers, timeline groups', () => {
    assertThrowsNaming(() => ecdfFigure([{ name: 'a', values: [1] }], { maxPoints: 100_001 }), RangeError, 'ecdfFigure maxPoints', '100001');
    const values = Float64Array.from({ length: 100_000 }, (_, i) => i + 1);
    const eleven = Array.from({ length: 11 }, (_, i) => ({ name: `s${i}`, values }));
    assertThrowsNaming(() => ccdfFigure(eleven, { maxPoints: 100_000 }), RangeError, 'ccdfFigure series holds 1100000 points to draw');
    assertThrowsNaming(() => histogramFigure([{ name: 'a', values: [1] }], { bins: 1001 }), RangeError, 'histogramFigure bins', '1001');
    assertThrowsNaming(() => histogramFigure([{ name: 'a', values: [1] }], { bins: Array.from({ length: 1002 }, (_, i) => i) }),
      RangeError, 'histogramFigure bins holds 1002 bin edges');
    const markers = Array.from({ length: 101 }, (_, i) => ({ x: i }));
    assertThrowsNaming(() => loadLatencyFigure([{ name: 'a', points: [{ x: 1, p50: 1, p99: 2 }] }], { markers }), RangeError, 'loadLatencyFigure markers holds 101 items');
    const rows = Array.from({ length: 101 }, (_, i) => ({ lane: 'a', startMs: 0, endMs: 1, group: `g${i}` }));
    assertThrowsNaming(() => timelineFigure(rows), RangeError, 'timelineFigure rows holds 101 groups');
  });

  it('many lanes on a timeline take linear time', () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => ({ lane: `lane ${i}`, startMs: i, endMs: i + 1 }));
    const started = Date.now();
    timelineFigure(rows);
    assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
  });
});

describe('plot: showTable, tableHtml and tableText options', () => {
  const rows = [{ name: 'a', p50: 1.234, p999: 2.5 }];

  it('refuse an unknown option, a null and bad values, naming the function', () => {
    assertThrowsNaming(() => tableHtml(rows, any({ digts: 1 })), TypeError, 'tableHtml: unknown option "digts"', 'did you mean "digits"');
    assertThrowsNaming(() => tableText(rows, any({ caption: null })), TypeError, 'tableText: option caption is null');
    assertThrowsNaming(() => tableText(rows, any({ caption: 5 })), TypeError, 'tableText caption');
    assertThrowsNaming(() => tableHtml(rows, { maxRows: 0 }), RangeError, 'tableHtml maxRows', 'got 0');
    assertThrowsNaming(() => tableHtml(rows, { maxRows: FIGURE_LIMITS.tableRows + 1 }), RangeError, 'tableHtml maxRows', '10001');
    assertThrowsNaming(() => tableHtml(rows, { digits: 13 }), RangeError, 'tableHtml digits', '13');
    assertThrowsNaming(() => tableHtml(any([null])), TypeError, 'tableHtml(table): row 0 must be an object');
    // Options are checked before the kernel is looked for.
    assertThrowsNaming(() => showTable(rows, any({ maxrows: 5 })), TypeError, 'showTable: unknown option "maxrows"', 'did you mean "maxRows"');
  });

  it('a digits entry must name a column of the table', () => {
    assertThrowsNaming(() => tableHtml(rows, { digits: { p99: 0 } }), TypeError, 'tableHtml: unknown option "digits.p99"', 'did you mean "digits.p999"', 'name, p50, p999');
    assertThrowsNaming(() => tableHtml(rows, { digits: { p50: 13 } }), RangeError, 'tableHtml digits["p50"]', '13');
    assert.match(tableText(rows, { digits: { p50: 1 } }), /1\.2 +2\.50/);
  });
});

describe('plot: baseLayout and baseAxis, for figures built by hand', () => {
  it('check their options like a builder', () => {
    assert.equal(baseLayout({ title: 'T', height: 300, showlegend: false }).height, 300);
    assertThrowsNaming(() => baseLayout(any({ heigth: 300 })), TypeError, 'baseLayout: unknown option "heigth"', 'did you mean "height"');
    assertThrowsNaming(() => baseLayout(any({ showlegend: null })), TypeError, 'baseLayout: option showlegend is null');
    assertThrowsNaming(() => baseLayout({ height: 50 }), RangeError, 'baseLayout height', '50');
    assertThrowsNaming(() => baseLayout({ title: '' }), RangeError, 'baseLayout title');
    assertThrowsNaming(() => baseLayout({ showlegend: any('no') }), TypeError, 'baseLayout showlegend');
    assert.equal(baseAxis('x (ms)', { log: true }).type, 'log');
    assertThrowsNaming(() => baseAxis('x', any({ logarithmic: true })), TypeError, 'baseAxis: unknown option "logarithmic"');
    assertThrowsNaming(() => baseAxis('x', any({ kind: 'time' })), RangeError, 'baseAxis kind', '"time"');
    assertThrowsNaming(() => baseAxis(any(3)), TypeError, 'baseAxis title');
  });
});
