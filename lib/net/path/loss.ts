/**
 * Packet loss on a path, as a model that starts one loss process per connection.
 *
 * - `independentLoss(rate)`: every packet is lost with the same probability
 *   (Bernoulli), the textbook assumption behind the Mathis formula.
 * - `gilbertElliott(...)`: a two-state Markov chain (Gilbert 1960, Elliott 1963).
 *   In the good state packets are lost with `lossInGood`, in the bad state with
 *   `lossInBad`; after each packet the chain moves good → bad with `goodToBad` and
 *   bad → good with `badToGood`. Losses come in bursts, as on cellular and Wi-Fi
 *   links. `burstyLoss({ rate, meanBurst })` picks the parameters from the two
 *   figures people quote: the long-run loss rate and the mean burst length.
 *
 * The chain steps once per packet, not per unit of time. A process starts in a
 * state drawn from the chain's stationary distribution, so the first packet of a
 * connection sees the long-run loss rate, and the sender redraws it the same way
 * after a long silence (a retransmission timeout): a burst does not outlast a
 * pause that long, so a retransmission is not doomed by the loss it repairs. Not modelled:
 * loss that depends on the traffic itself (queue overflow at a bottleneck).
 */
import { drawSource, type Rng } from '../../random/rng';
import * as check from '../../validate';

/**
 * Says, packet by packet, whether each one is lost. `afterSilence` marks a packet
 * sent after a long pause (e.g. a retransmission timeout).
 */
export type LossProcess = (afterSilence?: boolean) => boolean;

export interface LossModel {
  readonly label: string;
  /** Long-run fraction of packets lost. */
  readonly rate: number;
  /** A fresh process (one per connection) drawing from `rng`. */
  start(rng: Rng): LossProcess;
}

/** The process of a lossless path: callers may skip drawing for it. */
export const NEVER_LOST: LossProcess = () => false;

/** Models whose processes keep no state (independent loss): see `isMemoryless`. */
const MEMORYLESS = new WeakSet<LossModel>();

/**
 * True when `model`'s processes keep no state and draw nothing when started, as
 * independent loss's: successive connections drawing from one stream may then share
 * one process and draw exactly what a process each would. Only `independentLoss`
 * builds such models: a packet is lost when its draw is below `rate` (packetLoss.ts
 * draws them inline).
 */
export function isMemoryless(model: LossModel): boolean {
  return MEMORYLESS.has(model);
}

/** The last model built: a model is immutable, and per-call callers (requestTime) ask for one rate again and again. */
let lastIndependent: LossModel = { label: 'no loss', rate: 0, start: () => NEVER_LOST };
MEMORYLESS.add(lastIndependent);

/** Each packet lost independently with probability `rate` in [0, 1). */
export function independentLoss(rate: number): LossModel {
  const p = check.inRange('lossRate', rate, 0, 1, '[)');
  if (p === lastIndependent.rate) return lastIndependent;
  lastIndependent = {
    label: p === 0 ? 'no loss' : `independent loss ${p}`,
    rate: p,
    start: (rng) => {
      if (p === 0) return NEVER_LOST;
      const draws = drawSource(rng);
      return () => draws.next() < p;
    },
  };
  MEMORYLESS.add(lastIndependent);
  return lastIndependent;
}

export interface GilbertElliottOptions {
  /** Per-packet probability of moving from the good to the bad state, in (0, 1]. */
  goodToBad: number;
  /** Per-packet probability of moving from the bad to the good state, in (0, 1]. */
  badToGood: number;
  /** Loss probability in the good state (default 0). */
  lossInGood?: number;
  /** Loss probability in the bad state (default 1). */
  lossInBad?: number;
}

/** Every key of `GilbertElliottOptions`. */
export const GILBERT_ELLIOTT_KEYS: readonly (keyof GilbertElliottOptions & string)[] = ['goodToBad', 'badToGood', 'lossInGood', 'lossInBad'];

/** The two-state bursty loss chain. */
export function gilbertElliott(options: GilbertElliottOptions): LossModel {
  check.options('gilbertElliott', options, GILBERT_ELLIOTT_KEYS);
  const p = check.inRange('goodToBad', options.goodToBad, 0, 1, '(]');
  const r = check.inRange('badToGood', options.badToGood, 0, 1, '(]');
  const lossGood = check.inRange('lossInGood', options.lossInGood ?? 0, 0, 1, '[)');
  const lossBad = check.probability('lossInBad', options.lossInBad ?? 1);
  const badShare = p / (p + r);
  const rate = (1 - badShare) * lossGood + badShare * lossBad;
  if (!(rate < 1)) throw new RangeError(`gilbertElliott: long-run loss rate must be < 1; got ${rate}`);
  return {
    label: `Gilbert–Elliott loss ${round(rate)} (mean burst ${round(1 / r)} packets)`,
    rate,
    start(rng) {
      let bad = rng() < badShare;
      return (afterSilence) => {
        if (afterSilence) bad = rng() < badShare;
        const lost = rng() < (bad ? lossBad : lossGood);
        bad = bad ? rng() >= r : rng() < p;
        return lost;
      };
    },
  };
}

export interface BurstyLossOptions {
  /** Long-run fraction of packets lost, in (0, 1). */
  rate: number;
  /** Mean number of packets in a run of losses, ≥ 1 (1 means independent losses). */
  meanBurst: number;
}

/** Every key of `BurstyLossOptions`. */
export const BURSTY_LOSS_KEYS: readonly (keyof BurstyLossOptions & string)[] = ['rate', 'meanBurst'];

/** Gilbert–Elliott with lossless good and lossy bad states, fitted to a loss rate and mean burst. */
export function burstyLoss(options: BurstyLossOptions): LossModel {
  check.options('burstyLoss', options, BURSTY_LOSS_KEYS);
  const rate = check.inRange('rate', options.rate, 0, 1, '()');
  const meanBurst = check.inRange('meanBurst', options.meanBurst, 1, Infinity, '[)');
  const badToGood = 1 / meanBurst;
  // Stationary bad share p / (p + r) = rate  ⇒  p = rate · r / (1 − rate).
  const goodToBad = (rate * badToGood) / (1 - rate);
  if (goodToBad > 1) {
    throw new RangeError(`burstyLoss: rate ${rate} with meanBurst ${meanBurst} needs goodToBad ${goodToBad} > 1; lower the rate or lengthen the bursts`);
  }
  return gilbertElliott({ goodToBad, badToGood, lossInGood: 0, lossInBad: 1 });
}

/** Accepts a LossModel option or fails naming it. */
export function requireLossModel(option: string, value: unknown): LossModel {
  if (value === null || typeof value !== 'object' || typeof (value as LossModel).start !== 'function') {
    throw new TypeError(`${option} must be a LossModel such as independentLoss(0.01) or burstyLoss({ rate, meanBurst }); got ${value === null ? 'null' : typeof value}`);
  }
  return value as LossModel;
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
