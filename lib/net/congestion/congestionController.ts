/**
 * The congestion-control contract both TCP models and QUIC use: a window in
 * packets, told of acknowledgements, of losses and of timeouts, with the current
 * time passed in. NewReno (newReno.ts) and CUBIC (cubic.ts) implement it.
 *
 * The caller owns recovery periods: it reports one congestion event per period and
 * does not report acknowledgements of packets sent before the period began
 * (RFC 6582, RFC 9002 §7.3.2; recoveryPeriod.ts), so a controller never needs packet
 * numbers and the round model, which has none, drives it as the packet engine does.
 */

/** A congestion window in packets under one algorithm. Times in ms of simulated time. */
export interface CongestionController {
  /** Congestion window (packets; fractional in congestion avoidance). */
  readonly cwnd: number;
  /** Slow-start threshold (packets). */
  readonly ssthresh: number;
  /** Packets that may be in flight now: the window rounded down. */
  readonly window: number;
  /** `acked` packets newly acknowledged at `nowMs`, on a smoothed round trip of `rttMs` (NaN before the first sample). */
  onAck(acked: number, nowMs: number, rttMs: number): void;
  /** A loss was detected without a timeout at `nowMs` (once per recovery period). */
  onCongestionEvent(nowMs: number): void;
  /** The retransmission timer expired with `flightSize` packets outstanding. */
  onTimeout(flightSize: number, nowMs: number): void;
  /** The path changed: start again from the initial window (RFC 9000 §9.4). */
  reset(): void;
}
