/**
 * Per-stream bookkeeping of a packet transfer: how many segments a stream's
 * response needs, how many were sent, arrived and reached the application, and
 * when. One stream is one HTTP response (an object of a page).
 *
 * `blockedMs` is head-of-line blocking made visible: the time between the
 * arrival of a stream's last missing byte and the delivery of the stream to the
 * application. It is zero when a stream is delivered as soon as its own bytes are
 * in (QUIC, or a TCP connection carrying one response at a time) and positive when
 * another stream's lost packet holds it back (HTTP/2 over TCP).
 *
 * Bound: all streams together are at most 4 × 10^6 segments (`MAX_TRANSFER_SEGMENTS`,
 * about 5.8 GB at 1460 bytes), refused up front: each segment becomes events and
 * table rows, about 15 s and 1.2 GB at the limit.
 */
import * as check from '../../validate';
import { MAX_TRANSFER_SEGMENTS } from '../limits';

/**
 * Per-stream counts of a packet transfer (segments needed, sent, arrived,
 * delivered) and times (ms), including head-of-line blocking (`blockedMs`).
 *
 * @throws RangeError when the streams need more than `MAX_TRANSFER_SEGMENTS` segments.
 */
export class StreamLedger {
  /** Response bytes of each stream. */
  readonly bytes: Float64Array;
  /** Segments each stream's response needs (≥ 1: an empty response still sends one). */
  readonly segments: Int32Array;
  /** Segments all streams need together, the sum of `segments`. */
  readonly totalSegments: number;
  readonly segmentsSent: Int32Array;
  readonly segmentsArrived: Int32Array;
  readonly segmentsDelivered: Int32Array;
  /** Connection currently carrying each stream (-1 before its request). */
  readonly connection: Int32Array;
  /** When the request left the client, when the server could start sending it. */
  readonly requestMs: Float64Array;
  readonly readyMs: Float64Array;
  readonly firstByteMs: Float64Array;
  readonly arrivedMs: Float64Array;
  readonly endMs: Float64Array;
  readonly retransmissions: Int32Array;
  /** Bytes delivered and then thrown away because the connection died. */
  wastedBytes = 0;
  /** Head and tail of each stream's list of segments in offset order (-1: none). */
  readonly head: Int32Array;
  readonly tail: Int32Array;

  constructor(bytes: ArrayLike<number>, readonly mssBytes: number) {
    const n = bytes.length;
    check.integer('mssBytes', mssBytes, 1, 65_535);
    let total = 0;
    for (let i = 0; i < n; i++) total += Math.max(1, Math.ceil(check.nonNegative(`response bytes[${i}]`, bytes[i]) / mssBytes));
    check.workWithin('response bytes / mssBytes', total, MAX_TRANSFER_SEGMENTS, 'segments for the packet engine to send, each an event and a row in its tables');
    this.totalSegments = total;
    this.bytes = Float64Array.from(bytes);
    this.segments = new Int32Array(n);
    for (let i = 0; i < n; i++) this.segments[i] = Math.max(1, Math.ceil(bytes[i] / mssBytes));
    this.segmentsSent = new Int32Array(n);
    this.segmentsArrived = new Int32Array(n);
    this.segmentsDelivered = new Int32Array(n);
    this.connection = new Int32Array(n).fill(-1);
    this.requestMs = new Float64Array(n).fill(NaN);
    this.readyMs = new Float64Array(n).fill(NaN);
    this.firstByteMs = new Float64Array(n).fill(NaN);
    this.arrivedMs = new Float64Array(n).fill(NaN);
    this.endMs = new Float64Array(n).fill(NaN);
    this.retransmissions = new Int32Array(n);
    this.head = new Int32Array(n).fill(-1);
    this.tail = new Int32Array(n).fill(-1);
  }

  get count(): number {
    return this.bytes.length;
  }

  /** Bytes of the stream's next segment to send. */
  nextSegmentBytes(stream: number): number {
    const sent = this.segmentsSent[stream] * this.mssBytes;
    return Math.max(0, Math.min(this.mssBytes, this.bytes[stream] - sent));
  }

  /** Whether the stream has segments not yet sent. */
  hasUnsent(stream: number): boolean {
    return this.segmentsSent[stream] < this.segments[stream];
  }

  /** Whether every segment of the stream has reached the application. */
  done(stream: number): boolean {
    return this.segmentsDelivered[stream] === this.segments[stream];
  }

  /** Forgets the stream's progress so it can be requested again on another connection. */
  restart(stream: number): void {
    this.wastedBytes += Math.min(this.bytes[stream], this.segmentsDelivered[stream] * this.mssBytes);
    this.segmentsSent[stream] = 0;
    this.segmentsArrived[stream] = 0;
    this.segmentsDelivered[stream] = 0;
    this.head[stream] = -1;
    this.tail[stream] = -1;
    this.readyMs[stream] = NaN;
    this.arrivedMs[stream] = NaN;
    this.connection[stream] = -1;
  }

  /** Head-of-line blocking of a finished stream (ms). */
  blockedMs(stream: number): number {
    return this.endMs[stream] - this.arrivedMs[stream];
  }
}
