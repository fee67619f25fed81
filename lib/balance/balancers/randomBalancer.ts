/**
 * Random: each request goes to a server drawn uniformly from those in rotation.
 *
 * The baseline every other algorithm is measured against. It needs no state and
 * no feedback, so with many independent balancers it behaves the same as one. It
 * ignores load, speed and weights entirely: a slow server gets as many requests
 * as a fast one, and short bursts pile onto one server by chance (the longest
 * queue grows like log n / log log n balls in n bins).
 */
import type { Balancer, BalancerContext, BalancerParams } from './balancer';

/** A random balancer: each request to a server drawn uniformly from those in rotation. Returns the Balancer. */
export function randomBalancer(context: BalancerContext, _params: BalancerParams = {}): Balancer {
  const rng = context.rng;
  return {
    pick(live: Int32Array): number {
      return live[Math.floor(rng() * live.length)];
    },
  };
}
