/**
 * The PFTK formula (Padhye, Firoiu, Towsley, Kurose, "Modeling TCP throughput: a
 * simple model and its empirical validation", ACM SIGCOMM 1998, equation 31): a
 * long Reno transfer's throughput when losses also bring retransmission timeouts,
 *
 *   B(p) ≈ MSS / ( RTT·√(2bp/3) + T₀·min(1, 3·√(3bp/8))·p·(1 + 32p²) ),
 *
 * with b the packets acknowledged per ACK and T₀ the retransmission timeout. For
 * small p it tends to the Mathis formula; from about 1 % loss the timeout term
 * matters and Mathis overestimates. The receiver's window limit is left out.
 */
import * as check from '../../validate';
import { MS_PER_SECOND } from '../../sim/time';
import { MAX_DELAY_MS } from '../limits';

export interface PftkOptions {
  /** Maximum segment size (bytes, in (0, 65 535]). */
  mssBytes: number;
  /** Round-trip time (ms, in (0, 3 600 000]). */
  rttMs: number;
  /** Packet loss probability in (0, 1). */
  lossRate: number;
  /** Retransmission timeout T₀ (ms, in (0, 3 600 000]). */
  rtoMs: number;
  /** Packets acknowledged by one ACK (in [1, 64]; default 1, an ACK per packet; 2 with delayed ACKs). */
  ackRatio?: number;
}

/** Every key of `PftkOptions`. */
export const PFTK_KEYS: readonly (keyof PftkOptions & string)[] = ['mssBytes', 'rttMs', 'lossRate', 'rtoMs', 'ackRatio'];

/**
 * Steady-state throughput of a long Reno transfer with timeouts, by the PFTK formula (bytes per second).
 *
 * @throws TypeError or RangeError naming a wrong option.
 *
 * @example
 * ```ts
 * import { mathisThroughput, pftkThroughput } from 'netlab';
 *
 * const path = { mssBytes: 1460, rttMs: 50, lossRate: 0.03 };
 * pftkThroughput({ ...path, rtoMs: 200 }) / mathisThroughput(path); // below 1: timeouts cost
 * ```
 */
export function pftkThroughput(options: PftkOptions): number {
  check.options('pftkThroughput', options, PFTK_KEYS);
  const mss = check.inRange('mssBytes', options.mssBytes, 0, 65_535, '(]');
  const rtt = check.inRange('rttMs', options.rttMs, 0, MAX_DELAY_MS, '(]') / MS_PER_SECOND;
  const p = check.inRange('lossRate', options.lossRate, 0, 1, '()');
  const t0 = check.inRange('rtoMs', options.rtoMs, 0, MAX_DELAY_MS, '(]') / MS_PER_SECOND;
  const b = check.inRange('ackRatio', options.ackRatio ?? 1, 1, 64);
  const seconds = rtt * Math.sqrt((2 * b * p) / 3) + t0 * Math.min(1, 3 * Math.sqrt((3 * b * p) / 8)) * p * (1 + 32 * p * p);
  return mss / seconds;
}
