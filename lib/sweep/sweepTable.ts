/**
 * A sweep's rows as an arquero table that carries its provenance. Rows are in grid
 * order, so the table is the same whoever computed which rows.
 */
import { toTable, type Table } from '../stats/table';
import type { Provenance } from './provenance';
import type { SweepRow } from './sweepSpec';

/** An arquero table of sweep rows, with where its numbers came from. */
export type SweepTable = Table & { provenance: Provenance };

/** The table of `rows` (in grid order) with `provenance` attached. */
export function sweepTable(rows: readonly SweepRow[], provenance: Provenance): SweepTable {
  const table = toTable(rows as Record<string, number | string | boolean | null>[]) as SweepTable;
  Object.defineProperty(table, 'provenance', { value: provenance, enumerable: false });
  return table;
}
