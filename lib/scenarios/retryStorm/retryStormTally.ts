/**
 * What a retry-storm run counts while it runs: one row per user request (when it
 * ended, how, and how many attempts it cost the downstream), counters per report
 * bucket, and counts per phase of the trigger (before, during, after). All in
 * typed arrays; nothing is allocated per event.
 */
import type { RetryStormConfig } from './retryStormOptions';
import { BucketLookup } from '../../sim/measures/buckets';

/** How an attempt or a user request ended. */
export const STORM_OUTCOME = {
  ok: 0,
  /** The downstream answered an error (during the trigger, or its queue was full). */
  error: 1,
  timedOut: 2,
  /** Refused at once by the caller's open circuit breaker. */
  rejected: 3,
  /** The call one layer down failed (its own attempts ran out). */
  failedBelow: 4,
  unfinished: 5,
} as const;
/** How many outcomes there are: the stride of per-bucket outcome counts. */
export const STORM_OUTCOMES = Object.keys(STORM_OUTCOME).length;

export const STORM_PHASES = ['before', 'during', 'after'] as const;
export type StormPhase = (typeof STORM_PHASES)[number];

/**
 * What a retry-storm run counts as it goes, in typed arrays: per user request its
 * end time (ms), outcome and downstream attempts; counters per report bucket and
 * per phase of the trigger.
 */
export class StormTally {
  /** Per user request: when it ended (NaN: unfinished), its outcome, its attempts at the downstream. */
  readonly endMs: Float64Array;
  readonly outcome: Uint8Array;
  readonly downstreamAttempts: Int32Array;
  /** Per bucket. */
  readonly offered: Float64Array;
  readonly attempts: Float64Array;
  readonly ok: Float64Array;
  readonly failedUsers: Float64Array;
  /** Per bucket and outcome (bucket × STORM_OUTCOMES + outcome), of attempts at every layer. */
  readonly attemptOutcomes: Float64Array;
  /** Attempts started per layer, breaker rejections included. */
  readonly attemptsByLayer: Float64Array;
  /** Per phase (0 before the trigger, 1 during, 2 after; all 0 without a trigger): user arrivals, downstream attempts, users answered ok. */
  readonly phaseArrivals = new Float64Array(3);
  readonly phaseAttempts = new Float64Array(3);
  readonly phaseOk = new Float64Array(3);
  /** Which report bucket a moment falls in. */
  private readonly bucketOfTime: BucketLookup;
  private readonly atMs: number;
  private readonly untilMs: number;

  constructor(users: number, layers: number, cfg: RetryStormConfig) {
    this.endMs = new Float64Array(users).fill(NaN);
    this.outcome = new Uint8Array(users).fill(STORM_OUTCOME.unfinished);
    this.downstreamAttempts = new Int32Array(users);
    this.offered = new Float64Array(cfg.buckets);
    this.attempts = new Float64Array(cfg.buckets);
    this.ok = new Float64Array(cfg.buckets);
    this.failedUsers = new Float64Array(cfg.buckets);
    this.attemptOutcomes = new Float64Array(cfg.buckets * STORM_OUTCOMES);
    this.attemptsByLayer = new Float64Array(layers);
    this.bucketOfTime = new BucketLookup(cfg.bucketMs, cfg.buckets);
    this.atMs = cfg.trigger === null ? Infinity : cfg.trigger.atMs;
    this.untilMs = cfg.trigger === null ? Infinity : cfg.trigger.untilMs;
  }

  /** The report bucket of time `tMs`. */
  bucket(tMs: number): number {
    return this.bucketOfTime.of(tMs);
  }

  /** The trigger phase of time `tMs`: 0 before, 1 during, 2 after. */
  phase(tMs: number): number {
    return tMs < this.atMs ? 0 : tMs < this.untilMs ? 1 : 2;
  }

  /** Counts a user request arriving at `nowMs`. */
  userArrived(nowMs: number): void {
    this.offered[this.bucket(nowMs)]++;
    this.phaseArrivals[this.phase(nowMs)]++;
  }

  /** Counts an attempt started at `layer`. */
  attemptStarted(layer: number): void {
    this.attemptsByLayer[layer]++;
  }

  /** Counts an attempt of `user`'s request reaching the downstream at `nowMs`. */
  downstreamAttempt(user: number, nowMs: number): void {
    this.downstreamAttempts[user]++;
    this.attempts[this.bucket(nowMs)]++;
    this.phaseAttempts[this.phase(nowMs)]++;
  }

  /** Counts an attempt failing at `nowMs` with `outcome`. */
  attemptFailed(outcome: number, nowMs: number): void {
    this.attemptOutcomes[this.bucket(nowMs) * STORM_OUTCOMES + outcome]++;
  }

  /** Records `user`'s request ending at `nowMs` with `outcome`. */
  userDone(user: number, outcome: number, nowMs: number): void {
    this.endMs[user] = nowMs;
    this.outcome[user] = outcome;
    if (outcome === STORM_OUTCOME.ok) {
      this.ok[this.bucket(nowMs)]++;
      this.phaseOk[this.phase(nowMs)]++;
    } else this.failedUsers[this.bucket(nowMs)]++;
  }
}
