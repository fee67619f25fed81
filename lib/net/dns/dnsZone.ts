/**
 * Authoritative DNS data: which address a name has at a given simulated time, and
 * for how long a resolver may cache the answer.
 *
 * A zone is a table of names → addresses with one record TTL, plus optional
 * timed changes (a failover repoints a name at `atMs`). A name not in the table
 * is NXDOMAIN, and its answer carries the negative TTL of RFC 2308 §5: the lesser
 * of the SOA record's TTL and its MINIMUM field, here one parameter.
 *
 * Names follow RFC 1035 §2.3.4 (labels of 1–63 characters, 253 in all) and
 * compare case-insensitively (RFC 4343); they are kept in lower case without the
 * trailing dot. The walk from the root needs a top-level domain and a zone, so a
 * name has at least two labels; its zone is its last two labels (`example.com`
 * for `db.example.com`), a simplification of real delegation.
 *
 * Not modelled: record types other than one address per name, CNAME chains,
 * round-robin sets, NODATA answers, DNSSEC, zone transfers between primaries.
 */
import * as check from '../../validate';

/** An authoritative answer: an address, or null for NXDOMAIN, and the TTL to cache it for (ms). */
export interface DnsAnswer {
  readonly address: string | null;
  readonly ttlMs: number;
}

/** The authoritative servers of every zone: the answer for `name` at `nowMs`. */
export type DnsAuthority = (name: string, nowMs: number) => DnsAnswer;

/** A timed change to a record: from `atMs` on, `name` resolves to `address` (null removes it). */
export interface DnsRecordChange {
  atMs: number;
  name: string;
  address: string | null;
}

/** Every key of `DnsRecordChange`; `address` may be null (the name is removed: NXDOMAIN from then on). */
export const DNS_RECORD_CHANGE_KEYS: readonly (keyof DnsRecordChange & string)[] = ['atMs', 'name', 'address'];

export interface DnsZoneOptions {
  /** Name → address at time 0 (a plain object; a name not listed is NXDOMAIN; at most 10^6 names). */
  records: Readonly<Record<string, string>>;
  /** Record TTL (seconds, an integer in [0, 2^31 − 1], RFC 2181 §8). */
  ttlS: number;
  /** Negative-caching TTL for NXDOMAIN (seconds; default 300): min(SOA TTL, SOA MINIMUM), RFC 2308 §5. */
  negativeTtlS?: number;
  /** Changes applied at their times (ms, finite, ≥ 0), e.g. a failover; at most 10^6. */
  changes?: readonly DnsRecordChange[];
}

/** Every key of `DnsZoneOptions`. */
export const DNS_ZONE_KEYS: readonly (keyof DnsZoneOptions & string)[] = ['records', 'ttlS', 'negativeTtlS', 'changes'];

/** Most names in `records`, and most `changes`, one zone may hold. */
export const MAX_ZONE_ENTRIES = 1_000_000;

/** Largest TTL a record may carry (seconds): RFC 2181 §8 limits it to 2^31 − 1. */
export const MAX_TTL_S = 2_147_483_647;
/** Default negative-caching TTL (seconds). */
export const DEFAULT_NEGATIVE_TTL_S = 300;
/** Milliseconds in a second, for TTLs given in DNS's unit. */
const MS_PER_S = 1000;

const LABEL = /^[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?$/;

/** Checks a TTL given in seconds (an integer in [0, 2^31 − 1]) and returns it in ms. */
export function ttlSecondsToMs(option: string, value: unknown): number {
  return check.integer(option, value, 0, MAX_TTL_S) * MS_PER_S;
}

/** Recently checked names → canonical form, so hot loops do not re-parse a name per lookup. */
const checked = new Map<string, string>();
const CHECKED_LIMIT = 4096;

/** Checks a domain name and returns its canonical form (lower case, no trailing dot). */
export function dnsName(option: string, value: unknown): string {
  if (typeof value === 'string') {
    const known = checked.get(value);
    if (known !== undefined) return known;
  }
  if (typeof value !== 'string') throw new TypeError(`${option} must be a domain name such as "db.example.com"; got ${check.describe(value)}`);
  const name = (value.endsWith('.') ? value.slice(0, -1) : value).toLowerCase();
  const labels = name.split('.');
  const ok = name.length <= 253 && labels.length >= 2 && labels.every((l) => LABEL.test(l));
  if (!ok) {
    throw new RangeError(
      `${option} must be a domain name of at least two dot-separated labels (letters, digits, '-', '_'; 1–63 characters each, 253 in all); got ${check.describe(value)}`,
    );
  }
  if (checked.size >= CHECKED_LIMIT) checked.clear();
  checked.set(value, name);
  return name;
}

/** The top-level domain of a canonical name (`com` for `db.example.com`). */
export function tldOf(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1);
}

/** The zone of a canonical name: its last two labels (`example.com` for `db.example.com`). */
export function zoneOf(name: string): string {
  const last = name.lastIndexOf('.');
  return name.slice(name.lastIndexOf('.', last - 1) + 1);
}

/** Builds the authority for a zone table (see the module header). */
export function dnsZone(opts: DnsZoneOptions): DnsAuthority {
  check.options('dnsZone', opts, DNS_ZONE_KEYS);
  const ttlMs = ttlSecondsToMs('ttlS', opts.ttlS);
  const negativeTtlMs = ttlSecondsToMs('negativeTtlS', opts.negativeTtlS ?? DEFAULT_NEGATIVE_TTL_S);
  const records = opts.records;
  if (records === null || typeof records !== 'object' || Array.isArray(records)) {
    throw new TypeError(`records must be an object of name → address, such as { "db.example.com": "192.0.2.10" }; got ${check.describe(records)}`);
  }
  const entries = Object.entries(records);
  if (entries.length > MAX_ZONE_ENTRIES) throw new RangeError(`records must hold at most ${MAX_ZONE_ENTRIES} names; got ${entries.length}`);
  const history = new Map<string, { atMs: number; answer: DnsAnswer }[]>();
  const nx: DnsAnswer = { address: null, ttlMs: negativeTtlMs };
  const answerFor = (address: string | null): DnsAnswer => (address === null ? nx : { address, ttlMs });
  const push = (name: string, atMs: number, address: string | null): void => {
    const list = history.get(name) ?? [];
    if (list.length === 0) history.set(name, list);
    if (list.length === 0 && atMs > 0) list.push({ atMs: 0, answer: nx });
    list.push({ atMs, answer: answerFor(address) });
  };
  for (const [raw, address] of entries) {
    push(dnsName(`records key ${JSON.stringify(raw)}`, raw), 0, checkAddress(`records[${JSON.stringify(raw)}]`, address));
  }
  const changes = opts.changes ?? [];
  if (!Array.isArray(changes)) throw new TypeError(`changes must be an array of { atMs, name, address }; got ${check.describe(changes)}`);
  if (changes.length > MAX_ZONE_ENTRIES) throw new RangeError(`changes must hold at most ${MAX_ZONE_ENTRIES} entries; got ${changes.length}`);
  const sorted = changes
    .map((c, i) => {
      check.nestedOptions(`changes[${i}]`, c, DNS_RECORD_CHANGE_KEYS, ['address']);
      const atMs = check.nonNegative(`changes[${i}].atMs`, c.atMs);
      const address = c.address === null ? null : checkAddress(`changes[${i}].address`, c.address);
      return { atMs, name: dnsName(`changes[${i}].name`, c.name), address, i };
    })
    .sort((a, b) => a.atMs - b.atMs || a.i - b.i);
  for (const c of sorted) push(c.name, c.atMs, c.address);
  return (name, nowMs) => {
    const list = history.get(name);
    if (list === undefined || !(list[0].atMs <= nowMs)) return nx;
    // The last entry with atMs ≤ nowMs, by bisection (a name may change many times).
    let lo = 0;
    let hi = list.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (list[mid].atMs <= nowMs) lo = mid;
      else hi = mid - 1;
    }
    return list[lo].answer;
  };
}

function checkAddress(option: string, value: unknown): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new TypeError(`${option} must be a non-empty address string such as "10.0.0.1"; got ${check.describe(value)}`);
  }
  return value;
}
