/**
 * Sweeps spread by a scheduler people already run (GNU parallel, a Slurm job array,
 * a Kubernetes indexed Job): shard i of n computes the grid points p with
 * p mod n = i and writes them as JSON; `mergeShards` puts every shard's rows back in
 * grid order. The merged table equals a one-process sweep's, because a point's row
 * depends on the spec and its index alone (sweepSpec.ts).
 */
import * as check from '../validate';
import { provenanceOf, type Provenance } from './provenance';
import { sweepTable, type SweepTable } from './sweepTable';
import { checkSweepSpec, gridSize, sweepPointRow, type SweepRow, type SweepSpec } from './sweepSpec';

/** What one shard writes: its rows with their grid indices, and the sweep's provenance. */
export interface SweepShard {
  /** This shard's number, in [0, of). */
  shard: number;
  /** How many shards the sweep was cut into. */
  of: number;
  /** Grid points in the whole sweep. */
  points: number;
  /** This shard's rows, each with its grid index. */
  rows: { index: number; row: SweepRow }[];
  /** Where the numbers came from (identical in every shard of one sweep). */
  provenance: Provenance;
}

/** Computes shard `shard` of `of` of the sweep (grid points p with p mod of = shard). */
export function sweepShard(spec: SweepSpec, options: { shard: number; of: number }): SweepShard {
  const checked = checkSweepSpec(spec, 'sweepShard');
  const opts = check.options('sweepShard', options, ['shard', 'of']);
  const of = check.integer('sweepShard of', opts.of, 1, 100_000);
  const shard = check.integer('sweepShard shard', opts.shard, 0, of - 1);
  const points = gridSize(checked);
  const rows: SweepShard['rows'] = [];
  for (let index = shard; index < points; index += of) rows.push({ index, row: sweepPointRow(checked, index) });
  return { shard, of, points, rows, provenance: provenanceOf(checked) };
}

/** Merges the shards of one sweep into its table; refuses missing, repeated or foreign shards. */
export function mergeShards(shards: readonly SweepShard[]): SweepTable {
  if (!Array.isArray(shards) || shards.length === 0) throw new TypeError(`mergeShards shards must be a non-empty array of sweep shards; got ${check.describe(shards)}`);
  for (const [k, s] of shards.entries()) {
    if (s === null || typeof s !== 'object' || !Array.isArray(s.rows) || s.provenance === null || typeof s.provenance !== 'object' || !Number.isInteger(s.points)) {
      throw new TypeError(`mergeShards shards[${k}] is not a sweep shard; got ${check.describe(s)}`);
    }
  }
  const first = shards[0];
  const rows: (SweepRow | undefined)[] = new Array(first.points);
  for (const [k, s] of shards.entries()) {
    if (s.provenance.spec !== first.provenance.spec || s.provenance.version !== first.provenance.version) {
      throw new RangeError(`mergeShards shards[${k}] comes from another sweep or library version than shards[0]`);
    }
    for (const entry of s.rows) {
      if (entry === null || typeof entry !== 'object') throw new TypeError(`mergeShards shards[${k}].rows holds ${check.describe(entry)}, not { index, row }`);
      const { index, row } = entry;
      if (!Number.isInteger(index) || index < 0 || index >= first.points) throw new RangeError(`mergeShards shards[${k}] holds grid point ${check.describe(index)}, outside [0, ${first.points - 1}]`);
      if (rows[index] !== undefined) throw new RangeError(`mergeShards: grid point ${index} appears twice (shards[${k}])`);
      rows[index] = row;
    }
  }
  const missing = [...rows.keys()].filter((i) => rows[i] === undefined);
  if (missing.length > 0) throw new RangeError(`mergeShards: ${missing.length} of ${first.points} grid points are missing (first: ${missing.slice(0, 5).join(', ')}); is a shard absent?`);
  return sweepTable(rows as SweepRow[], first.provenance);
}
