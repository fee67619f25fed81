/**
 * Why a call was slow: each call of a `pageLoadTable` run slower than a threshold
 * (latency since its screen's first request, see `callLatencies`) gets one cause,
 * the first that applies in this order:
 *  1. 'own packet lost': one of its own response packets was sent again;
 *  2. 'a request packet lost': a request packet of its screen was sent again
 *     (the server heard nothing of the requests it carried until the client's timer);
 *  3. 'held behind another call': its bytes had all arrived, but the transport held
 *     them back behind another stream's loss (head-of-line blocking);
 *  4. 'none of these': jitter alone (a late packet queued others behind it).
 * The order matters: a call with several causes counts under the first.
 *
 * It attributes, it does not simulate: the causes come from the columns
 * `retransmissions`, `blockedMs` (objects) and `requestRetransmissions` (pages).
 */
import * as check from '../validate';
import { quantileSorted } from '../stats/quantile';
import { sinceFirstRequest } from './callLatencies';
import { columnOf, pageLoadRows } from './pageLoadSamples';
import type { PageLoadTables } from './pageLoadTable';

/** The causes, in the order they are tried. */
export const SLOW_CALL_CAUSES = ['own packet lost', 'a request packet lost', 'held behind another call', 'none of these'] as const;
/** One cause of a slow call. */
export type SlowCallCause = (typeof SLOW_CALL_CAUSES)[number];

/** Options of `slowCallCauses`. */
export interface SlowCallCausesOptions {
  /** A call is slow when its latency since the screen's first request exceeds this (ms, > 0). */
  slowMs: number;
}

/** Every key of `SlowCallCausesOptions`. */
export const SLOW_CALL_CAUSES_KEYS: readonly (keyof SlowCallCausesOptions)[] = ['slowMs'];

/** The slow calls of one configuration with one cause. */
export interface SlowCallRow {
  configuration: string;
  /** One of SLOW_CALL_CAUSES, or 'all slow calls' for the configuration's total. */
  cause: SlowCallCause | 'all slow calls';
  /** Slow calls with this cause. */
  calls: number;
  /** All calls of the configuration, slow or not. */
  of: number;
  /** Median latency of these slow calls (ms); NaN when there are none. */
  medianMs: number;
}

/**
 * For every configuration, its slow calls by cause and in all: one row per cause in
 * SLOW_CALL_CAUSES order (rows with no calls included), then 'all slow calls'.
 *
 * @example
 * ```ts
 * import { pageLoadTable, slowCallCauses } from 'netlab';
 *
 * const path = { rttMs: 60, lossRate: 0.02 };
 * const calls = [4_000, 4_000, 4_000];
 * const tables = pageLoadTable({
 *   configurations: { 'HTTP/2': { protocol: 'http2', objects: calls, path }, 'HTTP/3': { protocol: 'http3', objects: calls, path } },
 *   runs: 20, seed: 1,
 * });
 * const rows = slowCallCauses(tables, { slowMs: 200 });
 * ```
 */
export function slowCallCauses(tables: PageLoadTables, opts: SlowCallCausesOptions): SlowCallRow[] {
  const FN = 'slowCallCauses';
  if (opts === undefined) throw new TypeError(`${FN} needs options { slowMs }`);
  check.options(FN, opts, SLOW_CALL_CAUSES_KEYS);
  const slowMs = check.positive(`${FN} slowMs`, opts.slowMs);
  const objects = pageLoadRows(FN, tables, 'objects');
  const pages = pageLoadRows(FN, tables, 'pages');
  const since = sinceFirstRequest(FN, objects);
  const names = objects.array('configuration') as ArrayLike<unknown>;
  const runs = columnOf(FN, objects, 'run', 'objects');
  const own = columnOf(FN, objects, 'retransmissions', 'objects');
  const held = columnOf(FN, objects, 'blockedMs', 'objects');
  const pageNames = pages.array('configuration') as ArrayLike<unknown>;
  const pageRuns = columnOf(FN, pages, 'run', 'pages');
  const requests = columnOf(FN, pages, 'requestRetransmissions', 'pages');
  const requestLost = new Set<string>();
  for (let i = 0; i < pageRuns.length; i++) if (requests[i] > 0) requestLost.add(`${String(pageNames[i])}\u0000${pageRuns[i]}`);

  const order: string[] = [];
  const groups = new Map<string, { of: number; byCause: number[][] }>();
  for (let i = 0; i < since.length; i++) {
    const name = String(names[i]);
    let g = groups.get(name);
    if (g === undefined) {
      groups.set(name, (g = { of: 0, byCause: SLOW_CALL_CAUSES.map(() => []) }));
      order.push(name);
    }
    g.of++;
    if (!(since[i] > slowMs)) continue;
    const cause = own[i] > 0 ? 0 : requestLost.has(`${name}\u0000${runs[i]}`) ? 1 : held[i] > 0 ? 2 : 3;
    g.byCause[cause].push(since[i]);
  }
  const median = (values: number[]): number => (values.length === 0 ? NaN : quantileSorted(Float64Array.from(values).sort(), 0.5));
  return order.flatMap((configuration) => {
    const g = groups.get(configuration)!;
    const rows: SlowCallRow[] = SLOW_CALL_CAUSES.map((cause, k) => ({ configuration, cause, calls: g.byCause[k].length, of: g.of, medianMs: median(g.byCause[k]) }));
    const all = g.byCause.flat();
    rows.push({ configuration, cause: 'all slow calls', calls: all.length, of: g.of, medianMs: median(all) });
    return rows;
  });
}
