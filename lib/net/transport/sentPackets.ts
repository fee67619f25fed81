/**
 * One connection's record of the data packets it sent, in packet-number order: how
 * many are in flight, the largest acknowledged, how far loss detection has looked,
 * and the segments waiting to be sent again. A packet's number is its index in
 * `ids`; its state (in flight, acknowledged, lost, abandoned) lives in the
 * transfer's packet table, which this record reads and updates.
 *
 * Fidelity: exact bookkeeping. It decides nothing: when a packet counts as lost,
 * and what the window and timer do about it, is `PacketConnection`'s.
 */
import { IN_FLIGHT, LOST, type TransferContext } from './transferContext';

/**
 * A connection's data packets in sending order: packets in flight, the largest
 * acknowledged, how far loss detection has looked and what waits to be resent.
 */
export class SentPackets {
  /** Packet ids in the order sent (index = packet number). */
  readonly ids: number[] = [];
  /** Largest packet number acknowledged (-1 before the first acknowledgement). */
  largestAcked = -1;
  /** Next packet number to test against the packet threshold. */
  lossScan = 0;
  /** Packets sent and neither acknowledged, lost nor abandoned. */
  inFlight = 0;
  /** No packet numbered below this is in flight. */
  private oldest = 0;
  /** Segments to send again, oldest first; those before `resendHead` are taken. */
  private readonly resend: number[] = [];
  private resendHead = 0;

  constructor(private readonly transfer: TransferContext) {}

  /** Packets sent so far: the number the next one gets. */
  get count(): number {
    return this.ids.length;
  }

  /** Packet `p` has been sent and is in flight. */
  record(p: number): void {
    this.ids.push(p);
    this.inFlight++;
  }

  /** The next segment queued to be sent again that is still unacknowledged, or -1 when none is. */
  nextResend(): number {
    const { segAcked } = this.transfer;
    while (this.resendHead < this.resend.length) {
      const candidate = this.resend[this.resendHead++];
      if (segAcked[candidate] === 0) return candidate;
    }
    return -1;
  }

  /** Packet `p` is lost: out of flight, its segment queued to be sent again. */
  markLost(p: number): void {
    const t = this.transfer;
    t.pktState[p] = LOST;
    this.inFlight--;
    this.resend.push(t.pktSeg[p]);
  }

  /** The smallest packet number still in flight (`count` when none is). */
  oldestInFlight(): number {
    const t = this.transfer;
    while (this.oldest < this.ids.length && t.pktState[this.ids[this.oldest]] !== IN_FLIGHT) this.oldest++;
    return this.oldest;
  }

  /** Every packet still in flight becomes `state` (LOST or ABANDONED), its segment queued again if `resend`. */
  takeBackInFlight(state: number, resend: boolean): void {
    const t = this.transfer;
    for (let i = this.oldestInFlight(); i < this.ids.length; i++) {
      const q = this.ids[i];
      if (t.pktState[q] !== IN_FLIGHT) continue;
      t.pktState[q] = state;
      if (resend) this.resend.push(t.pktSeg[q]);
    }
    this.inFlight = 0;
  }
}
