/**
 * The packet-level transfer engine shared by TCP and QUIC: the page's path, the
 * tables of segments and packets, the responses (streams) being delivered, and
 * the discrete-event loop that moves packets and acknowledgements.
 *
 * A segment is up to one MSS of one stream's response; a packet is one
 * transmission of a segment, so a retransmission is a new packet carrying the same
 * segment. Connections (`PacketConnection`) decide what to send and when;
 * this module keeps the shared state and dispatches the three events: a data
 * packet reaches the client, its acknowledgement reaches the server, a timer fires.
 * Tables are typed columns indexed by segment or packet id, sized from the page
 * (its segments, and a quarter more packets for retransmissions) and doubled when a
 * lossy load needs more: a load allocates a handful of arrays, not one per push.
 */
import { CONGESTION_CONTROLS } from '../congestion/congestionControl';
import type { Rng } from '../../random/rng';
import { Simulation } from '../../sim/simulation';
import { grown } from '../../sim/grown';
import * as check from '../../validate';
import type { Path } from '../path/path';
import { PacketLink } from './packetLink';
import { StreamLedger } from './streamLedger';
import { PacketConnection } from './packetConnection';
import type { TransportRules } from './transportRules';
import { ABANDONED, IN_FLIGHT, TRANSFER_HOOK_KEYS, TRANSFER_SETTINGS_KEYS, type TransferContext, type TransferHooks, type TransferSettings } from './transferContext';

/** One page's transfer: its tables, its connections and the event loop that drives them. */
export class PacketTransfer implements TransferContext {
  readonly sim = new Simulation();
  link: PacketLink;
  readonly streams: StreamLedger;
  readonly connections: PacketConnection[] = [];

  segStream: Int32Array;
  segBytes: Int32Array;
  /** 1 once some packet of the segment reached the client. */
  segArrived: Uint8Array;
  /** 1 once the sender saw some packet of the segment acknowledged. */
  segAcked: Uint8Array;
  /** Next segment of the same stream, and of the same connection, -1 at the end. */
  segNext: Int32Array;
  segNextOnConnection: Int32Array;
  private segCount = 0;
  /** Each connection's first segment not yet delivered, and its last segment. */
  private readonly connectionHead: number[] = [];
  private readonly connectionTail: number[] = [];

  pktConn: Int32Array;
  pktSeg: Int32Array;
  pktSentAt: Float64Array;
  pktState: Uint8Array;
  /** The packet's number within its connection. */
  pktNumber: Int32Array;
  pktRetransmit: Uint8Array;
  private pktCount = 0;

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
    check.nestedOptions('settings', settings, TRANSFER_SETTINGS_KEYS);
    check.integer('settings.mssBytes', settings.mssBytes, 1, 65_535);
    check.integer('settings.initcwnd', settings.initcwnd, 1, 10_000);
    check.integer('settings.maxRetries', settings.maxRetries, 0, 100);
    check.oneOf('settings.congestionControl', settings.congestionControl, CONGESTION_CONTROLS);
    check.nestedOptions('hooks', hooks, TRANSFER_HOOK_KEYS);
    for (const key of TRANSFER_HOOK_KEYS) {
      if (typeof hooks[key] !== 'function') throw new TypeError(`hooks.${key} must be a function; got ${check.describe(hooks[key])}`);
    }
    this.link = new PacketLink(path);
    this.streams = new StreamLedger(streamBytes, settings.mssBytes);
    const segments = this.streams.totalSegments;
    const segmentRoom = segments + 16;
    this.segStream = new Int32Array(segmentRoom);
    this.segBytes = new Int32Array(segmentRoom);
    this.segArrived = new Uint8Array(segmentRoom);
    this.segAcked = new Uint8Array(segmentRoom);
    this.segNext = new Int32Array(segmentRoom);
    this.segNextOnConnection = new Int32Array(segmentRoom);
    const packetRoom = Math.ceil(1.25 * segments) + 64;
    this.pktConn = new Int32Array(packetRoom);
    this.pktSeg = new Int32Array(packetRoom);
    this.pktSentAt = new Float64Array(packetRoom);
    this.pktState = new Uint8Array(packetRoom);
    this.pktNumber = new Int32Array(packetRoom);
    this.pktRetransmit = new Uint8Array(packetRoom);
    this.arriveKind = this.sim.on((p) => this.receive(p));
    this.ackKind = this.sim.on((p) => this.connections[this.pktConn[p]].onAck(p));
    this.timerKind = this.sim.on((c) => this.connections[c].onTimer());
  }

  /** A new connection (not yet connected) following `rules`, drawing from `rng`. */
  openConnection(rules: TransportRules, rng: Rng): PacketConnection {
    const connection = new PacketConnection(this, this.connections.length, rules, rng);
    this.connections.push(connection);
    this.connectionHead.push(-1);
    this.connectionTail.push(-1);
    return connection;
  }

  /** Counts a data packet and says whether it is one of the packets to drop. */
  dropNext(): boolean {
    const n = this.dataPackets++;
    return this.drops !== null && this.drops.has(n);
  }

  /** A new segment of `stream` sent on `connection`, appended to both delivery lists. */
  newSegment(stream: number, connection: number): number {
    const { streams } = this;
    const seg = this.segCount++;
    if (seg === this.segStream.length) this.growSegments();
    this.segStream[seg] = stream;
    this.segBytes[seg] = streams.nextSegmentBytes(stream);
    this.segNext[seg] = -1;
    this.segNextOnConnection[seg] = -1;
    streams.segmentsSent[stream]++;
    append(seg, stream, this.segNext, streams.head, streams.tail);
    append(seg, connection, this.segNextOnConnection, this.connectionHead, this.connectionTail);
    return seg;
  }

  /** Records a packet of `segment` sent on `connection` at `sentAtMs`, in flight; returns its id. */
  addPacket(connection: number, segment: number, sentAtMs: number, packetNumber: number, retransmit: boolean): number {
    const p = this.pktCount++;
    if (p === this.pktConn.length) this.growPackets();
    this.pktConn[p] = connection;
    this.pktSeg[p] = segment;
    this.pktSentAt[p] = sentAtMs;
    this.pktState[p] = IN_FLIGHT;
    this.pktNumber[p] = packetNumber;
    this.pktRetransmit[p] = retransmit ? 1 : 0;
    return p;
  }

  private growSegments(): void {
    const size = 2 * this.segStream.length;
    this.segStream = grown(this.segStream, size);
    this.segBytes = grown(this.segBytes, size);
    this.segArrived = grown(this.segArrived, size);
    this.segAcked = grown(this.segAcked, size);
    this.segNext = grown(this.segNext, size);
    this.segNextOnConnection = grown(this.segNextOnConnection, size);
  }

  private growPackets(): void {
    const size = 2 * this.pktConn.length;
    this.pktConn = grown(this.pktConn, size);
    this.pktSeg = grown(this.pktSeg, size);
    this.pktSentAt = grown(this.pktSentAt, size);
    this.pktState = grown(this.pktState, size);
    this.pktNumber = grown(this.pktNumber, size);
    this.pktRetransmit = grown(this.pktRetransmit, size);
  }

  /**
   * The client's side: a data packet arrived. It is acknowledged at once (no
   * delayed ACKs), and what is now in order reaches the application: in
   * connection order over TCP, in stream order over QUIC.
   */
  private receive(p: number): void {
    if (this.pktState[p] === ABANDONED) return;
    const c = this.pktConn[p];
    const connection = this.connections[c];
    const seg = this.pktSeg[p];
    if (this.arrive(seg)) {
      if (connection.rules.ordering === 'connection') {
        this.connectionHead[c] = this.deliverFrom(this.connectionHead[c], this.segNextOnConnection);
      } else {
        const stream = this.segStream[seg];
        this.streams.head[stream] = this.deliverFrom(this.streams.head[stream], this.segNext);
      }
    }
    this.sim.schedule(this.link.up(this.sim.now, connection.ackDelayRng), this.ackKind, p);
  }

  /** Delivers arrived segments along a list from `head`; returns the first one still missing. */
  private deliverFrom(head: number, next: Int32Array): number {
    while (head !== -1 && this.segArrived[head] === 1) {
      this.deliver(head);
      head = next[head];
    }
    return head;
  }

  /** A segment reached the client; returns false for a duplicate. */
  private arrive(seg: number): boolean {
    if (this.segArrived[seg] === 1) return false;
    this.segArrived[seg] = 1;
    const { streams } = this;
    const stream = this.segStream[seg];
    if (++streams.segmentsArrived[stream] === streams.segments[stream]) streams.arrivedMs[stream] = this.sim.now;
    return true;
  }

  /** The application receives a segment. */
  private deliver(seg: number): void {
    const { streams } = this;
    const stream = this.segStream[seg];
    if (streams.segmentsDelivered[stream] === 0) streams.firstByteMs[stream] = this.sim.now;
    if (++streams.segmentsDelivered[stream] === streams.segments[stream]) {
      streams.endMs[stream] = this.sim.now;
      this.hooks.onStreamDone(stream, this.sim.now);
    }
  }
}

/** Appends `seg` to list `key`, whose first and last segments are in `heads` and `tails`, links in `next`. */
function append(seg: number, key: number, next: Int32Array, heads: { [key: number]: number }, tails: { [key: number]: number }): void {
  if (tails[key] !== -1) next[tails[key]] = seg;
  tails[key] = seg;
  if (heads[key] === -1) heads[key] = seg;
}
