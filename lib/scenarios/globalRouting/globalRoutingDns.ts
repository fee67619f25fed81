/**
 * How the authoritative DNS server picks a region for a query, under each of the
 * course's three set-ups ("Global Routing — Closing the Information Gap"):
 *
 * - 'single-region': every answer is the one region (everything in us-east-1).
 * - 'dns-round-robin': answers rotate over the regions, one per query, blind to
 *   where the query comes from. The rotation is shared by all queries, as one
 *   authoritative server's counter is.
 * - 'geo-dns': the answer is the nearest region to the querying place, by the
 *   measured round trip from that place (ties go to the region listed first).
 *   GeoDNS sees the resolver's address (or the client's subnet, RFC 7871); here
 *   resolvers sit in their users' city, so the two agree.
 *
 * With health checks, a region the checks have marked down is skipped: round
 * robin rotates over the others, GeoDNS answers the nearest healthy region. When
 * no region is healthy the server answers as if all were (it "fails open", as
 * Route 53 does when every record in a set is unhealthy), so a single-region
 * service keeps handing out its only region.
 *
 * Not modelled: several addresses per answer (clients mostly take the first),
 * weights, load-aware or latency-measuring answers, the mapping error of
 * IP-geolocation databases.
 */
import type { RegionRtts } from '../../net/path/regionRtts';

export type GlobalStrategy = 'single-region' | 'dns-round-robin' | 'geo-dns';
export const GLOBAL_STRATEGIES: readonly GlobalStrategy[] = ['single-region', 'dns-round-robin', 'geo-dns'];

/** One authoritative server's answering rule. */
export interface DnsAnswerPolicy {
  readonly strategy: GlobalStrategy;
  /**
   * The region (index into the regions) answered to a query from the place with
   * index `place`, given which regions the health checks count as up.
   */
  answer(place: number, healthy: (region: number) => boolean): number;
}

/** Indices of `regions` from nearest to farthest from `from`, by measured round trip (ties: listed order). */
export function nearestRegions(rtts: RegionRtts, from: string, regions: readonly string[]): number[] {
  const rtt = regions.map((r) => rtts.rttMs(from, r));
  return regions.map((_, i) => i).sort((a, b) => rtt[a] - rtt[b] || a - b);
}

/** The answering rule of `strategy` for queries from `places` (region ids of the users' cities). */
export function dnsAnswerPolicy(strategy: GlobalStrategy, rtts: RegionRtts, regions: readonly string[], places: readonly string[]): DnsAnswerPolicy {
  const all = regions.map((_, i) => i);
  if (strategy === 'single-region') return { strategy, answer: () => 0 };
  if (strategy === 'geo-dns') {
    const order = places.map((p) => nearestRegions(rtts, p, regions));
    return {
      strategy,
      answer(place, healthy) {
        const byDistance = order[place];
        for (const r of byDistance) if (healthy(r)) return r;
        return byDistance[0];
      },
    };
  }
  let next = 0;
  return {
    strategy,
    answer(_place, healthy) {
      let live = all.filter(healthy);
      if (live.length === 0) live = all;
      return live[next++ % live.length];
    },
  };
}
