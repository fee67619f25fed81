/**
 * Tables in notebooks: `tableHtml` renders rows (an arquero table or an array of
 * flat objects) as a compact HTML table with numbers formatted to a fixed number
 * of decimals, so outputs are byte-stable from run to run; `showTable` displays it
 * from a tslab cell (HTML for notebooks, aligned text for plain consoles).
 * Not done: sorting, paging, or more than `maxRows` rows (the rest are counted).
 */
import * as check from '../validate';
import { kernelDisplayWriter } from './show';
import { escapeHtml } from './escapeHtml';

export interface TableOptions {
  /** Decimals for non-integer numbers: one count for all columns, or per column name (default 2). */
  digits?: number | Record<string, number>;
  /** Rows shown at most (default 50); the caption says how many were left out. */
  maxRows?: number;
  /** A caption above the table. */
  caption?: string;
}

/** What `tableHtml` accepts: rows, or anything with arquero's `objects()`. */
export type Tabular = readonly Record<string, unknown>[] | { objects(): Record<string, unknown>[] };

function rowsOf(table: unknown): Record<string, unknown>[] {
  if (Array.isArray(table)) return table as Record<string, unknown>[];
  if (table !== null && typeof table === 'object' && typeof (table as { objects?: unknown }).objects === 'function') {
    return (table as { objects(): Record<string, unknown>[] }).objects();
  }
  throw new TypeError(`showTable(table) expects an arquero table or an array of row objects; got ${table === null ? 'null' : typeof table}`);
}

function format(value: unknown, digits: number): string {
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return '–';
    if (Number.isInteger(value)) return String(value);
    return value.toFixed(digits);
  }
  if (value === null || value === undefined) return '';
  return String(value);
}

/** Decimals per column from the `digits` option (2 where it says nothing). */
function columnDigits(digits: TableOptions['digits']): (column: string) => number {
  if (digits === undefined) return () => 2;
  if (typeof digits === 'number') {
    const d = check.integer('digits', digits, 0, 12);
    return () => d;
  }
  check.legacyOptions('digits', digits);
  for (const [column, d] of Object.entries(digits)) check.integer(`digits[${JSON.stringify(column)}]`, d, 0, 12);
  return (column) => digits[column] ?? 2;
}

interface Prepared {
  columns: string[];
  cells: string[][];
  numeric: boolean[];
  caption: string;
}

function prepare(table: Tabular, opts: TableOptions): Prepared {
  check.legacyOptions('showTable options', opts);
  const digitsFor = columnDigits(opts.digits);
  const maxRows = opts.maxRows === undefined ? 50 : check.integer('maxRows', opts.maxRows, 1);
  const rows = rowsOf(table);
  const columns: string[] = [];
  for (const row of rows) for (const key of Object.keys(row)) if (!columns.includes(key)) columns.push(key);
  const shown = rows.slice(0, maxRows);
  const cells = shown.map((row) => columns.map((c) => format(row[c], digitsFor(c))));
  const numeric = columns.map((c) => shown.every((row) => typeof row[c] === 'number'));
  const hidden = rows.length - shown.length;
  const caption = [opts.caption ?? '', hidden > 0 ? `(${hidden} more rows not shown)` : ''].filter(Boolean).join(' ');
  return { columns, cells, numeric, caption };
}

/** The table as HTML. */
export function tableHtml(table: Tabular, opts: TableOptions = {}): string {
  const { columns, cells, numeric, caption } = prepare(table, opts);
  const align = (i: number): string => (numeric[i] ? ' style="text-align:right"' : ' style="text-align:left"');
  const head = columns.map((c, i) => `<th${align(i)}>${escapeHtml(c)}</th>`).join('');
  const body = cells.map((r) => `<tr>${r.map((v, i) => `<td${align(i)}>${escapeHtml(v)}</td>`).join('')}</tr>`).join('\n');
  const cap = caption ? `<caption style="caption-side:top;text-align:left">${escapeHtml(caption)}</caption>` : '';
  return `<table class="netlab-table">${cap}<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody></table>`;
}

/** The table as aligned plain text. */
export function tableText(table: Tabular, opts: TableOptions = {}): string {
  const { columns, cells, numeric, caption } = prepare(table, opts);
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i].length)));
  const pad = (v: string, i: number): string => (numeric[i] ? v.padStart(widths[i]) : v.padEnd(widths[i]));
  const lines = [columns.map(pad).join('  '), ...cells.map((r) => r.map(pad).join('  '))];
  return (caption ? `${caption}\n` : '') + lines.join('\n');
}

/** Displays the table in a tslab notebook cell. */
export function showTable(table: Tabular, opts: TableOptions = {}): void {
  const write = kernelDisplayWriter();
  if (write === null) throw new Error('showTable() displays in a Jupyter notebook and needs the tslab kernel; outside one, use tableText(table).');
  write({ data: { 'text/html': tableHtml(table, opts), 'text/plain': tableText(table, opts) }, metadata: {} }, false);
}
