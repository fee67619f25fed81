/**
 * The options of `simulatePipeline` (see pipeline.ts), their key lists, defaults,
 * bounds and the one function that checks them all before any work starts.
 */
import { requireRng, type Rng } from '../../random/rng';
import { type Distribution } from '../../random/distribution';
import { requireDistribution } from '../../random/requireDistribution';
import type { DistributionLike } from '../../random/spec';
import * as check from '../../validate';
import { checkLoad, peakRate, type Load } from '../arrivals';
import { checkBuckets } from '../measures/buckets';
import { checkProgress, type ProgressCallback } from '../progress';
import { MS_PER_SECOND } from '../time';
import { MAX_REQUESTS, MAX_SIMULATED_MS, MAX_STAGE_BUCKETS, MAX_STAGE_VISITS, MAX_STAGES } from '../limits';
import { checkKeep, type Keep } from '../keptColumns';

export interface StageSpec {
  /** Unique name, used in results and to name the stage's random stream. */
  name: string;
  /** Parallel servers at this stage (an integer ≥ 1; no memory is kept per worker). */
  workers: number;
  /** Service time per request at this stage (ms); every draw must be finite, ≥ 0 and ≤ MAX_SIMULATED_MS (10^10 ms). */
  serviceTime: DistributionLike;
  /** Most requests allowed to wait here: an integer ≥ 0 or Infinity (the default). */
  queueLimit?: number;
}

/** Every key of StageSpec. */
export const STAGE_KEYS: readonly (keyof StageSpec)[] = ['name', 'workers', 'serviceTime', 'queueLimit'];

export interface PipelineOptions {
  /** The stages every request visits in order: 1 to MAX_STAGES (100). */
  stages: StageSpec[];
  /**
   * Requests per second: a constant, or `{ startRps, endRps }` ramping linearly over
   * the run. Peak rate × durationMs may imply at most MAX_REQUESTS (2·10^7) requests
   * when keeping columns, 5·10^7 keeping summaries, and those requests × stages at most
   * MAX_STAGE_VISITS (5·10^7) stage visits.
   */
  load: Load;
  /** Length of the run (ms, in (0, MAX_SIMULATED_MS = 10^10]); further bounded through `load`. */
  durationMs: number;
  /**
   * Width of a dashboard bucket (ms, in (0, durationMs]); default durationMs / 40. At most
   * MAX_BUCKETS (10^4) buckets, and stages × buckets at most MAX_STAGE_BUCKETS (10^6).
   */
  bucketMs?: number;
  /** A request slower than this is an error (ms, > 0); default Infinity. */
  timeoutMs?: number;
  /** A stage counts as saturated in a bucket when its utilisation reaches this (in (0, 1]); default 0.95. */
  saturationThreshold?: number;
  /** The root stream; see pipeline.ts for its forks. */
  rng: Rng;
  /** Called about a hundred times with (requests arrived, requests). */
  onProgress?: ProgressCallback;
  /**
   * Keep every request's row (`'columns'`), or only counts and signals (`'summaries'`,
   * per-bucket percentiles within 0.5 %, memory bounded by the requests in flight); default
   * columns when the peak rate × durationMs implies at most COLUMNS_KEPT_UP_TO (10^7) requests.
   */
  keep?: Keep;
}

/** Every key of PipelineOptions. */
export const PIPELINE_KEYS: readonly (keyof PipelineOptions)[] = [
  'stages', 'load', 'durationMs', 'bucketMs', 'timeoutMs', 'saturationThreshold', 'rng', 'onProgress', 'keep',
];

/** A stage after checking: its service time built (a spec becomes a Distribution). */
export type CheckedStage = Omit<StageSpec, 'serviceTime'> & { serviceTime: Distribution };

/** Checked options with their defaults filled in. */
export interface PipelineConfig {
  stages: CheckedStage[];
  load: Load;
  durationMs: number;
  bucketMs: number;
  buckets: number;
  timeoutMs: number;
  saturationThreshold: number;
  rng: Rng;
  onProgress: ProgressCallback | undefined;
  keep: Keep;
}

/** Checks every option of simulatePipeline, and the work they imply, up front. */
export function checkPipeline(opts: PipelineOptions): PipelineConfig {
  check.options('simulatePipeline', opts, PIPELINE_KEYS);
  const stages = checkStages(opts.stages);
  const load = checkLoad('load', opts.load);
  const durationMs = check.inRange('durationMs', opts.durationMs, 0, MAX_SIMULATED_MS, '(]');
  const { bucketMs, buckets } = checkBuckets(durationMs, opts.bucketMs, 40);
  const requests = (peakRate(load) * durationMs) / MS_PER_SECOND;
  const keep = checkKeep(opts.keep, requests, MAX_REQUESTS);
  check.workWithin('load × durationMs × stages', requests * stages.length, MAX_STAGE_VISITS, 'stage visits');
  check.workWithin('stages × buckets (durationMs / bucketMs)', stages.length * buckets, MAX_STAGE_BUCKETS, 'rows of per-stage signals');
  return {
    stages,
    load,
    durationMs,
    bucketMs,
    buckets,
    timeoutMs: opts.timeoutMs === undefined ? Infinity : check.positive('timeoutMs', opts.timeoutMs, true),
    saturationThreshold: opts.saturationThreshold === undefined ? 0.95 : check.inRange('saturationThreshold', opts.saturationThreshold, 0, 1, '(]'),
    rng: requireRng('rng', opts.rng),
    onProgress: checkProgress(opts.onProgress),
    keep,
  };
}

function checkStages(value: unknown): CheckedStage[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new TypeError(`stages must be a non-empty array of { name, workers, serviceTime }; got ${check.describe(value)}`);
  }
  check.integer('stages.length', value.length, 1, MAX_STAGES);
  const names = new Set<string>();
  return value.map((s: StageSpec, i) => {
    const at = `stages[${i}]`;
    check.nestedOptions(at, s, STAGE_KEYS);
    if (typeof s.name !== 'string' || s.name.length === 0) throw new TypeError(`${at}.name must be a non-empty string; got ${check.describe(s.name)}`);
    if (names.has(s.name)) throw new RangeError(`${at}.name must be unique; "${s.name}" appears twice`);
    names.add(s.name);
    return {
      name: s.name,
      workers: check.integer(`${at}.workers`, s.workers, 1),
      serviceTime: requireDistribution(`${at}.serviceTime`, s.serviceTime),
      queueLimit: s.queueLimit === undefined ? Infinity : check.countOrInfinity(`${at}.queueLimit`, s.queueLimit, 0),
    };
  });
}
