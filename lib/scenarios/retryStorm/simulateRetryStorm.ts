/**
 * A retry storm, discrete-event: users send requests through `layers` nested
 * callers to one downstream service, the downstream slows down (or fails) for a
 * while, and each caller's retry policy decides whether the trouble ends with its
 * trigger or outlives it (course handbook §10: latency drift → timeouts → retries →
 * amplified load; "the root cause was the retry policy").
 *
 * The call path. A user request is a call at layer 0 (the user's client). A call
 * at layer j makes attempts, one at a time; an attempt at layer j < layers − 1 is
 * a call at layer j + 1, and an attempt at the last layer goes to the downstream.
 * When an attempt fails (it timed out, the downstream answered an error, a breaker
 * refused it, or the call below it failed) its call may retry, per the policy.
 *
 * Timeouts nest like propagated deadlines (`Deadline.child`, as gRPC does): an
 * attempt at layer j gives up at the earlier of its own timeout
 * (`timeoutMs[j]` after it starts) and the deadline of the attempt one layer up
 * that waits for it (for layer 0: the user's `deadlineMs`). A call does not start
 * a retry that could not begin before its caller's deadline. So inner retries
 * happen only within the time the outer attempt grants, and an inner call never
 * outlives the request that asked for it; the downstream, however, is not told
 * (see StormDownstream and `cancelAbandoned`).
 *
 * Retries: `retry.maxAttempts` per call at every layer, after `retry.backoff`'s
 * delay (none: at once). With a budget, each layer keeps one token bucket: every
 * call's first attempt deposits, every retry must withdraw (RetryBudget). With a
 * breaker, each layer keeps one client-side circuit breaker on its calls to the
 * next hop; while it is open, attempts fail at once without leaving the caller.
 * If every attempt fails, the downstream sees maxAttempts^layers attempts per
 * user request.
 *
 * Overload: `offeredLoad` is the users' arrival rate × mean service time / workers,
 * before retries and before any slowdown; at 1 or more the downstream cannot keep up
 * even without a trigger, the run is `unstable`, and its queue grows for as long as it
 * runs. The storm's own collapse is a different thing: a stable system (offeredLoad < 1)
 * that the trigger pushes over capacity (offeredLoad × latencyFactor ≥ 1) and that retries
 * keep there after the trigger ends (`summary.metastable`). An unstable run is never
 * called metastable: it would not recover without retries either.
 *
 * Streams (forks of `rng`), one per component, so that changing one never moves another's draws:
 * - `arrivals`: the users' arrival times;
 * - `service`: the downstream's service times, in the order attempts start service;
 * - `errors`: the downstream's choice of which attempts fail during the trigger;
 * - `backoff` / `<j>`: layer j's retry jitter (one stream per layer, outermost 0).
 * Budgets and breakers draw nothing.
 *
 * Approximations: no network delay between layers (callers add no latency; an
 * error is answered at once); requests are idempotent reads (every failure may be
 * retried); a breaker's rejection and a budget's refusal cost nothing; the
 * downstream's errors during the trigger cost no work. Not modelled: hedged
 * requests, load shedding by priority, retries of a non-idempotent request.
 */
import { sampleDuration } from '../../random/distribution';
import { poissonArrivals } from '../../sim/arrivals';
import { progressTicker } from '../../sim/progress';
import { Simulation } from '../../sim/simulation';
import { circuitBreaker, type CircuitBreaker } from '../../resilience/circuitBreaker';
import { RetryBudget } from '../../resilience/retryBudget';
import { ATTEMPT_STATE, StormAttempts } from './retryStormAttempts';
import { StormDownstream } from './retryStormDownstream';
import { checkRetryStormOptions, errorRateAt, latencyFactorAt, type RetryStormOptions } from './retryStormOptions';
import { retryStormReport, type RetryStormResult } from './retryStormReport';
import { StormTally, STORM_OUTCOME } from './retryStormTally';
import { LayerTimers } from './retryStormTimers';

/**
 * A retry is not started with less than this left before its caller's deadline (ms): sums of
 * timeouts such as t + 1000 + 500 and t + 1500 may differ in the last bit, and a retry in that
 * gap would be an artefact of rounding.
 */
const DEADLINE_SLACK_MS = 1e-6;

/**
 * Simulates user requests through `layers` nested callers, each with a timeout (ms)
 * and a retry policy, to a downstream service that slows down or fails during the
 * trigger. Returns a dashboard row per bucket, a row per user request and the
 * summary: amplification, goodput before, during and after, and recovery time.
 *
 * @throws TypeError or RangeError naming a wrong option, or a run beyond its bounds (checked first).
 *
 * @example
 * ```ts
 * import { createRng, exponential, simulateRetryStorm } from 'netlab';
 *
 * const r = simulateRetryStorm({
 *   durationMs: 10_000, arrivalRate: 300, workers: 4, serviceTime: exponential(10), timeoutMs: 200,
 *   trigger: { atMs: 3_000, untilMs: 5_000, latencyFactor: 5 }, retry: { maxAttempts: 3 }, rng: createRng(1),
 * });
 * r.summary.amplification;                     // downstream attempts per user request
 * ```
 */
export function simulateRetryStorm(opts: RetryStormOptions): RetryStormResult {
  const cfg = checkRetryStormOptions(opts);
  const { rng, layers, retry, trigger, durationMs } = cfg;
  const arrivals = poissonArrivals({ load: cfg.arrivalRate, durationMs, rng: rng.fork('arrivals') });
  const serviceRng = rng.fork('service');
  const errorRng = rng.fork('errors');
  const backoffRngs = Array.from({ length: layers }, (_, j) => rng.fork('backoff').fork(String(j)));
  const budgets = cfg.budget === null ? null : Array.from({ length: layers }, () => new RetryBudget(cfg.budget!));
  const breakers: CircuitBreaker[] | null = cfg.breaker === null ? null : Array.from({ length: layers }, () => circuitBreaker(cfg.breaker!));
  const tally = new StormTally(arrivals.length, layers, cfg);
  const tick = progressTicker(arrivals.length, cfg.onProgress);
  const bottom = layers - 1;

  const sim = new Simulation();
  const at = new StormAttempts();
  const downstream = new StormDownstream(sim, cfg.workers, cfg.queueLimit, cfg.bucketMs, cfg.buckets, cfg.cancelAbandoned, {
    serviceMs: (now) => sampleDuration('serviceTime', cfg.serviceTime, serviceRng) * latencyFactorAt(trigger, now),
    wanted: (tag) => at.inFlight(tag) >= 0,
    served: (tag, now) => succeed(at.inFlight(tag), now),
  });

  /** Starts the first attempt of a call at `layer` for the attempt `parent` one layer up (-1: the user). */
  const call = (layer: number, parent: number, request: number, deadlineMs: number, now: number): void => {
    budgets?.[layer].deposit(now);
    begin(at.slot(at.add(layer, 0, parent, request, deadlineMs, 0)), now);
  };

  /** Sends the attempt in slot `s` on its way. */
  const begin = (s: number, now: number): void => {
    const layer = at.layer[s];
    const tag = at.tagOf(s);
    at.state[s] = ATTEMPT_STATE.inFlight;
    const own = now + cfg.timeoutMs[layer];
    const deadline = Math.min(at.callDeadlineMs[s], own);
    at.startedMs[s] = now;
    tally.attemptStarted(layer);
    timers.add(layer, own, tag);
    // An earlier deadline is the caller's: it gives up then and takes this attempt with it (see `expire`); the user has no caller.
    if (layer === 0) {
      if (deadline < own) sim.schedule(deadline, USER_DEADLINE, tag);
    } else at.child[at.slot(at.parent[s])] = tag;
    if (breakers !== null && !breakers[layer].allow(now)) return fail(s, STORM_OUTCOME.rejected, now);
    at.admitted[s] = 1;
    if (layer < bottom) return call(layer + 1, tag, at.request[s], deadline, now);
    tally.downstreamAttempt(at.request[s], now);
    const errorRate = errorRateAt(trigger, now);
    if (errorRate > 0 && errorRng() < errorRate) return fail(s, STORM_OUTCOME.error, now);
    if (!downstream.offer(tag, now)) fail(s, STORM_OUTCOME.error, now);
  };

  /** The attempt in slot `s` got a good answer: so does the call above it. */
  const succeed = (s: number, now: number): void => {
    if (s < 0) return;
    const layer = at.layer[s];
    if (at.admitted[s] === 1) breakers?.[layer].record(now, true, at.startedMs[s]);
    const parent = at.parent[s];
    const request = at.request[s];
    at.release(s);
    if (layer === 0) tally.userDone(request, STORM_OUTCOME.ok, now);
    else succeed(at.inFlight(parent), now);
  };

  /** The attempt in slot `s` failed with `outcome`: retry it, or fail its call. */
  const fail = (s: number, outcome: number, now: number): void => {
    const layer = at.layer[s];
    tally.attemptFailed(outcome, now);
    if (at.admitted[s] === 1) breakers?.[layer].record(now, false, at.startedMs[s]);
    const made = at.attemptNo[s] + 1;
    const parent = at.parent[s];
    const request = at.request[s];
    const callDeadline = at.callDeadlineMs[s];
    const previousDelay = made > 1 ? at.delayMs[s] : undefined;
    at.release(s);
    if (retry.mayRetry(made, true)) {
      const delay = retry.delayMs(made, backoffRngs[layer], previousDelay);
      if (!(delay >= 0 && delay < Infinity)) throw new RangeError(`retry.delayMs must return a delay >= 0 ms; got ${delay} for retry ${made}`);
      if (now + delay < callDeadline - DEADLINE_SLACK_MS && (budgets === null || budgets[layer].tryWithdraw(now))) {
        sim.schedule(now + delay, RETRY, at.add(layer, made, parent, request, callDeadline, delay));
        return;
      }
    }
    if (layer === 0) tally.userDone(request, outcome, now);
    else {
      const up = at.inFlight(parent);
      if (up >= 0) fail(up, STORM_OUTCOME.failedBelow, now);
    }
  };

  /** The attempt `tag` has run out of time, and with it the attempts below it, whose deadlines are no later. */
  const expire = (tag: number, now: number): void => {
    for (let s = at.inFlight(tag); s >= 0;) {
      const child = at.child[s];
      fail(s, STORM_OUTCOME.timedOut, now);
      s = child < 0 ? -1 : at.inFlight(child);
    }
  };
  const timers = new LayerTimers(sim, layers, (tag) => at.inFlight(tag) >= 0, expire);
  const USER_DEADLINE = sim.on(expire);
  const RETRY = sim.on((tag, now) => {
    const s = at.waiting(tag);
    if (s < 0) return;
    const parent = at.parent[s];
    // The caller above may have given up in the meantime (only at its deadline, which a retry never passes).
    if (parent >= 0 && at.inFlight(parent) < 0) at.release(s);
    else begin(s, now);
  });
  let next = 0;
  const ARRIVE = sim.on((u, now) => {
    if (u + 1 < arrivals.length) sim.schedule(arrivals[u + 1], ARRIVE, u + 1);
    tally.userArrived(now);
    call(0, -1, u, now + cfg.deadlineMs, now);
    tick(++next);
  });
  if (arrivals.length > 0) sim.schedule(arrivals[0], ARRIVE, 0);
  sim.run({ until: durationMs });
  downstream.busy.advance(durationMs);
  downstream.queued.advance(durationMs);
  return retryStormReport({ cfg, arrivals, tally, downstream, breakers, budgets, peakPending: at.peakLive });
}
