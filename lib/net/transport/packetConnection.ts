/**
 * One TCP or QUIC connection in the packet engine: its handshake, the requests
 * it carries to the server, and the server's sending of responses (congestion
 * window, loss detection, retransmission, timer), as `TransportRules` say.
 *
 * - Handshake and requests are computed ahead (`messageExchange.ts`).
 * - Responses go out packet by packet, as many as the window allows, streams
 *   chosen by the `StreamScheduler`. Lost packets are resent before new data.
 * - The client's side (acknowledging, delivering in order) is in `PacketTransfer`.
 * - The record of packets sent and segments to resend is a `SentPackets`.
 * - Loss: three later packets acknowledged (both), or 9/8 RTT late (QUIC); the
 *   timer (RTO or PTO) covers the rest. Karn's rule for TCP's RTT samples.
 *
 * Random streams (forks of the connection's `rng`): 'data delay' for the data
 * packets' trips to the client, 'ack delay' for the acknowledgements' trips back,
 * 'message delay' for the client's handshake and request messages (and a
 * migration's path validation), and the loss forks of `startPathLosses`. Each flow
 * draws from its own stream, so two protocols that acknowledge or request
 * differently still give their data packets the same delays.
 *
 * Not modelled: lost acknowledgements, flow control windows, header and
 * framing bytes, the client's congestion window for requests, TLS record sizes,
 * the handshake's certificate flight needing more than one packet.
 */
import type { Rng } from '../../random/rng';
import { congestionController } from '../congestion/congestionControl';
import type { CongestionController } from '../congestion/congestionController';
import { RecoveryPeriod } from '../congestion/recoveryPeriod';
import { RtoEstimator } from '../tcp/rto';
import { ProbeTimeout, type RetransmissionTimer } from './probeTimeout';
import { ABANDONED, ACKED, IN_FLIGHT, LOST, type TransferContext } from './transferContext';
import { PACKET_THRESHOLD, type TransportRules } from './transportRules';
import type { PacketLink } from './packetLink';
import { StreamScheduler } from './streamScheduler';
import { ConnectionTimer } from './connectionTimer';
import { startPathLosses, type PathLosses } from '../path/pathLosses';
import { SentPackets } from './sentPackets';

/** One TCP or QUIC connection of a packet transfer, from the client's first handshake packet to its close or failure. */
export class PacketConnection {
  /** When the client started connecting, and when the first request could go (ms). */
  openedMs = NaN;
  readyMs = NaN;
  /** When the connection died (address change) or gave up (ms). */
  closedMs = NaN;
  failed = false;
  packetsSent = 0;
  /** Data packets sent again. */
  retransmissions = 0;
  /** Request packets sent again. */
  requestRetransmissions = 0;
  handshakeRetransmissions = 0;

  /** Delays of the data packets (server → client). */
  readonly dataDelayRng: Rng;
  /** Delays of the acknowledgements (client → server). */
  readonly ackDelayRng: Rng;
  /** Delays of the client's handshake and request messages, and of path validation. */
  readonly messageDelayRng: Rng;
  /** Loss on the path in use. */
  losses: PathLosses;
  private readonly window: CongestionController;
  private readonly recovery = new RecoveryPeriod();
  private timer: RetransmissionTimer;
  /** When the last data packet was sent (ms): QUIC's probe timeout runs from it. */
  private lastSentMs = NaN;
  private latestRttMs = NaN;

  /** The data packets sent, in packet-number order, and the segments to send again. */
  private readonly sent: SentPackets;

  /** Streams the server may send now, and which goes next. */
  readonly scheduler = new StreamScheduler();
  private readonly hasUnsent = (stream: number) => this.transfer.streams.hasUnsent(stream);

  private readonly deadlines: ConnectionTimer;
  private consecutiveTimeouts = 0;
  private afterSilence = false;
  /** Sending waits until this time (path validation after a migration). */
  private pausedUntil = 0;
  /** Migrations so far: work planned on an older path is dropped. */
  epoch = 0;

  constructor(
    readonly transfer: TransferContext,
    readonly id: number,
    readonly rules: TransportRules,
    private readonly rng: Rng,
  ) {
    this.dataDelayRng = rng.fork('data delay');
    this.ackDelayRng = rng.fork('ack delay');
    this.messageDelayRng = rng.fork('message delay');
    this.sent = new SentPackets(transfer);
    this.losses = startPathLosses(transfer.link, rng, 0);
    this.window = congestionController(transfer.settings.congestionControl, transfer.settings.initcwnd);
    this.timer = this.newTimer();
    this.deadlines = new ConnectionTimer(transfer.sim, transfer.timerKind, id);
  }

  get closed(): boolean {
    return !Number.isNaN(this.closedMs);
  }

  /** The current retransmission (TCP) or probe (QUIC) timeout (ms). */
  get timeoutMs(): number {
    return this.timer.rtoMs;
  }

  /** TCP's retransmission timer or QUIC's probe timeout, fresh. */
  private newTimer(): RetransmissionTimer {
    const { rules } = this;
    return rules.timer === 'pto' ? new ProbeTimeout(rules.timerBounds.maxRtoMs, rules.maxAckDelayMs) : new RtoEstimator(rules.timerBounds);
  }

  /** The smoothed round trip (ms), or the latest sample before there is one. */
  private smoothedRttMs(): number {
    return Number.isNaN(this.timer.srttMs) ? this.latestRttMs : this.timer.srttMs;
  }

  /** Takes a round-trip sample (ms) for the retransmission timer. */
  sampleRtt(rttMs: number): void {
    this.latestRttMs = rttMs;
    this.timer.sample(rttMs);
  }

  /** The server may now send these streams' responses. */
  startStreams(streams: readonly number[]): void {
    for (const stream of streams) this.scheduler.add(stream);
    this.trySend();
  }

  /** Sends as much as the window allows: lost segments first, then new ones. */
  trySend(): void {
    const { transfer } = this;
    if (this.closed || transfer.sim.now < this.pausedUntil) return;
    while (this.sent.inFlight < this.window.window) {
      let seg = this.sent.nextResend();
      if (seg !== -1) {
        this.sendPacket(seg, true);
        continue;
      }
      const stream = this.scheduler.next(this.hasUnsent);
      if (stream === -1) break;
      seg = transfer.newSegment(stream, this.id);
      this.sendPacket(seg, false);
    }
    this.armTimer();
  }

  private sendPacket(seg: number, retransmit: boolean): void {
    const t = this.transfer;
    const now = t.sim.now;
    const p = t.addPacket(this.id, seg, now, this.sent.count, retransmit);
    this.sent.record(p);
    this.packetsSent++;
    this.lastSentMs = now;
    // RFC 9002 §6.2.1: the probe timeout runs from the last ack-eliciting packet sent.
    if (this.rules.timer === 'pto') this.deadlines.retransmitAtMs = now + this.timer.rtoMs;
    if (retransmit) {
      this.retransmissions++;
      t.streams.retransmissions[t.segStream[seg]]++;
    }
    const bytes = t.segBytes[seg];
    const dropped = t.dropNext();
    const lost = this.losses.data(this.afterSilence) || dropped;
    this.afterSilence = false;
    if (lost) t.link.occupy(bytes, now);
    else t.sim.schedule(t.link.down(bytes, now, this.dataDelayRng), t.arriveKind, p);
  }

  /** Server side: an acknowledgement arrived. */
  onAck(p: number): void {
    const t = this.transfer;
    const state = t.pktState[p];
    if (state === ABANDONED || this.closed) return;
    const now = t.sim.now;
    const pn = t.pktNumber[p];
    t.segAcked[t.pktSeg[p]] = 1;
    t.pktState[p] = ACKED;
    const { sent } = this;
    if (state === IN_FLIGHT) {
      sent.inFlight--;
      if (this.recovery.counts(pn)) this.window.onAck(1, now, this.smoothedRttMs());
      this.consecutiveTimeouts = 0;
      if (pn > sent.largestAcked && (this.rules.unambiguousRetransmissions || t.pktRetransmit[p] === 0)) {
        this.sampleRtt(now - t.pktSentAt[p]);
      }
      this.timer.onAcknowledged();
      // TCP restarts its timer on an acknowledgement (RFC 6298 §5.3); QUIC's still runs from the last send.
      this.deadlines.retransmitAtMs = (this.rules.timer === 'pto' ? this.lastSentMs : now) + this.timer.rtoMs;
    }
    if (pn > sent.largestAcked) sent.largestAcked = pn;
    this.detectLosses();
    if (sent.inFlight === 0) this.deadlines.retransmitAtMs = Infinity;
    this.trySend();
  }

  /** Declares lost what the packet threshold (and QUIC's time threshold) says is lost. */
  private detectLosses(): void {
    const t = this.transfer;
    const { sent } = this;
    const limit = sent.largestAcked - PACKET_THRESHOLD;
    while (sent.lossScan <= limit) {
      const q = sent.ids[sent.lossScan++];
      if (t.pktState[q] === IN_FLIGHT && (this.rules.unambiguousRetransmissions || t.pktRetransmit[q] === 0)) {
        this.markLost(q);
      }
    }
    if (this.rules.timeThreshold === 0) return;
    const late = this.rules.timeThreshold * Math.max(this.timer.srttMs, this.latestRttMs);
    const now = t.sim.now;
    this.deadlines.lossAtMs = Infinity;
    for (let i = sent.lossScan; i < sent.largestAcked; i++) {
      const q = sent.ids[i];
      if (t.pktState[q] !== IN_FLIGHT) continue;
      const lostAt = t.pktSentAt[q] + late;
      if (lostAt <= now) this.markLost(q);
      else this.deadlines.lossAtMs = Math.min(this.deadlines.lossAtMs, lostAt);
    }
  }

  private markLost(p: number): void {
    this.sent.markLost(p);
    if (this.recovery.onLoss(this.transfer.pktNumber[p], this.sent.count)) this.window.onCongestionEvent(this.transfer.sim.now);
  }

  /** Starts the retransmission timer if packets are out and it is not running, and keeps its event pending. */
  private armTimer(): void {
    const { deadlines } = this;
    if (this.sent.inFlight > 0 && deadlines.retransmitAtMs === Infinity) deadlines.retransmitAtMs = this.transfer.sim.now + this.timer.rtoMs;
    deadlines.arm();
  }

  /** The connection's timer event: runs loss detection or a timeout when one is due, else re-arms for the next deadline. */
  onTimer(): void {
    const t = this.transfer;
    const now = t.sim.now;
    if (this.closed || !this.deadlines.fired()) return;
    if (this.deadlines.lossAtMs <= now) {
      this.detectLosses();
      this.trySend();
      return;
    }
    if (this.deadlines.retransmitAtMs > now || this.sent.inFlight === 0) {
      if (this.sent.inFlight === 0) this.deadlines.retransmitAtMs = Infinity;
      this.armTimer();
      return;
    }
    if (++this.consecutiveTimeouts > t.settings.maxRetries) {
      this.fail();
      return;
    }
    this.timer.backOff();
    this.deadlines.retransmitAtMs = Infinity;
    this.afterSilence = true;
    if (this.rules.timer === 'rto') {
      // RFC 6298 §5.4–5.6 with RFC 5681 §3.1: resend from the oldest unacknowledged, window of one.
      this.recovery.onTimeout(this.sent.count);
      this.window.onTimeout(this.sent.inFlight, now);
      this.sent.takeBackInFlight(LOST, true);
      this.trySend();
    } else {
      // RFC 9002 §6.2.4: a probe carrying the oldest outstanding data, outside the window.
      const oldest = this.sent.oldestInFlight();
      if (oldest < this.sent.count) this.sendPacket(t.pktSeg[this.sent.ids[oldest]], true);
      this.armTimer();
    }
  }

  /** The connection dies (the client's address changed under TCP): nothing it carries arrives any more. */
  close(): void {
    if (this.closed) return;
    this.closedMs = this.transfer.sim.now;
    this.sent.takeBackInFlight(ABANDONED, false);
  }

  /**
   * The client moved to `link` (QUIC connection migration, RFC 9000 §9): packets on
   * the old path are lost, sending resumes after path validation (one round trip on
   * the new path), and the window and RTT estimate start again (§9.4).
   */
  migrate(link: PacketLink): void {
    const t = this.transfer;
    this.sent.takeBackInFlight(ABANDONED, true);
    this.epoch++;
    this.losses = startPathLosses(link, this.rng, this.epoch);
    this.window.reset();
    this.recovery.reset();
    this.timer = this.newTimer();
    this.latestRttMs = NaN;
    this.deadlines.clear();
    this.sent.lossScan = this.sent.count;
    const validation = link.oneWayMs(this.messageDelayRng) + link.oneWayMs(this.messageDelayRng);
    this.sampleRtt(validation);
    this.pausedUntil = t.sim.now + validation;
    t.sim.call(validation, () => this.trySend());
  }

  /** Gives up: nothing more is sent or received, and the page hears of it. */
  fail(): void {
    if (this.closed) return;
    this.failed = true;
    this.closedMs = this.transfer.sim.now;
    this.sent.takeBackInFlight(ABANDONED, false);
    this.transfer.hooks.onConnectionFailed(this.id, this.transfer.sim.now);
  }
}
