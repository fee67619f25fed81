/**
 * Many seeded page loads of several configurations, gathered into arquero tables:
 * one row per page load (`pages`) and one row per object of every load (`objects`).
 *
 * Streams: run i of every configuration draws from `createRng(seed).fork('run i')`,
 * and within it connection k from its `connection k` fork (loss and jitter of that
 * connection's packets), so configurations are compared under common random
 * numbers: HTTP/2 and HTTP/3 meet the same loss pattern.
 *
 * Bounded up front: runs × data packets of all configurations ≤ 10^7 (about a minute),
 * and runs × objects of all configurations ≤ 2 × 10^6 when object rows are collected.
 */
import { createRng, type Rng } from '../random/rng';
import { progressTicker, type ProgressCallback } from '../sim/progress';
import { toTable, type Table } from '../stats/table';
import * as check from '../validate';
import { runPageLoad, type PageLoadOptions } from './pageLoad';
import { planPageLoad } from './pageLoadPlan';
import { PROTOCOL_TRAITS } from './protocols';

export interface PageLoadTableOptions {
  /** Configurations by name: page-load options without `rng`. */
  configurations: Record<string, Omit<PageLoadOptions, 'rng'>>;
  /** Page loads per configuration (integer in [1, 100000]; see the bounds above). */
  runs: number;
  /** Seed of the table (a finite number or a string); run i draws from its fork `run i`. */
  seed: number | string;
  /** Also collect one row per object (default true). */
  perObject?: boolean;
  /** Called after each page load (done, total). */
  onProgress?: ProgressCallback;
}

/** Every key of `PageLoadTableOptions`. */
export const PAGE_LOAD_TABLE_KEYS: readonly (keyof PageLoadTableOptions & string)[] = ['configurations', 'runs', 'seed', 'perObject', 'onProgress'];

/** Data packets over all runs and configurations of one table. */
const MAX_TABLE_PACKETS = 1e7;
/** Object rows of one table. */
const MAX_OBJECT_ROWS = 2e6;

export interface PageLoadTables {
  /** configuration, protocol, run, totalMs, retransmissions (data), requestRetransmissions, packets, connections, blockedMs (sum over objects), headerBytes, wastedBytes, failed. */
  pages: Table;
  /** configuration, protocol, run, index, bytes, connection, startMs, endMs, latencyMs (endMs − startMs), blockedMs, retransmissions. */
  objects: Table | null;
}

/**
 * Runs `runs` seeded page loads of each configuration (common random numbers across
 * configurations) and returns arquero tables: `pages`, one row per load (times in
 * ms), and `objects`, one row per object (null with `perObject: false`).
 *
 * @throws TypeError or RangeError naming a wrong option, or a table beyond the bounds above.
 *
 * @example
 * ```ts
 * import { pageLoadTable } from 'netlab';
 *
 * const path = { rttMs: 60, lossRate: 0.01 };
 * const objects = [20_000, 10_000, 10_000];
 * const tables = pageLoadTable({
 *   configurations: { 'HTTP/2': { protocol: 'http2', objects, path }, 'HTTP/3': { protocol: 'http3', objects, path } },
 *   runs: 5, seed: 1,
 * });
 * tables.pages.array('totalMs');               // 10 page load times (ms), 5 per configuration
 * ```
 */
export function pageLoadTable(opts: PageLoadTableOptions): PageLoadTables {
  check.options('pageLoadTable', opts, PAGE_LOAD_TABLE_KEYS);
  // Configuration names are the caller's: every key is known, each value is checked as page-load options.
  const configurations = check.nestedOptions('configurations', opts.configurations, Object.keys(opts.configurations ?? {}));
  const names = Object.keys(configurations);
  if (names.length === 0) throw new RangeError('configurations must name at least one page-load configuration');
  const runs = check.integer('runs', opts.runs, 1, 100_000);
  const root = checkSeed(opts.seed);
  const perObject = check.flag('perObject', opts.perObject, true);
  if (opts.onProgress !== undefined && typeof opts.onProgress !== 'function') {
    throw new TypeError(`onProgress must be a function (done, total) => void; got ${check.describe(opts.onProgress)}`);
  }
  const plans = names.map((name) => check.within(`configurations.${name}`, () => {
    if ((configurations[name] as { rng?: unknown }).rng !== undefined) {
      throw new TypeError('rng does not apply here: every run draws from the table\'s seed');
    }
    return planPageLoad(configurations[name]);
  }));
  const packets = plans.reduce((a, p) => a + p.packets, 0);
  check.workWithin('runs × data packets of the configurations', runs * packets, MAX_TABLE_PACKETS, 'data packets to simulate');
  if (perObject) {
    const objectsPerRun = plans.reduce((a, p) => a + p.bodyBytes.length, 0);
    check.workWithin('runs × objects of the configurations', runs * objectsPerRun, MAX_OBJECT_ROWS, 'object rows (pass perObject: false to keep only page rows)');
  }
  const tick = progressTicker(runs * names.length, opts.onProgress);
  const pages: Record<string, unknown>[] = [];
  const objects: Record<string, unknown>[] = [];
  let done = 0;
  const runRngs: Rng[] = Array.from({ length: runs }, (_, run) => root.fork(`run ${run}`));
  for (let run = 0; run < runs; run++) {
    plans.forEach((plan, k) => {
      const r = runPageLoad(plan, runRngs[run]);
      const protocol = PROTOCOL_TRAITS[r.protocol].label;
      let blocked = 0;
      for (const o of r.objects) {
        blocked += o.blockedMs;
        if (perObject) {
          objects.push({
            configuration: names[k], protocol, run, index: o.index, bytes: o.bytes, connection: o.connection,
            startMs: o.startMs, endMs: o.endMs, latencyMs: o.endMs - o.startMs, blockedMs: o.blockedMs, retransmissions: o.retransmissions,
          });
        }
      }
      pages.push({
        configuration: names[k], protocol, run, totalMs: r.totalMs, retransmissions: r.retransmissions,
        requestRetransmissions: r.connections.reduce((a, c) => a + c.requestRetransmissions, 0), packets: r.packets,
        connections: r.connections.length, blockedMs: blocked, headerBytes: r.headerBytes.sent, wastedBytes: r.wastedBytes, failed: r.failed,
      });
      tick(++done);
    });
  }
  return { pages: toTable(pages), objects: perObject ? toTable(objects) : null };
}

/** The table's root stream: a finite number or a string seed. */
function checkSeed(seed: unknown): Rng {
  if (typeof seed === 'number' && !Number.isFinite(seed)) throw new RangeError(`seed must be a finite number or a string; got ${seed}`);
  if (typeof seed !== 'number' && typeof seed !== 'string') throw new TypeError(`seed must be a finite number or a string; got ${check.describe(seed)}`);
  return createRng(seed);
}
