export { sweep, type SweepOptions } from './sweep';
export { sweepShard, mergeShards, type SweepShard } from './shards';
export type { SweepTable } from './sweepTable';
export type { Provenance } from './provenance';
export { MAX_GRID_POINTS, type SweepSpec, type SweepRow, type GridValue } from './sweepSpec';
export { SWEEP_MODEL_NAMES, type SweepModelName } from './sweepModels';
