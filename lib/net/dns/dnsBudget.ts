/**
 * The round-trip budget of one DNS lookup, by where it is answered: the paper
 * arithmetic behind `requestTime`'s `dns: 'cold' | 'warm'`.
 *
 *   runtime or stub cache hit        0
 *   recursive resolver cache hit     client↔resolver RTT
 *   resolver miss, walked from ...   client↔resolver RTT + the hops walked:
 *     'authoritative' (zone referral cached)      + resolver↔authoritative
 *     'tld'           (TLD referral cached)       + resolver↔TLD + resolver↔authoritative
 *     'root'          (nothing cached)            + resolver↔root + resolver↔TLD + resolver↔authoritative
 *
 * `requestTime`'s 'warm' is a local hit (0) and its 'cold' is a resolver hit (one
 * RTT to the resolver); a resolver that must walk costs the extra hops above.
 *
 * Fidelity: budget level, exact RTT arithmetic. The default round-trip times are
 * illustrative, not measurements. Not modelled: lost queries and their retries,
 * TCP fallback for large answers, DNSSEC validation, queueing at the resolver.
 */
import * as check from '../../validate';
import { delayMs } from '../limits';

/** Where a lookup was answered: a local cache, the resolver's cache, or an authoritative server. */
export type DnsAnsweredBy = 'runtime' | 'stub' | 'resolver' | 'authoritative';
export const DNS_ANSWERED_BY: readonly DnsAnsweredBy[] = ['runtime', 'stub', 'resolver', 'authoritative'];

/** The first server a resolver has to ask on a miss, given the referrals it holds. */
export type DnsWalkStart = 'root' | 'tld' | 'authoritative';
export const DNS_WALK_STARTS: readonly DnsWalkStart[] = ['root', 'tld', 'authoritative'];

/** Round-trip times of the hops of a lookup (ms). */
export interface DnsRtts {
  /** Client ↔ recursive resolver (ms, in [0, 3 600 000]). */
  resolverRttMs: number;
  /** Resolver ↔ root server (ms, in [0, 3 600 000]). */
  rootMs: number;
  /** Resolver ↔ top-level-domain server (ms, in [0, 3 600 000]). */
  tldMs: number;
  /** Resolver ↔ the zone's authoritative server (ms, in [0, 3 600 000]). */
  authoritativeMs: number;
}

/** Every key of `DnsRtts`. */
export const DNS_RTT_KEYS: readonly (keyof DnsRtts & string)[] = ['resolverRttMs', 'rootMs', 'tldMs', 'authoritativeMs'];

/** Illustrative hop RTTs (ms): a nearby resolver, anycast root and TLD servers, a farther authoritative. */
export const DNS_RTT_DEFAULTS: Readonly<DnsRtts> = Object.freeze({ resolverRttMs: 20, rootMs: 25, tldMs: 30, authoritativeMs: 50 });

export interface DnsBudgetOptions extends Partial<DnsRtts> {
  /** Where the lookup is answered. */
  answeredBy: DnsAnsweredBy;
  /** For 'authoritative': the first server asked (default 'root', a cold resolver). */
  walkFrom?: DnsWalkStart;
}

/** Every key of `DnsBudgetOptions`. */
export const DNS_BUDGET_KEYS: readonly (keyof DnsBudgetOptions & string)[] = [...DNS_RTT_KEYS, 'answeredBy', 'walkFrom'];

/** Checks the hop RTT options (ms, each in [0, 3 600 000]) and fills in the defaults. */
export function dnsRtts(opts: Partial<DnsRtts>): DnsRtts {
  return {
    resolverRttMs: delayMs('resolverRttMs', opts.resolverRttMs ?? DNS_RTT_DEFAULTS.resolverRttMs),
    rootMs: delayMs('rootMs', opts.rootMs ?? DNS_RTT_DEFAULTS.rootMs),
    tldMs: delayMs('tldMs', opts.tldMs ?? DNS_RTT_DEFAULTS.tldMs),
    authoritativeMs: delayMs('authoritativeMs', opts.authoritativeMs ?? DNS_RTT_DEFAULTS.authoritativeMs),
  };
}

/** The resolver's own walk (ms) when it starts at `from`: the sum of the hops it asks. */
export function walkMs(rtts: Pick<DnsRtts, 'rootMs' | 'tldMs' | 'authoritativeMs'>, from: DnsWalkStart): number {
  if (from === 'authoritative') return rtts.authoritativeMs;
  if (from === 'tld') return rtts.tldMs + rtts.authoritativeMs;
  return rtts.rootMs + rtts.tldMs + rtts.authoritativeMs;
}

/** Number of upstream servers asked on a walk from `from` (1–3). */
export function walkHops(from: DnsWalkStart): 1 | 2 | 3 {
  return from === 'authoritative' ? 1 : from === 'tld' ? 2 : 3;
}

/** The cost (ms) of one lookup answered at `answeredBy` (see the module header). */
export function dnsLookupBudget(opts: DnsBudgetOptions): number {
  check.options('dnsLookupBudget', opts, DNS_BUDGET_KEYS);
  const answeredBy = check.oneOf('answeredBy', opts.answeredBy, DNS_ANSWERED_BY);
  const walkFrom = check.oneOf('walkFrom', opts.walkFrom ?? 'root', DNS_WALK_STARTS);
  if (opts.walkFrom !== undefined && answeredBy !== 'authoritative') {
    throw new RangeError(`walkFrom applies only when answeredBy is "authoritative" (a resolver miss); got answeredBy ${JSON.stringify(answeredBy)}`);
  }
  const rtts = dnsRtts(opts);
  if (answeredBy === 'runtime' || answeredBy === 'stub') return 0;
  if (answeredBy === 'resolver') return rtts.resolverRttMs;
  return rtts.resolverRttMs + walkMs(rtts, walkFrom);
}
