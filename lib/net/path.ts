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
 * Not modelled here: queues that build from the traffic itself, reordering,
 * asymmetric routes. Time in ms, bandwidth in megabits per second, sizes in bytes.
 */
import type { Rng } from '../random/rng';
import { requireDistribution, sampleDuration, type Distribution } from '../random/distribution';
import { exponential } from '../random/exponential';
import * as check from '../validate';
import { independentLoss, requireLossModel, type LossModel } from './loss';

export interface PathOptions {
  /** Base round-trip time without jitter (ms, ≥ 0). */
  rttMs: number;
  /** Mean extra delay per round trip (ms, ≥ 0), drawn as two exponential one-way delays. */
  jitterMs?: number;
  /** Extra delay per one-way trip (ms); replaces `jitterMs`. Draws must be ≥ 0. */
  jitter?: Distribution;
  /** Independent per-packet loss probability in [0, 1) (default 0). */
  lossRate?: number;
  /** Any loss model (e.g. bursty); replaces `lossRate`. */
  loss?: LossModel;
  /** Bottleneck bandwidth (megabits per second, > 0; default Infinity: no serialisation delay). */
  bandwidthMbps?: number;
}

export interface Path {
  readonly rttMs: number;
  /** Extra delay per one-way trip, or null for none. */
  readonly jitter: Distribution | null;
  readonly loss: LossModel;
  readonly bandwidthMbps: number;
}

/** A validated path. */
export function createPath(options: PathOptions): Path {
  check.legacyOptions('createPath', options);
  const rttMs = check.nonNegative('rttMs', options.rttMs);
  if (options.jitter !== undefined && options.jitterMs !== undefined) {
    throw new TypeError('give either jitterMs (mean extra delay per round trip) or jitter (a Distribution per one-way trip), not both');
  }
  if (options.loss !== undefined && options.lossRate !== undefined) {
    throw new TypeError('give either lossRate (independent loss) or loss (a LossModel), not both');
  }
  let jitter: Distribution | null = null;
  if (options.jitter !== undefined) jitter = requireDistribution('jitter', options.jitter);
  else if (options.jitterMs !== undefined && check.nonNegative('jitterMs', options.jitterMs) > 0) {
    jitter = exponential(options.jitterMs / 2);
  }
  const loss = options.loss !== undefined ? requireLossModel('loss', options.loss) : independentLoss(options.lossRate ?? 0);
  const bandwidthMbps = check.positive('bandwidthMbps', options.bandwidthMbps ?? Infinity, true);
  return { rttMs, jitter, loss, bandwidthMbps };
}

/** One one-way trip's extra delay (ms): 0 without jitter. */
export function jitterDraw(path: Path, rng: Rng): number {
  return path.jitter === null ? 0 : sampleDuration('jitter', path.jitter, rng);
}

/** One sampled round trip (ms): the base RTT plus the jitter of both directions. */
export function roundTripMs(path: Path, rng: Rng): number {
  return path.jitter === null ? path.rttMs : path.rttMs + jitterDraw(path, rng) + jitterDraw(path, rng);
}

/** Time to put `bytes` on a link of `bandwidthMbps` (ms); 0 for an unlimited link. */
export function serialisationMs(bytes: number, bandwidthMbps: number): number {
  return bandwidthMbps === Infinity ? 0 : (bytes * 8) / (bandwidthMbps * 1000);
}
