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
 * Tables are plain growable arrays indexed by segment or packet id.
 */
import { CONGESTION_CONTROLS } from '../congestion/congestionControl';
import type { Rng } from '../../random/rng';
import { Simulation } from '../../sim/simulation';
import * as check from '../../validate';
import type { Path } from '../path/path';
import { PacketLink } from './packetLink';
import { StreamLedger } from './streamLedger';
import { PacketConnection } from './packetConnection';
import type { TransportRules } from './transportRules';
import { ABANDONED, TRANSFER_HOOK_KEYS, TRANSFER_SETTINGS_KEYS, type TransferContext, type TransferHooks, type TransferSettings } from './transferContext';

/** One page's transfer: its tables, its connections and the event loop that drives them. */
export class PacketTransfer implements TransferContext {
  readonly sim = new Simulation();
  link: PacketLink;
  readonly streams: StreamLedger;
  readonly connections: PacketConnection[] = [];

  readonly segStream: number[] = [];
  readonly segBytes: number[] = [];
  /** 1 once some packet of the segment reached the client. */
  readonly segArrived: number[] = [];
  /** 1 once the sender saw some packet of the segment acknowledged. */
  readonly segAcked: number[] = [];
  /** Next segment of the same stream, and of the same connection, -1 at the end. */
  readonly segNext: number[] = [];
  readonly segNextOnConnection: number[] = [];
  /** Each connection's first segment not yet delivered, and its last segment. */
  private readonly connectionHead: number[] = [];
  private readonly connectionTail: number[] = [];

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
    const seg = this.segStream.length;
    this.segStream.push(stream);
    this.segBytes.push(streams.nextSegmentBytes(stream));
    this.segArrived.push(0);
    this.segAcked.push(0);
    this.segNext.push(-1);
    this.segNextOnConnection.push(-1);
    streams.segmentsSent[stream]++;
    append(seg, stream, this.segNext, streams.head, streams.tail);
    append(seg, connection, this.segNextOnConnection, this.connectionHead, this.connectionTail);
    return seg;
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
  private deliverFrom(head: number, next: readonly number[]): number {
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
function append(seg: number, key: number, next: number[], heads: { [key: number]: number }, tails: { [key: number]: number }): void {
  if (tails[key] !== -1) next[tails[key]] = seg;
  tails[key] = seg;
  if (heads[key] === -1) heads[key] = seg;
}
