/**
 * A recursive (caching) resolver shared by many clients, such as an ISP's or a
 * public one.
 *
 * On a query it answers from its cache while the record lives, handing out the
 * *remaining* TTL (RFC 1035 §6.1.3), so no downstream cache outlives its copy.
 * On a miss it walks root → TLD → authoritative (RFC 1034 §5.3.3), skipping the
 * servers whose referrals it still holds: the TLD's and the zone's NS records are
 * cached like any record, with their own long TTL (default two days, the TTL the
 * root zone gives TLD delegations), so a warm resolver that misses one name asks
 * only the zone's authoritative server. A name that does not exist is cached as
 * NXDOMAIN for the negative TTL the authority sends (RFC 2308 §5), so repeated
 * queries for it stop at the resolver too.
 *
 * Fidelity: budget level. Each hop costs its fixed RTT; the cache is stamped at the
 * query's start time (answers take no simulated time to arrive). Time is passed in
 * (ms), never read from a clock.
 *
 * Not modelled: lost queries and retries, several servers per level with RTT-based
 * selection, glue records, TTL floors and caps, serving stale (RFC 8767),
 * prefetching, query coalescing, DNSSEC.
 */
import * as check from '../../validate';
import { dnsRtts, type DnsWalkStart } from './dnsBudget';
import { dnsName, tldOf, ttlSecondsToMs, zoneOf, type DnsAuthority } from './dnsZone';
import { TtlCache, remainingTtlMs } from './ttlCache';

export interface DnsResolverOptions {
  /** The authoritative data every walk ends at (see `dnsZone`). */
  authority: DnsAuthority;
  /** Resolver ↔ root server RTT (ms, in [0, 3 600 000]; default 25). */
  rootMs?: number;
  /** Resolver ↔ TLD server RTT (ms, in [0, 3 600 000]; default 30). */
  tldMs?: number;
  /** Resolver ↔ authoritative server RTT (ms, in [0, 3 600 000]; default 50). */
  authoritativeMs?: number;
  /** TTL of the TLD and zone NS referrals (seconds, default 172 800 = two days). */
  referralTtlS?: number;
}

/** Every key of `DnsResolverOptions`. */
export const DNS_RESOLVER_KEYS: readonly (keyof DnsResolverOptions & string)[] = ['authority', 'rootMs', 'tldMs', 'authoritativeMs', 'referralTtlS'];

/** The resolver's reply to one query. */
export interface DnsResolution {
  /** The address, or null for NXDOMAIN. */
  address: string | null;
  /** The TTL handed downstream (ms): what is left of the resolver's own copy. */
  ttlMs: number;
  /** True when answered from the resolver's cache (no upstream query). */
  fromCache: boolean;
  /** Time the resolver spent walking upstream (ms; 0 on a cache hit). */
  upstreamMs: number;
  /** Where the walk started, or null on a cache hit. */
  walkFrom: DnsWalkStart | null;
}

/** Queries the resolver has sent upstream, per level: its load on the DNS hierarchy. */
export interface DnsUpstreamCounts {
  root: number;
  tld: number;
  authoritative: number;
}

/** Default TTL of TLD and zone referrals (seconds): two days. */
export const DEFAULT_REFERRAL_TTL_S = 172_800;

/**
 * A shared recursive resolver: answers from its cache with the remaining TTL,
 * else walks root → TLD → authoritative (skipping cached referrals) and caches
 * the answer, NXDOMAIN included; lookup times in ms.
 */
export class DnsResolver {
  readonly rootMs: number;
  readonly tldMs: number;
  readonly authoritativeMs: number;
  readonly referralTtlMs: number;
  /** Queries answered from the cache. */
  hits = 0;
  /** Queries that needed a walk. */
  misses = 0;
  /** Upstream queries per level. */
  readonly upstream: DnsUpstreamCounts = { root: 0, tld: 0, authoritative: 0 };
  private readonly authority: DnsAuthority;
  private readonly records = new TtlCache<string | null>();
  private readonly tldReferrals = new TtlCache<true>();
  private readonly zoneReferrals = new TtlCache<true>();

  constructor(opts: DnsResolverOptions) {
    check.options('DnsResolver', opts, DNS_RESOLVER_KEYS);
    if (typeof opts.authority !== 'function') {
      throw new TypeError(`authority must be a function (name, nowMs) => { address, ttlMs } such as dnsZone(...); got ${check.describe(opts.authority)}`);
    }
    this.authority = opts.authority;
    ({ rootMs: this.rootMs, tldMs: this.tldMs, authoritativeMs: this.authoritativeMs } = dnsRtts(opts));
    this.referralTtlMs = ttlSecondsToMs('referralTtlS', opts.referralTtlS ?? DEFAULT_REFERRAL_TTL_S);
  }

  /** Answers a query for `name` at `nowMs` (see the module header). */
  resolve(rawName: string, nowMs: number): DnsResolution {
    const name = dnsName('name', rawName);
    check.finite('nowMs', nowMs);
    const cached = this.records.lookup(name, nowMs);
    if (cached !== undefined) {
      // RFC 1035 §6.1.3: a cached TTL counts down; hand out what is left of it.
      this.hits++;
      return { address: cached.value, ttlMs: remainingTtlMs(cached.expiresAtMs, nowMs), fromCache: true, upstreamMs: 0, walkFrom: null };
    }
    this.misses++;
    const walkFrom = this.startOf(name, nowMs);
    let upstreamMs = this.authoritativeMs;
    // RFC 1034 §5.3.3: start from the closest servers whose NS referral is cached.
    if (walkFrom !== 'authoritative') {
      if (walkFrom === 'root') {
        upstreamMs += this.rootMs;
        this.upstream.root++;
        this.tldReferrals.set(tldOf(name), true, this.referralTtlMs, nowMs);
      }
      upstreamMs += this.tldMs;
      this.upstream.tld++;
      this.zoneReferrals.set(zoneOf(name), true, this.referralTtlMs, nowMs);
    }
    this.upstream.authoritative++;
    const answer = this.authority(name, nowMs);
    // The authority sends the full record TTL, or for NXDOMAIN the negative TTL,
    // which is cached like a record (RFC 2308 §5); a TTL of 0 is not cached (RFC 1035 §3.2.1).
    this.records.set(name, answer.address, answer.ttlMs, nowMs);
    return { address: answer.address, ttlMs: answer.ttlMs, fromCache: false, upstreamMs, walkFrom };
  }

  /** The first server a miss for `name` would ask at `nowMs`, given the referrals held. */
  walkStart(name: string, nowMs: number): DnsWalkStart {
    name = dnsName('name', name);
    check.finite('nowMs', nowMs);
    return this.startOf(name, nowMs);
  }

  private startOf(name: string, nowMs: number): DnsWalkStart {
    if (this.zoneReferrals.lookup(zoneOf(name), nowMs) !== undefined) return 'authoritative';
    if (this.tldReferrals.lookup(tldOf(name), nowMs) !== undefined) return 'tld';
    return 'root';
  }

  /** The TTL left on the resolver's copy of `name` (ms; 0 when it holds none). */
  remainingMs(name: string, nowMs: number): number {
    name = dnsName('name', name);
    check.finite('nowMs', nowMs);
    return this.records.remainingMs(name, nowMs);
  }

  /**
   * Warms the cache as if `name` had been fetched earlier: at `nowMs` it holds the
   * authority's current answer with `remainingMs` left (0 ≤ remainingMs ≤ the
   * record's TTL), and both referrals. No query is counted.
   */
  preload(name: string, nowMs: number, remainingMs: number): void {
    name = dnsName('name', name);
    check.finite('nowMs', nowMs);
    const answer = this.authority(name, nowMs);
    check.inRange('remainingMs', remainingMs, 0, answer.ttlMs);
    this.records.set(name, answer.address, remainingMs, nowMs);
    this.tldReferrals.set(tldOf(name), true, this.referralTtlMs, nowMs);
    this.zoneReferrals.set(zoneOf(name), true, this.referralTtlMs, nowMs);
  }

  /** Empties every cache (a resolver restart); counters are kept. */
  flush(): void {
    this.records.clear();
    this.tldReferrals.clear();
    this.zoneReferrals.clear();
  }
}
