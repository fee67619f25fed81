/**
 * A small reader for NetLab's hand-written data tables (`data/*.csv`), shared by
 * the region RTT and access-profile parsers.
 *
 * It reads plain comma-separated text: one header line, then one record per
 * line. Blank lines and lines starting with `#` are skipped; cells are trimmed.
 * Every error names the source, the line number, the column and the value read.
 *
 * Not supported (the data files never need them): quoted cells, commas or line
 * breaks inside a cell, escape sequences.
 */
import * as check from '../../validate';

/** One data record: its 1-based line number in the source and its cells. */
export interface CsvRecord {
  readonly line: number;
  readonly cells: readonly string[];
}

/** A parsed table: the header's column names and the records that follow. */
export interface CsvTable {
  readonly source: string;
  readonly header: readonly string[];
  readonly headerLine: number;
  readonly records: readonly CsvRecord[];
}

/** Where a cell sits, as error messages print it. */
export function cellLabel(source: string, line: number, column: string): string {
  return `${source} line ${line}, column "${column}"`;
}

/** Splits `text` into a header and records; fails on a missing header or a ragged record. */
export function parseCsv(text: string, source: string): CsvTable {
  if (typeof source !== 'string' || source === '') throw new TypeError(`sourceName must be a non-empty string naming the data; got ${check.describe(source)}`);
  if (typeof text !== 'string') throw new TypeError(`${source}: the CSV text must be a string; got ${check.describe(text)}`);
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let header: string[] | null = null;
  let headerLine = 0;
  const records: CsvRecord[] = [];
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) return;
    const cells = raw.split(',').map((c) => c.trim());
    if (header === null) {
      header = cells;
      headerLine = line;
      return;
    }
    if (cells.length !== header.length) {
      throw new RangeError(`${source} line ${line}: expected ${header.length} cells (${header.join(',')}); got ${cells.length} in ${JSON.stringify(raw)}`);
    }
    records.push({ line, cells });
  });
  if (header === null) throw new RangeError(`${source}: no header line; the file is empty`);
  return { source, header, headerLine, records };
}

/**
 * Checks the header: every `required` column present, no column twice, nothing
 * outside `required` and `optional`. Returns each column's index (-1 for an
 * absent optional column).
 */
export function columnIndex<R extends string, O extends string = never>(
  table: CsvTable,
  required: readonly R[],
  optional: readonly O[] = [],
): Record<R | O, number> {
  const where = `${table.source} line ${table.headerLine} (header)`;
  const allowed = [...required, ...optional] as string[];
  const index: Record<string, number> = {};
  table.header.forEach((name, i) => {
    if (!allowed.includes(name)) {
      throw new RangeError(`${where}: unknown column ${JSON.stringify(name)}; the columns are ${allowed.map((a) => JSON.stringify(a)).join(', ')}`);
    }
    if (name in index) throw new RangeError(`${where}: column ${JSON.stringify(name)} appears twice`);
    index[name] = i;
  });
  for (const name of required) {
    if (!(name in index)) {
      throw new RangeError(`${where}: missing column ${JSON.stringify(name)}; the header must name ${required.map((a) => JSON.stringify(a)).join(', ')}`);
    }
  }
  for (const name of optional) if (!(name in index)) index[name] = -1;
  return index as Record<R | O, number>;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A cell's text as a number; decimal notation only (no empty cells, no "Infinity"). */
export function numberCell(table: CsvTable, record: CsvRecord, column: string, index: number): number {
  const text = record.cells[index];
  if (!NUMBER.test(text)) {
    throw new TypeError(`${cellLabel(table.source, record.line, column)} must be a number; got ${JSON.stringify(text)}`);
  }
  return Number(text);
}

/** A cell's text as a short identifier: lower-case letters, digits and hyphens. */
export function idCell(table: CsvTable, record: CsvRecord, column: string, index: number): string {
  const text = record.cells[index];
  if (!/^[a-z0-9][a-z0-9-]*$/.test(text)) {
    throw new RangeError(`${cellLabel(table.source, record.line, column)} must be an id of lower-case letters, digits and hyphens; got ${JSON.stringify(text)}`);
  }
  return text;
}

/** A cell's text, required to be non-empty. */
export function textCell(table: CsvTable, record: CsvRecord, column: string, index: number): string {
  const text = record.cells[index];
  if (text === '') throw new RangeError(`${cellLabel(table.source, record.line, column)} must not be empty`);
  return text;
}
