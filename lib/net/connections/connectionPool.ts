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
 * Bounds on the options are in `poolOptions.ts`.
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
import { meanOrAverage, sampleDuration, type Distribution } from '../../random/distribution';
import { accurateSum, summarize, type Summary } from '../../stats/summarize';
import { Simulation } from '../../sim/simulation';
import { MS_PER_SECOND } from '../../sim/time';
import { progressTicker } from '../../sim/progress';
import { concurrencyQuantile } from './concurrency';
import { MAX_DELAY_MS } from '../limits';
import { checkPoolOptions, type PoolOptions } from './poolOptions';

/** What `simulatePool` found: per-request latency, waits and handshakes, and the pool's use over the run. */
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

/**
 * Runs `requests` Poisson requests (`arrivalRate` per second) through the pool and
 * reports each one's latency and wait (ms) and whether it paid a handshake, the
 * handshake share, connections opened and closed, and the pool's occupancy.
 *
 * @throws TypeError or RangeError naming a wrong option.
 *
 * @example
 * ```ts
 * import { createRng, exponential, simulatePool } from 'netlab';
 *
 * const r = simulatePool({
 *   poolSize: 4, arrivalRate: 100, requestMs: exponential(50), handshakeMs: 30,
 *   whenExhausted: 'open-extra', requests: 2_000, rng: createRng(1),
 * });
 * [r.handshakeShare, r.summary.p99];           // 5 requests in flight on average: 4 is too few
 * ```
 */
export function simulatePool(opts: PoolOptions): PoolResult {
  const {
    mode, poolSize, arrivalRate, service, handshakeDistribution: hsDist, handshakeConstantMs: hsConst,
    idleTimeoutMs: idleTimeout, maxLifetimeMs: maxLifetime, requests, rng,
  } = checkPoolOptions(opts);
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
