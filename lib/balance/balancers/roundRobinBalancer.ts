/**
 * Round robin: servers in rotation take turns, in order (nginx's and HAProxy's
 * default without weights).
 *
 * Modelled as one counter per balancer: request i goes to live[i mod live.length].
 * When the rotation changes the turn order continues from the same counter, so
 * the sequence shifts; real balancers keep a position per server list in a
 * similar way. It ignores load, speed and weights, and with several balancer
 * instances in front of the same servers each keeps its own turn.
 */
import type { Balancer, BalancerContext, BalancerParams } from './balancer';

/** A round-robin balancer: request i goes to live[i mod live.length]. Returns the Balancer. */
export function roundRobinBalancer(_context: BalancerContext, _params: BalancerParams = {}): Balancer {
  let counter = 0;
  return {
    pick(live: Int32Array): number {
      const server = live[counter % live.length];
      counter++;
      return server;
    },
  };
}
