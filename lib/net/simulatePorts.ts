/**
 * Ephemeral ports and TIME_WAIT on a client that opens short connections to one
 * server address (one destination IP and port).
 *
 * Each connection takes a local port from the ephemeral range, keeps it while the
 * connection is open (`connectionMs`), and then, because the client closes first,
 * keeps it for `timeWaitMs` more in TIME_WAIT. With no free port left the attempt
 * fails: `connect()` returns EADDRNOTAVAIL, "cannot assign requested address".
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
 * Fidelity: discrete-event, exact for the model. Hold times are constant, so ports
 * are released in the order they were taken: the ports in use form a ring buffer
 * of opening times (typed arrays), and each attempt costs O(1) amortised.
 *
 * Random streams: with `rng`, attempt times come from `rng.fork('arrivals')` (one
 * stream for the one client); nothing else is random. Runs that differ only in
 * ports, TIME_WAIT or reuse see the same attempts.
 *
 * Bounds: `durationMs` and every hold time at most 10^10 ms (see `limits.ts`); the
 * expected attempts (rate × durationMs / 1000) at most 10^8; at most 100 000 buckets.
 *
 * Overload: `portsDemanded` (Little's law) is the offered load and `ports` the
 * capacity; `unstable` says the demand exceeds the range, so attempts are refused
 * for as long as the rate lasts (`exhaustedAtMs`, `refused`).
 *
 * Not modelled: several destinations (a port is blocked only for the 4-tuple it
 * was used with, so each server address has its own 28,232), which port number is
 * chosen, Linux's port scan reusing a TIME_WAIT port while other ports are still
 * free (here reuse happens only when the range is full; that changes which sockets
 * are in TIME_WAIT, not whether an attempt succeeds), `tcp_max_tw_buckets`,
 * retries of refused attempts, and the server side.
 */
import type { Rng } from '../random/rng';
import { requireRng } from '../random/rng';
import * as check from '../validate';
import { MS_PER_SECOND } from '../sim/time';
import { bucketCount } from '../sim/buckets';
import { MAX_SIMULATED_MS } from './limits';

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

/**
 * One time bucket [tMs, tMs + bucketMs) (the last one may be shorter). `inUse`, `timeWait`
 * and `free` are taken at the bucket's end, after the releases due then and before any
 * attempt at that instant; `meanInUse` and `meanTimeWait` average over the bucket.
 */
export interface PortBucket {
  /** Start of the bucket (ms). */
  tMs: number;
  /** Ports held by open connections at the bucket's end. */
  inUse: number;
  /** Ports held in TIME_WAIT at the bucket's end. */
  timeWait: number;
  /** Ports free at the bucket's end: ports − inUse − timeWait. */
  free: number;
  /** Connections opened during the bucket (TIME_WAIT reuses included). */
  opened: number;
  /** Attempts refused during the bucket (no port free). */
  refused: number;
  /** Time-averaged ports held by open connections over the bucket. */
  meanInUse: number;
  /** Time-averaged sockets in TIME_WAIT over the bucket (the quantity Little's law predicts). */
  meanTimeWait: number;
}

export interface PortsResult {
  /** Time of the first refused attempt (ms), or null when every attempt got a port. */
  exhaustedAtMs: number | null;
  /** Connection attempts: opened + refused. */
  attempts: number;
  /** Connections that got a port. */
  opened: number;
  /** Attempts refused with "cannot assign requested address". */
  refused: number;
  /** Connections that got their port by taking over a TIME_WAIT socket (`twReuse`). */
  reused: number;
  /** Rate at which new connections are attempted: connectionsPerSecond / requestsPerConnection. */
  newConnectionsPerSecond: number;
  /**
   * Ports the demand would hold in steady state if the range were unlimited (Little's
   * law): new connections per second × (connectionMs + timeWaitMs) / 1000.
   */
  portsDemanded: number;
  /**
   * The paper arithmetic: ports / new connections per second, the moment the range
   * runs out when nothing has been released yet (ms); null when the demand fits.
   * Ignores `twReuse`.
   */
  predictedExhaustionMs: number | null;
  /** True when `portsDemanded` exceeds `ports`: the range cannot hold the demand in steady state. */
  unstable: boolean;
  /** Most sockets in TIME_WAIT at any bucket end. */
  peakTimeWait: number;
  series: PortBucket[];
  /** Options after defaults, as used. */
  ports: number;
  timeWaitMs: number;
  connectionMs: number;
  bucketMs: number;
  durationMs: number;
  arrivals: 'even' | 'poisson';
}

export function simulatePorts(opts: PortsOptions): PortsResult {
  check.options('simulatePorts', opts, PORTS_KEYS);
  const demand = check.positive('connectionsPerSecond', opts.connectionsPerSecond);
  const timeWaitMs = opts.timeWaitMs === undefined ? LINUX_TIME_WAIT_MS : simulatedMs('timeWaitMs', opts.timeWaitMs);
  const ports = opts.ports === undefined ? LINUX_EPHEMERAL_PORTS : check.integer('ports', opts.ports, 1, 65535);
  const durationMs = check.inRange('durationMs', opts.durationMs, 0, MAX_SIMULATED_MS, '(]');
  const k = opts.requestsPerConnection === undefined ? 1 : check.inRange('requestsPerConnection', opts.requestsPerConnection, 1, 1e9);
  const connectionMs = opts.connectionMs === undefined ? 0 : simulatedMs('connectionMs', opts.connectionMs);
  const twReuse = check.flag('twReuse', opts.twReuse, false);
  const reuseAfter = opts.twReuseAfterMs === undefined ? TW_REUSE_AFTER_MS : simulatedMs('twReuseAfterMs', opts.twReuseAfterMs);
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

  // Ports held, as a ring of opening times in opening order: from `head` come the
  // `nTw` sockets in TIME_WAIT, then from `openFrom` the `nOpen` open connections,
  // and `tail` is where the next one goes.
  const openedAt = new Float64Array(ports);
  const holdMs = connectionMs + timeWaitMs;
  const next = (i: number): number => (i + 1 === ports ? 0 : i + 1);
  let head = 0;
  let openFrom = 0;
  let tail = 0;
  let nTw = 0;
  let nOpen = 0;
  // Per-bucket sums of the times sockets entered and left each state, from which the
  // time-averaged counts follow exactly (area = Σ left + count(end)·end − count(start)·start − Σ entered).
  let openedSum = 0;
  let closedSum = 0;
  let twLeftSum = 0;

  const closeUpTo = (t: number): void => {
    while (nOpen > 0 && openedAt[openFrom] + connectionMs <= t) {
      closedSum += openedAt[openFrom] + connectionMs;
      openFrom = next(openFrom);
      nOpen--;
      nTw++;
    }
  };
  const release = (t: number): void => {
    closeUpTo(t);
    while (nTw > 0 && openedAt[head] + holdMs <= t) {
      twLeftSum += openedAt[head] + holdMs;
      head = next(head);
      nTw--;
    }
  };

  const series: PortBucket[] = [];
  let bucketOpened = 0;
  let bucketRefused = 0;
  let peakTimeWait = 0;
  let inUseBefore = 0;
  let timeWaitBefore = 0;
  const endBucket = (): void => {
    const tMs = series.length * bucketMs;
    const end = series.length === buckets - 1 ? durationMs : (series.length + 1) * bucketMs;
    release(end);
    const inUse = nOpen;
    const timeWait = nTw;
    if (timeWait > peakTimeWait) peakTimeWait = timeWait;
    const width = end - tMs;
    const meanInUse = (closedSum + inUse * end - inUseBefore * tMs - openedSum) / width;
    const meanTimeWait = (twLeftSum + timeWait * end - timeWaitBefore * tMs - closedSum) / width;
    series.push({ tMs, inUse, timeWait, free: ports - inUse - timeWait, opened: bucketOpened, refused: bucketRefused, meanInUse, meanTimeWait });
    bucketOpened = 0;
    bucketRefused = 0;
    openedSum = 0;
    closedSum = 0;
    twLeftSum = 0;
    inUseBefore = inUse;
    timeWaitBefore = timeWait;
  };

  let opened = 0;
  let refused = 0;
  let reused = 0;
  let exhaustedAtMs: number | null = null;
  const open = (t: number): void => {
    openedSum += t;
    openedAt[tail] = t;
    tail = next(tail);
    nOpen++;
    opened++;
    bucketOpened++;
  };
  const gap = MS_PER_SECOND / rate;
  const arrivalRng = rng?.fork('arrivals');
  let t = arrivalRng ? -gap * Math.log(1 - arrivalRng()) : 0;
  for (let i = 1; t < durationMs; i++) {
    while (series.length < buckets - 1 && t >= (series.length + 1) * bucketMs) endBucket();
    release(t);
    if (nOpen + nTw < ports) {
      open(t);
    } else if (twReuse && nTw > 0 && openedAt[head] + connectionMs + reuseAfter <= t) {
      // The oldest held port has been in TIME_WAIT longest: take it over.
      twLeftSum += t;
      head = next(head);
      nTw--;
      reused++;
      open(t);
    } else {
      refused++;
      bucketRefused++;
      if (exhaustedAtMs === null) exhaustedAtMs = t;
    }
    // Evenly spaced times are computed by multiplication, so they do not drift.
    t = arrivalRng ? t - gap * Math.log(1 - arrivalRng()) : i * gap;
  }
  while (series.length < buckets) endBucket();

  const portsDemanded = (rate * holdMs) / MS_PER_SECOND;
  return {
    exhaustedAtMs,
    attempts: opened + refused,
    opened,
    refused,
    reused,
    newConnectionsPerSecond: rate,
    portsDemanded,
    predictedExhaustionMs: portsDemanded > ports ? (ports / rate) * MS_PER_SECOND : null,
    unstable: portsDemanded > ports,
    peakTimeWait,
    series,
    ports,
    timeWaitMs,
    connectionMs,
    bucketMs,
    durationMs,
    arrivals: arrivalRng ? 'poisson' : 'even',
  };
}

/** A hold time or delay of the port model (ms, in [0, 10^10]). */
function simulatedMs(option: string, value: unknown): number {
  return check.inRange(option, value, 0, MAX_SIMULATED_MS);
}
