/**
 * QUIC's probe timeout (RFC 9002 §6.2.1):
 *
 *   PTO = smoothed_rtt + max(4·rttvar, kGranularity) + max_ack_delay, × 2^pto_count,
 *
 * with the RTT smoothed as TCP smooths it (RFC 9002 §5.3 uses RFC 6298's constants),
 * kGranularity 1 ms, max_ack_delay the peer's (25 ms by default, RFC 9000 §18.2) and
 * pto_count the probes sent since the last acknowledgement. Before any RTT sample the
 * timeout is 999 ms: twice kInitialRtt, plus 4·kInitialRtt/2, from kInitialRtt = 333 ms
 * (§6.2.2). There is no floor: on a 10 ms path the PTO is about 36 ms.
 *
 * The connection arms it from the time the last ack-eliciting packet was sent, not
 * from the last acknowledgement as TCP's retransmission timer is.
 */
import { RtoEstimator } from '../tcp/rto';

/** RFC 9000 §18.2's default max_ack_delay (ms). */
export const DEFAULT_MAX_ACK_DELAY_MS = 25;

/** What a connection of the packet engine needs from its retransmission or probe timer. */
export interface RetransmissionTimer {
  /** Smoothed RTT (ms); NaN before the first sample. */
  readonly srttMs: number;
  /** The current timeout (ms), backoff included. */
  readonly rtoMs: number;
  /** Feeds one round-trip measurement (ms). */
  sample(rttMs: number): void;
  /** The timer expired: double the next timeout. */
  backOff(): void;
  /** An acknowledgement arrived: the backoff that a sample would not clear ends (QUIC), or stays (TCP). */
  onAcknowledged(): void;
}

/** QUIC's probe timeout: RFC 9002 §6.2.1's formula with its doubling and its reset on acknowledgement. */
export class ProbeTimeout implements RetransmissionTimer {
  private readonly rtt: RtoEstimator;
  private ptoCount = 0;

  /** A timer that doubles up to `maxMs`, adding the peer's `maxAckDelayMs` once the RTT is measured. */
  constructor(private readonly maxMs: number, private readonly maxAckDelayMs = DEFAULT_MAX_ACK_DELAY_MS) {
    // No floor but the clock's granularity (1 ms); before a sample, 999 ms.
    this.rtt = new RtoEstimator({ minRtoMs: 1, maxRtoMs: maxMs, initialRtoMs: Math.min(999, maxMs) });
  }

  get srttMs(): number {
    return this.rtt.srttMs;
  }

  get rtoMs(): number {
    const base = Number.isNaN(this.rtt.srttMs) ? this.rtt.rtoMs : this.rtt.rtoMs + this.maxAckDelayMs;
    return Math.min(this.maxMs, base * 2 ** this.ptoCount);
  }

  sample(rttMs: number): void {
    this.rtt.sample(rttMs);
  }

  backOff(): void {
    this.ptoCount++;
  }

  onAcknowledged(): void {
    this.ptoCount = 0;
  }
}
