/**
 * Ephemeral ports and TIME_WAIT on a client that opens short connections to one
 * server address (one destination IP and port).
 *
 * Each connection takes a local port from the ephemeral range, keeps it while the
 * connection is open (`connectionMs`), and then, because the client closes first,
 * keeps it for `timeWaitMs` more in TIME_WAIT. With no free port left the attempt
 * fails: `connect()` returns EADDRNOTAVAIL, "cannot assign requested address".
 *
 * Defaults (Linux's range, TIME_WAIT and reuse delay), their sources and the
 * bounds on the options are in `portsOptions.ts`.
 *
 * Fidelity: discrete-event, exact for the model. Hold times are constant, so ports
 * are released in the order they were taken: the ports in use form a ring buffer
 * of opening times (typed arrays), and each attempt costs O(1) amortised.
 *
 * Random streams: with `rng`, attempt times come from `rng.fork('arrivals')` (one
 * stream for the one client); nothing else is random. Runs that differ only in
 * ports, TIME_WAIT or reuse see the same attempts.
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
import { MS_PER_SECOND } from '../../sim/time';
import { checkPortsOptions, type PortsOptions } from './portsOptions';

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

/** What `simulatePorts` found: attempts opened, refused and reused, the load against the range, and the per-bucket series. */
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

/**
 * Runs the port model for `durationMs`: attempts at the demanded rate (per second),
 * each taking a free ephemeral port (or, with `twReuse`, the oldest TIME_WAIT one)
 * or being refused. Returns the attempts, opened, refused and reused counts, when
 * ports ran out (ms, or null) and a per-bucket series.
 *
 * @throws TypeError or RangeError naming a wrong option.
 *
 * @example
 * ```ts
 * import { simulatePorts } from 'netlab';
 *
 * const r = simulatePorts({ connectionsPerSecond: 600, durationMs: 120_000 });
 * r.exhaustedAtMs;                             // 28 232 ports / 600 per second: out of ports after about 47 s
 * ```
 */
export function simulatePorts(opts: PortsOptions): PortsResult {
  const { rate, timeWaitMs, ports, durationMs, connectionMs, twReuse, twReuseAfterMs: reuseAfter, bucketMs, buckets, rng } = checkPortsOptions(opts);

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
