/**
 * TLS handshake modes as round trips added on top of TCP's handshake.
 *
 * | mode      | extra round trips | full key exchange | request replayable |
 * |-----------|-------------------|-------------------|--------------------|
 * | 'none'    | 0                 | no                | no                 |
 * | '1.2'     | 2 (RFC 5246 §7.3) | yes               | no                 |
 * | '1.3'     | 1 (RFC 8446 §2)   | yes               | no                 |
 * | 'resumed' | 1 (RFC 8446 §2.2, PSK; TLS 1.2's abbreviated handshake is also 1) | no | no |
 * | '0-rtt'   | 0 (RFC 8446 §2.3: the request travels as early data) | no | yes |
 *
 * Early data can be replayed by an attacker or a retrying middlebox (RFC 8446
 * §8): send it only for idempotent requests (RFC 9110 §9.2.2).
 * Not modelled: certificate chains large enough to need a second flight,
 * HelloRetryRequest, OCSP fetches.
 */
import * as check from '../../validate';

export type TlsMode = 'none' | '1.2' | '1.3' | 'resumed' | '0-rtt';

export const TLS_MODES: readonly TlsMode[] = ['none', '1.2', '1.3', 'resumed', '0-rtt'];

export interface TlsHandshake {
  /** Round trips the handshake adds before the request can be sent. */
  roundTrips: number;
  /** True when the server performs the asymmetric key exchange and signature. */
  fullHandshake: boolean;
  /** True when the request is sent as 0-RTT early data and can be replayed. */
  replayable: boolean;
}

const HANDSHAKES: Record<TlsMode, TlsHandshake> = {
  none: { roundTrips: 0, fullHandshake: false, replayable: false },
  '1.2': { roundTrips: 2, fullHandshake: true, replayable: false },
  '1.3': { roundTrips: 1, fullHandshake: true, replayable: false },
  resumed: { roundTrips: 1, fullHandshake: false, replayable: false },
  '0-rtt': { roundTrips: 0, fullHandshake: false, replayable: true },
};

/** What a TLS mode costs in round trips and server work. */
export function tlsHandshake(mode: TlsMode): TlsHandshake {
  return HANDSHAKES[check.oneOf('tls', mode, TLS_MODES)];
}

/** HTTP methods that are idempotent by definition (RFC 9110 §9.2.2): safe to retry. */
export const IDEMPOTENT_METHODS: readonly string[] = ['GET', 'HEAD', 'OPTIONS', 'TRACE', 'PUT', 'DELETE'];

/** HTTP methods that are safe by definition, read-only (RFC 9110 §9.2.1): a subset of the idempotent ones. */
export const SAFE_METHODS: readonly string[] = ['GET', 'HEAD', 'OPTIONS', 'TRACE'];

/**
 * True when a request with this method may be sent as replayable early data: only safe
 * methods (RFC 8470 §2.1). Idempotent is not enough: a replayed PUT or DELETE still acts
 * before the handshake proves the request fresh, so it waits for the handshake.
 */
export function safeAsEarlyData(method: string): boolean {
  if (typeof method !== 'string' || method.length === 0) throw new TypeError(`method must be an HTTP method name such as "GET"; got ${JSON.stringify(method)}`);
  return SAFE_METHODS.includes(method.toUpperCase());
}
