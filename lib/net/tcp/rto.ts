/**
 * TCP's retransmission timer, as RFC 6298 computes it.
 *
 * - Before any measurement the timeout is 1 s (RFC 6298 §2.1).
 * - First sample R: SRTT = R, RTTVAR = R/2 (§2.2).
 * - Later samples: RTTVAR = 3/4·RTTVAR + 1/4·|SRTT − R|, then SRTT = 7/8·SRTT + 1/8·R (§2.3).
 * - RTO = SRTT + max(G, 4·RTTVAR), raised to a minimum (§2.4). The RFC asks for
 *   1 s; Linux uses 200 ms (`TCP_RTO_MIN`), our default. G is the clock
 *   granularity (1 ms, Linux with HZ=1000).
 * - Each expiry doubles the timeout up to a maximum (§5.5; Linux `TCP_RTO_MAX`, 120 s);
 *   the next valid sample recomputes it (§5.7).
 * - Karn's rule: round trips that included a retransmission give no sample (§3);
 *   the caller simply does not pass them.
 */
import * as check from '../../validate';
import { MAX_DELAY_MS } from '../limits';

export interface RtoOptions {
  /** Lower bound on the timeout (ms, in (0, 3 600 000]; default 200, Linux). RFC 6298 §2.4 says 1000. */
  minRtoMs?: number;
  /** Upper bound after backoff (ms, in (0, 3 600 000]; default 120000, Linux). */
  maxRtoMs?: number;
  /** Timeout before the first sample (ms, in (0, 3 600 000]; default 1000, RFC 6298 §2.1). */
  initialRtoMs?: number;
}

/** Every key of `RtoOptions`. */
export const RTO_KEYS: readonly (keyof RtoOptions & string)[] = ['minRtoMs', 'maxRtoMs', 'initialRtoMs'];

/** The defaults, named once. */
export const RTO_DEFAULTS = { minRtoMs: 200, maxRtoMs: 120_000, initialRtoMs: 1000, granularityMs: 1 } as const;

/** Validated timer bounds, so a hot loop can build estimators without re-checking; `options` holds only RTO keys. */
export function rtoBounds(options: RtoOptions = {}): Required<RtoOptions> {
  check.options('rtoBounds', options, RTO_KEYS);
  return rtoBoundsFrom(options);
}

/** As `rtoBounds` for options whose keys the caller has checked (they may hold other options too). */
export function rtoBoundsFrom(options: RtoOptions): Required<RtoOptions> {
  if (options.minRtoMs === undefined && options.maxRtoMs === undefined && options.initialRtoMs === undefined) return RTO_DEFAULTS;
  const minRtoMs = check.inRange('minRtoMs', options.minRtoMs ?? RTO_DEFAULTS.minRtoMs, 0, MAX_DELAY_MS, '(]');
  const maxRtoMs = check.inRange('maxRtoMs', options.maxRtoMs ?? RTO_DEFAULTS.maxRtoMs, 0, MAX_DELAY_MS, '(]');
  const initialRtoMs = check.inRange('initialRtoMs', options.initialRtoMs ?? RTO_DEFAULTS.initialRtoMs, 0, MAX_DELAY_MS, '(]');
  if (maxRtoMs < minRtoMs) throw new RangeError(`maxRtoMs must be >= minRtoMs (${minRtoMs}); got ${maxRtoMs}`);
  if (initialRtoMs < minRtoMs || initialRtoMs > maxRtoMs) {
    throw new RangeError(`initialRtoMs must be in [minRtoMs, maxRtoMs] = [${minRtoMs}, ${maxRtoMs}]; got ${initialRtoMs}`);
  }
  return { minRtoMs, maxRtoMs, initialRtoMs };
}

/**
 * TCP's retransmission timeout as RFC 6298 computes it from RTT samples (ms):
 * smoothed RTT and variance, a minimum and maximum, doubling on each expiry.
 */
export class RtoEstimator {
  /** Smoothed RTT (ms); NaN before the first sample. */
  srttMs = NaN;
  /** RTT variation (ms); NaN before the first sample. */
  rttvarMs = NaN;
  /** The current timeout (ms), backoff included. */
  rtoMs: number;

  constructor(private readonly bounds: Required<RtoOptions>) {
    this.rtoMs = bounds.initialRtoMs;
  }

  /** Back to the state before any sample, as a new estimator with the same bounds. */
  reset(): void {
    this.srttMs = NaN;
    this.rttvarMs = NaN;
    this.rtoMs = this.bounds.initialRtoMs;
  }

  /** Feeds one round-trip measurement (ms) taken without retransmission. */
  sample(rttMs: number): void {
    if (Number.isNaN(this.srttMs)) {
      this.srttMs = rttMs;
      this.rttvarMs = rttMs / 2;
    } else {
      this.rttvarMs = 0.75 * this.rttvarMs + 0.25 * Math.abs(this.srttMs - rttMs);
      this.srttMs = 0.875 * this.srttMs + 0.125 * rttMs;
    }
    const raw = this.srttMs + Math.max(RTO_DEFAULTS.granularityMs, 4 * this.rttvarMs);
    this.rtoMs = Math.min(this.bounds.maxRtoMs, Math.max(this.bounds.minRtoMs, raw));
  }

  /** An acknowledgement arrived: nothing changes, as the backoff lasts until the next valid sample (RFC 6298 §5.7). */
  onAcknowledged(): void {}

  /** The timer expired: double it, up to the maximum (RFC 6298 §5.5). */
  backOff(): void {
    this.rtoMs = Math.min(this.bounds.maxRtoMs, 2 * this.rtoMs);
  }
}
