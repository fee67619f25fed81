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
import { sampleRequest } from '../../net/tcp/requestTime';
import { planRequest } from '../../net/tcp/requestPlan';
import { RTO_DEFAULTS } from '../../net/tcp/rto';
import { serialisationMs } from '../../net/path/path';
import { poissonArrivals } from '../../sim/arrivals';
import { progressTicker } from '../../sim/progress';
import { Simulation } from '../../sim/simulation';
import { Station } from '../../sim/queues/station';
import { AttemptLog, STACK_OUTCOME } from './stackAttempts';
import { StackConnections } from './stackConnections';
import { FaultTimeline } from './stackFaults';
import type { StackLayer } from './stackLayers';
import { checkStackOptions, MAX_RESPONSE_BYTES, type StackOptions } from './stackOptions';
import { stackReport, type StackResult } from './stackReport';

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
  const dnsRng = rng.fork('dns');
  const dnsExpiresAt = Float64Array.from({ length: cfg.clients }, () => dnsRng() * cfg.dnsTtlMs);
  const userClient = new Int32Array(arrivals.length);
  const userBytes = new Float64Array(arrivals.length);
  const tick = progressTicker(arrivals.length, cfg.onProgress);

  const sim = new Simulation();
  const log = new AttemptLog();
  /** The attempt each connection carries now. */
  const connAttempt: number[] = [];

  const fail = (a: number, outcome: number, at?: StackLayer): void => {
    log.finish(a, sim.now, outcome, at);
    const conn = log.conn[a];
    // An abandoned connection is closed; one that carried a 503 stays usable.
    if (conn >= 0 && outcome === STACK_OUTCOME.timedOut) connections.close(conn, sim.now);
    else if (conn >= 0) release(conn);
    if (log.attempt[a] < cfg.retries) sim.schedule(sim.now + cfg.retryDelayMs, RETRY, a);
  };
  /**
   * The moment a packet first sent at `t` gets through: re-sent on a doubling timer while the
   * route is down. Once the timer is at its maximum, the rest of an outage is crossed in one step.
   */
  const routeClear = (t: number, firstTimerMs: number): number => {
    let send = t;
    let wait = firstTimerMs;
    while (timeline.routeDown(send)) {
      const up = timeline.routeUpFrom(send);
      if (up === Infinity) return Infinity;
      if (wait < RTO_DEFAULTS.maxRtoMs) {
        send += wait;
        wait = Math.min(2 * wait, RTO_DEFAULTS.maxRtoMs);
      } else send += Math.ceil((up - send) / wait) * wait;
    }
    return send;
  };
  const startAttempt = (user: number, attemptNo: number): void => {
    const a = log.add(user, attemptNo, userClient[user], sim.now, userBytes[user]);
    if (cfg.timeoutMs !== Infinity) sim.schedule(sim.now + cfg.timeoutMs, TIMEOUT, a);
    const client = userClient[user];
    if (sim.now < dnsExpiresAt[client]) return connect(a);
    if (timeline.dnsBroken(sim.now)) return sim.schedule(sim.now + cfg.dnsLookupMs, DNS_FAILED, a);
    dnsExpiresAt[client] = sim.now + cfg.dnsLookupMs + cfg.dnsTtlMs;
    sim.schedule(sim.now + cfg.dnsLookupMs, CONNECT, a);
  };

  const connections = new StackConnections(cfg, cfg.bucketMs, (conn) => send(connAttempt[conn]));
  const connect = (a: number): void => {
    if (log.done(a)) return;
    const now = sim.now;
    const reuse = timeline.requestsPerConnection(now) > 1;
    let conn = reuse ? connections.takeIdle() : -1;
    const fresh = conn < 0;
    if (fresh) conn = connections.open(now);
    if (conn < 0) return fail(a, STACK_OUTCOME.error, 'L4');
    log.conn[a] = conn;
    connAttempt[conn] = a;
    log.newConnection[a] = fresh ? 1 : 0;
    const rttMs = timeline.rttMs(now);
    const plan = planRequest({ rttMs, lossRate: timeline.lossRate(now), bytes: log.bytes[a], connection: fresh ? 'new' : 'reused', congestionControl: cfg.congestionControl });
    const timing = sampleRequest(plan, delayRng, lossRng);
    log.returnMs[a] = timing.breakdown.transferMs - rttMs / 2;
    if (!fresh) return send(a);
    // Re-sent SYNs (route down, or lost) are transit time at L3; the clean round trip is L4's handshake.
    const synSent = routeClear(now, RTO_DEFAULTS.initialRtoMs);
    log.enter(a, 'L3', now);
    if (synSent === Infinity) return;
    sim.schedule(synSent + Math.max(0, timing.breakdown.tcpMs - rttMs), HANDSHAKE, a);
    log.handshakeMs[a] = rttMs;
  };
  /** A request on `conn` is over: keep the connection while it may carry more, else close it. */
  const release = (conn: number): void => {
    connections.finish(conn, sim.now, connections.uses[conn] + 1 < timeline.requestsPerConnection(sim.now));
  };
  const send = (a: number): void => {
    log.enter(a, 'L3', sim.now);
    const arrive = routeClear(sim.now, RTO_DEFAULTS.minRtoMs);
    if (arrive !== Infinity) sim.schedule(arrive + timeline.rttMs(sim.now) / 2, AT_SERVER, a);
  };

  const workers = new Station(sim, { workers: cfg.workers, queueLimit: cfg.queueLimit, bucketMs: cfg.bucketMs }, (a, now) => {
    if (log.done(a)) return;
    log.enter(a, 'L1', now);
    link.submit(a, serialisationMs(log.bytes[a], timeline.bandwidthMbps(now)));
  });
  const link = new Station(sim, { workers: 1, bucketMs: cfg.bucketMs }, (a, now) => {
    if (log.done(a)) return;
    log.enter(a, 'L3', now);
    const leaves = routeClear(now, RTO_DEFAULTS.minRtoMs);
    if (leaves !== Infinity) sim.schedule(leaves + log.returnMs[a], DONE, a);
  });

  const RETRY = sim.on((a) => startAttempt(log.request[a], log.attempt[a] + 1));
  const TIMEOUT = sim.on((a) => {
    if (!log.done(a)) fail(a, STACK_OUTCOME.timedOut);
  });
  const DNS_FAILED = sim.on((a) => {
    if (!log.done(a)) fail(a, STACK_OUTCOME.error, 'L7');
  });
  const CONNECT = sim.on(connect);
  const HANDSHAKE = sim.on((a, now) => {
    if (log.done(a)) return;
    log.enter(a, 'L4', now);
    sim.schedule(now + log.handshakeMs[a], CONNECTED, a);
  });
  const CONNECTED = sim.on((a, now) => {
    if (log.done(a)) return;
    const verdict = connections.accept(log.conn[a], now);
    if (verdict === 'accepted') send(a);
    if (verdict !== 'refused') return;
    log.conn[a] = -1;
    fail(a, STACK_OUTCOME.error, 'L4');
  });
  const AT_SERVER = sim.on((a, now) => {
    if (!log.done(a)) log.enter(a, 'L7', now);
    if (!workers.submit(a, sampleDuration('l7.serviceTime', cfg.serviceTime, serviceRng)) && !log.done(a)) fail(a, STACK_OUTCOME.error, 'L7');
  });
  const DONE = sim.on((a, now) => {
    if (log.done(a)) return;
    log.finish(a, now, STACK_OUTCOME.ok);
    release(log.conn[a]);
  });
  const USER = sim.on((user) => {
    tick(user + 1);
    userClient[user] = Math.floor(clientRng() * cfg.clients);
    userBytes[user] = sampleBytes(cfg.responseBytes, bytesRng);
    startAttempt(user, 0);
    if (user + 1 < arrivals.length) sim.schedule(arrivals[user + 1], USER, user + 1);
  });
  // When keep-alive is lost the client drops its pool.
  const POOL_DROPPED = sim.on((_, now) => connections.closeIdle(now));
  for (const f of cfg.faults) if (f.kind === 'port-exhaustion' && f.atMs < durationMs) sim.schedule(f.atMs, POOL_DROPPED);
  if (arrivals.length > 0) sim.schedule(arrivals[0], USER, 0);

  sim.run({ until: durationMs });
  workers.flush(durationMs);
  link.flush(durationMs);
  connections.advance(durationMs);
  return stackReport({ cfg, arrivals, attempts: log.columns(durationMs), timeline, workers, link, connections });
}

/** One response size (bytes): a finite number in [0, MAX_RESPONSE_BYTES], else a RangeError naming responseBytes. */
function sampleBytes(distribution: Distribution, rng: Rng): number {
  const v = distribution.sample(rng);
  if (!(v >= 0 && v <= MAX_RESPONSE_BYTES)) {
    throw new RangeError(`responseBytes must yield sizes in [0, ${MAX_RESPONSE_BYTES}] bytes; ${distribution.label} gave ${v}`);
  }
  return v;
}
