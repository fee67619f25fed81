/**
 * A connection's losses as the round model asks for them: one packet at a time, or a
 * run of packets (a round's window) at a time.
 *
 * Independent loss with a rate above 0 is drawn from its stream's generator directly:
 * a packet is lost when its draw is below the rate, as `independentLoss`'s process
 * decides, and a run's draws are made in one tight loop (`UniformSource.firstBelow`).
 * Any other loss model is asked packet by packet through its process. Either way a
 * connection sees the same draws in the same order, so results do not depend on how
 * it asks. Hand-written for speed: the round model draws most of its numbers here.
 */
import { drawSource, type Rng } from '../../random/rng';
import type { UniformSource } from '../../random/alea';
import { isMemoryless, NEVER_LOST, type LossModel, type LossProcess } from './loss';

/** One connection's loss process, asked packet by packet or run by run. */
export interface PacketLoss {
  /** True when no packet is ever lost (nothing is drawn): callers may skip asking. */
  readonly lossless: boolean;
  /** Whether the next packet is lost; `afterSilence` marks one sent after a long pause (a timeout). */
  next(afterSilence: boolean): boolean;
  /**
   * Sends up to `n` packets (n ≥ 0), the first after a silence when `afterSilence`, stopping
   * at the first lost one: its index (0-based), or `n` when none is lost. The packets after
   * a lost one are not yet asked about.
   */
  firstLost(n: number, afterSilence: boolean): number;
}

/** Independent loss drawn inline from the stream's generator. */
class IndependentPacketLoss implements PacketLoss {
  readonly lossless = false;

  constructor(
    private readonly draws: UniformSource,
    private readonly rate: number,
  ) {}

  next(): boolean {
    return this.draws.next() < this.rate;
  }

  firstLost(n: number): number {
    return this.draws.firstBelow(n, this.rate);
  }
}

/** Any loss process, asked packet by packet. */
class ProcessPacketLoss implements PacketLoss {
  readonly lossless: boolean;

  constructor(private readonly process: LossProcess) {
    this.lossless = process === NEVER_LOST;
  }

  next(afterSilence: boolean): boolean {
    return this.process(afterSilence);
  }

  firstLost(n: number, afterSilence: boolean): number {
    for (let i = 0; i < n; i++) if (this.process(afterSilence && i === 0)) return i;
    return n;
  }
}

/** A path without loss: nothing is ever lost or drawn. */
export const NO_PACKET_LOSS: PacketLoss = new ProcessPacketLoss(NEVER_LOST);

/**
 * A new loss process of `model` drawing from `rng` (as `model.start(rng)`), asked as a
 * `PacketLoss`. A memoryless model's process keeps no state, so successive connections
 * drawing from one stream may share one.
 */
export function packetLoss(model: LossModel, rng: Rng): PacketLoss {
  if (isMemoryless(model)) return model.rate > 0 ? new IndependentPacketLoss(drawSource(rng), model.rate) : NO_PACKET_LOSS;
  return new ProcessPacketLoss(model.start(rng));
}

/** Sends `n` packets, the first after a silence when `afterSilence`, and returns how many are lost. */
export function countLost(loss: PacketLoss, n: number, afterSilence: boolean): number {
  let lost = 0;
  for (let left = n, silence = afterSilence; left > 0; silence = false) {
    const first = loss.firstLost(left, silence);
    if (first >= left) break;
    lost++;
    left -= first + 1;
  }
  return lost;
}
