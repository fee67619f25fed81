/**
 * A CUBIC congestion window in packets (RFC 9438), the Linux default, for the
 * engines to use beside NewReno.
 *
 * - Slow start as NewReno's: +1 packet per acknowledged packet below ssthresh.
 * - Congestion avoidance follows W_cubic(t) = C·(t − K)³ + W_max (§4.2), with
 *   C = 0.4 packets/s³, t the seconds since the last congestion event and
 *   K = ∛((W_max − cwnd_epoch)/C); each ACK moves cwnd towards W_cubic(t + RTT),
 *   clamped to [cwnd, 1.5·cwnd] (§4.4).
 * - The Reno-friendly region (§4.3): W_est grows by α = 3(1 − β)/(1 + β) packets per
 *   window (1 once it passes W_max); while W_cubic(t) < W_est, cwnd = W_est.
 * - A congestion event multiplies cwnd by β = 0.7 (§4.6); with fast convergence
 *   (§4.7) a W_max below the previous one is lowered further, to W·(1 + β)/2.
 * - A retransmission timeout (§4.8) sets ssthresh as a congestion event would, drops
 *   cwnd to one packet and starts a new epoch when congestion avoidance resumes.
 *
 * Not modelled: HyStart++, pacing, application-limited periods (§5.8).
 */
import { MIN_WINDOW_PACKETS } from './newReno';
import type { CongestionController } from './congestionController';

/** CUBIC's scaling constant C (packets per second cubed), RFC 9438 §5. */
export const CUBIC_C = 0.4;
/** CUBIC's multiplicative decrease factor β, RFC 9438 §4.6. */
export const CUBIC_BETA = 0.7;
/** The Reno-friendly additive increase α = 3(1 − β)/(1 + β) packets per window, RFC 9438 §4.3. */
export const CUBIC_ALPHA = (3 * (1 - CUBIC_BETA)) / (1 + CUBIC_BETA);

/**
 * RFC 9438's W_cubic(t): the window (packets) `tSeconds` after a congestion event that
 * left the window at `wEpoch` below `wMax`.
 */
export function cubicWindowAt(tSeconds: number, wMax: number, wEpoch: number): number {
  return CUBIC_C * (tSeconds - cubicK(wMax, wEpoch)) ** 3 + wMax;
}

/** RFC 9438's K = ∛((W_max − cwnd_epoch)/C): seconds until the curve regains W_max. */
function cubicK(wMax: number, wEpoch: number): number {
  return Math.cbrt((wMax - wEpoch) / CUBIC_C);
}

/**
 * RFC 9438 §5.1's average window (packets) of a long CUBIC flow in its cubic region,
 * with one loss every 1/`lossRate` packets on a round trip of `rttMs`:
 * (C(3 + β)/(4(1 − β)))^¼ · RTT^¾ / p^¾, RTT in seconds.
 */
export function cubicAverageWindow(rttMs: number, lossRate: number): number {
  return ((CUBIC_C * (3 + CUBIC_BETA)) / (4 * (1 - CUBIC_BETA))) ** 0.25 * (rttMs / 1000) ** 0.75 / lossRate ** 0.75;
}

/**
 * A CUBIC congestion window (RFC 9438): slow start, the cubic curve around the window
 * of the last congestion event, the Reno-friendly region and fast convergence. Times
 * are milliseconds of simulated time; windows are packets.
 */
export class CubicWindow implements CongestionController {
  /** Congestion window (packets; fractional in congestion avoidance). */
  cwnd: number;
  /** Slow-start threshold (packets). */
  ssthresh = Infinity;
  /** The window at the last congestion event, after fast convergence (packets). */
  wMax = 0;
  /** The Reno-friendly estimate W_est (packets). */
  private wEst = 0;
  /** Start of the current congestion-avoidance epoch (ms), or NaN before it begins. */
  private epochStartMs = NaN;
  /** K: seconds from the epoch's start until W_cubic regains W_max, fixed for the epoch. */
  private k = 0;

  /** Starts in slow start from `initialWindow` packets. */
  constructor(private readonly initialWindow: number) {
    this.cwnd = initialWindow;
  }

  /** Packets that may be in flight now. */
  get window(): number {
    return Math.floor(this.cwnd);
  }

  /** `acked` packets newly acknowledged at `nowMs`, on a smoothed round trip of `rttMs` (NaN before a sample). */
  onAck(acked: number, nowMs: number, rttMs: number): void {
    if (this.cwnd < this.ssthresh) {
      this.cwnd += acked;
      return;
    }
    if (Number.isNaN(this.epochStartMs)) {
      // Congestion avoidance begins without a loss in this epoch (after slow start or a timeout).
      if (this.wMax < this.cwnd) this.wMax = this.cwnd;
      this.startEpoch(nowMs);
    }
    const t = (nowMs - this.epochStartMs) / 1000;
    this.wEst += ((this.wEst < this.wMax ? CUBIC_ALPHA : 1) * acked) / this.cwnd;
    if (this.cubicAt(t) < this.wEst) {
      this.cwnd = this.wEst;
      return;
    }
    // Aim one round trip ahead (§4.2); before the RTT is measured, at the curve now.
    const ahead = Number.isFinite(rttMs) ? rttMs / 1000 : 0;
    const target = Math.min(Math.max(this.cubicAt(t + ahead), this.cwnd), 1.5 * this.cwnd);
    this.cwnd += ((target - this.cwnd) * acked) / this.cwnd;
  }

  /** A loss detected without a timeout, once per recovery period, at `nowMs`. */
  onCongestionEvent(nowMs: number): void {
    this.reduce();
    this.cwnd = this.ssthresh;
    this.startEpoch(nowMs);
  }

  /** The retransmission timer expired: ssthresh as on a congestion event, one packet, a new epoch later (§4.8). */
  onTimeout(): void {
    this.reduce();
    this.cwnd = 1;
    this.epochStartMs = NaN;
  }

  /** The path changed: start again from the initial window. */
  reset(): void {
    this.cwnd = this.initialWindow;
    this.ssthresh = Infinity;
    this.wMax = 0;
    this.epochStartMs = NaN;
  }

  /** A congestion-avoidance epoch starts at `nowMs` from the current window. */
  private startEpoch(nowMs: number): void {
    this.epochStartMs = nowMs;
    this.k = cubicK(this.wMax, this.cwnd);
    this.wEst = this.cwnd;
  }

  /** W_cubic `tSeconds` into the current epoch (RFC 9438 §4.2). */
  private cubicAt(tSeconds: number): number {
    return CUBIC_C * (tSeconds - this.k) ** 3 + this.wMax;
  }

  /** W_max with fast convergence, and ssthresh = β·cwnd (at least the minimum window). */
  private reduce(): void {
    this.wMax = this.cwnd < this.wMax ? (this.cwnd * (1 + CUBIC_BETA)) / 2 : this.cwnd;
    this.ssthresh = Math.max(this.cwnd * CUBIC_BETA, MIN_WINDOW_PACKETS);
  }
}
