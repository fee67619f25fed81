/**
 * A page load on paper: the round-trip arithmetic of the course, and the same
 * arithmetic with handshakes and slow start counted, for the ways a browser can
 * fetch a page's objects.
 *
 * - sequential: HTTP/1.1 on one connection, one request at a time. The course's
 *   sum counts one round trip per object ("80 images × 150 ms = 12 s").
 * - parallel: HTTP/1.1 on `connectionsPerHost` connections (browsers open 6), each
 *   taking the next request when it is free: ⌈objects / connections⌉ round trips.
 * - multiplexed: HTTP/2 (TCP) or HTTP/3 (QUIC), every request sent at once on one
 *   connection: one round trip for the requests.
 *
 * On top of `requestRounds` (the course's count) come the handshake round trips
 * (TCP's one plus TLS's, or QUIC's one, as `transportRules` counts them) and the
 * extra round trips of slow start: a response of n segments on a window of w takes
 * the smallest k with w·(2^k − 1) ≥ n (`slowStartRounds`), and every acknowledged
 * segment adds one to the window (RFC 5681, initial window 10 of RFC 6928). Objects
 * are scheduled as the packet model does: in order, each to the connection that is
 * free first. Sizes include the response headers the model sends (400 bytes each;
 * compressed after the first on HTTP/2 and HTTP/3).
 *
 * With no jitter, loss or bandwidth limit, `roundTripMs` is what the packet model
 * (`pageLoad`) gives. A bandwidth limit is added crudely: `bandwidthMs` is the time
 * the page's bytes need at the bottleneck; one request at a time overlaps nothing,
 * so sequential adds it; parallel and multiplexed loads overlap round trips with
 * transfer, so their estimate is the larger of the round trips and the handshakes
 * plus one round trip plus the transfer. Loss, jitter and the window growth that a
 * bandwidth limit slows are left to the simulation. Time in ms, sizes in bytes.
 */
import * as check from '../../validate';
import { serialisationMs } from '../../net/path/path';
import { delayMs, MIN_BANDWIDTH_MBPS } from '../../net/limits';
import { DEFAULT_INITCWND, DEFAULT_MSS_BYTES, segmentsFor, slowStartRounds } from '../../net/tcp/slowStart';
import type { TlsMode } from '../../net/tcp/tls';
import { transportRules } from '../../net/transport/transportRules';
import { DEFAULT_HEADER_RATIO, headerBlockBytes } from '../../http/headerCompression';
import { DEFAULT_RESPONSE_HEADER_BYTES } from '../../http/pageLoadPlan';
import { HTTP_PROTOCOLS, PROTOCOL_TRAITS, type HttpProtocol } from '../../http/protocols';

export type PaperStrategy = 'sequential' | 'parallel' | 'multiplexed';

export interface PaperPageOptions {
  /** Response body size of each object (bytes, in [0, 10^15]), in request order. */
  objects: readonly number[];
  /** Round-trip time (ms, in [0, 3 600 000]: at most one hour, as every network model). */
  rttMs: number;
  /** Bottleneck bandwidth (Mbit/s, ≥ 0.001; default Infinity). */
  bandwidthMbps?: number;
  /** Protocols to price (default all three; HTTP/1.1 gives a sequential and a parallel row). */
  protocols?: readonly HttpProtocol[];
  /** HTTP/1.1's connections per host for the parallel row (integer in [1, 64], default 6). */
  connectionsPerHost?: number;
  /** TLS mode (default '1.3'); HTTP/3 allows '1.3', 'resumed' or '0-rtt'. */
  tls?: TlsMode;
  /** Server time per object (ms, in [0, 3 600 000]; default 0). */
  serverMs?: number;
  /** Initial congestion window (segments, default 10). */
  initcwnd?: number;
  /** Maximum segment size (bytes, default 1460). */
  mssBytes?: number;
  /** Response header block (bytes, default 400). */
  responseHeaderBytes?: number;
}

export interface PaperPageRow {
  /** e.g. 'HTTP/1.1, 6 connections'. */
  label: string;
  protocol: HttpProtocol;
  strategy: PaperStrategy;
  connections: number;
  /** Round trips the course counts: objects per connection in turn, or 1 when multiplexed. */
  requestRounds: number;
  /** Round trips of handshakes before the first request leaves. */
  handshakeRounds: number;
  /**
   * Extra round trips beyond requestRounds on the connection that ends last: slow
   * start, and with parallel connections the unevenness a large object leaves.
   */
  slowStartRounds: number;
  /** All of them along the slowest connection. */
  rounds: number;
  /** The course's arithmetic: requestRounds × RTT (ms). */
  courseMs: number;
  /** Handshakes, requests and slow start on a clean, unlimited path, server time included (ms). */
  roundTripMs: number;
  /** The page's response bytes at the bottleneck bandwidth (ms; 0 when unlimited). */
  bandwidthMs: number;
  /** roundTripMs with the bandwidth added as the header says (ms). */
  estimateMs: number;
}

/** The keys of `PaperPageOptions`. */
export const PAPER_PAGE_KEYS: readonly (keyof PaperPageOptions)[] = [
  'objects', 'rttMs', 'bandwidthMbps', 'protocols', 'connectionsPerHost', 'tls', 'serverMs', 'initcwnd', 'mssBytes', 'responseHeaderBytes',
];

/** Largest object the arithmetic takes (bytes): 10^15, so that segment counts stay exact integers. */
export const MAX_PAPER_OBJECT_BYTES = 1e15;

/** One row per way of fetching the page (see the module header). */
export function paperPageTimes(opts: PaperPageOptions): PaperPageRow[] {
  check.options('paperPageTimes', opts, PAPER_PAGE_KEYS);
  if (!Array.isArray(opts.objects) || opts.objects.length === 0) {
    throw new RangeError(`objects must be a non-empty array of response sizes in bytes; got ${check.describe(opts.objects)}`);
  }
  const bodies = opts.objects.map((b, i) => check.inRange(`objects[${i}]`, b, 0, MAX_PAPER_OBJECT_BYTES));
  const rttMs = delayMs('rttMs', opts.rttMs);
  const bandwidthMbps = opts.bandwidthMbps === undefined || opts.bandwidthMbps === Infinity
    ? Infinity : check.inRange('bandwidthMbps', opts.bandwidthMbps, MIN_BANDWIDTH_MBPS, Infinity, '[)');
  const protocols = checkProtocols('protocols', opts.protocols);
  const parallel = check.integer('connectionsPerHost', opts.connectionsPerHost ?? 6, 1, 64);
  const tls = opts.tls ?? '1.3';
  const serverMs = delayMs('serverMs', opts.serverMs ?? 0);
  const initcwnd = check.integer('initcwnd', opts.initcwnd ?? DEFAULT_INITCWND, 1, 1000);
  const mssBytes = check.integer('mssBytes', opts.mssBytes ?? DEFAULT_MSS_BYTES, 1, 65_535);
  const headerBytes = check.nonNegative('responseHeaderBytes', opts.responseHeaderBytes ?? DEFAULT_RESPONSE_HEADER_BYTES);
  const n = bodies.length;

  const rows: PaperPageRow[] = [];
  for (const protocol of protocols) {
    const traits = PROTOCOL_TRAITS[protocol];
    const handshakeRounds = transportRules(traits.transport, tls).handshakeRounds;
    const headers = headerBlockBytes(n, headerBytes, traits.compressesHeaders ? DEFAULT_HEADER_RATIO : null);
    const streamBytes = bodies.map((b, i) => b + headers[i]);
    const segments = streamBytes.map((b) => segmentsFor(b, mssBytes));
    const bandwidthMs = serialisationMs(streamBytes.reduce((a, b) => a + b, 0), bandwidthMbps);
    const row = (strategy: PaperStrategy, connections: number, requestRounds: number, rounds: number, serverRounds: number): PaperPageRow => {
      const roundTripMs = rounds * rttMs + serverRounds * serverMs;
      const overlapped = Math.max(roundTripMs, (handshakeRounds + 1) * rttMs + serverMs + bandwidthMs);
      return {
        label: strategy === 'multiplexed' ? traits.label : `${traits.label}, ${connections} connection${connections === 1 ? '' : 's'}`,
        protocol, strategy, connections, requestRounds, handshakeRounds,
        slowStartRounds: rounds - handshakeRounds - requestRounds, rounds,
        courseMs: requestRounds * rttMs, roundTripMs, bandwidthMs,
        estimateMs: strategy === 'sequential' ? roundTripMs + bandwidthMs : overlapped,
      };
    };
    if (traits.multiplexed) {
      const total = segments.reduce((a, b) => a + b, 0);
      rows.push(row('multiplexed', 1, 1, handshakeRounds + slowStartRounds(total, initcwnd), 1));
      continue;
    }
    for (const connections of parallel === 1 ? [1] : [1, parallel]) {
      const lanes = scheduleLanes(segments, Math.min(connections, n), initcwnd, rttMs, serverMs);
      rows.push(row(connections === 1 ? 'sequential' : 'parallel', connections, Math.ceil(n / connections), handshakeRounds + lanes.rounds, lanes.objects));
    }
  }
  return rows;
}

/**
 * Objects in order, each to the lane free first (the lowest-numbered on a tie),
 * each taking its slow-start rounds on that lane's window plus the server time.
 * Returns the rounds and the objects on the lane that ends last.
 */
function scheduleLanes(segments: readonly number[], lanes: number, initcwnd: number, rttMs: number, serverMs: number): { rounds: number; objects: number } {
  const freeAtMs = new Array<number>(lanes).fill(0);
  const rounds = new Array<number>(lanes).fill(0);
  const cwnd = new Array<number>(lanes).fill(initcwnd);
  const count = new Array<number>(lanes).fill(0);
  for (const s of segments) {
    let k = 0;
    for (let j = 1; j < lanes; j++) if (freeAtMs[j] < freeAtMs[k]) k = j;
    const r = slowStartRounds(s, cwnd[k]);
    rounds[k] += r;
    freeAtMs[k] += r * rttMs + serverMs;
    cwnd[k] += s;
    count[k]++;
  }
  let last = 0;
  for (let j = 1; j < lanes; j++) if (freeAtMs[j] > freeAtMs[last] || (freeAtMs[j] === freeAtMs[last] && rounds[j] > rounds[last])) last = j;
  return { rounds: rounds[last], objects: count[last] };
}

/** A non-empty list of distinct protocols (default all three). */
export function checkProtocols(option: string, value: readonly HttpProtocol[] | undefined): HttpProtocol[] {
  if (value === undefined) return [...HTTP_PROTOCOLS];
  if (!Array.isArray(value) || value.length === 0) throw new RangeError(`${option} must be a non-empty array of ${HTTP_PROTOCOLS.map((p) => `'${p}'`).join(', ')}; got ${check.describe(value)}`);
  const out = value.map((p, i) => check.oneOf(`${option}[${i}]`, p, HTTP_PROTOCOLS));
  const dup = out.find((p, i) => out.indexOf(p) !== i);
  if (dup !== undefined) throw new RangeError(`${option} lists ${JSON.stringify(dup)} twice`);
  return out;
}
