/**
 * One TCP connection, sampled round trip by round trip.
 *
 * Fidelity: a round-based model. Each round the sender sends a window of
 * segments; the path decides which are lost (its LossModel) and how long the
 * round trip takes (its RTT, jitter and bottleneck bandwidth). The rules:
 *
 * - Handshake: SYN → SYN-ACK is one round trip; the request rides on the final
 *   ACK (RFC 9293 §3.5 allows data on the ACK). A lost SYN or SYN-ACK waits for the
 *   retransmission timer, 1 s before any sample (RFC 6298 §2.1), doubling each time.
 * - Slow start from `initcwnd` segments (RFC 6928): the window grows by one
 *   segment per acknowledged segment while below ssthresh (RFC 5681 §3.1);
 *   above it, by about one segment per round trip (congestion avoidance, RFC 5681 §3.1).
 * - Loss detected by three duplicate ACKs: fast retransmit (RFC 5681 §3.2),
 *   ssthresh = cwnd = max(flight / 2, 2) segments; the lost segments go out again in
 *   the next round with new data (selective acknowledgement, RFC 2018 / RFC 6675).
 * - Loss with fewer than three later segments to trigger duplicate ACKs waits for
 *   the retransmission timeout (RFC 6298): ssthresh = max(flight / 2, 2), cwnd = 1
 *   (RFC 5681 §3.1, the loss window), the timer doubles (RFC 6298 §5.5).
 * - RTT samples come from rounds without retransmissions (Karn's rule).
 * - A lost request is re-sent when the client's timer expires.
 * - The response is complete when its last segment arrives: TCP hands bytes to
 *   the application in order, so nothing counts until every earlier segment is in.
 * - A connection gives up after `maxRetries` consecutive timeouts (Linux's
 *   `tcp_retries2` is 15; `tcp_syn_retries` is 6 for the handshake).
 *
 * Not modelled: lost ACKs (cumulative ACKs make single losses harmless), the receiver's window, delayed ACKs, pacing, tail-loss probes,
 * CUBIC/BBR (the window grows as Reno's), header bytes.
 */
import type { Rng } from '../../random/rng';
import { roundTripMs, serialisationMs, type Path } from '../path/path';
import { NEVER_LOST, type LossProcess } from '../path/loss';
import { RtoEstimator, type RtoOptions } from './rto';

export interface TcpSettings {
  mssBytes: number;
  rto: Required<RtoOptions>;
  /** Consecutive timeouts before the connection gives up. */
  maxRetries: number;
  /** Consecutive SYN timeouts before the connect fails. */
  maxSynRetries: number;
}

/** Raised inside a connection when it gives up; callers turn it into `failed: true`. */
export class ConnectionAborted extends Error {
  constructor(readonly elapsedMs: number, reason: string) {
    super(reason);
  }
}

/**
 * One TCP connection sampled round by round: handshake, slow start, congestion
 * avoidance, fast retransmit and timeouts on a path with loss and jitter. Its
 * methods return the time each phase took (ms) and it counts retransmissions,
 * timeouts and rounds; it throws ConnectionAborted when it gives up.
 */
export class TcpConnection {
  cwnd = 0;
  ssthresh = Infinity;
  retransmissions = 0;
  timeouts = 0;
  /** Data rounds sent, recovery rounds included. */
  rounds = 0;
  private readonly rto: RtoEstimator;
  private readonly segmentMs: number;

  constructor(
    private readonly path: Path,
    private readonly delayRng: Rng,
    private readonly lost: LossProcess,
    private readonly settings: TcpSettings,
  ) {
    this.rto = new RtoEstimator(settings.rto);
    this.segmentMs = serialisationMs(settings.mssBytes, path.bandwidthMbps);
  }

  /** A connection already open and measured, with the given window (segments). */
  warm(cwnd: number): this {
    this.rto.sample(this.path.rttMs);
    this.cwnd = cwnd;
    return this;
  }

  /** SYN → SYN-ACK (ms). The first window is `initcwnd`. */
  connect(initcwnd: number): number {
    const ms = this.exchange(this.settings.maxSynRetries, 'SYN');
    this.cwnd = initcwnd;
    return ms;
  }

  /**
   * One small message each way (a handshake flight) with retransmission on timeout (ms).
   * Used for TLS flights and DNS-like exchanges over this path.
   */
  exchange(maxRetries = this.settings.maxRetries, what = 'handshake'): number {
    const waited = this.resendUntil((attempt) => !this.lost(attempt > 0) && !this.lost(), maxRetries, what);
    const rtt = roundTripMs(this.path, this.delayRng);
    if (waited === 0) this.rto.sample(rtt); // Karn: no sample from a retransmitted exchange
    return waited + rtt;
  }

  /**
   * Delivers `segments` of response after the request reaches the server and the
   * server works for `serverMs`. Returns the time until the last segment arrives
   * (ms), server time included.
   */
  respond(segments: number, serverMs: number): number {
    // The request itself is one segment; the client's timer re-sends it while it is lost.
    let elapsed = serverMs + this.resendUntil((attempt) => !this.lost(attempt > 0), this.settings.maxRetries, 'request');
    let remaining = segments;
    let consecutiveTimeouts = 0;
    let afterTimeout = false;
    while (remaining > 0) {
      const window = Math.min(remaining, Math.max(1, Math.floor(this.cwnd)));
      let lostCount = 0;
      let firstLost = -1;
      for (let i = 0; this.lost !== NEVER_LOST && i < window; i++) {
        if (this.lost(afterTimeout && i === 0)) {
          if (lostCount === 0) firstLost = i;
          lostCount++;
        }
      }
      this.rounds++;
      afterTimeout = false;
      const delivered = window - lostCount;
      remaining -= delivered;
      if (lostCount === 0) {
        const rtt = roundTripMs(this.path, this.delayRng) + window * this.segmentMs;
        elapsed += rtt;
        if (consecutiveTimeouts === 0) this.rto.sample(rtt);
        consecutiveTimeouts = 0;
        this.grow(window);
        continue;
      }
      this.retransmissions += lostCount;
      const duplicateAcks = window - firstLost - lostCount;
      this.ssthresh = Math.max(window / 2, 2);
      if (duplicateAcks >= 3) {
        elapsed += roundTripMs(this.path, this.delayRng) + window * this.segmentMs;
        this.cwnd = this.ssthresh;
        consecutiveTimeouts = 0;
      } else {
        if (consecutiveTimeouts >= this.settings.maxRetries) {
          throw new ConnectionAborted(elapsed - serverMs, `${consecutiveTimeouts} consecutive retransmission timeouts`);
        }
        elapsed += Math.max(this.timeout(), window * this.segmentMs);
        consecutiveTimeouts++;
        afterTimeout = true;
        this.cwnd = 1;
      }
    }
    return elapsed;
  }

  /**
   * Sends a message until `delivered(attempt)` says it got through, waiting for the
   * retransmission timer after each loss; returns the time spent waiting (ms).
   * Gives up after `maxRetries` re-sends.
   */
  private resendUntil(delivered: (attempt: number) => boolean, maxRetries: number, what: string): number {
    let waited = 0;
    for (let attempt = 0; !delivered(attempt); attempt++) {
      if (attempt >= maxRetries) throw new ConnectionAborted(waited, `${what} lost ${attempt + 1} times`);
      waited += this.timeout();
      this.retransmissions++;
    }
    return waited;
  }

  /** The retransmission timer fires: returns the time waited (ms) and doubles the timer (RFC 6298 §5.5). */
  private timeout(): number {
    const waited = this.rto.rtoMs;
    this.rto.backOff();
    this.timeouts++;
    return waited;
  }

  /** Window growth after `acked` segments are acknowledged (RFC 5681 §3.1). */
  private grow(acked: number): void {
    if (this.cwnd < this.ssthresh) {
      const room = this.ssthresh - this.cwnd;
      if (acked <= room) {
        this.cwnd += acked;
        return;
      }
      this.cwnd = this.ssthresh;
      acked -= room;
    }
    this.cwnd += acked / this.cwnd;
  }
}
