/** Baselines for lib/plot (pure figure builders, colours, text tables, progress). */
import { fn, type Entry } from './entry';

const m = 'plot';
const sample = [{ name: 'a', values: [1, 2, 3, 5, 8] }, { name: 'b', values: [2, 3, 4] }];
const common = { title: 'Latency', height: 400, colors: { a: '#123456' } };
const rows = [{ name: 'a', p50: 1, p90: 2, p99: 3, p999: 4 }];
export const PLOT: Entry[] = [
  { name: 'baseLayout', module: m, params: ['opts'], args: [{ title: 't', height: 400, showlegend: true }] },
  { name: 'baseAxis', module: m, params: ['title', 'opts'], args: ['latency (ms)', { log: false, kind: 'value' }] },
  { name: 'colorFor', module: m, params: ['name'], args: ['HTTP/2'] },
  { name: 'resetColors', module: m, args: [] },
  { name: 'assignedColors', module: m, args: [] },
  { name: 'histogramFigure', module: m, params: ['series', 'options'], args: [sample, { ...common, bins: 10, logX: false, norm: 'probability', xTitle: 'latency (ms)', yTitle: 'share' }], records: ['colors'] },
  { name: 'ecdfFigure', module: m, params: ['series', 'options'], args: [sample, { ...common, logX: false, maxPoints: 100, xTitle: 'latency (ms)', yTitle: 'P(X ≤ x)' }], records: ['colors'] },
  { name: 'ccdfFigure', module: m, params: ['series', 'options'], args: [sample, { ...common, logX: false, maxPoints: 100, xTitle: 'latency (ms)', yTitle: 'P(X > x)' }], records: ['colors'] },
  { name: 'percentileFigure', module: m, params: ['rows', 'options'], args: [rows, { ...common, style: 'bars', logY: false, xTitle: 'case', yTitle: 'latency (ms)' }], records: ['colors'] },
  {
    name: 'loadLatencyFigure', module: m, params: ['series', 'options'],
    args: [[{ name: 'a', points: [{ x: 0.5, p50: 1, p99: 2 }, { x: 0.9, p50: 2, p99: 9 }] }], { ...common, markers: [{ x: 0.8, label: 'knee' }], logY: false, xTitle: 'utilisation', yTitle: 'latency (ms)' }],
    records: ['colors'],
  },
  { name: 'stackedBarFigure', module: m, params: ['rows', 'options'], args: [[{ name: 'a', parts: { DNS: 1, TCP: 2 } }], { ...common, parts: ['DNS', 'TCP'], xTitle: 'case', yTitle: 'time (ms)' }], records: ['colors', 'parts'] },
  { name: 'timelineFigure', module: m, params: ['rows', 'options'], args: [[{ lane: 'a', startMs: 0, endMs: 5, group: 'a', label: 'x' }], { ...common, xTitle: 'time (ms)', yTitle: 'lane' }], records: ['colors'] },
  {
    name: 'heatmapFigure', module: m, params: ['grid', 'options'],
    args: [{ x: [1, 2], y: ['a'], z: [[1, 2]], zTitle: 'z (ms)' }, { title: 'h', height: 400, xTitle: 'x (ms)', yTitle: 'y', colorscale: 'Viridis' }],
    // Heatmap axes are categories as often as numbers: a string such as "1e3" is a valid label.
    accepts: { x: ['string'] },
  },
  { name: 'lineFigure', module: m, params: ['series', 'options'], args: [[{ name: 'a', x: [1, 2, 3], y: [1, 4, 9], dash: 'dot' }], { ...common, yTitle: 'y (ms)', xTitle: 'x (s)', logX: false, logY: false, markers: true, steps: false, highlight: ['a'] }], records: ['colors'], accepts: { y: ['NaN', 'badElement'] } }, // NaN in y is a documented gap
  {
    name: 'signalsFigure', module: m, params: ['panels', 'options'],
    args: [[{ title: 'p', yTitle: 'y (ms)', series: [{ name: 'a', x: [1, 2], y: [1, 2] }], logY: false }], { title: 's', height: 500, xTitle: 'time (s)', markers: [{ x: 1, label: 'fault' }] }],
    // NaN in a series' y is a documented gap (a bucket with nothing to measure).
    accepts: { y: ['NaN', 'badElement'] },
  },
  {
    name: 'smallMultiplesFigure', module: m, params: ['panels', 'options'],
    args: [[{ title: 'p', series: [{ name: 'a', x: [1, 2], y: [1, 2] }] }, { title: 'q', series: [{ name: 'a', x: [1, 2], y: [2, 3] }] }], { ...common, yTitle: 'y (ms)', xTitle: 'x (s)', columns: 2, logX: false, logY: false, steps: true, markers: false }],
    records: ['colors'], accepts: { y: ['NaN', 'badElement'] },
  },
  { name: 'figureProblems', module: m, params: ['figure'], noOptions: 'reads any plotly figure as data: extra attributes are plotly\'s, not options (test/plot/figureRules.test.ts)' },
  { name: 'namesUnit', module: m, params: ['title'], noOptions: 'a predicate on one string' },
  { name: 'spansDecades', module: m, params: ['samples'], noOptions: 'a predicate on arrays of numbers' },
  { name: 'show', module: m, params: ['figure', 'opts'], noOptions: 'displays in the tslab kernel only; outside one it throws by design (test/workbook/show.test.ts)' },
  {
    name: 'saveFigure', module: m, params: ['figure', 'path', 'options'],
    noOptions: 'writes a file through headless Chromium and returns a promise, which the synchronous walk cannot judge; its options and errors are tested in test/plot/saveFigure.test.ts',
  },
  { name: 'showTable', module: m, params: ['table', 'opts'], noOptions: 'displays in the tslab kernel only; its options are those of tableHtml, attacked there' },
  { name: 'tableHtml', module: m, params: ['table', 'opts'], args: [[{ a: 1.23456, b: 'x' }, { a: 2, b: 'y' }], { digits: 2, maxRows: 10, caption: 'c' }], records: ['table'], skip: ['a', 'b'], accepts: { digits: ['object'] } },
  { name: 'tableText', module: m, params: ['table', 'opts'], args: [[{ a: 1.23456, b: 'x' }, { a: 2, b: 'y' }], { digits: { a: 1 }, maxRows: 10, caption: 'c' }], records: ['table', 'digits'], skip: ['a', 'b'], accepts: { digits: ['number'] } },
  { name: 'progress', module: m, params: ['label', 'total'], args: ['runs', 10] },
  { name: 'withProgress', module: m, params: ['label', 'run'], args: ['runs', fn('identity')] },
  {
    name: 'mergeIdenticalSeries', module: m, params: ['series', 'options'],
    args: [[{ name: 'a', x: [1, 2], y: [1, 2] }, { name: 'b', x: [1, 2], y: [1, 2] }], { within: 0.01, joiner: ' = ' }],
    accepts: { y: ['NaN', 'badElement'] }, // NaN in y is a documented gap
  },
  {
    name: 'goldenSignalsFigure', module: m, params: ['buckets', 'options'],
    args: [[
      { tMs: 0, offeredRps: 10, throughputRps: 9, errorRps: 1, p50Ms: 5, p99Ms: 20, saturation: 0.5 },
      { tMs: 1000, offeredRps: 12, throughputRps: 12, errorRps: 0, p50Ms: 6, p99Ms: 25, saturation: 0.6 },
    ], {
      title: 's', height: 700, bucketMs: 1000, offeredName: 'attempts', succeededName: 'answered', saturationTitle: 'utilisation ρ',
      traffic: [{ name: 'new requests', x: [0.5, 1.5], y: [9, 11] }], saturation: [{ name: 'app', x: [0.5, 1.5], y: [0.4, 0.6] }],
      markers: [{ x: 1, label: 'fault' }],
    }],
    // Buckets are read, not owned: they may carry more fields (simulateStack's do); NaN latency is a documented gap.
    records: ['buckets'], accepts: { p50Ms: ['NaN'], p99Ms: ['NaN'], y: ['NaN', 'badElement'], succeededName: ['null'] },
  },
  {
    name: 'comparisonPanels', module: m, params: ['runs', 'panels', 'options'],
    args: [[{ name: 'a', buckets: [1, 2, 3] }], [{ title: 'p', yTitle: 'y (ms)', value: fn('identity'), logY: false, within: 0 }], { x: fn('identity') }],
    skip: ['buckets'],
  },
];
