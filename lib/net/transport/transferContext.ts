/**
 * What a connection of the packet engine sees of the transfer it belongs to: the
 * event loop, the path, the responses being delivered, the settings and hooks, and
 * the shared tables of segments and packets. `PacketTransfer` provides it; a
 * `PacketConnection` and its `SentPackets` read and update it. Kept apart from
 * both so that the engine's modules import one another in one direction only.
 */
import type { Simulation } from '../../sim/simulation';
import type { PacketLink } from './packetLink';
import type { StreamLedger } from './streamLedger';
import type { CongestionControl } from '../congestion/congestionControl';

/** A packet in flight: sent, neither acknowledged nor declared lost. */
export const IN_FLIGHT = 0;
/** A packet whose acknowledgement reached the sender. */
export const ACKED = 1;
/** A packet the sender declared lost. */
export const LOST = 2;
/** Sent on a path or connection that no longer exists. */
export const ABANDONED = 3;

/** The transport settings one transfer runs with. */
export interface TransferSettings {
  /** Maximum segment size (bytes, an integer in [1, 65 535]). */
  mssBytes: number;
  /** Initial congestion window (packets, an integer in [1, 10 000]). */
  initcwnd: number;
  /** Consecutive timeouts before a connection gives up (an integer in [0, 100]). */
  maxRetries: number;
  /** The congestion controller every connection runs. */
  congestionControl: CongestionControl;
}

/** Every key of `TransferSettings`. */
export const TRANSFER_SETTINGS_KEYS: readonly (keyof TransferSettings & string)[] = ['mssBytes', 'initcwnd', 'maxRetries', 'congestionControl'];

/** What the page's loader hears from a transfer. */
export interface TransferHooks {
  /** A stream's last byte reached the application. */
  onStreamDone(stream: number, nowMs: number): void;
  /** Connection `connectionId` gave up after too many timeouts. */
  onConnectionFailed(connectionId: number, nowMs: number): void;
}

/** Every key of `TransferHooks`. */
export const TRANSFER_HOOK_KEYS: readonly (keyof TransferHooks & string)[] = ['onStreamDone', 'onConnectionFailed'];

/** The transfer's state as its connections use it (tables indexed by segment or packet id). */
export interface TransferContext {
  readonly sim: Simulation;
  readonly link: PacketLink;
  readonly streams: StreamLedger;
  readonly settings: TransferSettings;
  readonly hooks: TransferHooks;
  /** Event kinds: a data packet reaches the client; a connection's timer fires. */
  readonly arriveKind: number;
  readonly timerKind: number;

  /** Each segment's stream and size in bytes (typed columns; a growth replaces them, so read them through the context). */
  readonly segStream: Int32Array;
  readonly segBytes: Int32Array;
  /** 1 once some packet of the segment was acknowledged to the sender. */
  readonly segAcked: Uint8Array;

  /** Each packet's connection, segment, send time, state, number within its connection, and 1 for a retransmission. */
  readonly pktConn: Int32Array;
  readonly pktSeg: Int32Array;
  readonly pktSentAt: Float64Array;
  readonly pktState: Uint8Array;
  readonly pktNumber: Int32Array;
  readonly pktRetransmit: Uint8Array;

  /** Records a packet of `segment` sent on `connection` at `sentAtMs`, in flight; returns its id. */
  addPacket(connection: number, segment: number, sentAtMs: number, packetNumber: number, retransmit: boolean): number;
  /** A new segment of `stream` sent on `connection`; returns its id. */
  newSegment(stream: number, connection: number): number;
  /** Counts a data packet and says whether it is one of the packets to drop. */
  dropNext(): boolean;
}
