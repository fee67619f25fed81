/**
 * Server CPU spent on TLS handshakes under connection churn.
 *
 * A full handshake makes the server do asymmetric cryptography (an ECDHE key
 * share and a certificate signature); a resumed one (PSK, RFC 8446 §2.2) skips
 * the signature and, with psk_ke, the key exchange, leaving symmetric work.
 *
 * The default costs are orders of magnitude, not measurements of your machine:
 * about 1 ms of one core for a full handshake with an RSA-2048 certificate
 * (an RSA-2048 signature alone is about 0.5–1 ms on a current server core; see
 * `openssl speed rsa2048 ecdhp256`) and about 0.05 ms for a resumed one. Measure
 * your own and pass them in.
 *
 * The model is a fluid one: CPU share = handshakes per second × ms per handshake
 * / (1000 × cores). Not modelled: queueing for the CPU (use `simulateQueue` for
 * that), kernel TCP costs, symmetric encryption of the payload.
 */
import * as check from '../../validate';
import { delayMs } from '../limits';

export const HANDSHAKE_CPU_DEFAULTS = { fullMs: 1, resumedMs: 0.05 } as const;

export interface HandshakeCpuOptions {
  /** New TLS connections per second (finite, ≥ 0). */
  connectionsPerSecond: number;
  /** Share of them that resume a session, in [0, 1] (default 0). */
  resumedShare?: number;
  /** Core-milliseconds per full handshake (in [0, 3 600 000]; default 1). */
  fullMs?: number;
  /** Core-milliseconds per resumed handshake (in [0, 3 600 000]; default 0.05). */
  resumedMs?: number;
  /** Cores available for handshakes (an integer in [1, 10^6]; default 1). */
  cores?: number;
}

/** Every key of `HandshakeCpuOptions`. */
export const HANDSHAKE_CPU_KEYS: readonly (keyof HandshakeCpuOptions & string)[] = ['connectionsPerSecond', 'resumedShare', 'fullMs', 'resumedMs', 'cores'];

export interface HandshakeCpu {
  /** Core-milliseconds of handshake work per second of traffic. */
  coreMsPerSecond: number;
  /** Fraction of the cores' time spent on handshakes (may exceed 1: overload). */
  utilisation: number;
  /** Connections per second at which handshakes alone would fill the cores. */
  saturationConnectionsPerSecond: number;
}

/**
 * Server CPU for TLS handshakes at `connectionsPerSecond` new connections per
 * second, `resumedShare` of them resumed: core-ms of work per second, the share of
 * the cores it takes (above 1: overload) and the connection rate that saturates them.
 *
 * @throws TypeError or RangeError naming a wrong option.
 */
export function handshakeCpu(options: HandshakeCpuOptions): HandshakeCpu {
  check.options('handshakeCpu', options, HANDSHAKE_CPU_KEYS);
  const rate = check.nonNegative('connectionsPerSecond', options.connectionsPerSecond);
  const resumed = check.probability('resumedShare', options.resumedShare ?? 0);
  const fullMs = delayMs('fullMs', options.fullMs ?? HANDSHAKE_CPU_DEFAULTS.fullMs);
  const resumedMs = delayMs('resumedMs', options.resumedMs ?? HANDSHAKE_CPU_DEFAULTS.resumedMs);
  const cores = check.integer('cores', options.cores ?? 1, 1, 1e6);
  const perHandshakeMs = (1 - resumed) * fullMs + resumed * resumedMs;
  const coreMsPerSecond = rate * perHandshakeMs;
  return {
    coreMsPerSecond,
    utilisation: coreMsPerSecond / (1000 * cores),
    saturationConnectionsPerSecond: perHandshakeMs === 0 ? Infinity : (1000 * cores) / perHandshakeMs,
  };
}
