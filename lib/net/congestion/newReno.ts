/**
 * A congestion window in packets, grown and cut as NewReno does; TCP and QUIC
 * share it (RFC 5681 for TCP, RFC 9002 §7 for QUIC, which specifies NewReno too).
 *
 * - Slow start: +1 packet per acknowledged packet while cwnd < ssthresh.
 * - Congestion avoidance: +1/cwnd per acknowledged packet (one packet per round trip).
 * - A congestion event halves the window: ssthresh = cwnd = max(cwnd / 2, 2).
 *   The caller reports one per recovery period (see congestionControl.ts).
 * - A retransmission timeout (TCP only) sets ssthresh = max(FlightSize / 2, 2) and
 *   drops cwnd to one packet (RFC 5681 §3.1, equation 4).
 * - A path change restarts the window from the initial one (RFC 9000 §9.4).
 *
 * Not modelled: pacing, the receiver's window, persistent congestion.
 */
import type { CongestionController } from './congestionController';

/** The smallest window after a loss (packets): RFC 5681's 2·SMSS, RFC 9002's kMinimumWindow. */
export const MIN_WINDOW_PACKETS = 2;

/**
 * A NewReno congestion window in packets, shared by TCP and QUIC: slow start,
 * congestion avoidance, halving on a congestion event, collapse on timeout.
 */
export class NewRenoWindow implements CongestionController {
  /** Congestion window (packets; fractional in congestion avoidance). */
  cwnd: number;
  /** Slow-start threshold (packets). */
  ssthresh = Infinity;

  /** Starts in slow start from `initialWindow` packets. */
  constructor(private readonly initialWindow: number) {
    this.cwnd = initialWindow;
  }

  /** Packets that may be in flight now. */
  get window(): number {
    return Math.floor(this.cwnd);
  }

  /** `acked` packets newly acknowledged: slow start up to ssthresh, then 1/cwnd per packet (RFC 5681 §3.1). */
  onAck(acked: number): void {
    if (this.cwnd < this.ssthresh) {
      const room = this.ssthresh - this.cwnd;
      if (acked <= room) {
        this.cwnd += acked;
        return;
      }
      this.cwnd = this.ssthresh;
      acked -= room;
    }
    this.cwnd += acked / this.cwnd;
  }

  /** A loss detected without a timeout: halve the window. */
  onCongestionEvent(): void {
    this.ssthresh = Math.max(this.cwnd / 2, MIN_WINDOW_PACKETS);
    this.cwnd = this.ssthresh;
  }

  /** The retransmission timer expired with `flightSize` packets outstanding. */
  onTimeout(flightSize: number): void {
    this.ssthresh = Math.max(flightSize / 2, MIN_WINDOW_PACKETS);
    this.cwnd = 1;
  }

  /** The path changed: start again from the initial window. */
  reset(): void {
    this.cwnd = this.initialWindow;
    this.ssthresh = Infinity;
  }
}
