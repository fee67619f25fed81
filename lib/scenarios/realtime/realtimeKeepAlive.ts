/**
 * One user's HTTP/1.1 keep-alive connection, as the server sees it: a request
 * reuses the connection unless the server has closed it, which it does when the
 * connection has been idle (from its last response to the next request's
 * arrival) longer than `keepAliveIdleMs`, or right after the response that used
 * up `requestsPerConnection`. A closed connection costs the next request a new
 * TCP (+TLS) handshake. One request at a time (HTTP/1.1 without pipelining).
 *
 * Approximation: the client is taken to know the connection is closed when it
 * sends; the real race (a request sent as the server's FIN is on its way, which
 * fails and is re-sent on a new connection) is not modelled.
 */
import type { RealtimeTally } from './realtimeTally';

/**
 * One user's HTTP/1.1 keep-alive connection as the server sees it: reused until it
 * has been idle longer than `keepAliveIdleMs` or has served `requestsPerConnection`
 * requests, after which the next request pays a new handshake.
 */
export class KeepAliveChannel {
  private open = false;
  private openMs = 0;
  /** When the server sent its last response; Infinity while a request is outstanding. */
  private lastResponseMs = 0;
  private requests = 0;

  constructor(
    private readonly tally: RealtimeTally,
    private readonly rttMs: number,
    private readonly keepAliveIdleMs: number,
    private readonly requestsPerConnection: number,
  ) {}

  /** Forget the previous user's connection (after `finish`). */
  reset(): void {
    this.open = false;
    this.requests = 0;
  }

  /** When the server closes the current connection if nothing more arrives (Infinity: a request is outstanding). */
  private closesAt(): number {
    return this.requests >= this.requestsPerConnection ? this.lastResponseMs : this.lastResponseMs + this.keepAliveIdleMs;
  }

  /** The client sends a request at `sendMs`; returns when it reaches the server, after a new handshake if needed. */
  request(sendMs: number): number {
    const half = this.rttMs / 2;
    if (this.open) {
      const spent = this.requests >= this.requestsPerConnection;
      if (!spent && sendMs + half <= this.lastResponseMs + this.keepAliveIdleMs) {
        this.requests++;
        this.lastResponseMs = Infinity;
        return sendMs + half;
      }
      this.tally.connection(this.openMs, this.closesAt());
    }
    const handshakeMs = this.tally.openConnection(sendMs);
    this.open = true;
    this.openMs = sendMs;
    this.requests = 1;
    this.lastResponseMs = Infinity;
    return sendMs + handshakeMs + half;
  }

  /** The server answers the outstanding request at `tMs`. */
  responded(tMs: number): void {
    this.lastResponseMs = tMs;
  }

  /** The run ends: record the connection (open until it closes or the run ends). */
  finish(): void {
    if (this.open) this.tally.connection(this.openMs, this.closesAt());
    this.reset();
  }
}
