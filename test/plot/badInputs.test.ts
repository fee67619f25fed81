import {
  ccdfFigure, colorFor, ecdfFigure, heatmapFigure, histogramFigure, lineFigure, loadLatencyFigure, percentileFigure,
  signalsFigure, stackedBarFigure, timelineFigure,
} from '../../lib/plot';
import { assertThrowsNaming } from './helpers';

// Calls that bypass the static types, the way a notebook cell with a typo would.
const any = (v: unknown) => v as never;

describe('plot: bad inputs throw errors that name the option', () => {
  it('an empty or missing series list', () => {
    assertThrowsNaming(() => ecdfFigure([]), RangeError, 'ecdfFigure series', 'empty');
    assertThrowsNaming(() => histogramFigure(any(undefined)), TypeError, 'histogramFigure series');
    assertThrowsNaming(() => percentileFigure([]), RangeError, 'percentileFigure rows');
    assertThrowsNaming(() => signalsFigure([]), RangeError, 'signalsFigure panels');
  });

  it('non-finite values name the element', () => {
    assertThrowsNaming(() => ecdfFigure([{ name: 'a', values: [1, NaN] }]), RangeError, 'ecdfFigure series[0].values', 'element 1', 'NaN');
    assertThrowsNaming(() => percentileFigure([{ name: 'a', p50: 1, p90: 2, p99: Infinity, p999: 4 }]), RangeError, 'percentileFigure rows[0].p99', 'Infinity');
    assertThrowsNaming(() => timelineFigure([{ lane: 'a', startMs: 0, endMs: any('5') }]), TypeError, 'timelineFigure rows[0].endMs', '"5"');
  });

  it('mismatched lengths', () => {
    assertThrowsNaming(() => lineFigure([{ name: 'a', x: [1, 2, 3], y: [1, 2] }], { yTitle: 'y (ms)' }), RangeError, 'lineFigure series[0].y', 'length 2', '(3)');
    assertThrowsNaming(() => heatmapFigure({ x: [1, 2], y: ['a'], z: [[1, 2, 3]], zTitle: 'z (ms)' }, { xTitle: 'x (ms)', yTitle: 'y' }), RangeError, 'heatmapFigure z[0]', 'got 3');
    assertThrowsNaming(() => heatmapFigure({ x: [1], y: ['a', 'b'], z: [[1]], zTitle: 'z (ms)' }, { xTitle: 'x (ms)', yTitle: 'y' }), RangeError, 'heatmapFigure z', '1 rows');
  });

  it('unknown option values and unknown option names', () => {
    assertThrowsNaming(() => histogramFigure([{ name: 'a', values: [1] }], any({ norm: 'density' })), RangeError, 'histogramFigure norm', '"density"', '"probability"');
    assertThrowsNaming(() => percentileFigure([{ name: 'a', p50: 1, p90: 2, p99: 3, p999: 4 }], any({ style: 'pie' })), RangeError, 'percentileFigure style', '"pie"');
    assertThrowsNaming(() => ecdfFigure([{ name: 'a', values: [1] }], any({ logx: false })), TypeError, 'ecdfFigure: unknown option "logx"', 'did you mean "logX"');
    assertThrowsNaming(() => lineFigure([{ name: 'a', x: [1], y: [1], dash: any('dotted') }], { yTitle: 'y (ms)' }), RangeError, 'lineFigure series[0].dash', '"dotted"');
    assertThrowsNaming(() => ecdfFigure([{ name: 'a', values: [1] }], { logX: any('yes') }), TypeError, 'ecdfFigure logX', '"yes"');
  });

  it('numeric options out of range', () => {
    assertThrowsNaming(() => histogramFigure([{ name: 'a', values: [1] }], { bins: 0 }), RangeError, 'histogramFigure bins', 'got 0');
    assertThrowsNaming(() => histogramFigure([{ name: 'a', values: [1] }], { bins: [3, 2] }), RangeError, 'histogramFigure bins', 'ascending');
    assertThrowsNaming(() => ecdfFigure([{ name: 'a', values: [1] }], { maxPoints: 2.5 }), RangeError, 'ecdfFigure maxPoints', '2.5');
    assertThrowsNaming(() => ccdfFigure([{ name: 'a', values: [1] }], { height: 10 }), RangeError, 'ccdfFigure height', '10');
    assertThrowsNaming(() => ccdfFigure([{ name: 'a', values: [1] }], { maxPoints: 3 }), RangeError, 'ccdfFigure maxPoints', '[16, 100000]', '3');
  });

  it('values a log axis cannot show', () => {
    assertThrowsNaming(() => ecdfFigure([{ name: 'a', values: [0, 1] }], { logX: true }), RangeError, 'ecdfFigure series[0].values', 'logX', 'element 0');
    assertThrowsNaming(() => ccdfFigure([{ name: 'a', values: [-1] }], { logX: true }), RangeError, 'ccdfFigure series[0].values', '> 0');
    assertThrowsNaming(() => histogramFigure([{ name: 'a', values: [0] }], { logX: true }), RangeError, 'histogramFigure series[0].values', 'logX');
  });

  it('inconsistent rows', () => {
    assertThrowsNaming(() => percentileFigure([{ name: 'a', p50: 5, p90: 2, p99: 3, p999: 4 }]), RangeError, 'percentileFigure rows[0].p90', 'got 2');
    assertThrowsNaming(() => loadLatencyFigure([{ name: 'a', points: [{ x: 0.5, p50: 10, p99: 5 }] }]), RangeError, 'loadLatencyFigure series[0].points[0].p99');
    assertThrowsNaming(() => timelineFigure([{ lane: 'a', startMs: 10, endMs: 5 }]), RangeError, 'timelineFigure rows[0].endMs', 'got 5');
    assertThrowsNaming(() => stackedBarFigure([{ name: 'a', parts: { DNS: -1 } }]), RangeError, 'stackedBarFigure rows[0].parts["DNS"]', '-1');
    assertThrowsNaming(() => stackedBarFigure([{ name: 'a', parts: { DNS: 1 } }], { parts: ['TCP'] }), RangeError, 'stackedBarFigure rows[0].parts', '"DNS"');
    assertThrowsNaming(() => ecdfFigure([{ name: 'a', values: [1] }, { name: 'a', values: [2] }]), RangeError, 'ecdfFigure series[1].name', 'unique');
  });

  it('missing titles, names and colours', () => {
    assertThrowsNaming(() => lineFigure([{ name: 'a', x: [1], y: [1] }], any(undefined)), TypeError, 'lineFigure', 'yTitle');
    assertThrowsNaming(() => lineFigure([{ name: 'a', x: [1], y: [1] }], any({})), TypeError, 'lineFigure yTitle', 'required');
    assertThrowsNaming(() => heatmapFigure({ x: [1], y: [1], z: [[1]], zTitle: '' }, { xTitle: 'x', yTitle: 'y' }), RangeError, 'heatmapFigure zTitle');
    assertThrowsNaming(() => ecdfFigure([{ name: any(3), values: [1] }]), TypeError, 'ecdfFigure series[0].name', '3');
    assertThrowsNaming(() => ecdfFigure([{ name: 'a', values: [1] }], { colors: any({ a: 7 }) }), TypeError, 'ecdfFigure colors["a"]');
    assertThrowsNaming(() => colorFor(''), TypeError, 'colorFor(name)');
  });
});
