/**
 * The Mathis formula (Mathis, Semke, Mahdavi, Ott, "The macroscopic behavior of
 * the TCP congestion avoidance algorithm", ACM CCR 27(3), 1997): a long Reno-style
 * transfer that loses a fraction p of its packets settles at
 *
 *   throughput ≈ (MSS / RTT) · √(3/2) / √p.
 *
 * It assumes congestion avoidance only (no timeouts, no slow start), periodic
 * loss, and a window the receiver never limits; a rule of thumb within tens of
 * percent for small p, poor once timeouts dominate (p of a few percent and up).
 */
import * as check from '../validate';
import { MS_PER_SECOND } from '../sim/time';

export interface MathisOptions {
  mssBytes: number;
  rttMs: number;
  /** Packet loss probability in (0, 1). */
  lossRate: number;
}

/** Steady-state throughput (bytes per second). */
export function mathisThroughput(options: MathisOptions): number {
  check.legacyOptions('mathisThroughput', options);
  const mss = check.positive('mssBytes', options.mssBytes);
  const rtt = check.positive('rttMs', options.rttMs);
  const p = check.inRange('lossRate', options.lossRate, 0, 1, '()');
  return ((mss * MS_PER_SECOND) / rtt) * Math.sqrt(1.5 / p);
}
