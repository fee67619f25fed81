/**
 * HTTP/2 and HTTP/3 page loading: one connection, every request sent as soon as
 * the handshake allows, responses interleaved by the server on that connection.
 * HTTP/2 runs over TCP, so one lost packet holds every stream's later bytes;
 * HTTP/3 runs over QUIC, so it holds only its own stream's.
 *
 * When the client's address changes, HTTP/2's TCP connection dies and a new one
 * is built (handshakes, slow start, unfinished responses requested again); HTTP/3's
 * QUIC connection migrates: it validates the new path in one round trip and goes
 * on, re-sending what was in flight on the old path.
 */
import { handshake } from '../net/transport/messageExchange';
import { openConnection, restartUnfinished, sendRequests, switchPath, type Loader, type PageContext } from './loader';

/**
 * The HTTP/2 or HTTP/3 loader of one page load: every request on one connection
 * as soon as the handshake allows (a QUIC connection migrates when the client's
 * address changes). Returns the Loader the page-load engine drives.
 */
export function multiplexedLoader(page: PageContext): Loader {
  const { transfer, plan } = page;
  const all = Array.from({ length: plan.bodyBytes.length }, (_, i) => i);
  let connection = openConnection(page);

  const connectAndRequest = (streams: number[]) => {
    const c = connection;
    handshake(c, () => sendRequests(page, c, streams));
  };

  return {
    start: () => connectAndRequest(all),
    streamDone() {},
    migrate() {
      if (plan.rules.kind === 'quic') {
        connection.migrate(switchPath(page));
        const { streams } = transfer;
        // Requests still on their way over the old path are sent again over the new one.
        const unanswered = all.filter((s) => !Number.isNaN(streams.requestMs[s]) && Number.isNaN(streams.readyMs[s]));
        if (unanswered.length > 0) sendRequests(page, connection, unanswered);
        return;
      }
      connection.close();
      switchPath(page);
      const unfinished = restartUnfinished(page, all);
      connection = openConnection(page);
      connectAndRequest(unfinished);
    },
  };
}
