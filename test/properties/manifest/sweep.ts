/** Baselines for lib/sweep. */
import { call, type Entry } from './entry';

const m = 'sweep';
const spec = {
  model: 'simulateQueue', seed: 1, runs: 2,
  options: { workers: 1, serviceTime: { kind: 'exponential', meanMs: 10 }, requests: 200 },
  grid: { arrivalRate: [10, 20] }, metrics: ['summary.p99'],
};
export const SWEEP: Entry[] = [
  { name: 'sweep', module: m, params: ['options'], args: [spec], accepts: { seed: ['string'] }, records: ['options', 'grid'] },
  { name: 'sweepShard', module: m, params: ['spec', 'options'], args: [spec, { shard: 0, of: 2 }], accepts: { seed: ['string'] }, records: ['options', 'grid'] },
  { name: 'mergeShards', module: m, params: ['shards'], args: [[call('sweepShard', spec, { shard: 0, of: 1 })]], skip: ['rows', 'provenance', 'points', 'shard', 'of'] },
];
