/**
 * What a cluster's client saw, request by request, added up: each measured request
 * is classified (answered, failed, or timed out after `timeoutMs`, which then is its
 * latency) and counted per server. Runs that keep summaries also add each answered
 * request's latency to a sketch; runs that keep columns select exact quantiles from
 * the latency column instead.
 */
import { latencySketch, type Keep } from '../../sim/keptColumns';
import type { LogHistogram } from '../../stats/streamingHistogram';

/** Outcome codes of a cluster result's `outcome` column. */
export const CLUSTER_OUTCOME = { ok: 0, failed: 1, timedOut: 2 } as const;

/** Counts of a cluster run's measured requests by outcome and by server (see the module header). */
export class OutcomeTally {
  /** Answered requests. */
  ok = 0;
  /** Requests that failed (their server was down, failed while holding them, or their pool had none in rotation). */
  errors = 0;
  /** Measured requests sent to each server. */
  readonly perServerRequests: Float64Array;
  /** Of those, the requests that failed there. */
  readonly perServerErrors: Float64Array;
  /** Latencies of the answered requests, when the run keeps summaries. */
  readonly answered: LogHistogram | undefined;
  /** The latency the client saw for the request last added (ms). */
  latencyMs = 0;

  /** A tally over `servers` servers whose clients give up after `timeoutMs`. */
  constructor(servers: number, private readonly timeoutMs: number, keep: Keep) {
    this.perServerRequests = new Float64Array(servers);
    this.perServerErrors = new Float64Array(servers);
    this.answered = keep === 'summaries' ? latencySketch() : undefined;
  }

  /** Adds one measured request that waited `waitedMs` for its answer from `server` (−1: none); returns its outcome code. */
  add(waitedMs: number, server: number, failed: number): number {
    if (server >= 0) this.perServerRequests[server]++;
    if (waitedMs > this.timeoutMs) {
      this.latencyMs = this.timeoutMs;
      return CLUSTER_OUTCOME.timedOut;
    }
    this.latencyMs = waitedMs;
    if (failed === 1) {
      this.errors++;
      if (server >= 0) this.perServerErrors[server]++;
      return CLUSTER_OUTCOME.failed;
    }
    this.ok++;
    this.answered?.add(waitedMs);
    return CLUSTER_OUTCOME.ok;
  }
}
