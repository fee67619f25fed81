/**
 * The latency a client dashboard records for each call of a screen: from the moment
 * the screen's first request left to the last byte of that call's response. A
 * screen is one page load of `pageLoadTable` whose objects are API calls; the clock
 * of every call starts with the screen's first request, so time spent waiting for a
 * free connection (HTTP/1.1) counts, as it does for the user.
 *
 * It measures what the tables hold; it models nothing (no client-side processing,
 * no server time beyond the page load's `serverMs`).
 */
import type { Table } from '../stats/table';
import { columnOf, pageLoadRows } from './pageLoadSamples';
import type { PageLoadTables } from './pageLoadTable';

/**
 * Each call's latency since its screen's first request (ms), by configuration, in
 * the row order of `tables.objects` (run by run, call by call).
 *
 * @example
 * ```ts
 * import { callLatencies, pageLoadTable, quantiles } from 'netlab';
 *
 * const path = { rttMs: 60, lossRate: 0.02 };
 * const calls = [4_000, 4_000, 4_000];
 * const tables = pageLoadTable({
 *   configurations: { 'HTTP/2': { protocol: 'http2', objects: calls, path }, 'HTTP/3': { protocol: 'http3', objects: calls, path } },
 *   runs: 20, seed: 1,
 * });
 * quantiles(callLatencies(tables).get('HTTP/2')!, [0.5, 0.99]);   // ms
 * ```
 */
export function callLatencies(tables: PageLoadTables): Map<string, number[]> {
  const FN = 'callLatencies';
  const objects = pageLoadRows(FN, tables, 'objects');
  const since = sinceFirstRequest(FN, objects);
  const names = objects.array('configuration') as ArrayLike<unknown>;
  const out = new Map<string, number[]>();
  for (let i = 0; i < since.length; i++) {
    const name = String(names[i]);
    let list = out.get(name);
    if (list === undefined) out.set(name, (list = []));
    list.push(since[i]);
  }
  return out;
}

/** Per object row: endMs minus the earliest startMs of its configuration and run (ms). */
export function sinceFirstRequest(fn: string, objects: Table): Float64Array {
  const names = objects.array('configuration') as ArrayLike<unknown>;
  const runs = columnOf(fn, objects, 'run', 'objects');
  const start = columnOf(fn, objects, 'startMs', 'objects');
  const end = columnOf(fn, objects, 'endMs', 'objects');
  const key = (i: number): string => `${String(names[i])}\u0000${runs[i]}`;
  const first = new Map<string, number>();
  for (let i = 0; i < start.length; i++) {
    const k = key(i);
    const seen = first.get(k);
    if (seen === undefined || start[i] < seen) first.set(k, start[i]);
  }
  const out = new Float64Array(start.length);
  for (let i = 0; i < start.length; i++) out[i] = end[i] - first.get(key(i))!;
  return out;
}

