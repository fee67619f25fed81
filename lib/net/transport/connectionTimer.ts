/**
 * A connection's timer: two deadlines, the retransmission or probe timeout and
 * QUIC's loss time (RFC 9002 §6.1.2), kept as one pending event at the earlier of
 * the two. Moving a deadline later schedules nothing: the pending event fires,
 * finds the deadline not yet due, and is armed again for it. Times in ms.
 */
import type { Simulation } from '../../sim/simulation';

/**
 * A connection's retransmission (or probe) deadline and loss-time deadline (ms),
 * kept as one pending simulation event at the earlier of the two.
 */
export class ConnectionTimer {
  retransmitAtMs = Infinity;
  lossAtMs = Infinity;
  private pendingAtMs = -1;

  constructor(private readonly sim: Simulation, private readonly kind: number, private readonly payload: number) {}

  /** Makes sure an event is pending at the earlier deadline (never before now). */
  arm(): void {
    const deadline = Math.max(this.sim.now, Math.min(this.retransmitAtMs, this.lossAtMs));
    if (deadline === Infinity || (this.pendingAtMs !== -1 && this.pendingAtMs <= deadline)) return;
    this.pendingAtMs = deadline;
    this.sim.schedule(deadline, this.kind, this.payload);
  }

  /** For the event handler: true when the firing event is the pending one (and clears it), false for a superseded one. */
  fired(): boolean {
    if (this.sim.now !== this.pendingAtMs) return false;
    this.pendingAtMs = -1;
    return true;
  }

  /** Clears both deadlines; a pending event then finds nothing due. */
  clear(): void {
    this.retransmitAtMs = Infinity;
    this.lossAtMs = Infinity;
  }
}
