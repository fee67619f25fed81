/**
 * One user's persistent stream: SSE or WebSocket (course part 5, "Real-Time
 * Messaging"; RFC 6455 for WebSocket, the WHATWG HTML standard for SSE).
 *
 * The client opens one connection when it joins and sends one HTTP request
 * (SSE: the subscription; WebSocket: the Upgrade). When that request reaches
 * the server, the server answers (SSE: `200 text/event-stream`, WebSocket: `101
 * Switching Protocols`) and from then on pushes every message the moment it is
 * generated, so delivery takes half a round trip; messages generated before the
 * stream is ready wait for it. The connection stays open until the run ends,
 * with a heartbeat every `heartbeatMs` (SSE comment; WebSocket ping and pong),
 * sent on a fixed schedule whatever the traffic.
 *
 * Not modelled: reconnection after a dropped stream (SSE's `retry` and
 * `Last-Event-ID`), TCP flow control, server send queues.
 */
import {
  SSE_HEARTBEAT_FRAMING_BYTES, WEBSOCKET_HEARTBEAT_FRAMING_BYTES, sseEventFramingBytes, webSocketFrameHeaderBytes,
} from './realtimeCosts';
import type { MessageTimes } from './realtimeMessageTimes';
import type { RealtimeConfig } from './realtimeOptions';
import type { RealtimeTally } from './realtimeTally';

export interface StreamOutcome {
  /** When the server could start pushing (ms; ≥ durationMs when never within the run). */
  readyMs: number;
  /** Messages not sent by the end of the run. */
  pending: number;
}

/**
 * Walks one SSE or WebSocket user through the run, charging its connection,
 * handshakes, pushed messages, heartbeats and delivery latencies to `tally`.
 * Returns when the stream was ready (ms) and how many messages were never sent.
 */
export function streamUser(cfg: RealtimeConfig, tally: RealtimeTally, joinMs: number, messages: MessageTimes): StreamOutcome {
  const { durationMs, heartbeatMs } = cfg;
  const sse = cfg.mode === 'sse';
  const handshakeMs = tally.openConnection(joinMs);
  tally.connection(joinMs, Infinity);
  const readyMs = joinMs + handshakeMs + cfg.rttMs / 2;
  if (readyMs >= durationMs) return { readyMs, pending: messages.count };
  tally.request(readyMs);
  tally.response(readyMs);
  const framing = sse ? sseEventFramingBytes(cfg.messageBytes) : webSocketFrameHeaderBytes(cfg.messageBytes, false);
  const times = messages.values;
  for (let i = 0; i < messages.count; i++) {
    const sentMs = times[i] > readyMs ? times[i] : readyMs;
    tally.deliver(times[i], sentMs, framing, 1);
  }
  if (heartbeatMs !== Infinity) {
    for (let t = readyMs + heartbeatMs; t < durationMs; t += heartbeatMs) {
      if (sse) tally.heartbeat(t, SSE_HEARTBEAT_FRAMING_BYTES, 1);
      else tally.heartbeat(t, WEBSOCKET_HEARTBEAT_FRAMING_BYTES, 2);
    }
  }
  return { readyMs, pending: 0 };
}
