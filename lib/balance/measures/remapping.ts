/**
 * How many keys change server when one server leaves: the measure that separates
 * `hash mod N` from consistent hashing.
 *
 * A balancer is built over servers 0 … servers − 1 (weights 1, nothing
 * outstanding) and asked for a server for every key 0 … keys − 1, once with every
 * server in rotation and once, from a fresh instance, with `removed` taken out.
 * The keys that were on the removed server have to move; any other key that moves
 * is churn the algorithm caused. The result is meaningful for key-based balancers
 * (ip-hash, consistent-hash, or a factory hashing `request.key`); for the others,
 * whose choice does not depend on the key, it only shows how little they keep
 * a key in place.
 */
import { createRng, requireRng, type Rng } from '../../random/rng';
import * as check from '../../validate';
import { emptyRequestSlot, type BalancerSpec, type ClusterView } from '../balancers/balancer';
import { balancerPickWork, createBalancer } from '../balancers/createBalancer';

export interface RemappingOptions {
  balancer: BalancerSpec;
  /** Servers before one leaves (integer in [2, 100 000]). */
  servers: number;
  /** Keys looked up (integer in [1, 10^7]; keys × servers a pick looks at ≤ 2.5 × 10^9, see `balancerPickWork`). */
  keys: number;
  /** The server that leaves (integer in [0, servers − 1]; default the last). */
  removed?: number;
  /** Random stream for balancers that draw (default a fixed seed). */
  rng?: Rng;
}

/** Every key of `RemappingOptions`. */
export const REMAPPING_KEYS: readonly (keyof RemappingOptions & string)[] = ['balancer', 'servers', 'keys', 'removed', 'rng'];

/** Keys × servers looked at per pick, at most (about a minute). */
const MAX_LOOKS = 5e9;

export interface Remapping {
  /** Share of all keys whose server changed. */
  share: number;
  /** Share of the keys not on the removed server that moved anyway (0 is ideal). */
  movedFromSurvivors: number;
  /** The least share that must move: the removed server's fair share, 1 / servers. */
  expected: number;
}

/**
 * Builds `opts.balancer` over `servers` servers, maps keys 0 … keys − 1 with every
 * server in rotation and again without `removed`, and returns the share of keys
 * that moved, the share of the survivors' keys that moved, and the 1 / servers
 * that must.
 *
 * @throws TypeError or RangeError naming a wrong option.
 */
export function remappedShare(opts: RemappingOptions): Remapping {
  check.options('remappedShare', opts, REMAPPING_KEYS);
  const servers = check.integer('servers', opts.servers, 2, 100_000);
  const keys = check.integer('keys', opts.keys, 1, 10_000_000);
  check.workWithin('keys × servers looked at per pick', 2 * keys * balancerPickWork(opts.balancer, servers), MAX_LOOKS, 'server looks (two picks per key)');
  const removed = opts.removed === undefined ? servers - 1 : check.integer('removed', opts.removed, 0, servers - 1);
  const rng = opts.rng === undefined ? createRng('remappedShare') : requireRng('rng', opts.rng);

  const members = new Int32Array(servers);
  for (let s = 0; s < servers; s++) members[s] = s;
  const weights = new Float64Array(servers).fill(1);
  const view: ClusterView = { nowMs: 0, outstanding: new Int32Array(servers) };
  const request = emptyRequestSlot();
  const survivors = new Int32Array(servers - 1);
  for (let s = 0, j = 0; s < servers; s++) if (s !== removed) survivors[j++] = s;

  const before = createBalancer(opts.balancer, { members, weights, rng: rng.fork('before') });
  const assigned = new Int32Array(keys);
  for (let k = 0; k < keys; k++) {
    request.index = request.client = request.session = request.key = k;
    assigned[k] = before.pick(members, request, view);
  }

  const after = createBalancer(opts.balancer, { members, weights, rng: rng.fork('after') });
  let moved = 0;
  let onSurvivors = 0;
  let movedFromSurvivors = 0;
  for (let k = 0; k < keys; k++) {
    request.index = request.client = request.session = request.key = k;
    const server = after.pick(survivors, request, view);
    const wasOnSurvivor = assigned[k] !== removed;
    if (wasOnSurvivor) onSurvivors++;
    if (server !== assigned[k]) {
      moved++;
      if (wasOnSurvivor) movedFromSurvivors++;
    }
  }
  return {
    share: moved / keys,
    movedFromSurvivors: onSurvivors === 0 ? 0 : movedFromSurvivors / onSurvivors,
    expected: 1 / servers,
  };
}
