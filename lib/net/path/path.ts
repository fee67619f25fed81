/**
 * A network path between a client and a server: base round-trip time (two equal
 * one-way delays), jitter, packet loss and a bottleneck bandwidth.
 *
 * - Jitter is extra queueing delay added to each one-way trip, never negative.
 *   The `jitterMs` shorthand is the mean extra delay per round trip, drawn as two
 *   exponential one-way delays of mean `jitterMs / 2`: most trips are near the
 *   base RTT, a few much slower. Pass `jitter` (a Distribution, per one-way trip)
 *   for any other shape.
 * - Loss is a LossModel (`lossRate` is the shorthand for independent loss).
 * - Bandwidth turns bytes into serialisation time at the bottleneck.
 *
 * Bounds (see `limits.ts`): `rttMs` and each jitter draw are at most one hour,
 * `jitterMs` at most five minutes; a finite bandwidth is at least 0.001 Mbit/s (1 kbit/s).
 *
 * Not modelled here: queues that build from the traffic itself, reordering,
 * asymmetric routes. Time in ms, bandwidth in megabits per second, sizes in bytes.
 */
import type { Rng } from '../../random/rng';
import { badDuration, type Distribution } from '../../random/distribution';
import { requireDistribution } from '../../random/requireDistribution';
import type { DistributionLike } from '../../random/spec';
import { exponential } from '../../random/exponential';
import * as check from '../../validate';
import { independentLoss, requireLossModel, type LossModel } from './loss';
import { delayMs, MAX_DELAY_MS, MAX_JITTER_MS, MIN_BANDWIDTH_MBPS } from '../limits';

export interface PathOptions {
  /** Base round-trip time without jitter (ms, in [0, 3 600 000]: at most one hour). */
  rttMs: number;
  /** Mean extra delay per round trip (ms, in [0, 300 000]: at most five minutes), drawn as two exponential one-way delays. */
  jitterMs?: number;
  /**
   * Extra delay per one-way trip (ms); replaces `jitterMs`. Draws must be in [0, 3 600 000].
   * null means no jitter, as `Path.jitter` says it, so a `Path` can be given where path options are expected.
   */
  jitter?: DistributionLike | null;
  /** Independent per-packet loss probability in [0, 1) (default 0). */
  lossRate?: number;
  /** Any loss model (e.g. bursty); replaces `lossRate`. */
  loss?: LossModel;
  /** Bottleneck bandwidth (megabits per second, ≥ 0.001; default Infinity: no serialisation delay). */
  bandwidthMbps?: number;
}

/** Every key of `PathOptions`. */
export const PATH_KEYS: readonly (keyof PathOptions & string)[] = ['rttMs', 'jitterMs', 'jitter', 'lossRate', 'loss', 'bandwidthMbps'];
/** The path option that may be null (see `PathOptions.jitter`). */
export const NULLABLE_PATH_KEYS: readonly (keyof PathOptions & string)[] = ['jitter'];

export interface Path {
  readonly rttMs: number;
  /** Extra delay per one-way trip, or null for none. */
  readonly jitter: Distribution | null;
  readonly loss: LossModel;
  readonly bandwidthMbps: number;
}

/** The option a bad jitter draw of a path is blamed on (`jitter`, `path.jitter`), kept off the path's own keys. */
const jitterOptions = new WeakMap<Path, string>();
/** The one-way mean (ms) of each exponential jitter distribution built from a `jitterMs`, kept off the path's own keys. */
const jitterMsMeans = new WeakMap<Distribution, number>();

/**
 * A validated path. Its options are checked by the one rule for options objects:
 * as `createPath`'s own, or, when `at` is given, as an object nested at `at`
 * (`path`, `migration.path`), so errors name `path.lossRate`.
 */
export function createPath(options: PathOptions, at?: string): Path {
  if (at === undefined) check.options('createPath', options, PATH_KEYS, NULLABLE_PATH_KEYS);
  else check.nestedOptions(at, options, PATH_KEYS, NULLABLE_PATH_KEYS);
  return pathFrom(options, at === undefined ? '' : `${at}.`);
}

/**
 * Builds a path from options whose keys the caller has already checked (they may
 * hold other options too, as `requestTime`'s do); `prefix` is prepended to the
 * names of bad values.
 */
export function pathFrom(options: PathOptions, prefix = ''): Path {
  const rttMs = delayMs(`${prefix}rttMs`, options.rttMs);
  const hasJitter = options.jitter !== undefined && options.jitter !== null;
  if (hasJitter && options.jitterMs !== undefined) {
    throw new TypeError(`give either ${prefix}jitterMs (mean extra delay per round trip) or ${prefix}jitter (a Distribution per one-way trip), not both`);
  }
  if (options.loss !== undefined && options.lossRate !== undefined) {
    throw new TypeError(`give either ${prefix}lossRate (independent loss) or ${prefix}loss (a LossModel), not both`);
  }
  let jitter: Distribution | null = null;
  if (hasJitter) jitter = requireDistribution(`${prefix}jitter`, options.jitter);
  else if (options.jitterMs !== undefined && check.inRange(`${prefix}jitterMs`, options.jitterMs, 0, MAX_JITTER_MS) > 0) {
    jitter = exponential(options.jitterMs / 2);
    jitterMsMeans.set(jitter, options.jitterMs / 2);
  }
  const loss =
    options.loss !== undefined
      ? requireLossModel(`${prefix}loss`, options.loss)
      : independentLoss(check.inRange(`${prefix}lossRate`, options.lossRate ?? 0, 0, 1, '[)'));
  const bandwidthMbps = options.bandwidthMbps === undefined ? Infinity : check.positive(`${prefix}bandwidthMbps`, options.bandwidthMbps, true);
  if (bandwidthMbps < MIN_BANDWIDTH_MBPS) {
    throw new RangeError(`${prefix}bandwidthMbps must be >= ${MIN_BANDWIDTH_MBPS} (1 kbit/s), or Infinity for no bottleneck; got ${bandwidthMbps}`);
  }
  const path: Path = { rttMs, jitter, loss, bandwidthMbps };
  if (prefix !== '') jitterOptions.set(path, `${prefix}jitter`);
  return path;
}

/** One one-way trip's extra delay (ms): 0 without jitter; a draw outside [0, 1 hour] throws naming the option. */
export function jitterDraw(path: Path, rng: Rng): number {
  if (path.jitter === null) return 0;
  const v = path.jitter.sample(rng);
  // The common case costs two comparisons; only a bad draw looks up the option to blame.
  if (v >= 0 && v <= MAX_DELAY_MS) return v;
  throw badJitterDraw(path, v);
}

/** The error for a jitter draw `v` of `path` outside [0, 1 hour], naming the option it came from. */
export function badJitterDraw(path: Path, v: number): RangeError {
  return badDuration(jitterOptions.get(path) ?? 'jitter', path.jitter as Distribution, v, MAX_DELAY_MS);
}

/**
 * The mean (ms) of each one-way jitter draw when the path's jitter is the exponential
 * its `jitterMs` stands for, else 0. A hot loop may then draw a trip's jitter inline as
 * −mean · ln(1 − u) from the same stream, which is exactly the distribution's own draw.
 */
export function jitterMsMean(path: Path): number {
  return path.jitter === null ? 0 : (jitterMsMeans.get(path.jitter) ?? 0);
}

/** One sampled round trip (ms): the base RTT plus the jitter of both directions. */
export function roundTripMs(path: Path, rng: Rng): number {
  return path.jitter === null ? path.rttMs : path.rttMs + jitterDraw(path, rng) + jitterDraw(path, rng);
}

/** Time to put `bytes` on a link of `bandwidthMbps` (ms); 0 for an unlimited link. */
export function serialisationMs(bytes: number, bandwidthMbps: number): number {
  return bandwidthMbps === Infinity ? 0 : (bytes * 8) / (bandwidthMbps * 1000);
}
