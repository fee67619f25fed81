/**
 * Least response time: the server whose queue the balancer expects to clear
 * soonest, judged by what it has observed.
 *
 * Per server the balancer keeps an exponentially weighted moving average of the
 * times it has seen requests take there (ewma += smoothing × (x − ewma); the
 * first observation sets it). A server's score is (outstanding + 1) × ewma: the
 * time to get through what is already queued there plus this request. The course
 * writes the rule as connections / response time; the product is used here
 * because it is what makes a slower server less attractive. Dividing would favour
 * the server that answers slowest. A server never observed scores 0, so each one
 * is tried. Lowest score wins, ties at random.
 *
 * In the spirit of nginx Plus's `least_time` and Envoy's latency-aware choices.
 * Not modelled: probing, decay of stale averages (a server that stops receiving
 * requests keeps its old average) and the delay before a real balancer sees a
 * response time.
 *
 * Cost: a scan of the rotation per pick up to `SCAN_MAX_SERVERS` servers, an index
 * beyond (see lowestScore.ts), kept current by `outstandingChanged` and `observe`.
 */
import type { Balancer, BalancerContext, BalancerParams, ClusterView, RequestView } from './balancer';
import { byServerIndex } from '../cluster/byServerIndex';
import { LowestScorePicker } from './lowestScore';

export const DEFAULT_SMOOTHING = 0.2;

/**
 * A least-response-time balancer: lowest (outstanding + 1) × moving average of the
 * observed response times (ms), averaged with `params.smoothing` (default
 * DEFAULT_SMOOTHING); ties at random. Returns the Balancer.
 */
export function leastResponseTimeBalancer(context: BalancerContext, params: BalancerParams = {}): Balancer {
  const smoothing = params.smoothing ?? DEFAULT_SMOOTHING;
  const rng = context.rng;
  // NaN marks a server not yet observed.
  const ewma = byServerIndex(context.members, Float64Array).fill(NaN);
  let outstanding: Int32Array = new Int32Array(0);
  const score = (server: number): number => {
    const average = ewma[server];
    return average === average ? (outstanding[server] + 1) * average : 0;
  };
  const picker = new LowestScorePicker(context.members, score, rng);
  return {
    pick(live: Int32Array, _request: RequestView, view: ClusterView): number {
      outstanding = view.outstanding;
      return picker.pick(live, outstanding);
    },
    observe(server: number, latencyMs: number): void {
      const average = ewma[server];
      ewma[server] = average === average ? average + smoothing * (latencyMs - average) : latencyMs;
      picker.changed(server);
    },
    outstandingChanged(server: number): void {
      picker.changed(server);
    },
  };
}
