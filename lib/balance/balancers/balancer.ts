/**
 * The contract between a cluster and the algorithm that spreads its requests.
 *
 * A balancer is created once per run and per server pool (`BalancerFactory.create`),
 * so its state (a round-robin counter, smooth weights, latency averages, resolver
 * caches) never leaks between runs. For each request it picks one server among
 * those currently in rotation (`live`), knowing only what the cluster shows it: the
 * request's identity and, for each server, the requests sent there and not yet
 * finished. Server indices are global: 0 … servers − 1 across every pool.
 */
import type { Rng } from '../../random/rng';

/** What a balancer may know about one request. */
export interface RequestView {
  /** The request's number in the run (0-based). */
  readonly index: number;
  /** The client (its source address: all an L4 balancer sees). */
  readonly client: number;
  /** The client's session (what a cookie names: L7 only). */
  readonly session: number;
  /** Index of the request's URL path in the cluster's path list (L7 only). */
  readonly path: number;
  /** The number hash-based balancers hash: the client, session or path, as the cluster's `hashKey` says. */
  readonly key: number;
}

/** A request view the caller fills in place: one object serves every pick, nothing is allocated per request. */
export type RequestSlot = { -readonly [K in keyof RequestView]: RequestView[K] };

/** A zeroed request view, for a caller to fill in place before each pick. */
export function emptyRequestSlot(): RequestSlot {
  return { index: 0, client: 0, session: 0, path: 0, key: 0 };
}

/** What a balancer may know about the servers. */
export interface ClusterView {
  /** The simulated clock (ms). */
  readonly nowMs: number;
  /** Per server (global index): requests sent there and not yet finished or failed. */
  readonly outstanding: Int32Array;
}

/** One balancer instance: stateful, used for one pool during one run. */
export interface Balancer {
  /**
   * The server that gets `request`: one element of `live` (never empty). A balancer
   * that cannot see health, such as DNS answers cached by resolvers, may return any
   * member of its pool; a request sent to a server that is down fails.
   */
  pick(live: Int32Array, request: RequestView, view: ClusterView): number;
  /** Called when a request sent to `server` finishes, with its time at the server (ms). */
  observe?(server: number, latencyMs: number): void;
  /**
   * Called each time `view.outstanding[server]` has changed (a request sent there,
   * finished or failed), so a balancer can keep an index of the servers instead of
   * scanning them at every pick. A caller that changes the counts in place must call it.
   */
  outstandingChanged?(server: number): void;
}

/** What a balancer is created with. */
export interface BalancerContext {
  /** Global indices of the servers of this pool, in order (`live` is always a subset). */
  readonly members: Int32Array;
  /** Weight of every server, by global index (1 unless configured). */
  readonly weights: Float64Array;
  /** The balancer's own random stream. */
  readonly rng: Rng;
}

/** Makes fresh balancer instances: what `simulateCluster`'s `balancer` option accepts besides a name. */
export interface BalancerFactory {
  readonly name: string;
  create(context: BalancerContext): Balancer;
}

/** The built-in algorithms. */
export type BalancerName =
  | 'random'
  | 'round-robin'
  | 'weighted-round-robin'
  | 'least-connections'
  | 'least-response-time'
  | 'power-of-two'
  | 'ip-hash'
  | 'consistent-hash';

/** Parameters of the built-in algorithms that have any. */
export interface BalancerParams {
  /** power-of-two: servers sampled per request (distinct; integer ≥ 1, default 2). */
  choices?: number;
  /** consistent-hash: points per server on the ring (integer in [1, 10 000], default 160). */
  vnodes?: number;
  /** least-response-time: weight of the newest latency in the moving average (in (0, 1], default 0.2). */
  smoothing?: number;
}

/** A built-in algorithm by name, with parameters, or any factory. */
export type BalancerSpec = BalancerName | ({ name: BalancerName } & BalancerParams) | BalancerFactory;
