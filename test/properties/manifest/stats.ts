/** Baselines for lib/stats. */
import { fn, type Entry } from './entry';

const m = 'stats';
const v = [4, 1, 3, 2, 8, 6, 5, 7, 9, 10];
export const STATS: Entry[] = [
  { name: 'quantiles', module: m, params: ['values', 'ps'], args: [v, [0.5, 0.9]] },
  { name: 'sortedCopy', module: m, params: ['values', 'option'], args: [v] },
  { name: 'summarize', module: m, params: ['values', 'option'], args: [v] },
  { name: 'summarizeSorted', module: m, params: ['sorted'], args: [[1, 2, 3, 4]] },
  { name: 'ecdf', module: m, params: ['values', 'opts'], args: [v, { maxPoints: 100 }] },
  { name: 'ccdf', module: m, params: ['values', 'opts'], args: [v, { inclusive: true }] },
  { name: 'binEdges', module: m, params: ['samples', 'opts'], args: [[[2, 3], [0, 1]], { bins: 4, scale: 'linear', min: 0, max: 4 }] },
  { name: 'histogram', module: m, params: ['values', 'opts'], args: [v, { edges: [0, 5, 10] }] },
  { name: 'LogHistogram', module: m, construct: true, params: ['opts'], args: [{ relativeError: 0.01, minValue: 0.001 }] },
  { name: 'percentileInterval', module: m, params: ['values', 'p', 'confidence'], args: [[...v, ...v, ...v, ...v, ...v, ...v], 0.5, 0.95] },
  { name: 'toTable', module: m, params: ['records'], args: [[{ request: 0, latencyMs: 12.5, server: 'a' }, { request: 1, latencyMs: 3, server: 'b' }]], records: ['records'], skip: ['request', 'latencyMs', 'server'] },
  { name: 'summaryTable', module: m, params: ['named'], args: [{ a: [1, 2, 3], b: [4, 5] }], records: ['named'] },
  { name: 'jainIndex', module: m, params: ['values'], args: [[1, 1, 2, 0]] },
  { name: 'maxOverMean', module: m, params: ['values'], args: [[1, 2, 3]] },
  { name: 'LatencyRecorder', module: m, construct: true, args: [] },
  { name: 'replicate', module: m, params: ['options'], args: [{ run: fn('constant0'), runs: 3, seed: 1 }], accepts: { seed: ['string'] } },
  { name: 'meanInterval', module: m, params: ['values', 'level'], args: [[1, 2, 3], 0.95] },
  { name: 'batchMeans', module: m, params: ['values', 'options'], args: [[1, 2, 3, 4, 5, 6], { batches: 3 }] },
];
