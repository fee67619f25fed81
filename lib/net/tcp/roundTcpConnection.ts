/**
 * One TCP connection, sampled round trip by round trip: the round model, the fast
 * one of NetLab's two TCP models (the packet engine, net/transport/, is the other).
 *
 * Fidelity: each round the sender sends a window of segments; the path decides
 * which are lost (its LossModel) and how long the round trip takes (its RTT, jitter
 * and bottleneck bandwidth). The window is a `CongestionController` (NewReno or
 * CUBIC), driven as the packet engine drives it. The rules:
 *
 * - Handshake: SYN → SYN-ACK is one round trip; the request rides on the final
 *   ACK (RFC 9293 §3.5 allows data on the ACK). A lost SYN or SYN-ACK waits for the
 *   retransmission timer, 1 s before any sample (RFC 6298 §2.1), doubling each time.
 * - Slow start from `initcwnd` segments (RFC 6928), then congestion avoidance, as the
 *   controller grows the window on each round's acknowledgements.
 * - A loss is detected by three duplicate ACKs (RFC 5681 §3.2, with SACK as in RFC 6675).
 *   They come from the later segments of the round that arrive and from the new
 *   segments that the round's acknowledgements release (limited transmit, RFC 3042;
 *   the packet engine sends one new segment per acknowledgement). The acknowledgements
 *   that arrive before the third duplicate still grow the window; then the controller
 *   cuts it (one congestion event per round), and the lost segments go out again first
 *   in the next round, with new data.
 * - A lost retransmission is not found by duplicate ACKs (TCP cannot tell its
 *   acknowledgement from the original's): it holds its place in the window while the
 *   rest of the transfer goes on, and the timer resends it when the acknowledgements stop.
 * - Only those, and a loss with fewer than three such segments behind it (the tail of a
 *   transfer, or a window of under four), wait for the retransmission timeout (RFC 6298). The
 *   timer restarts on each acknowledgement, so it fires one timeout after the round's
 *   last acknowledgement; the controller sets ssthresh from the segments still
 *   outstanding and the window to one segment; the timer doubles (RFC 6298 §5.5).
 * - RTT samples come from rounds without retransmissions (Karn's rule).
 * - A lost request is re-sent when the client's timer expires.
 * - The response is complete when its last segment arrives: TCP hands bytes to
 *   the application in order, so nothing counts until every earlier segment is in.
 * - A connection gives up after `maxRetries` consecutive timeouts (Linux's
 *   `tcp_retries2` is 15; `tcp_syn_retries` is 6 for the handshake).
 *
 * Agreement with the packet engine (test/net/engineAgreement.test.ts): mean completion
 * time within 20 % for 100 KB–4 MB at RTT 20–150 ms and loss 0.1–5 %. Not modelled:
 * lost ACKs (cumulative ACKs make single losses harmless), the receiver's window,
 * delayed ACKs, pacing, tail-loss probes, header bytes.
 */
import { drawSource, type Rng } from '../../random/rng';
import type { UniformSource } from '../../random/alea';
import { badJitterDraw, jitterMsMean, roundTripMs, serialisationMs, type Path } from '../path/path';
import { countLost, type PacketLoss } from '../path/packetLoss';
import { MAX_DELAY_MS } from '../limits';
import { RtoEstimator, type RtoOptions } from './rto';
import { congestionController, type CongestionControl } from '../congestion/congestionControl';
import type { CongestionController } from '../congestion/congestionController';

export interface TcpSettings {
  mssBytes: number;
  rto: Required<RtoOptions>;
  /** Consecutive timeouts before the connection gives up. */
  maxRetries: number;
  /** Consecutive SYN timeouts before the connect fails. */
  maxSynRetries: number;
  /** The congestion controller the connection runs. */
  congestionControl: CongestionControl;
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
 *
 * Written for speed (it runs once per sampled request, millions of times): no
 * closures or allocations per round; the jitter of a `jitterMs` path is drawn inline
 * from its stream's generator, and a round's losses are asked for as runs (packetLoss.ts):
 * the same draws as the path's distribution and loss process make.
 */
export class RoundTcpConnection {
  /** The congestion window; set when the connection opens (`connect`) or is taken warm (`warm`). */
  window: CongestionController | null = null;
  retransmissions = 0;
  timeouts = 0;
  /** Data rounds sent, recovery rounds included. */
  rounds = 0;
  private readonly rto: RtoEstimator;
  private readonly segmentMs: number;
  /** The path's base round trip (ms). */
  private readonly rttMs: number;
  /** The one-way mean of the path's `jitterMs` exponential, drawn inline; 0 for other jitter or none. */
  private readonly jitterMean: number;
  /** `delayRng` as a generator, for the inline jitter draws. */
  private readonly delayDraws: UniformSource;
  private loss: PacketLoss;
  /** The last controller built and the window it started from, reset rather than rebuilt by a reopened connection. */
  private spare: CongestionController | null = null;
  private spareWindow = 0;

  constructor(
    private readonly path: Path,
    private readonly delayRng: Rng,
    loss: PacketLoss,
    private readonly settings: TcpSettings,
  ) {
    this.loss = loss;
    this.rto = new RtoEstimator(settings.rto);
    this.segmentMs = serialisationMs(settings.mssBytes, path.bandwidthMbps);
    this.rttMs = path.rttMs;
    this.jitterMean = jitterMsMean(path);
    this.delayDraws = drawSource(delayRng);
  }

  /**
   * The same connection closed again, as new, with the loss process `loss`: a loop of
   * sampled requests on one path reuses one connection rather than building one each.
   */
  reopen(loss: PacketLoss): this {
    this.loss = loss;
    this.window = null;
    this.retransmissions = 0;
    this.timeouts = 0;
    this.rounds = 0;
    this.rto.reset();
    return this;
  }

  /** A connection already open and measured, with the given window (segments). */
  warm(cwnd: number): this {
    this.rto.sample(this.path.rttMs);
    this.window = this.controller(cwnd);
    return this;
  }

  /** SYN → SYN-ACK (ms). The first window is `initcwnd`. */
  connect(initcwnd: number): number {
    const ms = this.exchange(this.settings.maxSynRetries, 'SYN');
    this.window = this.controller(initcwnd);
    return ms;
  }

  /**
   * One small message each way (a handshake flight) with retransmission on timeout (ms).
   * Used for TLS flights and DNS-like exchanges over this path.
   */
  exchange(maxRetries = this.settings.maxRetries, what = 'handshake'): number {
    const loss = this.loss;
    let waited = 0;
    // Re-sent after each timeout until both the message and its answer get through.
    for (let attempt = 0; loss.next(attempt > 0) || loss.next(false); attempt++) {
      if (attempt >= maxRetries) throw new ConnectionAborted(waited, `${what} lost ${attempt + 1} times`);
      waited += this.timeout();
      this.retransmissions++;
    }
    const rtt = this.sampleRoundTrip();
    if (waited === 0) this.rto.sample(rtt); // Karn: no sample from a retransmitted exchange
    return waited + rtt;
  }

  /**
   * Delivers `segments` of response after the request reaches the server and the
   * server works for `serverMs`. Returns the time until the last segment arrives
   * (ms), server time included.
   */
  respond(segments: number, serverMs: number): number {
    const loss = this.loss;
    const maxRetries = this.settings.maxRetries;
    // The request itself is one segment; the client's timer re-sends it while it is lost.
    let waited = 0;
    for (let attempt = 0; loss.next(attempt > 0); attempt++) {
      if (attempt >= maxRetries) throw new ConnectionAborted(waited, `request lost ${attempt + 1} times`);
      waited += this.timeout();
      this.retransmissions++;
    }
    let elapsed = serverMs + waited;
    const cc = this.window;
    if (cc === null) throw new Error('internal: respond() before connect() or warm()');
    const lossy = !loss.lossless;
    const segmentMs = this.segmentMs;
    const rto = this.rto;
    let remaining = segments;
    /** Segments never sent yet: the new data that acknowledgements can release. */
    let unsent = segments;
    /** Lost segments waiting to go out again, first in the next round. */
    let resend = 0;
    /**
     * Lost retransmissions. TCP cannot tell a resent segment's acknowledgement from the
     * original's, so duplicate ACKs never find them: they hold their place in the window
     * until the timer fires, after the last acknowledgement.
     */
    let stuck = 0;
    let consecutiveTimeouts = 0;
    let afterTimeout = false;
    /** Set when a round's loss leaves the timer to fire after its last acknowledgement. */
    let timerFires = false;
    while (remaining > 0) {
      if (timerFires || remaining === stuck || cc.window <= stuck) {
        // The timer fires one timeout after the last acknowledgement.
        if (consecutiveTimeouts >= maxRetries) {
          throw new ConnectionAborted(elapsed - serverMs, `${consecutiveTimeouts} consecutive retransmission timeouts`);
        }
        elapsed += this.timeout();
        cc.onTimeout(resend + stuck, elapsed);
        // Everything outstanding goes out again from a window of one (RFC 6298 §5.4, RFC 5681 §3.1).
        resend += stuck;
        stuck = 0;
        consecutiveTimeouts++;
        afterTimeout = true;
        timerFires = false;
        continue;
      }
      const window = Math.min(remaining - stuck, cc.window - stuck);
      const resent = Math.min(resend, window);
      let lostFresh = 0;
      let lostResent = 0;
      let firstLost = -1;
      if (lossy) {
        // One draw per segment, in order, resent segments first; the first after a timeout follows a silence.
        lostResent = countLost(loss, resent, afterTimeout);
        const fresh = window - resent;
        const first = loss.firstLost(fresh, afterTimeout && resent === 0);
        if (first < fresh) {
          firstLost = resent + first;
          lostFresh = 1 + countLost(loss, fresh - first - 1, false);
        }
      }
      this.rounds++;
      afterTimeout = false;
      const lostCount = lostFresh + lostResent;
      unsent -= window - resent;
      resend += lostFresh - resent;
      stuck += lostResent;
      this.retransmissions += lostCount;
      const delivered = window - lostCount;
      remaining -= delivered;
      if (lostFresh === 0) {
        const rtt = this.sampleRoundTrip() + window * segmentMs;
        elapsed += rtt;
        if (consecutiveTimeouts === 0 && lostResent === 0) rto.sample(rtt);
        if (delivered > 0) consecutiveTimeouts = 0;
        cc.onAck(delivered, elapsed, rto.srttMs);
        continue;
      }
      // Duplicate ACKs come from this round's later segments that arrive and from the new
      // segments its acknowledgements release (limited transmit, RFC 3042).
      const laterArrivals = window - firstLost - lostFresh;
      const duplicateAcks = laterArrivals + Math.min(delivered, unsent);
      if (duplicateAcks >= 3) {
        // The acknowledgements before the third duplicate grow the window; then it is cut.
        cc.onAck(Math.min(delivered, firstLost - lostResent + Math.min(3, laterArrivals)), elapsed, rto.srttMs);
        elapsed += this.sampleRoundTrip() + window * segmentMs;
        cc.onCongestionEvent(elapsed);
        consecutiveTimeouts = 0;
      } else {
        if (delivered > 0) {
          cc.onAck(delivered, elapsed, rto.srttMs);
          elapsed += this.sampleRoundTrip() + window * segmentMs;
        } else {
          elapsed += window * segmentMs;
        }
        // The timer restarts with each acknowledgement, so it fires one timeout after the last one.
        timerFires = true;
      }
    }
    return elapsed;
  }

  /** One sampled round trip (ms), as `roundTripMs`; a `jitterMs` path's two one-way draws are made here, the same draws. */
  private sampleRoundTrip(): number {
    const mean = this.jitterMean;
    if (mean === 0) return roundTripMs(this.path, this.delayRng);
    const draws = this.delayDraws;
    const there = -mean * Math.log(1 - draws.next());
    if (!(there >= 0 && there <= MAX_DELAY_MS)) throw badJitterDraw(this.path, there);
    const back = -mean * Math.log(1 - draws.next());
    if (!(back >= 0 && back <= MAX_DELAY_MS)) throw badJitterDraw(this.path, back);
    return this.rttMs + there + back;
  }

  /** A new controller starting from `initialWindow`, or the spare one reset when it started from the same. */
  private controller(initialWindow: number): CongestionController {
    const spare = this.spare;
    if (spare !== null && this.spareWindow === initialWindow) {
      spare.reset();
      return spare;
    }
    const cc = congestionController(this.settings.congestionControl, initialWindow);
    this.spare = cc;
    this.spareWindow = initialWindow;
    return cc;
  }

  /** The retransmission timer fires: returns the time waited (ms) and doubles the timer (RFC 6298 §5.5). */
  private timeout(): number {
    const waited = this.rto.rtoMs;
    this.rto.backOff();
    this.timeouts++;
    return waited;
  }
}
