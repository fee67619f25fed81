/**
 * The one adapter from NetLab results to arquero tables (what notebooks display,
 * filter and group). `toTable` accepts the two shapes results come in: an array of
 * flat row objects (one per request, object, connection) or an object of
 * equal-length columns, where typed arrays (Float64Array latencies, Int32Array
 * server ids) are handed to arquero as they are, without copying or boxing.
 * `summaryTable` puts the Summary of several configurations side by side.
 * Both return a `Table`: arquero's ColumnTable under a name NetLab exports, so
 * code that imports only NetLab can name (and declare) the tables it gets.
 *
 * Validation covers the shape (object, arrays, equal lengths), not the values:
 * cells may be numbers, strings, booleans or null. Numbers are never rounded here.
 */
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import * as check from '../validate';
import { summarize, type Summary } from './summarize';
import { LogHistogram } from './streamingHistogram';

/**
 * An arquero table as NetLab hands it out: arquero's ColumnTable, named here so
 * that a variable holding one (`const t = toTable(rows)`) has a type its module
 * can name without importing arquero itself, wherever arquero is installed. Its
 * verbs (`filter`, `groupby`, `rollup`, …) return `Table` again.
 */
export interface Table extends ColumnTable {}

/** One result row: column name → cell. */
export type Row = Record<string, unknown>;
/** Columns by name: plain arrays or typed arrays, all the same length. */
export type Columns = Record<string, ArrayLike<unknown>>;

function isColumn(value: unknown): value is ArrayLike<unknown> {
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
}

function rowsToColumns(rows: readonly unknown[]): Map<string, unknown[]> {
  const columns = new Map<string, unknown[]>();
  rows.forEach((row, i) => {
    if (row === null || typeof row !== 'object' || Array.isArray(row)) {
      throw new TypeError(`toTable(records) rows must be objects; records[${i}] is ${check.describe(row)}`);
    }
    for (const name of Object.keys(row)) {
      // A column first seen at row i is missing (undefined) in rows 0 … i−1.
      if (!columns.has(name)) columns.set(name, new Array(i).fill(undefined));
    }
    for (const [name, column] of columns) column.push((row as Row)[name]);
  });
  return columns;
}

function checkColumns(records: object): Columns {
  let length = -1;
  let first = '';
  for (const [name, column] of Object.entries(records)) {
    if (!isColumn(column)) {
      throw new TypeError(`toTable(records) columns must be arrays or typed arrays; records.${name} is ${check.describe(column)}`);
    }
    if (length < 0) [length, first] = [column.length, name];
    else if (column.length !== length) {
      throw new RangeError(
        `toTable(records) columns must all have the same length; records.${name} has ${column.length}, records.${first} has ${length}`,
      );
    }
  }
  return records as Columns;
}

/**
 * An arquero table from an array of row objects, or from an object of equal-length
 * columns (typed arrays stay typed). Anything else throws, naming `records`.
 */
export function toTable(records: readonly Row[] | Columns): Table {
  if (Array.isArray(records)) return aq.table(rowsToColumns(records));
  if (records === null || typeof records !== 'object' || ArrayBuffer.isView(records)) {
    throw new TypeError(`toTable(records) must be an array of row objects or an object of columns; got ${check.describe(records)}`);
  }
  return aq.table(checkColumns(records));
}

/**
 * One row per named configuration, with the Summary columns (count, mean, min,
 * p50, p90, p99, p999, max) as Float64Arrays and the configuration's name in the
 * first column, `name`. Each entry is a sample (array of finite numbers) or a
 * LogHistogram (its sketched summary).
 */
export function summaryTable(named: Record<string, ArrayLike<number> | LogHistogram>): Table {
  if (named === null || typeof named !== 'object' || isColumn(named)) {
    throw new TypeError(`summaryTable(named) must be an object of { name: values }; got ${check.describe(named)}`);
  }
  const names = Object.keys(named);
  const fields: (keyof Summary)[] = ['count', 'mean', 'min', 'p50', 'p90', 'p99', 'p999', 'max'];
  const columns: Record<string, ArrayLike<unknown>> = { name: names };
  for (const f of fields) columns[f] = new Float64Array(names.length);
  names.forEach((name, i) => {
    const entry = named[name];
    const s = entry instanceof LogHistogram ? entry.summary() : summarize(entry, `summaryTable(named) named[${JSON.stringify(name)}]`);
    for (const f of fields) (columns[f] as Float64Array)[i] = s[f];
  });
  return aq.table(columns);
}
