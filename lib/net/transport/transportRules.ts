/**
 * What differs between TCP and QUIC in the packet engine; everything else
 * (packets, congestion window, acknowledgements) is shared.
 *
 * | rule                         | TCP (+ TLS)                                   | QUIC                                        |
 * |------------------------------|-----------------------------------------------|---------------------------------------------|
 * | delivery to the application  | one in-order byte stream per connection       | in order per stream (RFC 9000 §2.2)         |
 * | handshake round trips        | 1 (SYN) + TLS's (RFC 9293, RFC 8446)          | 1, crypto and transport together; 0 with 0-RTT (RFC 9001) |
 * | lost retransmission found by | the retransmission timer only (SACK, RFC 6675) | three later packets or 9/8 RTT (RFC 9002 §6.1) |
 * | timer                        | RTO from the last ACK, floor 200 ms; cwnd → 1 (RFC 6298, 5681) | PTO from the last send, + max_ack_delay, no floor; a probe, cwnd kept (RFC 9002 §6.2) |
 * | first timeout before a sample| 1 s (RFC 6298 §2.1)                            | 999 ms: 3 × kInitialRtt 333 ms (RFC 9002 §6.2.2) |
 *
 * Both detect a loss when three later packets are acknowledged (RFC 5681's three
 * duplicate ACKs with SACK; RFC 9002's kPacketThreshold). Linux's RACK-TLP
 * (RFC 8985) would bring TCP's loss detection close to QUIC's; it is not modelled.
 */
import * as check from '../../validate';
import { rtoBounds, RTO_KEYS, type RtoOptions } from '../tcp/rto';
import { tlsHandshake, type TlsMode } from '../tcp/tls';
import { DEFAULT_MAX_ACK_DELAY_MS } from './probeTimeout';

export type TransportKind = 'tcp' | 'quic';

export interface TransportRules {
  readonly kind: TransportKind;
  /** 'connection': bytes reach the application in connection order; 'stream': in order per stream. */
  readonly ordering: 'connection' | 'stream';
  /**
   * True when a resent packet can be told from the original (QUIC's fresh packet numbers): a lost
   * retransmission is found by later acknowledgements, and its round trip is a valid RTT sample.
   * TCP cannot tell them apart: the timer finds lost retransmissions, and Karn's rule skips their samples.
   */
  readonly unambiguousRetransmissions: boolean;
  /** RFC 9002's kTimeThreshold (× RTT), or 0 for none. */
  readonly timeThreshold: number;
  /** 'rto': collapse the window and resend everything outstanding; 'pto': send one probe. */
  readonly timer: 'rto' | 'pto';
  /** Bounds of the retransmission or probe timer. */
  readonly timerBounds: Required<RtoOptions>;
  /** The peer's max_ack_delay the probe timeout adds (ms; QUIC 25, RFC 9000 §18.2; 0 for TCP). */
  readonly maxAckDelayMs: number;
  /** Handshake round trips before the first request can be sent. */
  readonly handshakeRounds: number;
}

/** Acknowledged later packets that make an earlier one lost (RFC 5681 §3.2, RFC 9002 §6.1.1). */
export const PACKET_THRESHOLD = 3;

/** The TLS modes QUIC can run with: TLS 1.3 is part of it (RFC 9001). */
export const QUIC_TLS_MODES: readonly TlsMode[] = ['1.3', 'resumed', '0-rtt'];

/** The rules of one transport with the TLS mode it runs. */
export function transportRules(kind: TransportKind, tls: TlsMode, rto: RtoOptions = {}): TransportRules {
  check.oneOf('transport', kind, ['tcp', 'quic'] as const);
  check.nestedOptions('rto', rto, RTO_KEYS);
  if (kind === 'tcp') {
    return {
      kind,
      ordering: 'connection',
      unambiguousRetransmissions: false,
      timeThreshold: 0,
      timer: 'rto',
      timerBounds: rtoBounds(rto),
      maxAckDelayMs: 0,
      handshakeRounds: 1 + tlsHandshake(tls).roundTrips,
    };
  }
  const mode = check.oneOf('tls', tls, QUIC_TLS_MODES);
  return {
    kind,
    ordering: 'stream',
    unambiguousRetransmissions: true,
    timeThreshold: 9 / 8,
    timer: 'pto',
    timerBounds: { minRtoMs: 1, maxRtoMs: rtoBounds(rto).maxRtoMs, initialRtoMs: 999 },
    maxAckDelayMs: DEFAULT_MAX_ACK_DELAY_MS,
    handshakeRounds: mode === '0-rtt' ? 0 : 1,
  };
}
