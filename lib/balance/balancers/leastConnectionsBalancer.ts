/**
 * Least connections: the server in rotation with the fewest requests outstanding
 * (sent and not yet finished), divided by its weight; ties broken at random.
 *
 * This is HAProxy's `leastconn` and nginx's `least_conn`, with weights dividing the
 * count as both do (all weights 1 by default, which is plain least connections).
 * The balancer sees its own outstanding counts exactly and instantly, as a single
 * proxy does; not modelled: several proxies each seeing only their own share, or
 * slow-start for a server just back in rotation (it has zero connections and so
 * receives every request until it catches up).
 *
 * A server that fails fast (refusing connections) never holds any, so until health
 * checks remove it, least connections sends it more than its share: errors that
 * come back at once look like an idle server.
 *
 * Cost: a scan of the rotation per pick up to `SCAN_MAX_SERVERS` servers, an index
 * beyond (see lowestScore.ts), kept current by `outstandingChanged`.
 */
import type { Balancer, BalancerContext, BalancerParams, ClusterView, RequestView } from './balancer';
import { LowestScorePicker } from './lowestScore';

/**
 * A least-connections balancer: the server in rotation with the fewest outstanding
 * requests divided by its weight, ties at random. Returns the Balancer.
 */
export function leastConnectionsBalancer(context: BalancerContext, _params: BalancerParams = {}): Balancer {
  const { weights, rng } = context;
  let outstanding: Int32Array = new Int32Array(0);
  const score = (server: number): number => outstanding[server] / weights[server];
  const picker = new LowestScorePicker(context.members, score, rng);
  return {
    pick(live: Int32Array, _request: RequestView, view: ClusterView): number {
      outstanding = view.outstanding;
      return picker.pick(live, outstanding);
    },
    outstandingChanged(server: number): void {
      picker.changed(server);
    },
  };
}
