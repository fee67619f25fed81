/**
 * What a protocol's loader does with the packet engine: open connections and
 * send requests at the start, react when a response is complete, and survive the
 * client's address change. `http1Loader` and `multiplexedLoader` implement it.
 */
import type { Rng } from '../random/rng';
import type { PacketTransfer } from '../net/transport/packetTransfer';
import type { PacketConnection } from '../net/transport/packetConnection';
import { PacketLink } from '../net/transport/packetLink';
import { requestStreams } from '../net/transport/messageExchange';
import { headerBlockBytes } from './headerCompression';
import type { PageLoadPlan } from './pageLoadPlan';

export interface Loader {
  start(): void;
  streamDone(stream: number): void;
  /** The client's address has just changed to the plan's migration path. */
  migrate(): void;
}

export interface PageContext {
  transfer: PacketTransfer;
  plan: PageLoadPlan;
  rng: Rng;
  /** Request header bytes sent, and what they would have been uncompressed. */
  requestHeaderBytes: number;
  uncompressedRequestHeaderBytes: number;
}

/** A new connection of the page; connection k always draws from the same fork (common random numbers). */
export function openConnection(page: PageContext): PacketConnection {
  const { transfer, plan, rng } = page;
  const connection = transfer.openConnection(plan.rules, rng.fork(`connection ${transfer.connections.length}`));
  connection.scheduler.policy = plan.scheduling;
  return connection;
}

/** Sends the requests for `streams` on `connection`, the first header block on it in full. */
export function sendRequests(page: PageContext, connection: PacketConnection, streams: readonly number[]): void {
  const { plan } = page;
  const firstOnConnection = !page.transfer.streams.connection.includes(connection.id);
  const blocks = headerBlockBytes(streams.length, plan.requestHeaderBytes, plan.headerRatio, firstOnConnection);
  page.requestHeaderBytes += blocks.reduce((a, b) => a + b, 0);
  page.uncompressedRequestHeaderBytes += streams.length * plan.requestHeaderBytes;
  requestStreams(connection, streams, blocks, plan.serverMs);
}

/** Switches the page to the migration path and returns the new link. */
export function switchPath(page: PageContext): PacketLink {
  const link = new PacketLink(page.plan.migration!.path);
  page.transfer.link = link;
  return link;
}

/** Streams not yet complete, in index order, with their progress forgotten so they can be requested again. */
export function restartUnfinished(page: PageContext, streams: Iterable<number>): number[] {
  const { streams: ledger } = page.transfer;
  const out: number[] = [];
  for (const s of streams) {
    if (ledger.done(s)) continue;
    ledger.restart(s);
    out.push(s);
  }
  return out.sort((a, b) => a - b);
}
