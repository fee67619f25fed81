/**
 * The three HTTP versions and what each runs on.
 *
 * - HTTP/1.1 (RFC 9112): TCP, one request at a time per connection, up to six
 *   connections per host as browsers open them, headers as plain text.
 * - HTTP/2 (RFC 9113): one TCP connection, every request a stream, frames
 *   interleaved, HPACK header compression (RFC 7541).
 * - HTTP/3 (RFC 9114): one QUIC connection, streams delivered independently,
 *   QPACK header compression (RFC 9204).
 */
import type { TransportKind } from '../net/transport/transportRules';

export type HttpProtocol = 'http1.1' | 'http2' | 'http3';

export const HTTP_PROTOCOLS: readonly HttpProtocol[] = ['http1.1', 'http2', 'http3'];

export interface ProtocolTraits {
  transport: TransportKind;
  /** Several requests share one connection at once. */
  multiplexed: boolean;
  /** Later header blocks are compressed against earlier ones. */
  compressesHeaders: boolean;
  /** Label for tables and legends. */
  label: string;
}

export const PROTOCOL_TRAITS: Record<HttpProtocol, ProtocolTraits> = {
  'http1.1': { transport: 'tcp', multiplexed: false, compressesHeaders: false, label: 'HTTP/1.1' },
  http2: { transport: 'tcp', multiplexed: true, compressesHeaders: true, label: 'HTTP/2' },
  http3: { transport: 'quic', multiplexed: true, compressesHeaders: true, label: 'HTTP/3' },
};
