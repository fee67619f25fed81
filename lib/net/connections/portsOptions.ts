/**
 * The options of `simulatePorts`, checked once into a plain configuration, and the
 * Linux constants they default to. Every wrong value fails here, naming the option,
 * before anything is simulated.
 *
 * Constants and their sources:
 * - Ports: Linux's default `net.ipv4.ip_local_port_range` is 32768–60999, 28,232 ports.
 * - TIME_WAIT: Linux holds it for a fixed 60 s (`TCP_TIMEWAIT_LEN` in include/net/tcp.h).
 *   RFC 793 (and RFC 9293) asks for 2 × MSL with an MSL of 2 minutes, which is 4
 *   minutes; the course's "two minutes" is the common 2 × MSL with an MSL of 60 s.
 *   Pass `timeWaitMs: 120_000` to reproduce the course's arithmetic.
 * - `tcp_tw_reuse` (Linux `net.ipv4.tcp_tw_reuse = 1`; the default 2 enables it for
 *   loopback only): an outgoing connection may take over a port whose socket is in
 *   TIME_WAIT once that socket is about a second old. RFC 7323 timestamps (PAWS)
 *   let the new connection reject stray segments of the old one. Recent kernels
 *   count the delay in ms from entry into TIME_WAIT; `twReuseAfterMs` sets it.
 *
 * Bounds: `durationMs` and every hold time at most 10^10 ms (see `limits.ts`); the
 * expected attempts (rate × durationMs / 1000) at most 10^8; at most 100 000 buckets.
 *
 * Not modelled here: the defaults of other kernels (BSD, Windows use other ranges
 * and TIME_WAIT lengths; pass them as options).
 */
import type { Rng } from '../../random/rng';
import { requireRng } from '../../random/rng';
import * as check from '../../validate';
import { MS_PER_SECOND } from '../../sim/time';
import { bucketCount } from '../../sim/measures/buckets';
import { MAX_SIMULATED_MS } from '../limits';

/** Linux's default ephemeral range 32768–60999 (`net.ipv4.ip_local_port_range`). */
export const LINUX_EPHEMERAL_PORTS = 60999 - 32768 + 1;
/** Linux's TIME_WAIT duration, `TCP_TIMEWAIT_LEN` (60 s). */
export const LINUX_TIME_WAIT_MS = 60_000;
/** Age of a TIME_WAIT socket after which Linux `tcp_tw_reuse` lets a new connection take its port. */
export const TW_REUSE_AFTER_MS = 1000;

/** Most connection attempts one run may simulate (rate × duration). */
export const MAX_PORT_ATTEMPTS = 1e8;
/** Most buckets in `series`. */
export const MAX_PORT_BUCKETS = 100_000;

/** Options of `simulatePorts`: the demand, the port range, TIME_WAIT and reuse, and the run's length. */
export interface PortsOptions {
  /**
   * Connection demand per second (> 0) if every request opened its own connection:
   * the request rate. Connections are actually opened at
   * `connectionsPerSecond / requestsPerConnection` per second.
   */
  connectionsPerSecond: number;
  /** Time a closed port stays in TIME_WAIT (ms, in [0, 10^10]; default 60,000, Linux). */
  timeWaitMs?: number;
  /** Ports in the ephemeral range (integer in [1, 65535]; default 28,232, Linux). */
  ports?: number;
  /** Simulated time (ms, in (0, 10^10]); attempts happen in [0, durationMs). Rate × durationMs / 1000 at most 10^8 attempts. */
  durationMs: number;
  /**
   * Requests carried by each connection (keep-alive), a number ≥ 1 (default 1: a new
   * connection per request). k requests per connection divide the rate of new
   * connections, and so the TIME_WAIT population, by k.
   */
  requestsPerConnection?: number;
  /**
   * Time a connection stays open before the client closes it (ms, in [0, 10^10]; default 0).
   * The default treats the open phase as negligible next to TIME_WAIT, which holds
   * for short requests (tens of ms against 60 s). Set it for long-lived or
   * keep-alive connections: it adds rate × connectionMs ports in use (Little's law).
   */
  connectionMs?: number;
  /** Model `net.ipv4.tcp_tw_reuse = 1` (default false). */
  twReuse?: boolean;
  /** With `twReuse`, how long a port must have been in TIME_WAIT before it can be taken (ms, in [0, 10^10]; default 1000). */
  twReuseAfterMs?: number;
  /** Width of one `series` bucket (ms, > 0; default 1000; at most 100 000 buckets in durationMs). */
  bucketMs?: number;
  /** Omit for evenly spaced attempts (deterministic); pass one for Poisson attempts, drawn from `rng.fork('arrivals')`. */
  rng?: Rng;
}

/** Every key of `PortsOptions`. */
export const PORTS_KEYS: readonly (keyof PortsOptions & string)[] = [
  'connectionsPerSecond', 'timeWaitMs', 'ports', 'durationMs', 'requestsPerConnection', 'connectionMs', 'twReuse', 'twReuseAfterMs', 'bucketMs', 'rng',
];

/** `PortsOptions` after checking and defaults: what `simulatePorts` runs on. */
export interface PortsConfig {
  /** New connections attempted per second: connectionsPerSecond / requestsPerConnection. */
  rate: number;
  timeWaitMs: number;
  ports: number;
  durationMs: number;
  connectionMs: number;
  twReuse: boolean;
  /** With `twReuse`, the age in TIME_WAIT from which a port can be taken over (ms). */
  twReuseAfterMs: number;
  bucketMs: number;
  /** Buckets in `durationMs` (the last one may be shorter). */
  buckets: number;
  rng: Rng | undefined;
}

/**
 * Checks `opts` (known keys, then each value against its bound, then the run's size)
 * and fills in the defaults. Throws a RangeError or TypeError naming the first wrong option.
 */
export function checkPortsOptions(opts: PortsOptions): PortsConfig {
  check.options('simulatePorts', opts, PORTS_KEYS);
  const demand = check.positive('connectionsPerSecond', opts.connectionsPerSecond);
  const timeWaitMs = opts.timeWaitMs === undefined ? LINUX_TIME_WAIT_MS : simulatedMs('timeWaitMs', opts.timeWaitMs);
  const ports = opts.ports === undefined ? LINUX_EPHEMERAL_PORTS : check.integer('ports', opts.ports, 1, 65535);
  const durationMs = check.inRange('durationMs', opts.durationMs, 0, MAX_SIMULATED_MS, '(]');
  const k = opts.requestsPerConnection === undefined ? 1 : check.inRange('requestsPerConnection', opts.requestsPerConnection, 1, 1e9);
  const connectionMs = opts.connectionMs === undefined ? 0 : simulatedMs('connectionMs', opts.connectionMs);
  const twReuse = check.flag('twReuse', opts.twReuse, false);
  const twReuseAfterMs = opts.twReuseAfterMs === undefined ? TW_REUSE_AFTER_MS : simulatedMs('twReuseAfterMs', opts.twReuseAfterMs);
  const bucketMs = opts.bucketMs === undefined ? 1000 : check.positive('bucketMs', opts.bucketMs);
  const rng = opts.rng === undefined ? undefined : requireRng('rng', opts.rng);

  const rate = demand / k;
  const expectedAttempts = (rate * durationMs) / MS_PER_SECOND;
  if (expectedAttempts > MAX_PORT_ATTEMPTS) {
    throw new RangeError(
      `simulatePorts would simulate about ${Math.round(expectedAttempts)} attempts (connectionsPerSecond / requestsPerConnection × durationMs / 1000); ` +
        `the limit is ${MAX_PORT_ATTEMPTS}: shorten durationMs or lower connectionsPerSecond`,
    );
  }
  const buckets = bucketCount(durationMs, bucketMs);
  if (buckets > MAX_PORT_BUCKETS) {
    throw new RangeError(`bucketMs must leave at most ${MAX_PORT_BUCKETS} buckets in durationMs (${durationMs} ms); got ${bucketMs}, which gives ${buckets}`);
  }
  return { rate, timeWaitMs, ports, durationMs, connectionMs, twReuse, twReuseAfterMs, bucketMs, buckets, rng };
}

/** A hold time or delay of the port model (ms, in [0, 10^10]). */
function simulatedMs(option: string, value: unknown): number {
  return check.inRange(option, value, 0, MAX_SIMULATED_MS);
}
