/**
 * The packet-level transfer engine shared by TCP and QUIC: the page's path, the
 * tables of segments and packets, the responses (streams) being delivered, and
 * the discrete-event loop that moves packets and acknowledgements.
 *
 * A segment is up to one MSS of one stream's response; a packet is one
 * transmission of a segment, so a retransmission is a new packet carrying the same
 * segment. Connections (`TransportConnection`) decide what to send and when;
 * this module keeps the shared state and dispatches the three events: a data
 * packet reaches the client, its acknowledgement reaches the server, a timer fires.
 * Tables are plain growable arrays indexed by segment or packet id.
 */
import type { Rng } from '../random/rng';
import { Simulation } from '../sim/simulation';
import type { Path } from './path';
import { PacketLink } from './packetLink';
import { StreamLedger } from './streamLedger';
import { TransportConnection } from './transportConnection';
import type { TransportRules } from './transportRules';

/** Packet states. */
export const IN_FLIGHT = 0;
export const ACKED = 1;
export const LOST = 2;
/** Sent on a path or connection that no longer exists. */
export const ABANDONED = 3;

export interface TransferSettings {
  mssBytes: number;
  /** Initial congestion window (packets). */
  initcwnd: number;
  /** Consecutive timeouts before a connection gives up. */
  maxRetries: number;
}

export interface TransferHooks {
  /** A stream's last byte reached the application. */
  onStreamDone(stream: number, nowMs: number): void;
  /** A connection gave up after too many timeouts. */
  onConnectionFailed(connection: TransportConnection, nowMs: number): void;
}

export class PacketTransfer {
  readonly sim = new Simulation();
  link: PacketLink;
  readonly streams: StreamLedger;
  readonly connections: TransportConnection[] = [];

  readonly segStream: number[] = [];
  readonly segBytes: number[] = [];
  /** 1 once some packet of the segment reached the client. */
  readonly segArrived: number[] = [];
  /** 1 once the sender saw some packet of the segment acknowledged. */
  readonly segAcked: number[] = [];
  /** Next segment in the same delivery order (connection or stream), -1 at the end. */
  readonly segNext: number[] = [];

  readonly pktConn: number[] = [];
  readonly pktSeg: number[] = [];
  readonly pktSentAt: number[] = [];
  readonly pktState: number[] = [];
  /** The packet's number within its connection. */
  readonly pktNumber: number[] = [];
  readonly pktRetransmit: number[] = [];

  /** Data packets sent so far, all connections. */
  dataPackets = 0;

  readonly arriveKind: number;
  readonly ackKind: number;
  readonly timerKind: number;

  constructor(
    path: Path,
    streamBytes: ArrayLike<number>,
    readonly settings: TransferSettings,
    readonly hooks: TransferHooks,
    private readonly drops: ReadonlySet<number> | null = null,
  ) {
    this.link = new PacketLink(path);
    this.streams = new StreamLedger(streamBytes, settings.mssBytes);
    this.arriveKind = this.sim.on((p) => this.connections[this.pktConn[p]].onArrive(p));
    this.ackKind = this.sim.on((p) => this.connections[this.pktConn[p]].onAck(p));
    this.timerKind = this.sim.on((c) => this.connections[c].onTimer());
  }

  /** A new connection (not yet connected) following `rules`, drawing from `rng`. */
  openConnection(rules: TransportRules, rng: Rng): TransportConnection {
    const connection = new TransportConnection(this, this.connections.length, rules, rng);
    this.connections.push(connection);
    return connection;
  }

  /** Counts a data packet and says whether it is one of the packets to drop. */
  dropNext(): boolean {
    const n = this.dataPackets++;
    return this.drops !== null && this.drops.has(n);
  }

  /** A new segment of `stream`, appended to the stream's own delivery list. */
  newSegment(stream: number): number {
    const { streams } = this;
    const seg = this.segStream.length;
    this.segStream.push(stream);
    this.segBytes.push(streams.nextSegmentBytes(stream));
    this.segArrived.push(0);
    this.segAcked.push(0);
    this.segNext.push(-1);
    streams.segmentsSent[stream]++;
    const tail = streams.tail[stream];
    if (tail !== -1) this.segNext[tail] = seg;
    streams.tail[stream] = seg;
    if (streams.head[stream] === -1) streams.head[stream] = seg;
    return seg;
  }

  /** A segment reached the client; returns false for a duplicate. */
  arrive(seg: number): boolean {
    if (this.segArrived[seg] === 1) return false;
    this.segArrived[seg] = 1;
    const { streams } = this;
    const stream = this.segStream[seg];
    if (++streams.segmentsArrived[stream] === streams.segments[stream]) streams.arrivedMs[stream] = this.sim.now;
    return true;
  }

  /** The application receives a segment. */
  deliver(seg: number): void {
    const { streams } = this;
    const stream = this.segStream[seg];
    if (streams.segmentsDelivered[stream] === 0) streams.firstByteMs[stream] = this.sim.now;
    if (++streams.segmentsDelivered[stream] === streams.segments[stream]) {
      streams.endMs[stream] = this.sim.now;
      this.hooks.onStreamDone(stream, this.sim.now);
    }
  }
}
