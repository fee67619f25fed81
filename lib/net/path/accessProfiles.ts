/**
 * Access-network profiles: the last mile between a user and a nearby server
 * (fibre, cable, Wi-Fi, 4G, 3G, satellite …), read from a table such as
 * `data/access-profiles.csv`, and turned into a `Path`.
 *
 * A profile holds five figures: base RTT to a nearby server (ms), jitter (ms, the
 * mean extra delay per round trip, as `createPath`'s `jitterMs`), long-run loss
 * rate, mean loss-burst length in packets (1 = independent losses, more = a
 * Gilbert–Elliott chain fitted by `burstyLoss`), and downlink bandwidth (Mbit/s).
 *
 * Fidelity: one representative figure per technology, not a distribution over
 * users; data/README.md says which figures are measured and which are choices
 * within a cited range.
 *
 * Not modelled: uplink bandwidth, radio wake-up (RRC) delays, handovers,
 * bufferbloat under load, differences between operators or places.
 */
import * as check from '../../validate';
import { cellLabel, columnIndex, idCell, numberCell, parseCsv, textCell, type CsvRecord, type CsvTable } from './csv';
import { burstyLoss } from './loss';
import { createPath, type Path } from './path';

export interface AccessProfile {
  /** Short id such as "fibre" or "4g". */
  readonly name: string;
  /** Base round-trip time to a nearby server (ms, ≥ 0). */
  readonly rttMs: number;
  /** Mean extra delay per round trip (ms, ≥ 0); see `PathOptions.jitterMs`. */
  readonly jitterMs: number;
  /** Long-run fraction of packets lost, in [0, 1). */
  readonly lossRate: number;
  /** Mean number of packets per run of losses (≥ 1; 1 = independent losses). */
  readonly meanLossBurst: number;
  /** Downlink bandwidth (megabits per second, > 0). */
  readonly bandwidthMbps: number;
  /** Source key(s), separated by ";" (see data/README.md). */
  readonly source: string;
}

/** The columns an access-profile file must have, in any order; also every key of `AccessProfile`. */
export const ACCESS_PROFILE_COLUMNS = ['name', 'rttMs', 'jitterMs', 'lossRate', 'meanLossBurst', 'bandwidthMbps', 'source'] as const satisfies readonly (keyof AccessProfile)[];

/** Reads and validates an access-profile table. Pure: text in, profiles out. */
export function parseAccessProfiles(csvText: string, sourceName: string): readonly AccessProfile[] {
  const table = parseCsv(csvText, sourceName);
  const col = columnIndex(table, ACCESS_PROFILE_COLUMNS);
  if (table.records.length === 0) throw new RangeError(`${sourceName}: no data lines after the header`);

  const profiles: AccessProfile[] = [];
  const lineOf = new Map<string, number>();
  for (const record of table.records) {
    const num = (column: (typeof ACCESS_PROFILE_COLUMNS)[number]) => numberCell(table, record, column, col[column]);
    const at = (column: string) => cellLabel(sourceName, record.line, column);
    const name = idCell(table, record, 'name', col.name);
    const earlier = lineOf.get(name);
    if (earlier !== undefined) {
      throw new RangeError(`${sourceName} line ${record.line}: duplicate profile ${JSON.stringify(name)} (first given on line ${earlier})`);
    }
    lineOf.set(name, record.line);
    const profile: AccessProfile = {
      name,
      rttMs: check.nonNegative(at('rttMs'), num('rttMs')),
      jitterMs: check.nonNegative(at('jitterMs'), num('jitterMs')),
      lossRate: check.inRange(at('lossRate'), num('lossRate'), 0, 1, '[)'),
      meanLossBurst: check.inRange(at('meanLossBurst'), num('meanLossBurst'), 1, Infinity, '[)'),
      bandwidthMbps: check.positive(at('bandwidthMbps'), num('bandwidthMbps')),
      source: textCell(table, record, 'source', col.source),
    };
    checkBuildsPath(table, record, profile);
    profiles.push(profile);
  }
  return profiles;
}

/** The profile called `name`; fails listing the known names. */
export function getAccessProfile(profiles: readonly AccessProfile[], name: string): AccessProfile {
  if (!Array.isArray(profiles)) throw new TypeError(`profiles must be an array of access profiles; got ${check.describe(profiles)}`);
  const found = profiles.find((p) => p.name === name);
  if (found === undefined) {
    const known = profiles.map((p) => p.name).join(', ');
    const err = typeof name === 'string' ? RangeError : TypeError;
    throw new err(`unknown access profile ${check.describe(name)}; known profiles: ${known}`);
  }
  return found;
}

/**
 * The profile as a path: its RTT, jitter and bandwidth, with independent loss
 * when `meanLossBurst` is 1 (or nothing is lost) and `burstyLoss` otherwise.
 */
export function accessPath(profile: AccessProfile): Path {
  check.options('accessPath', profile, ACCESS_PROFILE_COLUMNS);
  checkLabel('name', profile.name, true);
  checkLabel('source', profile.source, false);
  check.inRange('meanLossBurst', profile.meanLossBurst, 1, Infinity, '[)');
  const bursty = profile.meanLossBurst !== 1 && profile.lossRate > 0;
  return createPath({
    rttMs: profile.rttMs,
    jitterMs: profile.jitterMs,
    bandwidthMbps: profile.bandwidthMbps,
    ...(bursty ? { loss: burstyLoss({ rate: profile.lossRate, meanBurst: profile.meanLossBurst }) } : { lossRate: profile.lossRate }),
  });
}

/** A profile's text field: a string (non-empty where `required`). */
function checkLabel(option: 'name' | 'source', value: unknown, required: boolean): void {
  if (typeof value !== 'string') throw new TypeError(`${option} must be a string; got ${check.describe(value)}`);
  if (required && value.length === 0) throw new RangeError(`${option} must be a non-empty string; got ""`);
}

/** A loss rate too high for its burst length cannot be fitted; say where. */
function checkBuildsPath(table: CsvTable, record: CsvRecord, profile: AccessProfile): void {
  check.within(`${table.source} line ${record.line} (profile ${JSON.stringify(profile.name)})`, () => accessPath(profile));
}
