/**
 * Tables in notebooks: `tableHtml` renders rows (an arquero table or an array of
 * flat objects) as a compact HTML table with numbers formatted to a fixed number
 * of decimals, so outputs are byte-stable from run to run; `showTable` displays it
 * from a tslab cell (HTML for notebooks, aligned text for plain consoles).
 * Options are held to their known keys, and a `digits` entry must name a column
 * of the table, so a misspelt column fails with the closest one.
 * Not done: sorting, paging, or more than `maxRows` rows (the rest are counted;
 * at most FIGURE_LIMITS.tableRows = 10,000 are shown).
 */
import * as check from '../../validate';
import { FIGURE_LIMITS } from '../limits';
import { kernelDisplayWriter } from './show';
import { escapeHtml } from './escapeHtml';

export interface TableOptions {
  /**
   * Decimals for non-integer numbers, an integer in [0, 12]: one count for all
   * columns, or per column name (each key must be a column; default 2).
   */
  digits?: number | Record<string, number>;
  /** Rows shown at most, an integer in [1, 10000] (default 50); the caption says how many were left out. */
  maxRows?: number;
  /** A caption above the table. */
  caption?: string;
}

const TABLE_KEYS: readonly (keyof TableOptions)[] = ['digits', 'maxRows', 'caption'];

/** What `tableHtml` accepts: rows, or anything with arquero's `objects()`. */
export type Tabular = readonly Record<string, unknown>[] | { objects(): Record<string, unknown>[] };

function rowsOf(fn: string, table: unknown): Record<string, unknown>[] {
  if (Array.isArray(table)) return table as Record<string, unknown>[];
  if (table !== null && typeof table === 'object' && typeof (table as { objects?: unknown }).objects === 'function') {
    return (table as { objects(): Record<string, unknown>[] }).objects();
  }
  throw new TypeError(`${fn}(table) expects an arquero table or an array of row objects; got ${table === null ? 'null' : typeof table}`);
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

/** Decimals per column from the `digits` option of `fn` (2 where it says nothing). */
function columnDigits(fn: string, digits: TableOptions['digits'], columns: readonly string[]): (column: string) => number {
  if (digits === undefined) return () => 2;
  if (typeof digits === 'number') {
    const d = check.integer(`${fn} digits`, digits, 0, 12);
    return () => d;
  }
  check.within(fn, () => check.nestedOptions('digits', digits, columns));
  for (const [column, d] of Object.entries(digits)) check.integer(`${fn} digits[${JSON.stringify(column)}]`, d, 0, 12);
  return (column) => digits[column] ?? 2;
}

interface Prepared {
  columns: string[];
  cells: string[][];
  numeric: boolean[];
  caption: string;
}

function prepare(fn: string, table: Tabular, opts: TableOptions): Prepared {
  check.options(fn, opts, TABLE_KEYS);
  const maxRows = opts.maxRows === undefined ? 50 : check.integer(`${fn} maxRows`, opts.maxRows, 1, FIGURE_LIMITS.tableRows);
  if (opts.caption !== undefined && typeof opts.caption !== 'string') {
    throw new TypeError(`${fn} caption must be a string; got ${check.describe(opts.caption)}`);
  }
  const rows = rowsOf(fn, table);
  const columns: string[] = [];
  const known = new Set<string>();
  for (const [i, row] of rows.entries()) {
    if (row === null || typeof row !== 'object' || Array.isArray(row)) {
      throw new TypeError(`${fn}(table): row ${i} must be an object; got ${check.describe(row)}`);
    }
    for (const key of Object.keys(row)) {
      if (!known.has(key)) {
        known.add(key);
        columns.push(key);
      }
    }
  }
  const digitsFor = columnDigits(fn, opts.digits, columns);
  const shown = rows.slice(0, maxRows);
  const cells = shown.map((row) => columns.map((c) => format(row[c], digitsFor(c))));
  const numeric = columns.map((c) => shown.every((row) => typeof row[c] === 'number'));
  const hidden = rows.length - shown.length;
  const caption = [opts.caption ?? '', hidden > 0 ? `(${hidden} more rows not shown)` : ''].filter(Boolean).join(' ');
  return { columns, cells, numeric, caption };
}

/** The table as HTML. */
export function tableHtml(table: Tabular, opts: TableOptions = {}): string {
  return html(prepare('tableHtml', table, opts));
}

/** The table as aligned plain text. */
export function tableText(table: Tabular, opts: TableOptions = {}): string {
  return plain(prepare('tableText', table, opts));
}

/** Displays the table in a tslab notebook cell. */
export function showTable(table: Tabular, opts: TableOptions = {}): void {
  const prepared = prepare('showTable', table, opts);
  const write = kernelDisplayWriter();
  if (write === null) throw new Error('showTable() displays in a Jupyter notebook and needs the tslab kernel; outside one, use tableText(table).');
  write({ data: { 'text/html': html(prepared), 'text/plain': plain(prepared) }, metadata: {} }, false);
}

function html({ columns, cells, numeric, caption }: Prepared): string {
  const align = (i: number): string => (numeric[i] ? ' style="text-align:right"' : ' style="text-align:left"');
  const head = columns.map((c, i) => `<th${align(i)}>${escapeHtml(c)}</th>`).join('');
  const body = cells.map((r) => `<tr>${r.map((v, i) => `<td${align(i)}>${escapeHtml(v)}</td>`).join('')}</tr>`).join('\n');
  const cap = caption ? `<caption style="caption-side:top;text-align:left">${escapeHtml(caption)}</caption>` : '';
  return `<table class="netlab-table">${cap}<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody></table>`;
}

function plain({ columns, cells, numeric, caption }: Prepared): string {
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i].length)));
  const pad = (v: string, i: number): string => (numeric[i] ? v.padStart(widths[i]) : v.padEnd(widths[i]));
  const lines = [columns.map(pad).join('  '), ...cells.map((r) => r.map(pad).join('  '))];
  return (caption ? `${caption}\n` : '') + lines.join('\n');
}
