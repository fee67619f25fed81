/**
 * A client's pool of persistent connections to one server, under Poisson requests.
 *
 * Each request needs a connection for `requestMs`. It takes an idle pooled one
 * (the most recently used: idle connections beyond the need then age out), or
 * opens a new pooled one while the pool has fewer than `poolSize`, paying
 * `handshakeMs` first. With every pooled connection busy, `whenExhausted` decides:
 * - 'open-extra': open a throwaway connection (a handshake), use it once and close
 *   it, as most HTTP clients do beyond their idle-connection limit;
 * - 'wait': queue (FIFO) for the next pooled connection to come free.
 * A pooled connection is closed when it has been idle `idleTimeoutMs`, or, once
 * `maxLifetimeMs` old, when it is next idle (a busy one finishes its request first).
 * Every close is a client-side close and leaves a socket in TIME_WAIT (see
 * `simulatePorts`, fed with `closesPerSecond`).
 *
 * The lesson: size the pool to concurrency, arrivalRate × mean request time
 * (Little's law; see `concurrencyQuantile` for headroom), not to the request rate.
 * Below it, a share of requests turns into fresh handshakes or into waiting.
 *
 * Random streams: arrivals use `rng.fork('arrivals')`, request times
 * `rng.fork('service')` and handshake times `rng.fork('handshake')`, each drawn
 * once per request in arrival order (request i's handshake time is the one it pays
 * if it opens a connection). Pools of different sizes, policies and timeouts see
 * the same requests with the same costs; only who pays a handshake differs.
 *
 * Bounds: `requests` at most 10^7 (about 20 s and 600 MB), the simulated span
 * (requests / arrivalRate) at most 10^10 ms, arrivalRate at most 10^9 per second,
 * and each request or handshake time at most one hour (see `limits.ts`).
 *
 * Overload: `offeredConcurrency` (Little's law) against `poolSize`; under 'wait'
 * `unstable` says the queue grows for the whole run; under 'open-extra'
 * `extraConnections` counts the overflow.
 *
 * Fidelity: discrete-event, on the `Simulation` core. Not modelled: the server's
 * capacity and its own connection limit, slow start on new connections (fold it
 * into `handshakeMs`), failed handshakes, several hosts, HTTP/2 multiplexing
 * (one connection, many requests at once), and pre-warming the pool.
 */
import type { Rng } from '../random/rng';
import { requireRng } from '../random/rng';
import { meanOrAverage, requireDistribution, sampleDuration, type Distribution } from '../random/distribution';
import { accurateSum, summarize, type Summary } from '../stats/summarize';
import * as check from '../validate';
import { Simulation } from '../sim/simulation';
import { MS_PER_SECOND } from '../sim/time';
import { progressTicker, type ProgressCallback } from '../sim/progress';
import { concurrencyQuantile } from './concurrency';
import { delayMs, MAX_DELAY_MS, MAX_SIMULATED_MS } from './limits';

export const WHEN_EXHAUSTED = ['open-extra', 'wait'] as const;
export type WhenExhausted = (typeof WHEN_EXHAUSTED)[number];

export interface PoolOptions {
  /** Most pooled connections (integer in [0, 100000]; 0, no pool, only with 'open-extra'). */
  poolSize: number;
  /** Poisson requests per second (in (0, 10^9]; requests / arrivalRate at most 10^7 s, i.e. 10^10 ms of simulated time). */
  arrivalRate: number;
  /** Time a request holds its connection (ms; draws in [0, 3 600 000], one hour). */
  requestMs: Distribution;
  /** Time to open a connection (ms): a number in [0, 3 600 000], or a Distribution of them. */
  handshakeMs: number | Distribution;
  /** What a request does when every pooled connection is busy. */
  whenExhausted: WhenExhausted;
  /** Close a pooled connection idle this long (ms, > 0; default Infinity: never). */
  idleTimeoutMs?: number;
  /** Retire a pooled connection this old when it is next idle (ms, > 0; default Infinity: never). */
  maxLifetimeMs?: number;
  /** Requests to simulate (integer in [1, 10^7]). */
  requests: number;
  rng: Rng;
  onProgress?: ProgressCallback;
}

/** Largest `arrivalRate` (per second): a billion requests per second from one client is beyond any pool. */
export const MAX_POOL_ARRIVAL_RATE = 1e9;

/** Every key of `PoolOptions`. */
export const POOL_KEYS: readonly (keyof PoolOptions & string)[] = [
  'poolSize', 'arrivalRate', 'requestMs', 'handshakeMs', 'whenExhausted', 'idleTimeoutMs', 'maxLifetimeMs', 'requests', 'rng', 'onProgress',
];

export interface PoolResult {
  /** Per request, in arrival order: handshake + wait + request time (ms). */
  latencyMs: Float64Array;
  /** Per request: time queued for a pooled connection (ms; 0 with 'open-extra'). */
  waitMs: Float64Array;
  /** Per request: 1 when it paid for opening a connection. */
  handshake: Uint8Array;
  summary: Summary;
  /** Connections opened (pooled and throwaway). */
  handshakes: number;
  /** Handshakes per request. */
  handshakeShare: number;
  /** Throwaway connections opened past the pool ('open-extra'). */
  extraConnections: number;
  /** Connections closed by the client during the run; each leaves a TIME_WAIT socket. */
  closedConnections: number;
  /** closedConnections per second of simulated time. */
  closesPerSecond: number;
  /** Connections still open when the last request finished. */
  openAtEnd: number;
  /** Most connections open at once / their time average. */
  peakOpen: number;
  meanOpen: number;
  /** Most requests using a connection at once (handshakes excluded) / their time average. */
  peakBusy: number;
  meanBusy: number;
  /** arrivalRate × mean request time / 1000: the mean concurrency Little's law predicts. */
  offeredConcurrency: number;
  /** The 99th percentile of concurrency without waiting (Poisson, M/G/∞): a pool size with headroom. */
  concurrencyP99: number;
  /** Mean wait for a pooled connection (ms). */
  meanWaitMs: number;
  /** 'wait' with offeredConcurrency ≥ poolSize: the queue grows for the whole run (bounded by `requests`). */
  unstable: boolean;
  /** Simulated time until the last request finished (ms). */
  simulatedMs: number;
}

const FREE = 0;
const BUSY = 1;
const IDLE = 2;

export function simulatePool(opts: PoolOptions): PoolResult {
  check.options('simulatePool', opts, POOL_KEYS);
  const mode = check.oneOf('whenExhausted', opts.whenExhausted, WHEN_EXHAUSTED);
  const poolSize = check.integer('poolSize', opts.poolSize, mode === 'wait' ? 1 : 0, 100_000);
  const arrivalRate = check.inRange('arrivalRate', opts.arrivalRate, 0, MAX_POOL_ARRIVAL_RATE, '(]');
  const service = requireDistribution('requestMs', opts.requestMs);
  const hsOpt = opts.handshakeMs;
  const hsDist = typeof hsOpt === 'number' ? undefined : requireDistribution('handshakeMs', hsOpt);
  const hsConst = typeof hsOpt === 'number' ? delayMs('handshakeMs', hsOpt) : 0;
  const idleTimeout = opts.idleTimeoutMs === undefined ? Infinity : check.positive('idleTimeoutMs', opts.idleTimeoutMs, true);
  const maxLifetime = opts.maxLifetimeMs === undefined ? Infinity : check.positive('maxLifetimeMs', opts.maxLifetimeMs, true);
  const requests = check.integer('requests', opts.requests, 1, 1e7);
  const spanMs = (requests / arrivalRate) * MS_PER_SECOND;
  if (!(spanMs <= MAX_SIMULATED_MS)) {
    throw new RangeError(
      `requests / arrivalRate must span at most ${MAX_SIMULATED_MS} ms of simulated time (timestamps keep microseconds); got ${requests} / ${arrivalRate} per second = ${spanMs} ms: raise arrivalRate or lower requests`,
    );
  }
  const rng = requireRng('rng', opts.rng);
  const tick = progressTicker(requests, opts.onProgress);

  const arrivalRng = rng.fork('arrivals');
  const serviceRng = rng.fork('service');
  const handshakeRng = rng.fork('handshake');
  const meanGap = MS_PER_SECOND / arrivalRate;

  const arrival = new Float64Array(requests);
  const serviceMs = new Float64Array(requests);
  const latency = new Float64Array(requests);
  const wait = new Float64Array(requests);
  const handshake = new Uint8Array(requests);
  const connOf = new Int32Array(requests);
  const handshakeMs = hsDist ? new Float64Array(requests) : null;

  // Pool slots: state, opening time, idle expiry; idle ones in a doubly linked list, most recent at `idleTop`.
  const state = new Uint8Array(poolSize);
  const openedAt = new Float64Array(poolSize);
  const expiresAt = new Float64Array(poolSize);
  const prev = new Int32Array(poolSize).fill(-1);
  const next = new Int32Array(poolSize).fill(-1);
  let idleTop = -1;
  const freeSlots = new Int32Array(poolSize);
  let nFree = poolSize;
  for (let s = 0; s < poolSize; s++) freeSlots[s] = poolSize - 1 - s;
  // Requests queued for a pooled connection ('wait'), a FIFO over request indices.
  const queue = new Int32Array(mode === 'wait' ? requests : 0);
  let qHead = 0;
  let qTail = 0;

  let open = 0;
  let busy = 0;
  let peakOpen = 0;
  let peakBusy = 0;
  let openArea = 0;
  let busyArea = 0;
  let lastT = 0;
  let handshakes = 0;
  let extras = 0;
  let closed = 0;
  let completed = 0;
  let drawnService = 0;
  const advance = (now: number): void => {
    openArea += open * (now - lastT);
    busyArea += busy * (now - lastT);
    lastT = now;
  };

  const sim = new Simulation();
  const unlinkIdle = (s: number): void => {
    if (prev[s] >= 0) next[prev[s]] = next[s];
    if (next[s] >= 0) prev[next[s]] = prev[s];
    if (idleTop === s) idleTop = prev[s];
    prev[s] = next[s] = -1;
  };
  const closeSlot = (s: number, now: number): void => {
    advance(now);
    state[s] = FREE;
    freeSlots[nFree++] = s;
    open--;
    closed++;
  };
  const openConnection = (now: number): void => {
    advance(now);
    open++;
    handshakes++;
    if (open > peakOpen) peakOpen = open;
  };

  /** Request i starts using its connection. */
  const begin = (i: number, now: number): void => {
    advance(now);
    busy++;
    if (busy > peakBusy) peakBusy = busy;
    sim.schedule(now + serviceMs[i], DONE, i);
  };
  const READY = sim.on(begin);
  /** Gives request i the connection `slot` (−1: a throwaway one), opening it first when `fresh`. */
  const start = (i: number, slot: number, fresh: boolean, now: number): void => {
    connOf[i] = slot;
    wait[i] = now - arrival[i];
    if (fresh) {
      openConnection(now);
      handshake[i] = 1;
      if (slot >= 0) {
        state[slot] = BUSY;
        openedAt[slot] = now;
      }
      sim.schedule(now + (handshakeMs === null ? hsConst : handshakeMs[i]), READY, i);
    } else {
      state[slot] = BUSY;
      begin(i, now);
    }
  };
  const acquire = (i: number, now: number): void => {
    if (idleTop >= 0) {
      const s = idleTop;
      unlinkIdle(s);
      start(i, s, false, now);
    } else if (nFree > 0) {
      start(i, freeSlots[--nFree], true, now);
    } else if (mode === 'open-extra') {
      extras++;
      start(i, -1, true, now);
    } else {
      queue[qTail++] = i;
    }
  };

  const EXPIRE = sim.on((s, now) => {
    if (state[s] === IDLE && expiresAt[s] === now) {
      unlinkIdle(s);
      closeSlot(s, now);
    }
  });
  const DONE = sim.on((i, now) => {
    advance(now);
    busy--;
    latency[i] = now - arrival[i];
    const s = connOf[i];
    if (s < 0) {
      open--; // a throwaway connection: closed after one request
      closed++;
    } else if (now - openedAt[s] >= maxLifetime) {
      closeSlot(s, now);
      if (qHead < qTail) start(queue[qHead++], freeSlots[--nFree], true, now);
    } else if (qHead < qTail) {
      start(queue[qHead++], s, false, now);
    } else {
      state[s] = IDLE;
      prev[s] = idleTop;
      if (idleTop >= 0) next[idleTop] = s;
      idleTop = s;
      const expiry = Math.min(now + idleTimeout, openedAt[s] + maxLifetime);
      expiresAt[s] = expiry;
      if (expiry < Infinity) sim.schedule(expiry, EXPIRE, s);
    }
    if (++completed === requests) sim.stop();
  });
  const ARRIVE = sim.on((i, now) => {
    const d = sampleDuration('requestMs', service, serviceRng, MAX_DELAY_MS);
    if (handshakeMs !== null) handshakeMs[i] = sampleDuration('handshakeMs', hsDist as Distribution, handshakeRng, MAX_DELAY_MS);
    serviceMs[i] = d;
    drawnService += d;
    tick(i + 1);
    if (i + 1 < requests) {
      arrival[i + 1] = now - meanGap * Math.log(1 - arrivalRng());
      sim.schedule(arrival[i + 1], ARRIVE, i + 1);
    }
    acquire(i, now);
  });
  arrival[0] = -meanGap * Math.log(1 - arrivalRng());
  sim.schedule(arrival[0], ARRIVE, 0);
  const run = sim.run();
  advance(run.nowMs);

  const simulatedMs = run.nowMs;
  const meanService = meanOrAverage(service, drawnService, requests);
  const offeredConcurrency = (arrivalRate * meanService) / MS_PER_SECOND;
  return {
    latencyMs: latency,
    waitMs: wait,
    handshake,
    summary: summarize(latency, 'latencyMs'),
    handshakes,
    handshakeShare: handshakes / requests,
    extraConnections: extras,
    closedConnections: closed,
    closesPerSecond: simulatedMs > 0 ? (closed / simulatedMs) * MS_PER_SECOND : 0,
    openAtEnd: open,
    peakOpen,
    meanOpen: simulatedMs > 0 ? openArea / simulatedMs : 0,
    peakBusy,
    meanBusy: simulatedMs > 0 ? busyArea / simulatedMs : 0,
    offeredConcurrency,
    concurrencyP99: concurrencyQuantile(offeredConcurrency, 0.99),
    meanWaitMs: accurateSum(wait) / requests,
    unstable: mode === 'wait' && offeredConcurrency >= poolSize,
    simulatedMs,
  };
}
