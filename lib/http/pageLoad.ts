/**
 * One page load over HTTP/1.1, HTTP/2 or HTTP/3, simulated packet by packet.
 *
 * Without jitter or loss a single object takes exactly the budget arithmetic of
 * `requestTime` (handshake round trips + slow-start rounds); HTTP/3 saves TCP's
 * round trip. With loss, packets are lost, detected and resent as the transport
 * rules say, and head-of-line blocking appears where the transport's ordering
 * puts it (see `blockedMs`).
 *
 * Fidelity and limits: the page's objects are all known when the load starts (no
 * HTML parsing, no discovery of subresources, no priorities between them), one
 * host, DNS already resolved, a response is sent as soon as its request arrives
 * plus `serverMs`. What the transport leaves out is listed in
 * `net/transport/packetConnection.ts`.
 *
 * Streams: connection k of the load (in the order connections open) draws its
 * packets' loss and jitter from the `connection k` fork of `rng`, whatever the
 * protocol, so HTTP/2 and HTTP/3 on one seed meet the same loss pattern. Sizes are
 * bounded by `PAGE_LOAD_LIMITS` (pageLoadPlan.ts).
 */
import { createRng, requireRng } from '../random/rng';
import { PacketTransfer } from '../net/transport/packetTransfer';
import { headerBlockBytes } from './headerCompression';
import { http1Loader } from './http1Loader';
import { multiplexedLoader } from './multiplexedLoader';
import type { Loader, PageContext } from './loader';
import { planPageLoad, type PageLoadOptions, type PageLoadPlan } from './pageLoadPlan';
import { PROTOCOL_TRAITS, type HttpProtocol } from './protocols';
import type { Rng } from '../random/rng';

export interface PageObject {
  index: number;
  /** Response body bytes. */
  bytes: number;
  /** Connection that delivered it (the last one, if it was requested again). */
  connection: number;
  /** Stream id on the connection (HTTP/2: 1, 3, 5, …; HTTP/3: 0, 4, 8, …); null on HTTP/1.1. */
  stream: number | null;
  /** When its request was first sent (ms); before that it waited for a connection. */
  startMs: number;
  /** When its first byte reached the application (ms). */
  firstByteMs: number;
  /** When its last byte reached the application (ms); NaN if the load failed first. */
  endMs: number;
  /** Time its bytes had all arrived but were held back by another stream's loss (ms). */
  blockedMs: number;
  /** Its packets sent again. */
  retransmissions: number;
}

export interface PageConnection {
  index: number;
  transport: 'tcp' | 'quic';
  openedMs: number;
  /** When the first request could be sent (handshakes done). */
  readyMs: number;
  /** When it died or gave up; NaN while it lived to the end. */
  closedMs: number;
  packets: number;
  retransmissions: number;
  handshakeRetransmissions: number;
  requestRetransmissions: number;
}

export interface PageLoad {
  protocol: HttpProtocol;
  /** Start of the load to the last object's last byte (ms); the time of giving up when `failed`. */
  totalMs: number;
  objects: PageObject[];
  connections: PageConnection[];
  /** Data packets sent again, all connections. */
  retransmissions: number;
  /** Data packets sent, retransmissions included. */
  packets: number;
  /** Header bytes sent (requests and responses), and what they would take uncompressed. */
  headerBytes: { sent: number; uncompressed: number };
  /** Response bytes delivered and then discarded because their connection died. */
  wastedBytes: number;
  /** True when a connection gave up after too many timeouts. */
  failed: boolean;
}

export type { PageLoadOptions };

/** Bound on simulated events per page load, a guard against a runaway model. */
const MAX_EVENTS = 50_000_000;

/**
 * Simulates one page load of `objects` (response body sizes, bytes) over
 * HTTP/1.1, HTTP/2 or HTTP/3 on `path`, packet by packet. Returns the total time
 * (ms), each object's start, end and head-of-line blocking (ms), the connections,
 * retransmissions and whether the load failed. Needs `rng` only when the path
 * has jitter or loss.
 *
 * @throws TypeError or RangeError naming a wrong option, or a page beyond `PAGE_LOAD_LIMITS`.
 *
 * @example
 * ```ts
 * import { createRng, pageLoad } from 'netlab';
 *
 * const objects = [30_000, 15_000, 15_000, 8_000];
 * const h2 = pageLoad({ protocol: 'http2', objects, path: { rttMs: 80, lossRate: 0.02 }, rng: createRng(1) });
 * const h3 = pageLoad({ protocol: 'http3', objects, path: { rttMs: 80, lossRate: 0.02 }, rng: createRng(1) });
 * [h2.totalMs, h3.totalMs];                    // same losses, HTTP/3 saves TCP's round trip
 * ```
 */
export function pageLoad(opts: PageLoadOptions): PageLoad {
  const plan = planPageLoad(opts);
  // A path without jitter or loss draws nothing, so it needs no rng.
  const rng = plan.random || opts.rng !== undefined ? requireRng('rng', opts.rng) : createRng('pageLoad');
  return runPageLoad(plan, rng);
}

/** Runs a validated plan with `rng` (see `pageLoadTable` for many runs). */
export function runPageLoad(plan: PageLoadPlan, rng: Rng): PageLoad {
  const n = plan.bodyBytes.length;
  const responseHeaders = headerBlockBytes(n, plan.responseHeaderBytes, plan.headerRatio);
  const streamBytes = plan.bodyBytes.map((b, i) => b + responseHeaders[i]);
  let loader: Loader | null = null;
  let remaining = n;
  let failed = false;
  const transfer = new PacketTransfer(plan.path, streamBytes, plan.settings, {
    onStreamDone(stream) {
      remaining--;
      if (remaining === 0) transfer.sim.stop();
      else loader!.streamDone(stream);
    },
    onConnectionFailed() {
      failed = true;
      transfer.sim.stop();
    },
  }, plan.drops);
  const page: PageContext = { transfer, plan, rng, requestHeaderBytes: 0, uncompressedRequestHeaderBytes: 0 };
  loader = PROTOCOL_TRAITS[plan.protocol].multiplexed ? multiplexedLoader(page) : http1Loader(page);
  loader.start();
  if (plan.migration !== null) transfer.sim.call(plan.migration.atMs, () => loader!.migrate());
  const run = transfer.sim.run({ maxEvents: MAX_EVENTS });
  if (run.endedBy === 'maxEvents') throw new Error(`pageLoad stopped after ${MAX_EVENTS} events without finishing; report the options that caused it`);
  return pageResult(page, responseHeaders, failed);
}

function pageResult(page: PageContext, responseHeaders: number[], failed: boolean): PageLoad {
  const { transfer, plan } = page;
  const { streams } = transfer;
  const step = plan.protocol === 'http2' ? 2 : 4;
  const first = plan.protocol === 'http2' ? 1 : 0;
  const objects: PageObject[] = plan.bodyBytes.map((bytes, i) => ({
    index: i,
    bytes,
    connection: streams.connection[i],
    stream: plan.protocol === 'http1.1' ? null : first + step * i,
    startMs: streams.requestMs[i],
    firstByteMs: streams.firstByteMs[i],
    endMs: streams.endMs[i],
    blockedMs: streams.blockedMs(i),
    retransmissions: streams.retransmissions[i],
  }));
  const connections: PageConnection[] = transfer.connections.map((c) => ({
    index: c.id,
    transport: c.rules.kind,
    openedMs: c.openedMs,
    readyMs: c.readyMs,
    closedMs: c.closedMs,
    packets: c.packetsSent,
    retransmissions: c.retransmissions,
    handshakeRetransmissions: c.handshakeRetransmissions,
    requestRetransmissions: c.requestRetransmissions,
  }));
  let totalMs = 0;
  for (const o of objects) totalMs = Math.max(totalMs, o.endMs);
  const fullResponse = plan.bodyBytes.length * plan.responseHeaderBytes;
  return {
    protocol: plan.protocol,
    totalMs: failed ? transfer.sim.now : totalMs,
    objects,
    connections,
    retransmissions: connections.reduce((a, c) => a + c.retransmissions, 0),
    packets: connections.reduce((a, c) => a + c.packets, 0),
    headerBytes: {
      sent: page.requestHeaderBytes + responseHeaders.reduce((a, b) => a + b, 0),
      uncompressed: page.uncompressedRequestHeaderBytes + fullResponse,
    },
    wastedBytes: streams.wastedBytes,
    failed,
  };
}
