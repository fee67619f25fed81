/**
 * A recovery period, by packet number: losses of packets sent before the period
 * began do not cut the window again, and their acknowledgements do not grow it
 * (NewReno's recovery, RFC 6582; QUIC's, RFC 9002 §7.3.2; CUBIC keeps the same rule).
 * The packet engine holds one per connection and tells its congestion controller
 * only what this lets through.
 */

/** The start of the current recovery period, as the number of the first packet sent in it. */
export class RecoveryPeriod {
  private start = -1;

  /** True when the acknowledgement of packet `pn` may grow the window (it was sent in or after the period). */
  counts(pn: number): boolean {
    return pn >= this.start;
  }

  /** Packet `pn` was declared lost; `nextPn` is the next number to be sent. True when a new period begins. */
  onLoss(pn: number, nextPn: number): boolean {
    if (pn < this.start) return false;
    this.start = nextPn;
    return true;
  }

  /** The timer expired: a new period begins with packet `nextPn`. */
  onTimeout(nextPn: number): void {
    this.start = nextPn;
  }

  /** The path changed: no period is running. */
  reset(): void {
    this.start = -1;
  }
}
