/**
 * Consistent hashing (Karger et al. 1997) with virtual nodes: the request's key is
 * hashed onto a ring holding `vnodes` points per pool member, and the request goes
 * to the owner of the first point clockwise whose server is in rotation.
 *
 * When a server leaves only the keys it held move, each to the server after it on
 * the ring (about 1/N of all keys), and they come back when it returns. This is
 * the idea behind Ketama, nginx's `hash … consistent` and Envoy's ring hash. The
 * ring is built once from the pool's members and ignores weights and load; not
 * modelled: bounded loads, Maglev or jump hashing.
 *
 * Rotation is kept as a mask by global server index, rebuilt only when the `live`
 * array object changes (the cluster passes the same array until rotation
 * changes), so a pick is one hash and one ring lookup.
 */
import type { Balancer, BalancerContext, BalancerParams, RequestView } from './balancer';
import { byServerIndex } from '../cluster/byServerIndex';
import { hash32 } from './hash32';
import { HashRing } from './hashRing';

export const DEFAULT_VNODES = 160;

/**
 * A consistent-hashing balancer for one pool: `params.vnodes` ring points per member
 * (default DEFAULT_VNODES); each request goes to the owner of the first point
 * clockwise from its key whose server is in rotation. Returns the Balancer.
 */
export function consistentHashBalancer(context: BalancerContext, params: BalancerParams = {}): Balancer {
  const ring = new HashRing(context.members, params.vnodes ?? DEFAULT_VNODES);
  const inRotation = byServerIndex(context.members, Uint8Array);
  let maskedFor: Int32Array | null = null;
  return {
    pick(live: Int32Array, request: RequestView): number {
      if (live !== maskedFor) {
        inRotation.fill(0);
        for (let i = 0; i < live.length; i++) inRotation[live[i]] = 1;
        maskedFor = live;
      }
      const server = ring.owner(hash32(request.key), inRotation);
      if (server < 0) throw new RangeError('consistent-hash: no server in `live` is a member of this pool');
      return server;
    },
  };
}
