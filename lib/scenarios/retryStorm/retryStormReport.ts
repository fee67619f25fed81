/**
 * What a retry-storm run returns: a dashboard row per time bucket (offered load,
 * attempts at the downstream, goodput, latency of good answers, failures by kind,
 * the downstream's queue, utilisation and wasted work, the breaker), one row per
 * user request, and a summary: amplification (downstream attempts per user
 * request), goodput before, during and after the trigger, and how long goodput
 * took to come back once the trigger was gone, or null when it never did: the
 * system stayed in the bad state after its cause had left (a metastable failure,
 * Bronson et al., HotOS 2021; Huang et al., OSDI 2022).
 *
 * Recovery: the time from the trigger's end to the start of the first bucket
 * (starting at or after it) from which, in every later bucket, at least
 * `recoveryFraction` of the user requests arriving there and finished by the end
 * are answered ok. Judged by arrival, as a share, it does not mistake Poisson
 * noise in a healthy system's goodput for a relapse.
 */
import type { CircuitBreaker, BreakerTransition } from '../../resilience/circuitBreaker';
import type { RetryBudget } from '../../resilience/retryBudget';
import { selectQuantiles } from '../../stats/selectQuantiles';
import { EMPTY_SUMMARY, summarize, type Summary } from '../../stats/summarize';
import { MS_PER_SECOND } from '../../sim/time';
import type { StormDownstream } from './retryStormDownstream';
import { latencyFactorAt, type RetryStormConfig, type StormTriggerConfig } from './retryStormOptions';
import { STORM_OUTCOME, STORM_OUTCOMES, STORM_PHASES, type StormPhase, type StormTally } from './retryStormTally';
import { bucketCount, bucketOf } from '../../sim/measures/buckets';

/** One bucket [tMs, tMs + bucketMs); rates are per second of the bucket. */
export interface StormBucket {
  tMs: number;
  /** User requests arriving. */
  offeredRps: number;
  /** Attempts reaching the downstream (first tries and retries from every layer). */
  attemptRps: number;
  /** User requests answered ok (within every deadline on the way). */
  goodputRps: number;
  /** User requests that ended in failure. */
  failedRps: number;
  /** Latency percentiles (ms) of the user requests answered ok in this bucket; NaN if none. */
  p50Ms: number;
  p99Ms: number;
  /** Attempts (at any layer) that timed out, got an error from the downstream, or were refused by a breaker. */
  timeoutRps: number;
  errorRps: number;
  rejectedRps: number;
  /** Attempts waiting at the downstream, time-averaged. */
  queueLength: number;
  /** Share of the downstream's workers busy, time-averaged. */
  utilisation: number;
  /** Share of the service time finished in the bucket spent on attempts nobody waited for any more (NaN if none finished). */
  wastedShare: number;
  /** Share of the bucket during which the last layer's breaker was open (0 without a breaker). */
  breakerOpenShare: number;
  /** The trigger's service-time multiplier in the middle of the bucket. */
  latencyFactor: number;
}

/** One row per user request, in arrival order. */
export interface StormRequests {
  arrivalMs: Float64Array;
  /** When it was answered or failed (ms); NaN when unfinished at the end of the run. */
  endMs: Float64Array;
  /** A `STORM_OUTCOME` value (its last layer-0 attempt's). */
  outcome: Uint8Array;
  /** Attempts it cost the downstream. */
  downstreamAttempts: Int32Array;
}

export interface RetryStormSummary {
  requests: number;
  ok: number;
  failed: number;
  unfinished: number;
  downstreamAttempts: number;
  /** downstreamAttempts / requests. */
  amplification: number;
  /** Attempts started at each layer (outermost first), breaker rejections included. */
  attemptsByLayer: number[];
  /** Attempts at all layers by how they failed. */
  attemptFailures: { error: number; timedOut: number; rejected: number; failedBelow: number };
  /** Attempts the downstream skipped because nobody waited for them (cancelAbandoned). */
  skipped: number;
  /** Share of all service time spent on attempts nobody waited for any more. */
  wastedShare: number;
  /** The downstream over the whole run: time-averaged queue, mean wait in it of the attempts served, utilisation. */
  meanQueueLength: number;
  meanWaitMs: number;
  utilisation: number;
  /** workers / mean service time (per second), before any slowdown. */
  capacityRps: number;
  /** Per phase of the trigger (NaN for a phase that has no time; without a trigger the whole run is 'before'). */
  offeredRps: Record<StormPhase, number>;
  goodputRps: Record<StormPhase, number>;
  amplificationByPhase: Record<StormPhase, number>;
  /** Latency of the user requests answered ok. */
  latencyMs: Summary;
  /** See the module header; null without a trigger or when requests never succeeded again. */
  recoveryMs: number | null;
  /**
   * A trigger, a stable run (not `unstable`), and the last bucket after the trigger with
   * finished requests still answered below `recoveryFraction`.
   */
  metastable: boolean;
  /** Most attempts pending at once (in flight or waiting to retry), all layers. */
  peakPendingAttempts: number;
}

export interface RetryStormResult {
  /** arrivalRate × mean service time / workers: the downstream's load from first attempts alone, before any slowdown. */
  offeredLoad: number;
  /** offeredLoad ≥ 1: the downstream cannot keep up even without retries or a trigger (see simulateRetryStorm). */
  unstable: boolean;
  buckets: StormBucket[];
  requests: StormRequests;
  summary: RetryStormSummary;
  /** The breakers' record (null without breakers): the last layer's state changes, and refusals per layer. */
  breaker: { transitions: BreakerTransition[]; rejectedByLayer: number[] } | null;
  /** The budgets' record per layer (null without budgets). */
  budget: { granted: number; denied: number }[] | null;
  trigger: StormTriggerConfig | null;
  bucketMs: number;
  durationMs: number;
}

export interface StormRun {
  cfg: RetryStormConfig;
  arrivals: Float64Array;
  tally: StormTally;
  downstream: StormDownstream;
  breakers: CircuitBreaker[] | null;
  budgets: RetryBudget[] | null;
  peakPending: number;
}

/**
 * Turns a retry-storm run into its result: a row per time bucket, a row per user
 * request, and the summary (amplification, goodput before, during and after the
 * trigger, and the time goodput took to recover, null when it never did).
 */
export function retryStormReport(run: StormRun): RetryStormResult {
  const { cfg, arrivals, tally, downstream } = run;
  const { buckets, bucketMs, durationMs, trigger } = cfg;
  const users = arrivals.length;
  const latency = latencyByBucket(arrivals, tally, buckets);
  const transitions = run.breakers === null ? [] : bottomTransitions(run.breakers[run.breakers.length - 1], durationMs);
  const openMs = openTimeByBucket(transitions, bucketMs, buckets, durationMs);
  const rows: StormBucket[] = [];
  for (let b = 0; b < buckets; b++) {
    const t0 = b * bucketMs;
    const width = Math.min(bucketMs, durationMs - t0);
    const perSecond = MS_PER_SECOND / width;
    const outcomes = (o: number): number => tally.attemptOutcomes[b * STORM_OUTCOMES + o] * perSecond;
    rows.push({
      tMs: t0,
      offeredRps: tally.offered[b] * perSecond,
      attemptRps: tally.attempts[b] * perSecond,
      goodputRps: tally.ok[b] * perSecond,
      failedRps: tally.failedUsers[b] * perSecond,
      p50Ms: latency.p50[b],
      p99Ms: latency.p99[b],
      timeoutRps: outcomes(STORM_OUTCOME.timedOut),
      errorRps: outcomes(STORM_OUTCOME.error),
      rejectedRps: outcomes(STORM_OUTCOME.rejected),
      queueLength: downstream.queued.mean(b, width),
      utilisation: downstream.busy.mean(b, width) / cfg.workers,
      wastedShare: downstream.workMs[b] > 0 ? downstream.wastedMs[b] / downstream.workMs[b] : NaN,
      breakerOpenShare: openMs[b] / width,
      latencyFactor: latencyFactorAt(trigger, t0 + width / 2),
    });
  }

  const count = (o: number): number => tally.outcome.reduce((k, x) => k + (x === o ? 1 : 0), 0);
  const ok = count(STORM_OUTCOME.ok);
  const unfinished = count(STORM_OUTCOME.unfinished);
  const downstreamAttempts = tally.attempts.reduce((a, b) => a + b, 0);
  const failuresOf = (o: number): number => {
    let n = 0;
    for (let b = 0; b < buckets; b++) n += tally.attemptOutcomes[b * STORM_OUTCOMES + o];
    return n;
  };
  const phaseMs = trigger === null ? [durationMs, 0, 0] : [trigger.atMs, trigger.untilMs - trigger.atMs, durationMs - trigger.untilMs];
  const perPhase = (values: Float64Array, per: (p: number) => number): Record<StormPhase, number> =>
    Object.fromEntries(STORM_PHASES.map((name, p) => [name, phaseMs[p] > 0 ? values[p] / per(p) : NaN])) as Record<StormPhase, number>;
  const sumWork = downstream.workMs.reduce((a, b) => a + b, 0);
  const offeredLoad = cfg.arrivalRate / cfg.capacityRps;
  const unstable = offeredLoad >= 1;
  const { recoveryMs, metastable } = recovery(arrivals, tally, cfg);
  return {
    offeredLoad,
    unstable,
    buckets: rows,
    requests: { arrivalMs: arrivals, endMs: tally.endMs, outcome: tally.outcome, downstreamAttempts: tally.downstreamAttempts },
    summary: {
      requests: users,
      ok,
      failed: users - ok - unfinished,
      unfinished,
      downstreamAttempts,
      amplification: users > 0 ? downstreamAttempts / users : NaN,
      attemptsByLayer: Array.from(tally.attemptsByLayer),
      attemptFailures: {
        error: failuresOf(STORM_OUTCOME.error),
        timedOut: failuresOf(STORM_OUTCOME.timedOut),
        rejected: failuresOf(STORM_OUTCOME.rejected),
        failedBelow: failuresOf(STORM_OUTCOME.failedBelow),
      },
      skipped: downstream.skipped,
      wastedShare: sumWork > 0 ? downstream.wastedMs.reduce((a, b) => a + b, 0) / sumWork : NaN,
      meanQueueLength: downstream.queued.areaUntil(durationMs) / durationMs,
      meanWaitMs: downstream.started > 0 ? downstream.waitedMs / downstream.started : NaN,
      utilisation: downstream.busy.areaUntil(durationMs) / (cfg.workers * durationMs),
      capacityRps: cfg.capacityRps,
      offeredRps: perPhase(tally.phaseArrivals, (p) => phaseMs[p] / MS_PER_SECOND),
      goodputRps: perPhase(tally.phaseOk, (p) => phaseMs[p] / MS_PER_SECOND),
      amplificationByPhase: perPhase(tally.phaseAttempts, (p) => tally.phaseArrivals[p]),
      latencyMs: latency.all,
      recoveryMs,
      metastable: metastable && !unstable,
      peakPendingAttempts: run.peakPending,
    },
    breaker: run.breakers === null ? null : { transitions, rejectedByLayer: run.breakers.map((br) => br.rejected) },
    budget: run.budgets === null ? null : run.budgets.map((bu) => ({ granted: bu.granted, denied: bu.denied })),
    trigger,
    bucketMs,
    durationMs,
  };
}

/** The per-bucket latency levels: p50 and p99. */
const BUCKET_LEVELS = [0.5, 0.99];

/** Latency of good answers, per bucket of completion (p50, p99) and overall, from one grouped copy (quantiles by selection). */
function latencyByBucket(arrivals: Float64Array, tally: StormTally, buckets: number): { p50: Float64Array; p99: Float64Array; all: Summary } {
  const start = new Int32Array(buckets + 1);
  for (let b = 0; b < buckets; b++) start[b + 1] = start[b] + tally.ok[b];
  const fill = start.slice(0, buckets);
  const grouped = new Float64Array(start[buckets]);
  for (let u = 0; u < arrivals.length; u++) {
    if (tally.outcome[u] === STORM_OUTCOME.ok) grouped[fill[tally.bucket(tally.endMs[u])]++] = tally.endMs[u] - arrivals[u];
  }
  const p50 = new Float64Array(buckets).fill(NaN);
  const p99 = new Float64Array(buckets).fill(NaN);
  for (let b = 0; b < buckets; b++) {
    if (start[b + 1] === start[b]) continue;
    [p50[b], p99[b]] = selectQuantiles(grouped.subarray(start[b], start[b + 1]), BUCKET_LEVELS);
  }
  return { p50, p99, all: grouped.length > 0 ? summarize(grouped) : EMPTY_SUMMARY };
}

/** The last layer's breaker transitions, with an open cooldown that ran out before the end stamped too. */
function bottomTransitions(breaker: CircuitBreaker, durationMs: number): BreakerTransition[] {
  breaker.state(durationMs);
  return breaker.transitions.slice();
}

/**
 * Time (ms) per bucket during which the breaker was open: each open interval is split by
 * bucket index, one step per bucket it touches, at the edges b · bucketMs (the last bucket
 * runs to durationMs).
 */
function openTimeByBucket(transitions: BreakerTransition[], bucketMs: number, buckets: number, durationMs: number): Float64Array {
  const open = new Float64Array(buckets);
  for (let i = 0; i < transitions.length; i++) {
    if (transitions[i].to !== 'open') continue;
    const from = Math.min(transitions[i].atMs, durationMs);
    const to = Math.min(i + 1 < transitions.length ? transitions[i + 1].atMs : durationMs, durationMs);
    if (!(to > from)) continue;
    const last = bucketOf(to, bucketMs, buckets);
    for (let b = bucketOf(from, bucketMs, buckets); b <= last; b++) {
      const lo = Math.max(from, b * bucketMs);
      const hi = b === buckets - 1 ? to : Math.min(to, (b + 1) * bucketMs);
      if (hi > lo) open[b] += hi - lo;
    }
  }
  return open;
}

/** See the module header: recovery judged per bucket of arrival, on the requests that finished. */
function recovery(arrivals: Float64Array, tally: StormTally, cfg: RetryStormConfig): { recoveryMs: number | null; metastable: boolean } {
  const { trigger, buckets, bucketMs } = cfg;
  if (trigger === null) return { recoveryMs: null, metastable: false };
  const ok = new Int32Array(buckets);
  const finished = new Int32Array(buckets);
  for (let u = 0; u < arrivals.length; u++) {
    const outcome = tally.outcome[u];
    if (outcome === STORM_OUTCOME.unfinished) continue;
    const b = tally.bucket(arrivals[u]);
    finished[b]++;
    if (outcome === STORM_OUTCOME.ok) ok[b]++;
  }
  const first = bucketCount(trigger.untilMs, bucketMs);
  let b = buckets;
  let judged = false; // some bucket from b on had finished requests
  for (; b > first; b--) {
    const f = finished[b - 1];
    if (f > 0 && ok[b - 1] < cfg.recoveryFraction * f) break;
    judged ||= f > 0;
  }
  if (!judged) return { recoveryMs: null, metastable: b > first };
  return { recoveryMs: Math.max(0, b * bucketMs - trigger.untilMs), metastable: false };
}
