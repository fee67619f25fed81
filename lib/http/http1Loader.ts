/**
 * HTTP/1.1 page loading: up to `connectionsPerHost` TCP connections, opened at
 * once, each carrying one request at a time; a request waits in a queue until a
 * connection is free, and a connection that finishes a response takes the next
 * request (keep-alive, no pipelining). Each new connection pays its own TCP and
 * TLS handshakes and its own slow start.
 *
 * When the client's address changes every connection dies with it; responses
 * in progress are requested again from the start on new connections.
 */
import type { PacketConnection } from '../net/transport/packetConnection';
import { handshake } from '../net/transport/messageExchange';
import { openConnection, restartUnfinished, sendRequests, switchPath, type Loader, type PageContext } from './loader';

/**
 * The HTTP/1.1 loader of one page load: up to `connectionsPerHost` keep-alive
 * connections, one request at a time each, the rest queued. Returns the Loader
 * the page-load engine drives.
 */
export function http1Loader(page: PageContext): Loader {
  const { transfer, plan } = page;
  const n = plan.bodyBytes.length;
  let queue: number[] = Array.from({ length: n }, (_, i) => i);
  let next = 0;

  const requestNext = (connection: PacketConnection) => {
    if (next < queue.length) sendRequests(page, connection, [queue[next++]]);
  };
  const openConnections = (count: number) => {
    for (let k = 0; k < Math.min(plan.connectionsPerHost, count); k++) {
      const connection = openConnection(page);
      handshake(connection, () => requestNext(connection));
    }
  };

  return {
    start: () => openConnections(n),
    streamDone(stream) {
      requestNext(transfer.connections[transfer.streams.connection[stream]]);
    },
    migrate() {
      const inProgress: number[] = [];
      for (let s = 0; s < n; s++) if (!Number.isNaN(transfer.streams.requestMs[s])) inProgress.push(s);
      for (const connection of transfer.connections) connection.close();
      switchPath(page);
      queue = [...restartUnfinished(page, inProgress), ...queue.slice(next)];
      next = 0;
      openConnections(queue.length);
    },
  };
}
