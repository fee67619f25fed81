/**
 * What a pipeline run records of its requests (see pipeline.ts): every request's row
 * (`keep: 'columns'`), or only the requests in flight with counts and sketched signals
 * (`keep: 'summaries'`), behind one recorder interface the simulation calls.
 */
import { poissonArrivals, PoissonClock } from '../arrivals';
import { JobWindow } from '../jobWindow';
import { bucketSignals, SignalTally, type SignalBucket } from '../measures/goldenSignals';
import type { PipelineConfig } from './pipelineOptions';

/** Per request, in arrival order. `outcome`: 0 ok, 1 dropped, 2 timed out, 3 unfinished. */
export interface PipelineRequests {
  arrivalMs: Float64Array;
  /** Arrival to leaving the last stage (ms); NaN when dropped or unfinished. */
  latencyMs: Float64Array;
  /** When the client saw success or failure (ms); NaN while unfinished. */
  endMs: Float64Array;
  outcome: Uint8Array;
  /** Index of the stage that dropped the request, else -1. */
  droppedAt: Int32Array;
}

export const OUTCOME = { ok: 0, dropped: 1, timedOut: 2, unfinished: 3 } as const;

/** How a run's requests ended. */
export interface PipelineCounts {
  requests: number;
  ok: number;
  dropped: number;
  timedOut: number;
  unfinished: number;
}

/** The recorder a run keeps: its columns, or summaries only. */
export function pipelineRecorder(cfg: PipelineConfig): PipelineRecorder {
  return cfg.keep === 'columns' ? new PipelineColumns(cfg) : new PipelineStream(cfg);
}

/** A run's requests as the recorder hands them back: their columns (empty unless kept), counts and signals. */
interface RecordedRequests {
  requests: PipelineRequests;
  counts: PipelineCounts;
  signals: SignalBucket[];
}

/** Records a pipeline run's requests as they arrive, are dropped or served (see the module header). */
export interface PipelineRecorder {
  /** The requests the run will see. */
  readonly requests: number;
  /** The arrival time (ms) of request `job`, drawn in order. */
  arrive(job: number): number;
  dropped(job: number, stage: number, now: number): void;
  served(job: number, now: number, timeoutMs: number): void;
  finish(saturation: Float64Array): RecordedRequests;
}

/** Every request's row, and the signals from the rows at the end. */
class PipelineColumns implements PipelineRecorder {
  readonly requests: number;
  private readonly arrivalMs: Float64Array;
  private readonly latencyMs: Float64Array;
  private readonly endMs: Float64Array;
  private readonly outcome: Uint8Array;
  private readonly droppedAt: Int32Array;

  constructor(private readonly cfg: PipelineConfig) {
    this.arrivalMs = poissonArrivals({ load: cfg.load, durationMs: cfg.durationMs, rng: cfg.rng.fork('arrivals') });
    const n = (this.requests = this.arrivalMs.length);
    this.latencyMs = new Float64Array(n).fill(NaN);
    this.endMs = new Float64Array(n).fill(NaN);
    this.outcome = new Uint8Array(n).fill(OUTCOME.unfinished);
    this.droppedAt = new Int32Array(n).fill(-1);
  }

  arrive(job: number): number {
    return this.arrivalMs[job];
  }

  dropped(job: number, stage: number, now: number): void {
    this.outcome[job] = OUTCOME.dropped;
    this.droppedAt[job] = stage;
    this.endMs[job] = now;
  }

  served(job: number, now: number, timeoutMs: number): void {
    const latency = now - this.arrivalMs[job];
    this.latencyMs[job] = latency;
    this.outcome[job] = latency > timeoutMs ? OUTCOME.timedOut : OUTCOME.ok;
    this.endMs[job] = latency > timeoutMs ? this.arrivalMs[job] + timeoutMs : now;
  }

  finish(saturation: Float64Array): RecordedRequests {
    const { arrivalMs, latencyMs, endMs, outcome, droppedAt, requests: n } = this;
    const { timeoutMs, durationMs, bucketMs } = this.cfg;
    // A request still in flight at the end has failed already if the client gave up on it.
    const tally = [0, 0, 0, 0];
    for (let i = 0; i < n; i++) {
      if (outcome[i] === OUTCOME.unfinished && arrivalMs[i] + timeoutMs <= durationMs) {
        outcome[i] = OUTCOME.timedOut;
        endMs[i] = arrivalMs[i] + timeoutMs;
      }
      tally[outcome[i]]++;
    }
    return {
      requests: { arrivalMs, latencyMs, endMs, outcome, droppedAt },
      counts: { requests: n, ok: tally[OUTCOME.ok], dropped: tally[OUTCOME.dropped], timedOut: tally[OUTCOME.timedOut], unfinished: tally[OUTCOME.unfinished] },
      signals: bucketSignals({ arrivalMs, endMs, latencyMs, ok: (i) => outcome[i] === OUTCOME.ok, durationMs, bucketMs, saturation }),
    };
  }
}

/** The arrivals of the requests in flight, counts and sketched signals: memory bounded by the requests in flight. */
class PipelineStream implements PipelineRecorder {
  readonly requests: number;
  private readonly clock: PoissonClock;
  private readonly inFlight = JobWindow.inFlight({ arrivalMs: Float64Array });
  private readonly signals: SignalTally;
  private readonly tally = [0, 0, 0, 0];

  constructor(private readonly cfg: PipelineConfig) {
    const counting = new PoissonClock(cfg.load, cfg.durationMs, cfg.rng.fork('arrivals'));
    let n = 0;
    while (counting.next() < cfg.durationMs) n++;
    this.requests = n;
    this.clock = new PoissonClock(cfg.load, cfg.durationMs, cfg.rng.fork('arrivals'));
    this.signals = new SignalTally(cfg.durationMs, cfg.bucketMs, cfg.buckets, 'summaries');
  }

  arrive(job: number): number {
    const t = this.clock.next();
    this.inFlight.openNext();
    this.inFlight.col.arrivalMs[job & this.inFlight.mask] = t;
    this.signals.arrived(t);
    return t;
  }

  dropped(job: number, _stage: number, now: number): void {
    this.end(job, OUTCOME.dropped, now, NaN);
  }

  served(job: number, now: number, timeoutMs: number): void {
    const arrival = this.inFlight.col.arrivalMs[job & this.inFlight.mask];
    const latency = now - arrival;
    if (latency > timeoutMs) this.end(job, OUTCOME.timedOut, arrival + timeoutMs, latency);
    else this.end(job, OUTCOME.ok, now, latency);
  }

  finish(saturation: Float64Array): RecordedRequests {
    const { timeoutMs, durationMs } = this.cfg;
    const { inFlight } = this;
    for (let job = inFlight.oldestOpen; job < inFlight.opened; job++) {
      if (!inFlight.isOpen(job)) continue;
      const arrival = inFlight.col.arrivalMs[job & inFlight.mask];
      if (arrival + timeoutMs <= durationMs) this.end(job, OUTCOME.timedOut, arrival + timeoutMs, NaN);
      else this.tally[OUTCOME.unfinished]++;
    }
    const n = this.requests;
    const none = new Float64Array(0);
    return {
      requests: { arrivalMs: none, latencyMs: none, endMs: none, outcome: new Uint8Array(0), droppedAt: new Int32Array(0) },
      counts: { requests: n, ok: this.tally[OUTCOME.ok], dropped: this.tally[OUTCOME.dropped], timedOut: this.tally[OUTCOME.timedOut], unfinished: this.tally[OUTCOME.unfinished] },
      signals: this.signals.signals(saturation),
    };
  }

  private end(job: number, outcome: number, endMs: number, latencyMs: number): void {
    this.tally[outcome]++;
    this.signals.ended(endMs, outcome === OUTCOME.ok, latencyMs);
    this.inFlight.close(job);
  }
}
