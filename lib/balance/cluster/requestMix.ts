/**
 * The requests a cluster receives, drawn one by one as they arrive, each field from
 * its own stream, so that every balancer compared on the same seed meets exactly the
 * same requests (common random numbers):
 * arrival times, and for each request its client, session, URL path and the work it
 * needs (ms on a server of speed 1).
 *
 * - Arrivals: Poisson at `arrivalRate`, or an on/off source with the same long-run
 *   rate (`burst`).
 * - Clients: `clients` of them; popularity follows a Zipf law with exponent
 *   `clientSkew` (0: all equally active; 1: the k-th most active sends ∝ 1/k).
 * - Sessions: a client's requests are grouped into sessions of `requestsPerSession`;
 *   session ids are numbered in order of first request.
 * - Paths: drawn by share; each path may carry its own service-time distribution.
 *
 * Streams: `arrivals`, `clients` and `paths` forks of the run's rng, and one
 * `service`/<path index> fork per path for its work, so that changing one path's
 * distribution leaves the other paths' work unchanged.
 * Not modelled: think times within a session (identity is independent of timing),
 * clients that change address, request sizes.
 */
import type { Rng } from '../../random/rng';
import { sampleDuration, type Distribution } from '../../random/distribution';
import type { DistributionLike } from '../../random/spec';
import { OnOffClock } from '../../sim/onOffArrivals';
import { PoissonClock } from '../../sim/arrivals';
import { upperBound } from '../../stats/sortedSearch';

/** A URL path, its share of requests, and optionally its own work per request (ms at speed 1). */
export interface PathSpec {
  path: string;
  share: number;
  serviceTime?: DistributionLike;
}

/** A bursty source: bursts and silences with exponential lengths of these means (ms). */
export interface BurstSpec {
  meanOnMs: number;
  meanOffMs: number;
}

/** A path after checking: its service time, when it has one, built. */
export type CheckedPath = Omit<PathSpec, 'serviceTime'> & { serviceTime?: Distribution };

export interface RequestMixOptions {
  requests: number;
  arrivalRate: number;
  burst?: BurstSpec;
  clients: number;
  clientSkew: number;
  requestsPerSession: number;
  /** Checked paths whose shares sum to 1. */
  paths: readonly CheckedPath[];
  /** Pool index per path: the stream adds up the work sent to each pool. */
  poolOfPath: Int32Array;
  /** Work per request for paths without their own distribution. */
  serviceTime: Distribution;
  rng: Rng;
}

/**
 * The requests of a cluster run one at a time, in arrival order: after `next()`, the
 * fields hold the next request's arrival (ms), client, session, path and work (ms at
 * speed 1). Each field comes from its own fork of `opts.rng`, one draw per request, so
 * drawing them one by one gives the same requests as drawing each column whole.
 * Memory: one counter per client and a table of cumulative Zipf weights.
 */
export class RequestStream {
  arrivalMs = 0;
  client = 0;
  session = 0;
  path = 0;
  workMs = 0;
  /** Sessions started so far. */
  sessions = 0;
  /** Work drawn so far for each pool's requests (ms at speed 1), summed in arrival order. */
  readonly workByPool: Float64Array;
  private readonly nextArrival: () => number;
  private readonly nextClient: () => number;
  private readonly sent: Int32Array;
  private readonly current: Int32Array;
  private readonly pathRng: Rng;
  private readonly serviceRngs: Rng[];
  private readonly serviceOption: string[];

  constructor(private readonly opts: RequestMixOptions) {
    const { rng } = opts;
    this.nextArrival = arrivalClock(opts);
    this.nextClient = zipfSampler(opts.clients, opts.clientSkew, rng.fork('clients'));
    this.sent = new Int32Array(opts.clients);
    this.current = new Int32Array(opts.clients);
    this.pathRng = rng.fork('paths');
    const service = rng.fork('service');
    this.serviceRngs = opts.paths.map((_, p) => service.fork(String(p)));
    this.serviceOption = opts.paths.map((p, k) => (p.serviceTime === undefined ? 'serviceTime' : `paths[${k}].serviceTime`));
    this.workByPool = new Float64Array(Math.max(0, ...opts.poolOfPath) + 1);
  }

  /** Draws the next request into the fields. */
  next(): void {
    const { opts } = this;
    this.arrivalMs = this.nextArrival();
    const c = this.nextClient();
    if (this.sent[c] % opts.requestsPerSession === 0) this.current[c] = this.sessions++;
    this.sent[c]++;
    this.client = c;
    this.session = this.current[c];
    const last = opts.paths.length - 1;
    let p = 0;
    if (last > 0) {
      let u = this.pathRng();
      while (p < last && u >= opts.paths[p].share) u -= opts.paths[p++].share;
    }
    this.path = p;
    this.workMs = sampleDuration(this.serviceOption[p], opts.paths[p].serviceTime ?? opts.serviceTime, this.serviceRngs[p]);
    this.workByPool[opts.poolOfPath[p]] += this.workMs;
  }
}

/** When the last of a run's requests arrives (ms): the arrival stream drawn once more, keeping nothing. */
export function lastArrivalMs(opts: RequestMixOptions): number {
  const next = arrivalClock(opts);
  let t = 0;
  for (let i = 0; i < opts.requests; i++) t = next();
  return t;
}

/** Successive arrival times (ms) from the `arrivals` fork: Poisson, or on/off with the same long-run rate. */
function arrivalClock(opts: RequestMixOptions): () => number {
  const rng = opts.rng.fork('arrivals');
  if (opts.burst !== undefined) {
    const clock = new OnOffClock(opts.arrivalRate, opts.burst.meanOnMs, opts.burst.meanOffMs, rng);
    return () => clock.next();
  }
  const clock = new PoissonClock(opts.arrivalRate, Infinity, rng);
  return () => clock.next();
}

/** Draws of ranks 0 … k − 1 with P(rank r) ∝ (r + 1)^−s (inverse transform on the cumulative weights). */
function zipfSampler(k: number, s: number, rng: Rng): () => number {
  if (s === 0) return () => Math.floor(rng() * k);
  const cumulative = new Float64Array(k);
  let total = 0;
  for (let r = 0; r < k; r++) cumulative[r] = total += Math.pow(r + 1, -s);
  return () => Math.min(k - 1, upperBound(cumulative, rng() * total));
}
