/**
 * Many client hosts and the recursive resolvers they share, all resolving one
 * name: the state of `DnsClient` and `DnsResolver` laid out in typed arrays, for
 * experiments with tens of thousands of clients (see `simulateDnsFailover`).
 *
 * The rules are exactly those of the classes, for a single name: a runtime cache
 * under its policy, a stub cache holding the remaining TTL it is handed (RFC 1035
 * §6.1.3), resolver caches that hand out their remaining TTL and cache NXDOMAIN
 * for the negative TTL (RFC 2308 §5), and TLD and zone referrals with their own
 * TTL. An entry is live while now < expiry; a TTL of 0 stores nothing (RFC 1035
 * §3.2.1). Client i uses resolver i mod `resolvers`. The test suite checks the
 * fleet against the classes request by request.
 *
 * Fidelity and omissions: as `DnsClient` and `DnsResolver` (budget-level costs,
 * caches stamped at the lookup's start, no losses or retries).
 */
import * as check from '../../validate';
import { DNS_RTT_KEYS, dnsRtts, walkMs, type DnsAnsweredBy, type DnsRtts } from './dnsBudget';
import { checkRuntimePolicy, DEFAULT_RUNTIME_NEGATIVE_MS, runtimeCacheMs, type RuntimeCachePolicy } from './dnsClient';
import { DEFAULT_REFERRAL_TTL_S, type DnsUpstreamCounts } from './dnsResolver';
import { dnsName, ttlSecondsToMs, type DnsAuthority } from './dnsZone';

export interface DnsFleetOptions extends Partial<DnsRtts> {
  /** Client hosts (an integer in [1, 1 000 000]). */
  clients: number;
  /** Shared resolvers (an integer in [1, clients]). */
  resolvers: number;
  /** The authoritative data (see `dnsZone`). */
  authority: DnsAuthority;
  /** The one name every client resolves. */
  name: string;
  /** Runtime cache policy of every client (default 'honour-ttl'). */
  runtime?: RuntimeCachePolicy;
  /** Whether clients run a caching stub resolver (default true). */
  stubCache?: boolean;
  /** How long a runtime that ignores TTLs keeps NXDOMAIN (ms, default 10 000). */
  runtimeNegativeMs?: number;
  /** TTL of the TLD and zone referrals (seconds, default 172 800). */
  referralTtlS?: number;
}

/** Every key of `DnsFleetOptions`. */
export const DNS_FLEET_KEYS: readonly (keyof DnsFleetOptions & string)[] = [
  ...DNS_RTT_KEYS, 'clients', 'resolvers', 'authority', 'name', 'runtime', 'stubCache', 'runtimeNegativeMs', 'referralTtlS',
];

/**
 * Many clients and their shared resolvers resolving one name, with the rules of
 * `DnsClient` and `DnsResolver` kept in typed arrays; times in ms.
 */
export class DnsFleet {
  readonly clients: number;
  readonly resolvers: number;
  readonly name: string;
  readonly runtime: RuntimeCachePolicy;
  /** Lookups by where they were answered. */
  readonly answeredBy: Record<DnsAnsweredBy, number> = { runtime: 0, stub: 0, resolver: 0, authoritative: 0 };
  /** Upstream queries of all resolvers together. */
  readonly upstream: DnsUpstreamCounts = { root: 0, tld: 0, authoritative: 0 };
  /** Sum of lookup costs (ms). */
  lookupMsSum = 0;
  /** Where the latest lookup was answered, and its cost (ms). */
  lastAnsweredBy: DnsAnsweredBy = 'runtime';
  lastMs = 0;
  /** Distinct answers seen; a lookup returns an index into this list (null is NXDOMAIN). */
  readonly addresses: (string | null)[] = [];
  private readonly codes = new Map<string | null, number>();
  private readonly authority: DnsAuthority;
  private readonly rtts: DnsRtts;
  private readonly stubCache: boolean;
  private readonly hasRuntime: boolean;
  private readonly runtimeNegativeMs: number;
  private readonly referralTtlMs: number;
  private readonly rtExp: Float64Array;
  private readonly rtVal: Int32Array;
  private readonly stExp: Float64Array;
  private readonly stVal: Int32Array;
  private readonly resExp: Float64Array;
  private readonly resVal: Int32Array;
  private readonly tldExp: Float64Array;
  private readonly zoneExp: Float64Array;

  constructor(opts: DnsFleetOptions) {
    check.options('DnsFleet', opts, DNS_FLEET_KEYS);
    this.clients = check.integer('clients', opts.clients, 1, 1_000_000);
    this.resolvers = check.integer('resolvers', opts.resolvers, 1, this.clients);
    if (typeof opts.authority !== 'function') throw new TypeError(`authority must be a function such as dnsZone(...); got ${check.describe(opts.authority)}`);
    this.authority = opts.authority;
    this.name = dnsName('name', opts.name);
    this.runtime = checkRuntimePolicy('runtime', opts.runtime ?? 'honour-ttl');
    this.hasRuntime = this.runtime !== 'none';
    this.stubCache = check.flag('stubCache', opts.stubCache, true);
    this.runtimeNegativeMs = check.nonNegative('runtimeNegativeMs', opts.runtimeNegativeMs ?? DEFAULT_RUNTIME_NEGATIVE_MS);
    this.referralTtlMs = ttlSecondsToMs('referralTtlS', opts.referralTtlS ?? DEFAULT_REFERRAL_TTL_S);
    this.rtts = dnsRtts(opts);
    this.rtExp = new Float64Array(this.clients);
    this.rtVal = new Int32Array(this.clients);
    this.stExp = new Float64Array(this.clients);
    this.stVal = new Int32Array(this.clients);
    this.resExp = new Float64Array(this.resolvers);
    this.resVal = new Int32Array(this.resolvers);
    this.tldExp = new Float64Array(this.resolvers);
    this.zoneExp = new Float64Array(this.resolvers);
    // Empty caches: an expiry of -Infinity is never live.
    this.rtExp.fill(-Infinity);
    this.stExp.fill(-Infinity);
    this.resExp.fill(-Infinity);
    this.tldExp.fill(-Infinity);
    this.zoneExp.fill(-Infinity);
  }

  /** The index of `address` in `addresses`, adding it on first sight. */
  code(address: string | null): number {
    let c = this.codes.get(address);
    if (c === undefined) {
      c = this.addresses.push(address) - 1;
      this.codes.set(address, c);
    }
    return c;
  }

  /** As `DnsResolver.preload`: resolver `r` holds the current answer with `remainingMs` left, and both referrals. */
  preload(r: number, nowMs: number, remainingMs: number): void {
    check.integer('resolver', r, 0, this.resolvers - 1);
    check.finite('nowMs', nowMs);
    const answer = this.authority(this.name, nowMs);
    check.inRange('remainingMs', remainingMs, 0, answer.ttlMs);
    this.resExp[r] = remainingMs > 0 ? nowMs + remainingMs : -Infinity;
    this.resVal[r] = this.code(answer.address);
    this.tldExp[r] = this.zoneExp[r] = nowMs + this.referralTtlMs;
  }

  /**
   * As `DnsClient.lookup` for client `c` at `nowMs`: returns the answer's index in
   * `addresses` and sets `lastAnsweredBy` and `lastMs`. Arguments are not checked
   * here (the hot path); `c` must be an integer in [0, clients).
   */
  lookup(c: number, nowMs: number): number {
    if (this.hasRuntime && nowMs < this.rtExp[c]) {
      this.answeredBy.runtime++;
      this.lastAnsweredBy = 'runtime';
      this.lastMs = 0;
      return this.rtVal[c];
    }
    let val: number;
    let remaining: number;
    if (this.stubCache && nowMs < this.stExp[c]) {
      this.answeredBy.stub++;
      this.lastAnsweredBy = 'stub';
      this.lastMs = 0;
      val = this.stVal[c];
      remaining = this.stExp[c] - nowMs;
    } else {
      const r = c % this.resolvers;
      let ms = this.rtts.resolverRttMs;
      if (nowMs < this.resExp[r]) {
        this.lastAnsweredBy = 'resolver';
        val = this.resVal[r];
        remaining = this.resExp[r] - nowMs;
      } else {
        this.lastAnsweredBy = 'authoritative';
        ms += this.walk(r, nowMs);
        const answer = this.authority(this.name, nowMs);
        val = this.code(answer.address);
        remaining = answer.ttlMs;
        this.resExp[r] = remaining > 0 ? nowMs + remaining : -Infinity;
        this.resVal[r] = val;
      }
      this.answeredBy[this.lastAnsweredBy]++;
      this.lastMs = ms;
      this.lookupMsSum += ms;
      if (this.stubCache) {
        this.stExp[c] = remaining > 0 ? nowMs + remaining : -Infinity;
        this.stVal[c] = val;
      }
    }
    if (this.hasRuntime) {
      const hold = runtimeCacheMs(this.runtime, remaining, this.addresses[val] === null, this.runtimeNegativeMs);
      this.rtExp[c] = hold > 0 ? nowMs + hold : -Infinity;
      this.rtVal[c] = val;
    }
    return val;
  }

  /**
   * The answer client `c` would get at `nowMs`, changing nothing (no counts, no
   * cache updates): its runtime copy, else its stub copy, else its resolver's copy,
   * else the authority's current answer.
   */
  peek(c: number, nowMs: number): number {
    check.integer('client', c, 0, this.clients - 1);
    if (this.hasRuntime && nowMs < this.rtExp[c]) return this.rtVal[c];
    if (this.stubCache && nowMs < this.stExp[c]) return this.stVal[c];
    const r = c % this.resolvers;
    if (nowMs < this.resExp[r]) return this.resVal[r];
    return this.code(this.authority(this.name, nowMs).address);
  }

  /** Resolver `r`'s walk at `nowMs` (ms), renewing the referrals it fetches. */
  private walk(r: number, nowMs: number): number {
    this.upstream.authoritative++;
    if (nowMs < this.zoneExp[r]) return walkMs(this.rtts, 'authoritative');
    this.upstream.tld++;
    this.zoneExp[r] = nowMs + this.referralTtlMs;
    if (nowMs < this.tldExp[r]) return walkMs(this.rtts, 'tld');
    this.upstream.root++;
    this.tldExp[r] = nowMs + this.referralTtlMs;
    return walkMs(this.rtts, 'root');
  }
}
