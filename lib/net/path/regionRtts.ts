/**
 * Round-trip times between cloud regions, read from a measured table such as
 * `data/region-rtt.csv` (long format: `from,to,rttMs[,source]`, one line per
 * direction, times in milliseconds).
 *
 * Fidelity: one figure per direction, a monthly median as the provider publishes
 * it. It is a base RTT for `createPath`; the spread around it (jitter, loss) is
 * the path's business, not the table's.
 *
 * Lookup rules:
 * - a direction the file does not list takes the reverse direction's figure
 *   (published tables differ by a few ms between directions, when at all);
 * - a region to itself is the file's same-region line if it has one, else 0 ms:
 *   the table measures between regions, and the user's last mile belongs to the
 *   access profile (`accessProfiles.ts`);
 * - an unknown region fails, naming the known ones.
 *
 * Not modelled: time-of-day variation, routing changes, the tail of the RTT
 * distribution between two regions.
 */
import * as check from '../../validate';
import { cellLabel, columnIndex, idCell, numberCell, parseCsv, textCell } from './csv';

/** One line of the table. */
export interface RegionRttRow {
  readonly from: string;
  readonly to: string;
  /** Round-trip time (ms, ≥ 0). */
  readonly rttMs: number;
  /** Source key (see data/README.md), or '' when the file has no `source` column. */
  readonly source: string;
}

export interface RegionRtts {
  /** Where the figures were read from (the `sourceName` given to the parser). */
  readonly sourceName: string;
  /** Region ids in the order they first appear in the file. */
  readonly regions: readonly string[];
  /** The table's lines as read, for display. */
  readonly rows: readonly RegionRttRow[];
  /** True when `region` is in the table. */
  has(region: string): boolean;
  /** Round-trip time from `from` to `to` (ms), by the lookup rules in this module's header. */
  rttMs(from: string, to: string): number;
}

/** The columns a region RTT file must have, and the one it may have. */
export const REGION_RTT_COLUMNS = ['from', 'to', 'rttMs'] as const;
export const REGION_RTT_OPTIONAL_COLUMNS = ['source'] as const;

/** Reads and validates a region RTT table. Pure: text in, lookup out. */
export function parseRegionRtts(csvText: string, sourceName: string): RegionRtts {
  const table = parseCsv(csvText, sourceName);
  const col = columnIndex(table, REGION_RTT_COLUMNS, REGION_RTT_OPTIONAL_COLUMNS);
  if (table.records.length === 0) throw new RangeError(`${sourceName}: no data lines after the header`);

  const rows: RegionRttRow[] = [];
  const lineOf = new Map<string, number>();
  const rtt = new Map<string, number>();
  const regions: string[] = [];
  const seen = new Set<string>();
  for (const record of table.records) {
    const from = idCell(table, record, 'from', col.from);
    const to = idCell(table, record, 'to', col.to);
    const rttMs = check.nonNegative(cellLabel(sourceName, record.line, 'rttMs'), numberCell(table, record, 'rttMs', col.rttMs));
    const source = col.source >= 0 ? textCell(table, record, 'source', col.source) : '';
    const key = pairKey(from, to);
    const earlier = lineOf.get(key);
    if (earlier !== undefined) {
      throw new RangeError(`${sourceName} line ${record.line}: duplicate pair ${from} → ${to} (first given on line ${earlier})`);
    }
    lineOf.set(key, record.line);
    rtt.set(key, rttMs);
    for (const region of [from, to]) {
      if (!seen.has(region)) {
        seen.add(region);
        regions.push(region);
      }
    }
    rows.push({ from, to, rttMs, source });
  }

  // Every pair of distinct regions needs at least one direction.
  for (let i = 0; i < regions.length; i++) {
    for (let j = i + 1; j < regions.length; j++) {
      const a = regions[i];
      const b = regions[j];
      if (!rtt.has(pairKey(a, b)) && !rtt.has(pairKey(b, a))) {
        throw new RangeError(`${sourceName}: no round-trip time between ${a} and ${b} in either direction; every pair of listed regions needs one`);
      }
    }
  }

  const requireRegion = (option: string, region: unknown): string => {
    const known = regions.join(', ');
    if (typeof region !== 'string') {
      throw new TypeError(`${option} must be a region name (a string); got ${check.describe(region)}; known regions in ${sourceName}: ${known}`);
    }
    if (!seen.has(region)) throw new RangeError(`${option}: unknown region ${check.describe(region)} in ${sourceName}; known regions: ${known}`);
    return region;
  };

  return {
    sourceName,
    regions,
    rows,
    has: (region) => seen.has(region),
    rttMs(from, to) {
      const a = requireRegion('from', from);
      const b = requireRegion('to', to);
      const direct = rtt.get(pairKey(a, b));
      if (direct !== undefined) return direct;
      if (a === b) return 0;
      return rtt.get(pairKey(b, a)) as number;
    },
  };
}

function pairKey(from: string, to: string): string {
  return `${from}\u0000${to}`;
}
