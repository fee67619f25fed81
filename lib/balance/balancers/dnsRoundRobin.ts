/**
 * DNS round robin as a balancer: the authoritative server hands out the pool's
 * addresses in rotation, one per query, and recursive resolvers cache the answer for
 * the record's TTL. Every client behind a resolver goes where the resolver's cached
 * answer points until it expires, so one large resolver (an ISP's) sends a crowd of
 * clients to one server at a time: the course's convoy of buses following the first.
 *
 * Clients are spread over resolvers by hashing their address, in proportion to the
 * `resolvers` sizes. The authoritative server rotates over the servers the cluster
 * has in rotation: all of them without health checks (it keeps handing out a dead
 * server), the healthy ones with health checks (a health-checked DNS service such as
 * GeoDNS providers run); either way, answers already cached keep pointing at a dead
 * server until they expire.
 *
 * Fidelity: one address per answer (real answers list all addresses, rotated, and
 * clients mostly take the first); resolvers honour the TTL exactly and start warm,
each holding an answer with a remaining TTL drawn uniformly from (0, TTL], as busy
resolvers refresh at unrelated moments; the client's own
 * caches are left out, as with an honoured TTL they cannot outlive the resolver's copy
 * (RFC 1035 §6.1.3, see part 2's DNS fleet). Not modelled: runtimes that ignore TTLs,
 * clients retrying another address after an error.
 */
import * as check from '../../validate';
import type { Balancer, BalancerContext, BalancerFactory, ClusterView, RequestView } from './balancer';
import { upperBound } from '../../stats/sortedSearch';
import { hash32 } from './hash32';

export interface DnsRoundRobinOptions {
  /** Relative number of clients behind each resolver (1 to 100 000 values, each > 0). */
  resolvers: readonly number[];
  /** TTL of the answer (seconds, an integer in [0, 604 800]); 0 means every request asks the authority. */
  ttlS: number;
}

/** Every key of `DnsRoundRobinOptions`. */
export const DNS_ROUND_ROBIN_KEYS: readonly (keyof DnsRoundRobinOptions & string)[] = ['resolvers', 'ttlS'];

/** Seed that makes the client → resolver hash independent of the balancers' hashes. */
const RESOLVER_SEED = 0x646e73;

/**
 * A DNS round-robin balancer factory: clients hashed over `resolvers` (relative
 * sizes), each resolver caching one rotated answer for `ttlS` seconds. Returns a
 * BalancerFactory for `simulateCluster`'s `balancer` option.
 *
 * @throws TypeError when an option is unknown or `resolvers` is not 1 to 100 000 numbers.
 * @throws RangeError when a resolver size is not > 0 or `ttlS` is not an integer in [0, 604 800].
 */
export function dnsRoundRobin(opts: DnsRoundRobinOptions): BalancerFactory {
  check.options('dnsRoundRobin', opts, DNS_ROUND_ROBIN_KEYS);
  if (!Array.isArray(opts.resolvers) || opts.resolvers.length === 0 || opts.resolvers.length > 100_000) {
    throw new TypeError(`resolvers must be an array of 1 to 100000 relative sizes; got ${check.describe(opts.resolvers)}`);
  }
  const cumulative = new Float64Array(opts.resolvers.length);
  let total = 0;
  opts.resolvers.forEach((size, r) => (cumulative[r] = total += check.positive(`resolvers[${r}]`, size)));
  const ttlMs = check.integer('ttlS', opts.ttlS, 0, 604_800) * 1000;
  return {
    name: `DNS round robin (TTL ${opts.ttlS} s, ${opts.resolvers.length} resolvers)`,
    create: (context) => dnsBalancer(context, cumulative, total, ttlMs),
  };
}

function dnsBalancer(context: BalancerContext, cumulative: Float64Array, total: number, ttlMs: number): Balancer {
  const { members, rng } = context;
  const resolvers = cumulative.length;
  // Warm start: each resolver already holds an answer from the rotation, with a remaining TTL drawn uniformly from (0, TTL].
  const answer = Int32Array.from({ length: resolvers }, (_, r) => members[r % members.length]);
  const expires = Float64Array.from({ length: resolvers }, () => (1 - rng()) * ttlMs);
  let next = resolvers;
  const resolverOf = (client: number): number => Math.min(resolvers - 1, upperBound(cumulative, (hash32(client, RESOLVER_SEED) / 2 ** 32) * total));
  return {
    pick(live: Int32Array, request: RequestView, view: ClusterView): number {
      const r = resolverOf(request.client);
      if (view.nowMs < expires[r]) return answer[r];
      const s = live[next++ % live.length];
      answer[r] = s;
      expires[r] = view.nowMs + ttlMs;
      return s;
    },
  };
}
