/**
 * The balancer as a server: each tier of proxies is a set of instances with workers,
 * and every request costs each tier it crosses some processing time. An L4 proxy
 * forwards connections by address and port without reading them, so its cost is
 * small; an L7 proxy terminates the connection and parses the HTTP request, so it
 * costs more but can route by path and keep sessions on one server by cookie.
 *
 * Default costs are illustrative orders of magnitude, not measurements: 5 µs per
 * request for L4 (kernel-level forwarding handles on the order of a million packets
 * per second per core), 100 µs for L7 (a user-space HTTP proxy on the order of ten
 * thousand requests per second per core). Pass your own for your hardware.
 *
 * A tier spreads requests over the next tier's instances by hashing the client
 * address, as ECMP routers and L4 balancers do; the last tier picks the server with
 * the cluster's balancer. Not modelled: TLS termination (see part 2's handshake
 * cost), connection reuse between proxy and server, proxies that fail.
 */
import { constant } from '../../random/constant';
import { type Distribution } from '../../random/distribution';
import { requireDistribution } from '../../random/requireDistribution';
import type { DistributionLike } from '../../random/spec';
import * as check from '../../validate';

export type BalancerLayer = 'L4' | 'L7';

export interface ProxyTierSpec {
  layer: BalancerLayer;
  /** Proxies in the tier (integer in [1, 1000]; default 1). */
  instances?: number;
  /** Requests each proxy processes at once (integer in [1, 10 000]; default 1, one core). */
  workers?: number;
  /** Processing time per request (ms, a number in [0, 10^6] or a Distribution whose draws are durations; default by layer). */
  costMs?: number | DistributionLike;
}

/** Every key of `ProxyTierSpec`. */
export const PROXY_TIER_KEYS: readonly (keyof ProxyTierSpec & string)[] = ['layer', 'instances', 'workers', 'costMs'];

export interface ProxyTier {
  layer: BalancerLayer;
  instances: number;
  workers: number;
  cost: Distribution;
}

/** Default per-request processing time (ms) by layer. */
export const PROXY_COST_MS: Readonly<Record<BalancerLayer, number>> = { L4: 0.005, L7: 0.1 };

/**
 * Checks `simulateCluster`'s `proxies` option (at most 8 tiers, client side first);
 * returns each tier's layer, instances, workers and per-request cost (ms), an
 * empty list when there are none.
 *
 * @throws TypeError or RangeError naming the tier and the value that is wrong.
 */
export function checkProxyTiers(value: unknown): ProxyTier[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length > 8) throw new TypeError(`proxies must be an array of at most 8 tiers; got ${check.describe(value)}`);
  return value.map((spec: ProxyTierSpec, t) => {
    const o = `proxies[${t}]`;
    check.nestedOptions(o, spec, PROXY_TIER_KEYS);
    const layer = check.oneOf(`${o}.layer`, spec.layer, ['L4', 'L7'] as const);
    const cost = spec.costMs === undefined ? PROXY_COST_MS[layer] : spec.costMs;
    return {
      layer,
      instances: spec.instances === undefined ? 1 : check.integer(`${o}.instances`, spec.instances, 1, 1000),
      workers: spec.workers === undefined ? 1 : check.integer(`${o}.workers`, spec.workers, 1, 10_000),
      cost: typeof cost === 'number' ? constant(check.inRange(`${o}.costMs`, cost, 0, 1e6)) : requireDistribution(`${o}.costMs`, cost),
    };
  });
}

/** Fails, naming the option, when a feature that reads the request's content is asked of an L4 balancer. */
export function requireL7(tiers: readonly ProxyTier[], option: string): void {
  const last = tiers[tiers.length - 1];
  if (last !== undefined && last.layer === 'L4') {
    throw new RangeError(`${option} needs an L7 balancer, but the last proxy tier is L4: it sees addresses and ports, not paths or cookies`);
  }
}
