/**
 * What each real-time delivery mode pays in bytes and round trips, rule by rule,
 * as pure functions of the message size and the TLS mode (used by
 * `simulateRealtime`).
 *
 * - Opening a connection: TCP's three-way handshake (1 round trip) plus TLS's
 *   (`tlsHandshake`: 2 for TLS 1.2, 1 for 1.3; a reconnection that resumes the
 *   session with a ticket takes 1 and sends no certificate).
 * - HTTP/1.1 exchanges (a long poll, an SSE subscription, a WebSocket upgrade, a
 *   message the client POSTs): one request header block and one response header
 *   block (`DEFAULT_REQUEST_HEADER_BYTES`, `DEFAULT_RESPONSE_HEADER_BYTES`).
 * - SSE: each event is `data: <payload>\n\n` (8 bytes around the payload, the
 *   event-stream format of the WHATWG HTML standard, "Server-sent events"), sent
 *   as one HTTP/1.1 chunk (hex length, CRLF, data, CRLF; RFC 9112 §7.1). A
 *   heartbeat is the comment `:\n\n`.
 * - WebSocket (RFC 6455 §5.2): a frame header of 2 bytes for payloads up to 125
 *   bytes, 4 up to 65,535, 10 beyond; frames from the client carry a 4-byte
 *   masking key as well (§5.3). A heartbeat is a ping from the server and the
 *   client's pong (§5.5.2–5.5.3), both empty.
 * - TLS: every record adds its header and authentication tag (TLS 1.3 with
 *   AES-GCM: 5 + 1 + 16 bytes, RFC 8446 §5.2; TLS 1.2 with AES-GCM: 5 + 8 + 16,
 *   RFC 5288). Each HTTP message, SSE event or WebSocket frame is one record.
 *
 * Handshake byte counts are representative choices, not measurements: TCP's SYN
 * and SYN-ACK with the usual options (MSS, SACK, timestamps, window scale) are 60
 * bytes each and the ACK 52; a full TLS handshake is about 4 KB (a ~0.5 KB
 * ClientHello and the server's flight with a two-certificate RSA chain), a
 * resumed one about 0.8 KB. Not counted: TCP/IP headers of data segments and
 * their ACKs, connection teardown (FIN, close_notify), WebSocket close frames,
 * HTTP/2 or HTTP/3 framing (the model is HTTP/1.1 throughout).
 */
import { tlsHandshake, type TlsMode } from '../../net/tcp/tls';

/** SYN (60) + SYN-ACK (60) + ACK (52) bytes, IPv4 with the usual TCP options. */
export const TCP_HANDSHAKE_BYTES = 172;
/** Bytes of a full TLS handshake with a certificate chain: a representative choice. */
export const TLS_FULL_HANDSHAKE_BYTES = 4000;
/** Bytes of a resumed TLS handshake (session ticket, no certificate): a representative choice. */
export const TLS_RESUMED_HANDSHAKE_BYTES = 800;
/** `data: ` and the blank line `\n\n` that end an SSE event. */
export const SSE_EVENT_FRAMING_BYTES = 8;
/** The SSE comment `:\n\n` servers send to keep an idle stream open. */
export const SSE_HEARTBEAT_BYTES = 3;

/** The TLS modes a real-time client can open its first connection with. */
export type RealtimeTls = Extract<TlsMode, 'none' | '1.2' | '1.3'>;
export const REALTIME_TLS_MODES: readonly RealtimeTls[] = ['none', '1.2', '1.3'];

/** What opening one connection costs. */
export interface ConnectionSetup {
  /** Round trips before the first request can be sent (TCP + TLS). */
  roundTrips: number;
  /** Bytes of the TCP and TLS handshakes, both directions. */
  bytes: number;
  /** True when the server performs a full TLS key exchange (false without TLS or when resumed). */
  fullTls: boolean;
}

/** The cost of a first connection (`resumed` false) or of a reconnection that resumes the TLS session. */
export function connectionSetup(tls: RealtimeTls, resumed: boolean): ConnectionSetup {
  if (tls === 'none') return { roundTrips: 1, bytes: TCP_HANDSHAKE_BYTES, fullTls: false };
  const handshake = tlsHandshake(resumed ? 'resumed' : tls);
  return {
    roundTrips: 1 + handshake.roundTrips,
    bytes: TCP_HANDSHAKE_BYTES + (resumed ? TLS_RESUMED_HANDSHAKE_BYTES : TLS_FULL_HANDSHAKE_BYTES),
    fullTls: handshake.fullHandshake,
  };
}

/** Bytes TLS adds to each record (0 without TLS). */
export function tlsRecordOverheadBytes(tls: RealtimeTls): number {
  if (tls === 'none') return 0;
  return tls === '1.3' ? 5 + 1 + 16 : 5 + 8 + 16;
}

/** WebSocket frame header bytes for a payload (RFC 6455 §5.2); client frames add the masking key. */
export function webSocketFrameHeaderBytes(payloadBytes: number, fromClient: boolean): number {
  const length = payloadBytes <= 125 ? 2 : payloadBytes <= 65_535 ? 4 : 10;
  return length + (fromClient ? 4 : 0);
}

/** HTTP/1.1 chunk framing around `bytes` of data: hex length, CRLF, and CRLF after the data. */
export function chunkFramingBytes(bytes: number): number {
  return bytes.toString(16).length + 4;
}

/** Framing bytes around one SSE event of `payloadBytes`: `data: …\n\n` and its chunk. */
export function sseEventFramingBytes(payloadBytes: number): number {
  return SSE_EVENT_FRAMING_BYTES + chunkFramingBytes(payloadBytes + SSE_EVENT_FRAMING_BYTES);
}

/** Framing bytes of one SSE heartbeat comment and its chunk. */
export const SSE_HEARTBEAT_FRAMING_BYTES = SSE_HEARTBEAT_BYTES + chunkFramingBytes(SSE_HEARTBEAT_BYTES);

/** Framing bytes of one WebSocket heartbeat: an empty ping from the server, an empty masked pong from the client. */
export const WEBSOCKET_HEARTBEAT_FRAMING_BYTES = webSocketFrameHeaderBytes(0, false) + webSocketFrameHeaderBytes(0, true);
