/**
 * Payment retries over a lossy network, with and without idempotency keys (course
 * part 5, "Payment Retries"): TCP delivers the request at least once, the user needs
 * the charge executed exactly once, and only the application can close that gap.
 *
 * Discrete-event, one event heap for all payments, so that retries of one payment
 * can overlap in time. Users press "Pay" as a Poisson process of `arrivalRate`.
 * An attempt:
 * 1. its request is lost with `requestLossRate` and never reaches the server;
 * 2. otherwise it arrives half a round trip later. Without keys the server charges
 *    the card (a draw of `serverMs`) whatever it has done before. With keys it asks
 *    the key store (`idempotencyStore`, one `storeMs` round trip) and either
 *    executes (first time), answers from the stored result (a completed repeat),
 *    holds the attempt until the execution in flight finishes (`concurrent: 'wait'`)
 *    or answers "conflict" at once (`'reject'`, like HTTP 409); an executed charge
 *    pays a second `storeMs` to store its result before it is answered;
 * 3. the reply is lost with `responseLossRate`: the server acted, the client hears
 *    nothing;
 * 4. the client waits `timeoutMs` from sending (a `Deadline`); a reply after that is
 *    late and ignored, as the client has closed the connection. After a timeout or a
 *    conflict the client retries per its `RetryPolicy` (backoff with jitter, or at
 *    once) until `maxAttempts`; then the payment has failed (the user is told so,
 *    whether or not it was charged).
 * The server never learns that a client gave up: a charge that has started finishes.
 *
 * With only losses (every reply on time), attempts fail independently with
 * probability f = q + (1 − q)·p, which `paymentArithmetic` turns into exact
 * expectations. A slow `serverMs` tail makes some replies late, and the retry then
 * reaches the server while the first charge is still running: without keys both
 * execute (`server.overlappingExecutions`), with keys the store serialises them.
 *
 * Random streams: 'client' / 'arrivals' for the users' presses, and the per-attempt
 * draws of `paymentDraws.ts` ('network' losses, 'server' times, 'client' backoff per
 * payment), fixed per payment and attempt so that changing one component (the
 * server's time, the keys, the backoff) never moves another's draws.
 *
 * No capacity limit, by design: the server has unlimited workers (no queueing, so no
 * offered load against a capacity and no `unstable` flag; retry amplification under
 * load is the retry storm's subject). Bounds: at most 10^6 payments and 3·10^6
 * attempt slots (payments × maxAttempts), delays up to one hour, arrivals within
 * 10^10 ms; see `PaymentOptions`.
 *
 * Approximations: the store's check-and-mark is
 * atomic at the moment the request arrives, as a unique insert in a database is;
 * charges never fail; one key per payment (the client reuses it on every attempt).
 * Not modelled: TCP's own retransmissions (a "lost" message is one TCP gave up on or
 * that was cut off with its connection), key collisions, partial failures between
 * charging and storing the result.
 */
import { poissonArrivals } from '../../sim/arrivals';
import { progressTicker } from '../../sim/progress';
import { Simulation } from '../../sim/simulation';
import { idempotencyStore } from '../../resilience/idempotencyStore';
import { Deadline } from '../../resilience/timeout';
import { drawPayments } from './paymentDraws';
import { checkPaymentOptions, type PaymentConfig, type PaymentOptions } from './paymentOptions';
import { paymentReport, type PaymentAttemptCounts, type PaymentResult, type PaymentServerCounts } from './paymentReport';

function describeRun(cfg: PaymentConfig): string {
  const pct = (x: number): string => `${+(100 * x).toPrecision(3)}%`;
  const loss = [
    cfg.requestLossRate > 0 ? `request loss ${pct(cfg.requestLossRate)}` : '',
    cfg.responseLossRate > 0 ? `response loss ${pct(cfg.responseLossRate)}` : '',
  ].filter((s) => s !== '').join(', ') || 'no loss';
  const keys = cfg.keys === null ? 'no keys' : `keys (${cfg.keys.concurrent})`;
  return `${keys}, ${loss}, ${cfg.maxAttempts} attempt${cfg.maxAttempts === 1 ? '' : 's'}`;
}

/**
 * Simulates `payments` payments whose requests and responses may be lost, each
 * retried up to `maxAttempts` times, with or without idempotency keys. Returns the
 * charges, duplicate charges, failed payments (charged or not), what happened on
 * the wire and what the server and its key store saw.
 *
 * @throws TypeError or RangeError naming a wrong option.
 *
 * @example
 * ```ts
 * import { createRng, simulatePayments } from 'netlab';
 *
 * const run = (idempotencyKeys: false | { concurrent: 'wait' }) => simulatePayments({
 *   payments: 1_000, requestLossRate: 0.01, responseLossRate: 0.05, maxAttempts: 3, idempotencyKeys, rng: createRng(1),
 * });
 * [run(false).duplicateCharges, run({ concurrent: 'wait' }).duplicateCharges];   // keys bring it to 0
 * ```
 */
export function simulatePayments(opts: PaymentOptions): PaymentResult {
  const cfg = checkPaymentOptions(opts);
  const { payments: n, maxAttempts, keys, policy, rng } = cfg;
  const arrivals = poissonArrivals({ load: cfg.arrivalRate, count: n, rng: rng.fork('client').fork('arrivals') });
  const draws = drawPayments({ ...cfg, payments: n });
  /** Executions started so far for each payment (indexes its server-time slots). */
  const executions = new Int32Array(n);
  const halfRtt = cfg.rttMs / 2;
  const storeMs = keys === null ? 0 : keys.storeMs;
  const store = keys === null ? null : idempotencyStore<number>({ concurrent: keys.concurrent, ttlMs: keys.ttlMs });
  const tick = progressTicker(n, cfg.onProgress);

  const records = {
    arrivalMs: arrivals,
    attempts: new Int32Array(n),
    charges: new Int32Array(n),
    confirmed: new Uint8Array(n),
    latencyMs: new Float64Array(n).fill(NaN),
    endMs: new Float64Array(n).fill(NaN),
  };
  /** The attempt number (0-based) the client is waiting on, or −1 when it is not waiting. */
  const open = new Int32Array(n).fill(-1);
  /** Executions of each payment running now. */
  const running = new Int32Array(n);
  /** The last backoff delay of each payment (decorrelated jitter grows from it). */
  const lastDelay = new Float64Array(n).fill(NaN);
  const wire: PaymentAttemptCounts = { sent: 0, retries: 0, requestsLost: 0, responsesLost: 0, late: 0, timedOut: 0, conflicts: 0, confirmed: 0 };
  const server: PaymentServerCounts = { received: 0, executions: 0, overlappingExecutions: 0, replayed: 0, waited: 0, conflicts: 0 };

  // An attempt is identified by payment × maxAttempts + its number, so events carry one number.
  const paymentOf = (a: number): number => Math.floor(a / maxAttempts);
  /** True while the client still waits for attempt `a`'s reply. */
  const waitingFor = (a: number): boolean => {
    const p = paymentOf(a);
    return open[p] === a - p * maxAttempts;
  };
  const sim = new Simulation();

  const send = (p: number): void => {
    const k = records.attempts[p]++;
    const a = p * maxAttempts + k;
    open[p] = k;
    wire.sent++;
    if (k > 0) wire.retries++;
    sim.schedule(new Deadline(sim.now, cfg.timeoutMs).expiresAtMs, TIMEOUT, a);
    if (draws.requestLost[a] === 1) wire.requestsLost++;
    else sim.schedule(sim.now + halfRtt, AT_SERVER, a);
  };
  /** The server answers attempt `a` at `atMs` with a confirmation (kind OK) or a conflict. */
  const reply = (a: number, atMs: number, kind: number): void => {
    if (draws.responseLost[a] === 1) wire.responsesLost++;
    else sim.schedule(atMs + halfRtt, kind, a);
  };
  const retryOrGiveUp = (p: number): void => {
    open[p] = -1;
    const made = records.attempts[p];
    if (!policy.mayRetry(made, keys !== null)) {
      records.endMs[p] = sim.now;
      draws.release(p);
      return;
    }
    const previous = lastDelay[p];
    const delay = policy.delayMs(made, draws.backoff(p), Number.isNaN(previous) ? undefined : previous);
    lastDelay[p] = delay;
    sim.schedule(sim.now + delay, RETRY, p);
  };
  const execute = (a: number, nowMs: number): void => {
    const p = paymentOf(a);
    server.executions++;
    if (running[p]++ > 0) server.overlappingExecutions++;
    sim.schedule(nowMs + draws.serverMs[p * maxAttempts + executions[p]++], CHARGED, a);
  };

  const USER = sim.on((p) => {
    tick(p + 1);
    send(p);
    if (p + 1 < n) sim.schedule(arrivals[p + 1], USER, p + 1);
  });
  const RETRY = sim.on((p) => send(p));
  const TIMEOUT = sim.on((a) => {
    if (!waitingFor(a)) return;
    wire.timedOut++;
    retryOrGiveUp(paymentOf(a));
  });
  const AT_SERVER = sim.on((a, now) => {
    server.received++;
    if (store === null) return execute(a, now);
    const verdict = store.begin(paymentOf(a), now, (result) => reply(a, sim.now, result === null ? CONFLICT : OK));
    if (verdict.kind === 'execute') sim.schedule(now + storeMs, EXECUTE, a);
    else if (verdict.kind === 'replay') reply(a, now + storeMs, OK);
    else if (verdict.kind === 'conflict') reply(a, now + storeMs, CONFLICT);
  });
  const EXECUTE = sim.on(execute);
  const CHARGED = sim.on((a, now) => {
    const p = paymentOf(a);
    running[p]--;
    records.charges[p]++;
    if (store === null) reply(a, now, OK);
    else sim.schedule(now + storeMs, STORED, a);
  });
  const STORED = sim.on((a, now) => {
    // complete() answers the attempts that waited for this execution (through their onSettled).
    store!.complete(paymentOf(a), now, now);
    reply(a, now, OK);
  });
  const OK = sim.on((a, now) => {
    if (!waitingFor(a)) {
      wire.late++;
      return;
    }
    const p = paymentOf(a);
    open[p] = -1;
    wire.confirmed++;
    records.confirmed[p] = 1;
    records.latencyMs[p] = now - arrivals[p];
    records.endMs[p] = now;
    draws.release(p);
  });
  const CONFLICT = sim.on((a) => {
    if (!waitingFor(a)) {
      wire.late++;
      return;
    }
    wire.conflicts++;
    retryOrGiveUp(paymentOf(a));
  });

  sim.schedule(arrivals[0], USER, 0);
  sim.run();
  if (store !== null) {
    server.replayed = store.counts.replayed;
    server.waited = store.counts.waited;
    server.conflicts = store.counts.conflicts;
  }
  return paymentReport(describeRun(cfg), records, wire, server);
}
