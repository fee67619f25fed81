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
import * as check from '../../validate';
import { MS_PER_SECOND } from '../../sim/time';
import { MAX_DELAY_MS } from '../limits';

export interface MathisOptions {
  /** Maximum segment size (bytes, in (0, 65 535]). */
  mssBytes: number;
  /** Round-trip time (ms, in (0, 3 600 000]). */
  rttMs: number;
  /** Packet loss probability in (0, 1). */
  lossRate: number;
}

/** Every key of `MathisOptions`. */
export const MATHIS_KEYS: readonly (keyof MathisOptions & string)[] = ['mssBytes', 'rttMs', 'lossRate'];

/** Steady-state throughput (bytes per second). */
export function mathisThroughput(options: MathisOptions): number {
  check.options('mathisThroughput', options, MATHIS_KEYS);
  const mss = check.inRange('mssBytes', options.mssBytes, 0, 65_535, '(]');
  const rtt = check.inRange('rttMs', options.rttMs, 0, MAX_DELAY_MS, '(]');
  const p = check.inRange('lossRate', options.lossRate, 0, 1, '()');
  return ((mss * MS_PER_SECOND) / rtt) * Math.sqrt(1.5 / p);
}
