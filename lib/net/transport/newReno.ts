/**
 * A congestion window in packets, grown and cut as NewReno does; TCP and QUIC
 * share it (RFC 5681 for TCP, RFC 9002 §7 for QUIC, which specifies NewReno too).
 *
 * - Slow start: +1 packet per acknowledged packet while cwnd < ssthresh.
 * - Congestion avoidance: +1/cwnd per acknowledged packet (one packet per round trip).
 * - A loss halves the window once per recovery period: losses of packets sent
 *   before the period began do not cut it again (RFC 6582, RFC 9002 §7.3.2), and
 *   acknowledgements of such packets do not grow it.
 * - A retransmission timeout (TCP only) drops cwnd to one packet (RFC 5681 §3.1).
 * - A path change restarts the window from the initial one (RFC 9000 §9.4).
 *
 * Not modelled: CUBIC, BBR, pacing, the receiver's window, persistent congestion.
 */

/** The smallest window after a loss (packets): RFC 5681's 2·SMSS, RFC 9002's kMinimumWindow. */
export const MIN_WINDOW_PACKETS = 2;

/**
 * A NewReno congestion window in packets, shared by TCP and QUIC: slow start,
 * congestion avoidance, one halving per recovery period, collapse on timeout.
 */
export class NewRenoWindow {
  /** Congestion window (packets; fractional in congestion avoidance). */
  cwnd: number;
  /** Slow-start threshold (packets). */
  ssthresh = Infinity;
  /** Packets numbered below this were sent before the current recovery period. */
  private recoveryStart = -1;

  constructor(private readonly initialWindow: number) {
    this.cwnd = initialWindow;
  }

  /** Packets that may be in flight now. */
  get window(): number {
    return Math.floor(this.cwnd);
  }

  /** Packet number `pn` was acknowledged. */
  onAck(pn: number): void {
    if (pn < this.recoveryStart) return;
    this.cwnd += this.cwnd < this.ssthresh ? 1 : 1 / this.cwnd;
  }

  /** Packet number `pn` was declared lost; `nextPn` is the number the next packet sent will carry. */
  onLoss(pn: number, nextPn: number): void {
    if (pn < this.recoveryStart) return;
    this.recoveryStart = nextPn;
    this.ssthresh = Math.max(this.cwnd / 2, MIN_WINDOW_PACKETS);
    this.cwnd = this.ssthresh;
  }

  /** The retransmission timer expired with `inFlight` packets outstanding. */
  onTimeout(inFlight: number, nextPn: number): void {
    this.recoveryStart = nextPn;
    this.ssthresh = Math.max(inFlight / 2, MIN_WINDOW_PACKETS);
    this.cwnd = 1;
  }

  /** The path changed: start again from the initial window. */
  reset(): void {
    this.cwnd = this.initialWindow;
    this.ssthresh = Infinity;
    this.recoveryStart = -1;
  }
}
