/**
 * One user's client → server messages (chat lines typed).
 *
 * - Long polling and SSE: the held poll or the stream only carries messages
 *   towards the client, so each message is an HTTP POST of its own (request
 *   headers and the message; the server answers at once with a header-only
 *   response) on a second keep-alive connection (`KeepAliveChannel`): when it
 *   has lapsed since the previous message, the POST pays a new handshake first.
 *   Under HTTP/1.1 a POST waits for the previous one's response.
 * - WebSocket: a masked frame on the open connection, half a round trip, once
 *   the client has the `101` answer.
 */
import { webSocketFrameHeaderBytes } from './realtimeCosts';
import type { KeepAliveChannel } from './realtimeKeepAlive';
import type { MessageTimes } from './realtimeMessageTimes';
import type { RealtimeConfig } from './realtimeOptions';
import type { RealtimeTally } from './realtimeTally';

/** Returns the messages that had not reached the server by the end of the run. */
export function httpSends(cfg: RealtimeConfig, tally: RealtimeTally, channel: KeepAliveChannel, messages: MessageTimes): number {
  const { durationMs } = cfg;
  const times = messages.values;
  const n = messages.count;
  let freeMs = -Infinity;
  let i = 0;
  for (; i < n; i++) {
    const sendMs = times[i] > freeMs ? times[i] : freeMs;
    if (sendMs >= durationMs) break;
    const arriveMs = channel.request(sendMs);
    if (arriveMs >= durationMs) break;
    tally.request(arriveMs);
    tally.clientDeliver(times[i], arriveMs);
    tally.response(arriveMs);
    channel.responded(arriveMs);
    freeMs = arriveMs + cfg.rttMs / 2;
  }
  channel.finish();
  return n - i;
}

/** `clientReadyMs`: when the client holds the server's 101 answer. */
export function webSocketSends(cfg: RealtimeConfig, tally: RealtimeTally, clientReadyMs: number, messages: MessageTimes): number {
  const framing = webSocketFrameHeaderBytes(cfg.messageBytes, true);
  const half = cfg.rttMs / 2;
  const times = messages.values;
  const n = messages.count;
  let i = 0;
  for (; i < n; i++) {
    const arriveMs = (times[i] > clientReadyMs ? times[i] : clientReadyMs) + half;
    if (arriveMs >= cfg.durationMs) break;
    tally.clientDeliver(times[i], arriveMs);
    tally.framing(arriveMs, framing, 1);
  }
  return n - i;
}
