/**
 * The places of a global-routing run, checked: the RTT table, the regions the
 * service runs in, and the user populations with their access networks. Each
 * wrong value fails naming its option (e.g. `users[1].access.lossRate`), and an
 * unknown region lists the regions the table knows.
 */
import { ACCESS_PROFILE_COLUMNS, accessPath, type AccessProfile } from '../../net/path/accessProfiles';
import type { Path } from '../../net/path/path';
import type { RegionRtts } from '../../net/path/regionRtts';
import * as check from '../../validate';
import type { GlobalStrategy } from './globalRoutingDns';

/** Users in one place: where they are, their share of the requests, their last mile. */
export interface UserPopulation {
  /** Region id of the users' city in the RTT table, e.g. 'seoul'. */
  region: string;
  /** Share of all requests (> 0; the shares of all populations sum to 1). */
  share: number;
  /** The users' access network (a row of `loadAccessProfiles`). */
  access: AccessProfile;
}

/** The keys of `UserPopulation`. */
export const USER_POPULATION_KEYS: readonly (keyof UserPopulation)[] = ['region', 'share', 'access'];

/** A population with its access network as a path. */
export interface CheckedPopulation extends UserPopulation {
  path: Path;
}

/** Most regions, and most user populations, in one run. */
const MAX_PLACES = 50;

/**
 * Checks that `value` is a region RTT table (from `loadRegionRtts` or `parseRegionRtts`) and returns it.
 *
 * @throws TypeError when it is not.
 */
export function checkRtts(value: unknown): RegionRtts {
  const v = value as RegionRtts;
  if (value === null || typeof value !== 'object' || typeof v.rttMs !== 'function' || typeof v.has !== 'function' || !Array.isArray(v.regions)) {
    throw new TypeError(`rtts must be a region RTT table from loadRegionRtts(path) or parseRegionRtts(text, name); got ${check.describe(value)}`);
  }
  return v;
}

/** A region id the table knows; the message lists the known ones. */
function knownRegion(rtts: RegionRtts, option: string, value: unknown): string {
  if (typeof value !== 'string' || !rtts.has(value)) {
    const err = typeof value === 'string' ? RangeError : TypeError;
    throw new err(`${option}: unknown region ${check.describe(value)} in ${rtts.sourceName}; known regions: ${rtts.regions.join(', ')}`);
  }
  return value;
}

function checkList(option: string, value: unknown): unknown[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_PLACES) {
    throw new TypeError(`${option} must be an array of 1 to ${MAX_PLACES} entries; got ${check.describe(value)}`);
  }
  return value;
}

/**
 * Checks the service's regions: 1 to 50 distinct regions the RTT table knows, exactly
 * one under strategy 'single-region'. Returns them in order.
 *
 * @throws TypeError or RangeError naming the entry that is wrong.
 */
export function checkRegions(rtts: RegionRtts, value: unknown, strategy: GlobalStrategy): string[] {
  const list = checkList('regions', value).map((r, i) => knownRegion(rtts, `regions[${i}]`, r));
  list.forEach((r, i) => {
    if (list.indexOf(r) !== i) throw new RangeError(`regions[${i}]: ${JSON.stringify(r)} is listed twice`);
  });
  if (strategy === 'single-region' && list.length !== 1) {
    throw new RangeError(`regions must list exactly one region under strategy "single-region"; got ${list.length} (${list.join(', ')})`);
  }
  return list;
}

/**
 * Checks the user populations (1 to 50 distinct known places, shares summing to 1,
 * valid access profiles) and returns each with its access network as a path.
 *
 * @throws TypeError or RangeError naming the entry that is wrong.
 */
export function checkUsers(rtts: RegionRtts, value: unknown): CheckedPopulation[] {
  const seen = new Set<string>();
  let total = 0;
  const users = checkList('users', value).map((u, i): CheckedPopulation => {
    const at = `users[${i}]`;
    const p = check.nestedOptions(at, u as UserPopulation, USER_POPULATION_KEYS);
    const region = knownRegion(rtts, `${at}.region`, p.region);
    if (seen.has(region)) throw new RangeError(`${at}.region: ${JSON.stringify(region)} is listed twice; give each place once`);
    seen.add(region);
    const share = check.inRange(`${at}.share`, p.share, 0, 1, '(]');
    total += share;
    const access = checkAccess(`${at}.access`, p.access);
    return { region, share, access, path: accessPath(access) };
  });
  if (Math.abs(total - 1) > 1e-9) throw new RangeError(`users[].share must sum to 1; got ${total}`);
  return users;
}

/** An access profile's figures, each checked under its full option name. */
function checkAccess(at: string, value: unknown): AccessProfile {
  const a = check.nestedOptions(at, value as AccessProfile, ACCESS_PROFILE_COLUMNS);
  check.nonNegative(`${at}.rttMs`, a.rttMs);
  check.nonNegative(`${at}.jitterMs`, a.jitterMs);
  check.inRange(`${at}.lossRate`, a.lossRate, 0, 1, '[)');
  check.inRange(`${at}.meanLossBurst`, a.meanLossBurst, 1, Infinity, '[)');
  check.positive(`${at}.bandwidthMbps`, a.bandwidthMbps, true);
  check.within(at, () => accessPath(a));
  return a;
}
