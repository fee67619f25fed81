/**
 * Many seeded page loads of several configurations, gathered into arquero tables:
 * one row per page load (`pages`) and one row per object of every load (`objects`).
 *
 * Run i of every configuration draws from the same seed (`${seed}/${i}`), and each
 * connection and loss process from the same fork, so configurations are compared
 * under common random numbers: HTTP/2 and HTTP/3 meet the same loss pattern.
 */
import type { ColumnTable } from 'arquero';
import { createRng } from '../random/rng';
import { progressTicker, type ProgressCallback } from '../sim/progress';
import { toTable } from '../stats/table';
import * as check from '../validate';
import { runPageLoad, type PageLoadOptions } from './pageLoad';
import { planPageLoad } from './pageLoadPlan';
import { PROTOCOL_TRAITS } from './protocols';

export interface PageLoadTableOptions {
  /** Configurations by name: page-load options without `rng`. */
  configurations: Record<string, Omit<PageLoadOptions, 'rng'>>;
  /** Page loads per configuration (integer in [1, 100000]). */
  runs: number;
  /** Seed of run 0; run i uses `${seed}/${i}`. */
  seed: number | string;
  /** Also collect one row per object (default true). */
  perObject?: boolean;
  onProgress?: ProgressCallback;
}

export interface PageLoadTables {
  /** configuration, protocol, run, totalMs, retransmissions (data), requestRetransmissions, packets, connections, blockedMs (sum over objects), headerBytes, wastedBytes, failed. */
  pages: ColumnTable;
  /** configuration, protocol, run, index, bytes, connection, startMs, endMs, latencyMs (endMs − startMs), blockedMs, retransmissions. */
  objects: ColumnTable | null;
}

export function pageLoadTable(opts: PageLoadTableOptions): PageLoadTables {
  check.legacyOptions('pageLoadTable', opts);
  const configurations = check.legacyOptions('configurations', opts.configurations);
  const names = Object.keys(configurations);
  if (names.length === 0) throw new RangeError('configurations must name at least one page-load configuration');
  const runs = check.integer('runs', opts.runs, 1, 100_000);
  if (typeof opts.seed !== 'number' && typeof opts.seed !== 'string') throw new TypeError(`seed must be a number or a string; got ${check.describe(opts.seed)}`);
  const perObject = check.flag('perObject', opts.perObject, true);
  const plans = names.map((name) => check.within(`configuration '${name}'`, () => planPageLoad(configurations[name])));
  const tick = progressTicker(runs * names.length, opts.onProgress);
  const pages: Record<string, unknown>[] = [];
  const objects: Record<string, unknown>[] = [];
  let done = 0;
  for (let run = 0; run < runs; run++) {
    plans.forEach((plan, k) => {
      const r = runPageLoad(plan, createRng(`${opts.seed}/${run}`));
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
