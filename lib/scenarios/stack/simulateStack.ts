/**
 * One service's request path as a stack of layers, each with its own capacity and
 * its own way to break (course part 1, "the OSI model as a fault map").
 *
 * An attempt goes through the layers in this order:
 * 1. L7 DNS: the client's cached record, or a lookup (`l7.dns.lookupMs`) that
 *    caches the answer for `ttlMs`. Caches start warm, with expiries spread over
 *    one TTL, as in a long-running fleet.
 * 2. L4 connection: an idle keep-alive connection, or a new one that needs a free
 *    ephemeral port, a handshake and a place at the server (see StackConnections).
 * 3. L3 transit: half a round trip to the server.
 * 4. L7 workers: a FIFO queue in front of `workers`, each request taking a draw of
 *    `serviceTime` (parsing, authentication, business logic).
 * 5. L1 link: the response is serialised at the link's bandwidth, FIFO behind the
 *    responses before it.
 * 6. L3 transit back, with TCP's loss recovery.
 * Handshake and transfer times, loss recovery included, are drawn from the
 * transport model (`planRequest`/`sampleRequest`, slow start from a cold window on
 * a new connection). Packets sent while the route is withdrawn are lost and re-sent
 * on TCP's backed-off timer (from 1 s for a SYN, from 200 ms on an open connection,
 * doubling up to the maximum RTO) until the route is back; a long outage is crossed
 * in one step once the timer is at its maximum.
 *
 * The client gives up after `client.timeoutMs`, closes the connection, and
 * retries every failure up to `client.retries` times. The server never learns of
 * the abandonment: a request already sent is still served, which is how retries
 * add load (the handbook's failure timeline: latency drift → timeouts → retries →
 * amplified load). A response to an abandoned attempt is not sent.
 *
 * Approximations: slow-start rounds and link serialisation add up rather than
 * overlap (an upper estimate for large responses on new connections); loss
 * recovery of the request itself is counted on the way back; a 503 from a full
 * worker queue reaches the client at once; the link's bandwidth is the one in
 * force when a response joins its queue; a request whose client is already
 * looking the name up goes ahead as if the lookup had finished. Not modelled: L2
 * and L5/L6, jitter, DNS negative caching, several servers (see part 4),
 * congestion of the path by the stack's own traffic (the link is the only shared
 * pipe).
 *
 * Overload: `offeredLoad` per layer is the load's peak rate (first attempts, before
 * retries) over the layer's configured capacity (`capacityRps`, before faults); the
 * run is `unstable` when some layer's reaches 1. `firstSaturated` is the measured
 * counterpart: the first bucket in which a layer was actually that busy.
 *
 * Streams (forks of `rng`), one per component, so that changing one never moves another's draws:
 * - `arrivals`: the users' request times (the load);
 * - `clients`: which client sends each request (one draw per user request, in arrival order);
 * - `bytes`: each user request's response size (drawn once; its retries fetch the same response);
 * - `dns`: each client's cache expiry at the start (one draw per client);
 * - `service`: L7's service times, in the order requests reach the workers;
 * - `delay` and `loss`: the path's (L3 and L1) delays and packet losses, per connection set-up in order.
 * Faults, the link and the connection table draw nothing.
 */
import { sampleDuration, type Distribution } from '../../random/distribution';
import type { Rng } from '../../random/rng';
import { RTO_DEFAULTS } from '../../net/tcp/rto';
import { serialisationMs } from '../../net/path/path';
import { poissonArrivals } from '../../sim/arrivals';
import { FifoQueue } from '../../sim/fifoQueue';
import { grown } from '../../sim/grown';
import { LevelMeter } from '../../sim/measures/levelMeter';
import { progressTicker } from '../../sim/progress';
import { AttemptLog, STACK_OUTCOME } from './stackAttemptLog';
import { attemptColumns } from './stackAttempts';
import { StackConnections } from './stackConnections';
import { StackEvents } from './stackEvents';
import { FaultTimeline, FaultWindows } from './faultTimeline';
import { LAYER_INDEX } from './stackLayers';
import { PlanCache } from './stackPlans';
import { checkStackOptions, MAX_RESPONSE_BYTES, type StackOptions } from './stackOptions';
import { stackReport, type StackResult } from './stackReport';

// Event kinds. Those below LANES have a lane each (see StackEvents); DONE has two, for the
// two usual delays after the link (a new connection's slow start, a warm one's single round).
const USER = 0;
const TIMEOUT = 1;
const RETRY = 2;
const CONNECT = 3;
const DNS_FAILED = 4;
const HANDSHAKE = 5;
const CONNECTED = 6;
const AT_SERVER = 7;
const LINK_DONE = 8;
const DONE = 9;
const DONE_OTHER = 10;
const LANES = 11;
const WORKER_DONE = 11;
const POOL_DROPPED = 12;

const L7 = LAYER_INDEX.L7;
const L4 = LAYER_INDEX.L4;
const L3 = LAYER_INDEX.L3;
const L1 = LAYER_INDEX.L1;
const { ok: OK, error: ERROR, timedOut: TIMED_OUT } = STACK_OUTCOME;

/**
 * Simulates one service's request path as layers (L7 DNS, L4 connections, L3
 * transit, L7 workers, L1 link) for `durationMs`, with faults injected at chosen
 * times. Returns per-bucket utilisation, failures and loss by layer, the clients'
 * golden signals, the user requests' fate and the first layer to saturate.
 *
 * @throws TypeError or RangeError naming a wrong option, or a run beyond its bounds (checked first).
 *
 * @example
 * ```ts
 * import { createRng, simulateStack } from 'netlab';
 *
 * const r = simulateStack({
 *   durationMs: 4_000, load: 100, responseBytes: 10_000, bucketMs: 500,
 *   l1: { bandwidthMbps: 1000 }, l3: { rttMs: 20 }, l7: { workers: 4, serviceTime: { kind: 'exponential', meanMs: 5 } },
 *   client: { timeoutMs: 500, retries: 0 }, faults: [{ kind: 'route-withdrawal', atMs: 1_000, untilMs: 2_000 }], rng: createRng(1),
 * });
 * r.goldenSignals.map((b) => b.errorRps);      // requests time out while the route is withdrawn
 * ```
 */
export function simulateStack(opts: StackOptions): StackResult {
  const cfg = checkStackOptions(opts);
  const { durationMs, rng } = cfg;
  const arrivals = poissonArrivals({ load: cfg.load, durationMs, rng: rng.fork('arrivals') });
  const clientRng = rng.fork('clients');
  const serviceRng = rng.fork('service');
  const bytesRng = rng.fork('bytes');
  const delayRng = rng.fork('delay');
  const lossRng = rng.fork('loss');
  const timeline = new FaultTimeline(cfg.faults, {
    rttMs: cfg.rttMs, l3LossRate: cfg.lossRate, bandwidthMbps: cfg.bandwidthMbps, requestsPerConnection: cfg.requestsPerConnection,
  });
  const windows = new FaultWindows(timeline);
  const dnsRng = rng.fork('dns');
  const dnsExpiresAt = new Float64Array(cfg.clients);
  for (let c = 0; c < cfg.clients; c++) dnsExpiresAt[c] = dnsRng() * cfg.dnsTtlMs;
  const users = arrivals.length;
  const userClient = new Int32Array(users);
  const userBytes = new Float64Array(users);
  const tick = progressTicker(users, cfg.onProgress);
  const { retries, retryDelayMs, timeoutMs, dnsLookupMs, dnsTtlMs } = cfg;

  const events = new StackEvents(LANES);
  const log = new AttemptLog(users * (1 + retries));
  // Per connection: the attempt it carries now, its clean handshake round trip, and the
  // transit still due after its response leaves the link (ms).
  let connAttempt = new Int32Array(256);
  let connHandshakeMs = new Float64Array(256);
  let connReturnMs = new Float64Array(256);
  const plans = new PlanCache(cfg);

  /** An attempt failed: close or release its connection, and schedule the retry if any is left. */
  const fail = (a: number, outcome: number, layer = -1): void => {
    const now = events.now;
    log.finish(a, now, outcome, layer);
    failed(a, outcome);
  };
  /** The rest of `fail`, once the attempt is finished. */
  const failed = (a: number, outcome: number): void => {
    const now = events.now;
    const conn = log.conn[a];
    // An abandoned connection is closed; one that carried a 503 stays usable.
    if (conn >= 0 && outcome === TIMED_OUT) connections.close(conn, now);
    else if (conn >= 0) release(conn);
    if (log.attempt[a] < retries) events.schedule(now + retryDelayMs, RETRY, a);
  };
  /** Whether the route is up now. */
  const routeUp = (): boolean => windows.routeDown[windows.current(events.now)] === 0;
  /**
   * The moment a packet first sent at `t` gets through: re-sent on a doubling timer while the
   * route is down. Once the timer is at its maximum, the rest of an outage is crossed in one step.
   */
  const routeClear = (t: number, firstTimerMs: number): number => {
    let send = t;
    let wait = firstTimerMs;
    for (let w = windows.at(send); windows.routeDown[w] === 1; w = windows.at(send)) {
      const up = windows.routeUpAt[w];
      if (up === Infinity) return Infinity;
      if (wait < RTO_DEFAULTS.maxRtoMs) {
        send += wait;
        wait = Math.min(2 * wait, RTO_DEFAULTS.maxRtoMs);
      } else send += Math.ceil((up - send) / wait) * wait;
    }
    return send;
  };
  const startAttempt = (user: number, attemptNo: number): void => {
    const now = events.now;
    const a = log.add(user, attemptNo, now);
    if (timeoutMs !== Infinity) events.schedule(now + timeoutMs, TIMEOUT, a);
    const client = userClient[user];
    if (now < dnsExpiresAt[client]) return connect(a);
    if (windows.dnsBroken[windows.current(now)] === 1) return events.schedule(now + dnsLookupMs, DNS_FAILED, a);
    dnsExpiresAt[client] = now + dnsLookupMs + dnsTtlMs;
    events.schedule(now + dnsLookupMs, CONNECT, a);
  };

  const connections = new StackConnections(cfg, cfg.bucketMs, (conn) => send(connAttempt[conn]));
  const connect = (a: number): void => {
    if (log.done(a)) return;
    const now = events.now;
    const w = windows.current(now);
    const reuse = windows.requestsPerConnection[w] > 1;
    let conn = reuse ? connections.takeIdle() : -1;
    const fresh = conn < 0;
    if (fresh) conn = connections.open(now);
    if (conn < 0) return fail(a, ERROR, L4);
    if (conn >= connAttempt.length) {
      connAttempt = grown(connAttempt, conn + 1);
      connHandshakeMs = grown(connHandshakeMs, conn + 1);
      connReturnMs = grown(connReturnMs, conn + 1);
    }
    if (fresh) log.opened(a, conn);
    else log.conn[a] = conn;
    connAttempt[conn] = a;
    const rttMs = windows.rttMs[w];
    plans.time(rttMs, windows.lossRate[w], userBytes[log.request[a]], fresh, delayRng, lossRng);
    connReturnMs[conn] = plans.transferMs - rttMs / 2;
    if (!fresh) return send(a);
    // Re-sent SYNs (route down, or lost) are transit time at L3; the clean round trip is L4's handshake.
    const synSent = routeUp() ? now : routeClear(now, RTO_DEFAULTS.initialRtoMs);
    log.enter(a, L3, now);
    if (synSent === Infinity) return;
    const at = synSent + Math.max(0, plans.tcpMs - rttMs);
    if (synSent === now) events.schedule(at, HANDSHAKE, a);
    else events.scheduleLarge(at, HANDSHAKE, a);
    connHandshakeMs[conn] = rttMs;
  };
  /** A request on `conn` is over: keep the connection while it may carry more, else close it. */
  const release = (conn: number): void => {
    const now = events.now;
    connections.finish(conn, now, connections.uses[conn] + 1 < windows.requestsPerConnection[windows.current(now)]);
  };
  const send = (a: number): void => {
    const now = events.now;
    log.enter(a, L3, now);
    const arrive = routeUp() ? now : routeClear(now, RTO_DEFAULTS.minRtoMs);
    if (arrive === Infinity) return;
    const at = arrive + windows.rttMs[windows.current(now)] / 2;
    if (arrive === now) events.schedule(at, AT_SERVER, a);
    else events.scheduleLarge(at, AT_SERVER, a);
  };

  // L7's workers and L1's link: FIFO queues in front of `workers` servers and one.
  const workers = new Servers(cfg.workers, cfg.queueLimit, cfg.bucketMs);
  const link = new Servers(1, Infinity, cfg.bucketMs);
  const workerBegin = (a: number, serviceMs: number, now: number): void => {
    workers.busy.add(now, 1);
    events.scheduleSmall(now + serviceMs, WORKER_DONE, a);
  };
  const linkBegin = (a: number, serviceMs: number, now: number): void => {
    link.busy.add(now, 1);
    events.schedule(now + serviceMs, LINK_DONE, a);
  };
  const workerDone = (a: number): void => {
    const now = events.now;
    workers.busy.add(now, -1);
    if (workers.queue.length > 0) {
      workers.queue.shift();
      workerBegin(workers.queue.lastJob, workers.queue.lastServiceMs, now);
    }
    if (log.done(a)) return;
    log.enter(a, L1, now);
    const serviceMs = serialisationMs(userBytes[log.request[a]], windows.bandwidthMbps[windows.current(now)]);
    if (link.busy.level < 1) linkBegin(a, serviceMs, now);
    else link.queue.push(a, serviceMs);
  };
  const linkDone = (a: number): void => {
    const now = events.now;
    link.busy.add(now, -1);
    if (link.queue.length > 0) {
      link.queue.shift();
      linkBegin(link.queue.lastJob, link.queue.lastServiceMs, now);
    }
    if (log.done(a)) return;
    log.enter(a, L3, now);
    const leaves = routeUp() ? now : routeClear(now, RTO_DEFAULTS.minRtoMs);
    if (leaves === Infinity) return;
    const at = leaves + connReturnMs[log.conn[a]];
    if (leaves === now) events.scheduleEither(at, DONE, DONE_OTHER, a);
    else events.scheduleLarge(at, DONE, a);
  };
  const atServer = (a: number): void => {
    const now = events.now;
    if (!log.done(a)) log.enter(a, L7, now);
    const serviceMs = sampleDuration('l7.serviceTime', cfg.serviceTime, serviceRng);
    if (workers.busy.level < workers.servers) workerBegin(a, serviceMs, now);
    else if (workers.queue.length < workers.queueLimit) workers.queue.push(a, serviceMs);
    else if (!log.done(a)) fail(a, ERROR, L7);
  };
  const handshake = (a: number): void => {
    const now = events.now;
    if (log.done(a)) return;
    log.enter(a, L4, now);
    events.schedule(now + connHandshakeMs[log.conn[a]], CONNECTED, a);
  };
  const connected = (a: number): void => {
    const now = events.now;
    if (log.done(a)) return;
    const verdict = connections.accept(log.conn[a], now);
    if (verdict === 'accepted') send(a);
    if (verdict !== 'refused') return;
    // The attempt's time at L4 is kept with its connection: finish it before letting go of it.
    log.finish(a, now, ERROR, L4);
    log.conn[a] = -1;
    failed(a, ERROR);
  };
  const done = (a: number): void => {
    const now = events.now;
    if (log.done(a)) return;
    log.finish(a, now, OK);
    release(log.conn[a]);
  };
  const user = (u: number): void => {
    tick(u + 1);
    userClient[u] = Math.floor(clientRng() * cfg.clients);
    userBytes[u] = sampleBytes(cfg.responseBytes, bytesRng);
    startAttempt(u, 0);
    if (u + 1 < users) events.schedule(arrivals[u + 1], USER, u + 1);
  };

  // When keep-alive is lost the client drops its pool.
  for (let f = 0; f < cfg.faults.length; f++) {
    const fault = cfg.faults[f];
    if (fault.kind === 'port-exhaustion' && fault.atMs < durationMs) events.scheduleLarge(fault.atMs, POOL_DROPPED, f);
  }
  if (users > 0) events.schedule(arrivals[0], USER, 0);

  while (events.pop(durationMs)) {
    // Handlers read the clock themselves: a time passed to a call would be boxed.
    const a = events.payload;
    switch (events.kind) {
      case USER:
        user(a);
        break;
      case TIMEOUT:
        if (!log.done(a)) fail(a, TIMED_OUT);
        break;
      case RETRY:
        startAttempt(log.request[a], log.attempt[a] + 1);
        break;
      case CONNECT:
        connect(a);
        break;
      case DNS_FAILED:
        if (!log.done(a)) fail(a, ERROR, L7);
        break;
      case HANDSHAKE:
        handshake(a);
        break;
      case CONNECTED:
        connected(a);
        break;
      case AT_SERVER:
        atServer(a);
        break;
      case WORKER_DONE:
        workerDone(a);
        break;
      case LINK_DONE:
        linkDone(a);
        break;
      case DONE:
      case DONE_OTHER:
        done(a);
        break;
      case POOL_DROPPED:
        connections.closeIdle(events.now);
        break;
    }
  }
  workers.busy.advance(durationMs);
  link.busy.advance(durationMs);
  connections.advance(durationMs);
  log.close(durationMs);
  const { attempts, requests } = attemptColumns(log, connections.opened, arrivals, userClient);
  return stackReport({ cfg, log, attempts, requests, timeline, workers: workers.busy, link: link.busy, connections });
}

/** `servers` identical servers behind one FIFO queue holding at most `queueLimit` jobs, with their busy time per bucket. */
class Servers {
  readonly queue = new FifoQueue();
  readonly busy: LevelMeter;
  constructor(readonly servers: number, readonly queueLimit: number, bucketMs: number) {
    this.busy = new LevelMeter(bucketMs);
  }
}

/** One response size (bytes): a finite number in [0, MAX_RESPONSE_BYTES], else a RangeError naming responseBytes. */
function sampleBytes(distribution: Distribution, rng: Rng): number {
  const v = distribution.sample(rng);
  if (!(v >= 0 && v <= MAX_RESPONSE_BYTES)) {
    throw new RangeError(`responseBytes must yield sizes in [0, ${MAX_RESPONSE_BYTES}] bytes; ${distribution.label} gave ${v}`);
  }
  return v;
}
