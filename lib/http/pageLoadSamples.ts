/**
 * The samples of one column of a `pageLoadTable` result, grouped by configuration:
 * page-load times, resent packets or per-object hold times, ready for `summarize`,
 * `quantiles` or a figure. Rows keep their run order within a configuration, and
 * configurations keep the order in which the table first lists them.
 *
 * It reads the tables only; it does not summarise, filter or join them (see
 * `callLatencies` and `slowCallCauses` for the per-call measures).
 */
import type { Table } from '../stats/table';
import * as check from '../validate';
import type { PageLoadTables } from './pageLoadTable';

/** Options of `pageLoadSamples`: which column of which table. */
export interface PageLoadSamplesOptions {
  /** The numeric column to collect, e.g. 'totalMs' (pages) or 'blockedMs' (objects). */
  column: string;
  /** Which table to read: 'pages' (one row per load, the default) or 'objects' (one row per object of every load). */
  rows?: 'pages' | 'objects';
}

/** Every key of `PageLoadSamplesOptions`. */
export const PAGE_LOAD_SAMPLES_KEYS: readonly (keyof PageLoadSamplesOptions)[] = ['column', 'rows'];
const ROWS = ['pages', 'objects'] as const;

/**
 * The values of `column` for each configuration, as a Map from configuration name to
 * its values in run order.
 *
 * @example
 * ```ts
 * import { pageLoadSamples, pageLoadTable, summarize } from 'netlab';
 *
 * const path = { rttMs: 60, lossRate: 0.02 };
 * const calls = [4_000, 4_000, 4_000];
 * const tables = pageLoadTable({
 *   configurations: { 'HTTP/2': { protocol: 'http2', objects: calls, path }, 'HTTP/3': { protocol: 'http3', objects: calls, path } },
 *   runs: 20, seed: 1,
 * });
 * const times = pageLoadSamples(tables, { column: 'totalMs' });
 * summarize(times.get('HTTP/2')!).p90;         // ms
 * ```
 */
export function pageLoadSamples(tables: PageLoadTables, opts: PageLoadSamplesOptions): Map<string, number[]> {
  const FN = 'pageLoadSamples';
  if (opts === undefined) throw new TypeError(`${FN} needs options { column }`);
  check.options(FN, opts, PAGE_LOAD_SAMPLES_KEYS);
  const rows = opts.rows === undefined ? 'pages' : check.oneOf(`${FN} rows`, opts.rows, ROWS);
  const table = pageLoadRows(FN, tables, rows);
  const column = columnOf(FN, table, opts.column, rows);
  const names = table.array('configuration') as ArrayLike<unknown>;
  const out = new Map<string, number[]>();
  for (let i = 0; i < table.numRows(); i++) {
    const name = String(names[i]);
    let list = out.get(name);
    if (list === undefined) out.set(name, (list = []));
    list.push(column[i]);
  }
  return out;
}

/**
 * The `rows` table of a `pageLoadTable` result, checked: a TypeError naming `tables`
 * when it is not one, a RangeError when the object rows were not collected.
 */
export function pageLoadRows(fn: string, tables: unknown, rows: 'pages' | 'objects'): Table {
  if (tables === null || typeof tables !== 'object' || Array.isArray(tables)) {
    throw new TypeError(`${fn} tables must be the result of pageLoadTable ({ pages, objects }); got ${check.describe(tables)}`);
  }
  const table = (tables as Record<string, unknown>)[rows] as Table | null | undefined;
  if (table === null && rows === 'objects') {
    throw new RangeError(`${fn} tables.objects is null: run pageLoadTable with perObject: true (its default) to collect object rows`);
  }
  if (table === undefined || table === null || typeof (table as { array?: unknown }).array !== 'function' || typeof table.numRows !== 'function') {
    throw new TypeError(`${fn} tables.${rows} must be the arquero table pageLoadTable returns; got ${check.describe(table)}`);
  }
  if (!table.columnNames().includes('configuration')) throw new RangeError(`${fn} tables.${rows} has no configuration column: pass the result of pageLoadTable`);
  return table;
}

/** A numeric column of `table`, or a RangeError naming `column` and the table's columns. */
export function columnOf(fn: string, table: Table, column: unknown, rows: string): ArrayLike<number> {
  if (typeof column !== 'string') throw new TypeError(`${fn} column must be the name of a column; got ${check.describe(column)}`);
  const names = table.columnNames();
  if (!names.includes(column)) throw new RangeError(`${fn} column ${JSON.stringify(column)} is not a column of tables.${rows}; columns: ${names.join(', ')}`);
  const values = table.array(column) as ArrayLike<unknown>;
  for (let i = 0; i < values.length; i++) {
    if (typeof values[i] !== 'number') throw new RangeError(`${fn} column ${JSON.stringify(column)} holds ${check.describe(values[i])}, not numbers`);
  }
  return values as ArrayLike<number>;
}
