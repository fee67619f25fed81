/**
 * Power of d choices (Mitzenmacher 2001, "The power of two choices in randomized
 * load balancing"; Azar et al. 1994): sample d distinct servers in rotation
 * uniformly at random and send the request to the one with fewest outstanding
 * (the first sampled on ties).
 *
 * Two samples instead of one cut the longest queue from about log n / log log n
 * to log log n / log 2, and need no global scan. The sample is a partial
 * Fisher–Yates shuffle over a permutation of live positions kept between picks
 * (any permutation is a valid start), so a pick costs O(d) and allocates nothing;
 * with d ≥ the number of live servers every server is considered. It ignores
 * weights and speed, like HAProxy's `random(2)` and Envoy's least-request.
 */
import type { Balancer, BalancerContext, BalancerParams, ClusterView, RequestView } from './balancer';

export const DEFAULT_CHOICES = 2;

/**
 * A power-of-d-choices balancer: `params.choices` distinct servers in rotation
 * (default DEFAULT_CHOICES) sampled at random, the one with the fewest outstanding
 * requests chosen. Returns the Balancer.
 */
export function powerOfTwoBalancer(context: BalancerContext, params: BalancerParams = {}): Balancer {
  const choices = params.choices ?? DEFAULT_CHOICES;
  const rng = context.rng;
  let order = new Int32Array(context.members.length);
  let orderLength = -1;
  return {
    pick(live: Int32Array, _request: RequestView, view: ClusterView): number {
      const n = live.length;
      if (n !== orderLength) {
        if (n > order.length) order = new Int32Array(n);
        for (let i = 0; i < n; i++) order[i] = i;
        orderLength = n;
      }
      const outstanding = view.outstanding;
      const d = choices < n ? choices : n;
      let best = -1;
      let bestLoad = Infinity;
      for (let j = 0; j < d; j++) {
        const r = j + Math.floor(rng() * (n - j));
        const position = order[r];
        order[r] = order[j];
        order[j] = position;
        const server = live[position];
        if (outstanding[server] < bestLoad) {
          best = server;
          bestLoad = outstanding[server];
        }
      }
      return best;
    },
  };
}
