/**
 * One client host resolving names: an optional cache in the application runtime,
 * then the OS stub resolver's cache, then a shared recursive resolver.
 *
 * The stub cache (nscd, systemd-resolved) stores what the resolver hands it for the
 * remaining TTL it is given (RFC 1035 §6.1.3), NXDOMAIN included (RFC 2308 §5),
 * so it never outlives the resolver's copy. The runtime cache follows a policy:
 *
 *   'honour-ttl'  cache for the remaining TTL the stub (or resolver) hands over
 *   'forever'     cache a successful answer for the life of the process
 *                 (the JVM with `networkaddress.cache.ttl=-1`)
 *   a number      cache a successful answer for that many ms whatever the record
 *                 says (the JVM with `networkaddress.cache.ttl=30` → 30 000)
 *   'none'        no runtime cache: every lookup asks the stub
 *
 * Under 'forever' and a fixed time, NXDOMAIN is cached for `runtimeNegativeMs`
 * (default 10 s, the JVM's `networkaddress.cache.negative.ttl`).
 *
 * Fidelity: budget level. A lookup costs 0 when a local cache answers, one
 * client↔resolver RTT when the resolver's cache does, plus the resolver's walk on
 * a miss (see `dnsLookupBudget`). Caches are stamped at the lookup's start time.
 *
 * Not modelled: search domains and ndots, /etc/hosts, parallel A/AAAA queries,
 * several resolvers in resolv.conf and their timeouts, lost queries.
 */
import * as check from '../../validate';
import { delayMs } from '../limits';
import { DNS_RTT_DEFAULTS, type DnsAnsweredBy } from './dnsBudget';
import { dnsName } from './dnsZone';
import type { DnsResolver } from './dnsResolver';
import { TtlCache, remainingTtlMs } from './ttlCache';

/** How the application runtime caches answers (see the module header). */
export type RuntimeCachePolicy = 'none' | 'honour-ttl' | 'forever' | number;
export const RUNTIME_CACHE_POLICIES: readonly ('none' | 'honour-ttl' | 'forever')[] = ['none', 'honour-ttl', 'forever'];

/** The JVM's default `networkaddress.cache.negative.ttl` (ms). */
export const DEFAULT_RUNTIME_NEGATIVE_MS = 10_000;

/** One lookup: its cost, who answered, and the address (null for NXDOMAIN). */
export interface DnsLookup {
  /** Time the lookup took (ms). */
  ms: number;
  answeredBy: DnsAnsweredBy;
  address: string | null;
}

export interface DnsClientOptions {
  /** The recursive resolver this host is configured to use. */
  resolver: DnsResolver;
  /** Client ↔ resolver RTT (ms, in [0, 3 600 000]; default 20). */
  resolverRttMs?: number;
  /** Runtime cache policy (default 'honour-ttl'). */
  runtime?: RuntimeCachePolicy;
  /** Whether the OS runs a caching stub resolver (default true). */
  stubCache?: boolean;
  /** How long a runtime that ignores TTLs keeps NXDOMAIN (ms, default 10 000). */
  runtimeNegativeMs?: number;
}

/** Every key of `DnsClientOptions`. */
export const DNS_CLIENT_KEYS: readonly (keyof DnsClientOptions & string)[] = ['resolver', 'resolverRttMs', 'runtime', 'stubCache', 'runtimeNegativeMs'];

/** Checks a runtime cache policy option. */
export function checkRuntimePolicy(option: string, value: unknown): RuntimeCachePolicy {
  if (typeof value === 'number') {
    if (value >= 0 && Number.isFinite(value)) return value;
    throw new RangeError(`${option} must be one of "none", "honour-ttl", "forever" or a fixed cache time in ms (a finite number >= 0); got ${value}`);
  }
  if (typeof value === 'string' && (RUNTIME_CACHE_POLICIES as readonly string[]).includes(value)) return value as RuntimeCachePolicy;
  const Err = typeof value === 'string' ? RangeError : TypeError;
  throw new Err(`${option} must be one of "none", "honour-ttl", "forever" or a fixed cache time in ms (a number >= 0); got ${check.describe(value)}`);
}

/**
 * How long (ms) a runtime under `policy` keeps an answer whose remaining TTL is
 * `remainingMs`; Infinity for the life of the process, 0 for not at all.
 */
export function runtimeCacheMs(policy: RuntimeCachePolicy, remainingMs: number, negative: boolean, negativeMs = DEFAULT_RUNTIME_NEGATIVE_MS): number {
  if (policy === 'none') return 0;
  if (policy === 'honour-ttl') return remainingMs;
  if (negative) return negativeMs;
  return policy === 'forever' ? Infinity : policy;
}

/**
 * One client host resolving names through its runtime cache (under a policy), its
 * OS stub cache and a shared recursive resolver; `lookup` returns the address
 * (or NXDOMAIN) and the time the lookup took (ms).
 */
export class DnsClient {
  readonly resolver: DnsResolver;
  readonly resolverRttMs: number;
  readonly runtime: RuntimeCachePolicy;
  readonly runtimeNegativeMs: number;
  private readonly runtimeCache: TtlCache<string | null> | null;
  private readonly stub: TtlCache<string | null> | null;

  constructor(opts: DnsClientOptions) {
    check.options('DnsClient', opts, DNS_CLIENT_KEYS);
    if (opts.resolver === null || typeof opts.resolver !== 'object' || typeof opts.resolver.resolve !== 'function') {
      throw new TypeError(`resolver must be a DnsResolver; got ${check.describe(opts.resolver)}`);
    }
    this.resolver = opts.resolver;
    this.resolverRttMs = delayMs('resolverRttMs', opts.resolverRttMs ?? DNS_RTT_DEFAULTS.resolverRttMs);
    this.runtime = checkRuntimePolicy('runtime', opts.runtime ?? 'honour-ttl');
    this.runtimeNegativeMs = check.nonNegative('runtimeNegativeMs', opts.runtimeNegativeMs ?? DEFAULT_RUNTIME_NEGATIVE_MS);
    this.runtimeCache = this.runtime === 'none' ? null : new TtlCache();
    this.stub = check.flag('stubCache', opts.stubCache, true) ? new TtlCache() : null;
  }

  /** Resolves `name` at `nowMs` through runtime cache → stub cache → resolver. */
  lookup(rawName: string, nowMs: number): DnsLookup {
    const name = dnsName('name', rawName);
    check.finite('nowMs', nowMs);
    const inRuntime = this.runtimeCache?.lookup(name, nowMs);
    if (inRuntime !== undefined) return { ms: 0, answeredBy: 'runtime', address: inRuntime.value };
    const inStub = this.stub?.lookup(name, nowMs);
    if (inStub !== undefined) {
      this.remember(name, inStub.value, remainingTtlMs(inStub.expiresAtMs, nowMs), nowMs);
      return { ms: 0, answeredBy: 'stub', address: inStub.value };
    }
    const r = this.resolver.resolve(name, nowMs);
    this.stub?.set(name, r.address, r.ttlMs, nowMs);
    this.remember(name, r.address, r.ttlMs, nowMs);
    return { ms: this.resolverRttMs + r.upstreamMs, answeredBy: r.fromCache ? 'resolver' : 'authoritative', address: r.address };
  }

  /** Empties the runtime cache: a process restart. The stub keeps its cache. */
  restart(): void {
    this.runtimeCache?.clear();
  }

  /** Empties the stub cache (e.g. `resolvectl flush-caches`). */
  flushStub(): void {
    this.stub?.clear();
  }

  private remember(name: string, address: string | null, remainingMs: number, nowMs: number): void {
    if (this.runtimeCache === null) return;
    this.runtimeCache.set(name, address, runtimeCacheMs(this.runtime, remainingMs, address === null, this.runtimeNegativeMs), nowMs);
  }
}
