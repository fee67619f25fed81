/**
 * The requests a cluster receives, drawn before the run so that every balancer
 * compared on the same seed meets exactly the same requests (common random numbers):
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
import { onOffArrivals } from '../../sim/onOffArrivals';
import { poissonArrivals } from '../../sim/arrivals';
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
  /** Work per request for paths without their own distribution. */
  serviceTime: Distribution;
  rng: Rng;
}

export interface RequestMix {
  arrivalMs: Float64Array;
  client: Int32Array;
  session: Int32Array;
  path: Int32Array;
  /** Work (ms on a server of speed 1). */
  workMs: Float64Array;
  /** Sessions started. */
  sessions: number;
  /** Sum of `workMs`. */
  totalWorkMs: number;
}

/**
 * Draws every request of a cluster run up front: arrival times (ms), client,
 * session, path and work (ms at speed 1), each from its own fork of `opts.rng`.
 */
export function drawRequestMix(opts: RequestMixOptions): RequestMix {
  const { requests: n, rng } = opts;
  const arrivalMs = opts.burst
    ? onOffArrivals({ rate: opts.arrivalRate, meanOnMs: opts.burst.meanOnMs, meanOffMs: opts.burst.meanOffMs, count: n, rng: rng.fork('arrivals') })
    : poissonArrivals({ load: opts.arrivalRate, count: n, rng: rng.fork('arrivals') });
  const client = drawZipf(n, opts.clients, opts.clientSkew, rng.fork('clients'));
  const session = new Int32Array(n);
  const sent = new Int32Array(opts.clients);
  const current = new Int32Array(opts.clients);
  let sessions = 0;
  for (let i = 0; i < n; i++) {
    const c = client[i];
    if (sent[c] % opts.requestsPerSession === 0) current[c] = sessions++;
    sent[c]++;
    session[i] = current[c];
  }
  const path = new Int32Array(n);
  const workMs = new Float64Array(n);
  const pathRng = rng.fork('paths');
  const service = rng.fork('service');
  const serviceRngs = opts.paths.map((_, p) => service.fork(String(p)));
  const serviceOption = opts.paths.map((p, k) => (p.serviceTime === undefined ? 'serviceTime' : `paths[${k}].serviceTime`));
  const last = opts.paths.length - 1;
  let totalWorkMs = 0;
  for (let i = 0; i < n; i++) {
    let p = 0;
    if (last > 0) {
      let u = pathRng();
      while (p < last && u >= opts.paths[p].share) u -= opts.paths[p++].share;
    }
    path[i] = p;
    const dist = opts.paths[p].serviceTime ?? opts.serviceTime;
    workMs[i] = sampleDuration(serviceOption[p], dist, serviceRngs[p]);
    totalWorkMs += workMs[i];
  }
  return { arrivalMs, client, session, path, workMs, sessions, totalWorkMs };
}

/** `n` draws of ranks 0 … k − 1 with P(rank r) ∝ (r + 1)^−s (inverse transform on the cumulative weights). */
function drawZipf(n: number, k: number, s: number, rng: Rng): Int32Array {
  const out = new Int32Array(n);
  if (s === 0) {
    for (let i = 0; i < n; i++) out[i] = Math.floor(rng() * k);
    return out;
  }
  const cumulative = new Float64Array(k);
  let total = 0;
  for (let r = 0; r < k; r++) cumulative[r] = total += Math.pow(r + 1, -s);
  for (let i = 0; i < n; i++) out[i] = Math.min(k - 1, upperBound(cumulative, rng() * total));
  return out;
}
