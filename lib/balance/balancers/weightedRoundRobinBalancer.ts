/**
 * Weighted round robin, by nginx's smooth algorithm (ngx_http_upstream_get_peer).
 *
 * Each server keeps a current weight. On every pick each server in rotation adds
 * its configured weight to its current weight; the server with the largest current
 * weight (the first in `live` on ties) is chosen and has the total of the live
 * weights subtracted from it. Over any Σw consecutive picks from a fresh start with
 * integer weights each server is chosen exactly w times, and its turns are spread
 * out rather than bunched: weights 5, 1, 1 give a a b a c a a.
 *
 * Weights come from `context.weights` and are > 0 (the cluster checks them). Not
 * modelled: nginx's effective weight, which it lowers after failures and restores
 * slowly; servers out of rotation keep their current weight until they return.
 */
import type { Balancer, BalancerContext, BalancerParams } from './balancer';
import { byServerIndex } from '../cluster/byServerIndex';

/**
 * A smooth weighted round-robin balancer (nginx's algorithm): each server in rotation
 * is chosen in proportion to its weight, its turns spread out. Returns the Balancer.
 */
export function weightedRoundRobinBalancer(context: BalancerContext, _params: BalancerParams = {}): Balancer {
  const weights = context.weights;
  const current = byServerIndex(context.members, Float64Array);
  return {
    pick(live: Int32Array): number {
      let total = 0;
      let best = live[0];
      let bestCurrent = -Infinity;
      for (let i = 0; i < live.length; i++) {
        const server = live[i];
        const w = weights[server];
        const c = current[server] + w;
        current[server] = c;
        total += w;
        if (c > bestCurrent) {
          best = server;
          bestCurrent = c;
        }
      }
      current[best] -= total;
      return best;
    },
  };
}
