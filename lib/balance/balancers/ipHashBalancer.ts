/**
 * IP hash, by the course's formula Server = hash(client_IP) mod N: the request's
 * key (the client address, or the session or path as the cluster's `hashKey` says)
 * is hashed and reduced modulo the number of servers in rotation.
 *
 * The same key always reaches the same server while the rotation is unchanged,
 * which keeps sessions sticky without shared state. When the rotation changes
 * size, N changes and most keys move (about 1 − 1/N of them when one of N servers
 * leaves). Not modelled: nginx's `ip_hash`, which hashes only the first three
 * octets of an IPv4 address and, when the chosen server is down, rehashes over
 * the full list instead of shrinking N. Ignores load and weights.
 */
import type { Balancer, BalancerContext, BalancerParams, RequestView } from './balancer';
import { hash32 } from './hash32';

/**
 * An IP-hash balancer: hash(request key) mod the number of servers in rotation,
 * so a key stays on one server until the rotation changes size. Returns the Balancer.
 */
export function ipHashBalancer(_context: BalancerContext, _params: BalancerParams = {}): Balancer {
  return {
    pick(live: Int32Array, request: RequestView): number {
      return live[hash32(request.key) % live.length];
    },
  };
}
