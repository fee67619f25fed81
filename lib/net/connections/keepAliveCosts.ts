/**
 * What keep-alive saves a client that sends a steady stream of requests to one
 * server address: every connection-level cost divided by the requests each
 * connection carries.
 *
 * For k requests per connection and a request rate λ, connections open at λ / k per
 * second. That rate sets, through `simulatePorts` (evenly spaced attempts), the
 * steady TIME_WAIT population and the share of attempts refused for want of an
 * ephemeral port; through `handshakeCpu`, the server cores spent on full TLS
 * handshakes; and the mean time per request is the cold request's time shared with
 * k − 1 warm ones: (cold + (k − 1) × warm) / k.
 *
 * Not modelled: requests that overlap on one connection (the requests of a
 * connection follow each other), idle timeouts that close a connection before its
 * k-th request, and session resumption (pass a smaller `fullHandshakeMs` for it).
 */
import * as check from '../../validate';
import { handshakeCpu, HANDSHAKE_CPU_DEFAULTS } from '../tcp/handshakeCpu';
import { delayMs, MAX_SIMULATED_MS } from '../limits';
import { LINUX_EPHEMERAL_PORTS, LINUX_TIME_WAIT_MS, MAX_PORT_ATTEMPTS } from './portsOptions';
import { MS_PER_SECOND } from '../../sim/time';
import { simulatePorts } from './simulatePorts';

/** Default length of the port run behind `keepAliveCosts` (ms): two TIME_WAITs of Linux. */
export const KEEP_ALIVE_COSTS_DURATION_MS = 120_000;

/** Options of `keepAliveCosts`: the traffic, how many requests share a connection, and what each kind of request costs. */
export interface KeepAliveCostsOptions {
  /** Requests per second from the client to one server address (> 0). */
  requestRate: number;
  /** Requests each connection carries before it is closed (in [1, 10^9]; 1 means no keep-alive). Rate / requestsPerConnection × durationMs / 1000 at most 10^8 attempts. */
  requestsPerConnection: number;
  /** Time of a request that opens its connection: DNS, handshakes and the request (ms, ≥ 0). */
  coldRequestMs: number;
  /** Time of a request on a connection already open (ms, ≥ 0). */
  warmRequestMs: number;
  /** Simulated time of the port run (ms, in (0, 10^10]; default 120,000); the last second gives the steady TIME_WAIT count. */
  durationMs?: number;
  /** Ephemeral ports of the client (integer in [1, 65535]; default 28,232, Linux). */
  ports?: number;
  /** TIME_WAIT length (ms, in [0, 10^10]; default 60,000, Linux). */
  timeWaitMs?: number;
  /** Core-milliseconds of server CPU per full TLS handshake (in [0, 3 600 000]; default 1). */
  fullHandshakeMs?: number;
}

/** Every key of `KeepAliveCostsOptions`. */
export const KEEP_ALIVE_COSTS_KEYS: readonly (keyof KeepAliveCostsOptions & string)[] = [
  'requestRate', 'requestsPerConnection', 'coldRequestMs', 'warmRequestMs', 'durationMs', 'ports', 'timeWaitMs', 'fullHandshakeMs',
];

/** The costs of one keep-alive setting, per second of traffic. */
export interface KeepAliveCost {
  /** Requests per connection, as given. */
  requestsPerConnection: number;
  /** Connections opened (and closed) per second: requestRate / requestsPerConnection. */
  newConnectionsPerSecond: number;
  /** Time-averaged sockets in TIME_WAIT over the run's last second. */
  timeWaitSockets: number;
  /** Share of connection attempts refused for want of a port, over the whole run (0 to 1). */
  refusedShare: number;
  /** Server cores busy with full TLS handshakes: new connections/s × fullHandshakeMs / 1000. */
  handshakeCores: number;
  /** Mean time per request (ms): (coldRequestMs + (k − 1) × warmRequestMs) / k. */
  meanRequestMs: number;
}

const FN = 'keepAliveCosts';

/**
 * The connection-level bill of one keep-alive setting: new connections, TIME_WAIT
 * sockets, refused attempts, handshake cores and the mean request time.
 *
 * @example
 * ```ts
 * import { keepAliveCosts } from 'netlab';
 *
 * const bills = [1, 10, 100].map((k) => keepAliveCosts({ requestRate: 500, requestsPerConnection: k, coldRequestMs: 753, warmRequestMs: 192 }));
 * ```
 */
export function keepAliveCosts(options: KeepAliveCostsOptions): KeepAliveCost {
  if (options === undefined) throw new TypeError(`${FN} needs options { requestRate, requestsPerConnection, coldRequestMs, warmRequestMs }`);
  const opts = check.options(FN, options, KEEP_ALIVE_COSTS_KEYS);
  const requestRate = check.positive(`${FN} requestRate`, opts.requestRate);
  const k = check.inRange(`${FN} requestsPerConnection`, opts.requestsPerConnection, 1, 1e9);
  const coldMs = delayMs(`${FN} coldRequestMs`, opts.coldRequestMs);
  const warmMs = delayMs(`${FN} warmRequestMs`, opts.warmRequestMs);
  const durationMs = opts.durationMs === undefined ? KEEP_ALIVE_COSTS_DURATION_MS : check.inRange(`${FN} durationMs`, opts.durationMs, 0, MAX_SIMULATED_MS, '(]');
  const ports = opts.ports === undefined ? LINUX_EPHEMERAL_PORTS : check.integer(`${FN} ports`, opts.ports, 1, 65_535);
  const timeWaitMs = opts.timeWaitMs === undefined ? LINUX_TIME_WAIT_MS : check.inRange(`${FN} timeWaitMs`, opts.timeWaitMs, 0, MAX_SIMULATED_MS);
  const fullMs = opts.fullHandshakeMs === undefined ? HANDSHAKE_CPU_DEFAULTS.fullMs : delayMs(`${FN} fullHandshakeMs`, opts.fullHandshakeMs);

  const attempts = (requestRate / k) * (durationMs / MS_PER_SECOND);
  if (attempts > MAX_PORT_ATTEMPTS) {
    throw new RangeError(`${FN} requestRate / requestsPerConnection × durationMs / 1000 would simulate about ${attempts.toPrecision(3)} connection attempts; the limit is ${MAX_PORT_ATTEMPTS}: lower requestRate or shorten durationMs`);
  }
  const run = check.within(FN, () => simulatePorts({ connectionsPerSecond: requestRate, requestsPerConnection: k, durationMs, ports, timeWaitMs }));
  const last = run.series[run.series.length - 1];
  return {
    requestsPerConnection: k,
    newConnectionsPerSecond: run.newConnectionsPerSecond,
    timeWaitSockets: last.meanTimeWait,
    refusedShare: run.attempts === 0 ? 0 : run.refused / run.attempts,
    handshakeCores: handshakeCpu({ connectionsPerSecond: run.newConnectionsPerSecond, fullMs }).coreMsPerSecond / 1000,
    meanRequestMs: (coldMs + (k - 1) * warmMs) / k,
  };
}
