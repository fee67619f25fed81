/**
 * What a real-time run counts, user by user: requests, connections and their
 * handshakes, bytes by kind, delivery latencies (`LatencyRecorder`: exact
 * quantiles, a sketch only for very large runs), and per-bucket series. Open connections and held sockets
 * are intervals (`IntervalLevels`), so users can be walked one after another.
 *
 * Every count is charged to the bucket of the moment it happens at the server:
 * a request when it arrives, a response or a pushed message when it is sent, a
 * handshake when the client starts it. Latencies go to the bucket in which the
 * message was generated.
 */
import { IntervalLevels } from '../../sim/measures/intervalLevels';
import { LatencyRecorder } from '../../stats/latencyRecorder';
import { connectionSetup, tlsRecordOverheadBytes, type ConnectionSetup } from './realtimeCosts';
import type { RealtimeConfig } from './realtimeOptions';
import { BucketLookup } from '../../sim/measures/buckets';
import { MAX_TRACKED_BUCKETS } from '../../sim/limits';

/** Finest sampling of the open-connection level (ms); it coarsens for runs longer than MAX_TRACKED_BUCKETS ms. */
const SAMPLE_MS = 1;

/**
 * The counters of a real-time run, filled user by user: requests, connections and
 * handshakes, bytes by kind, delivery latencies (ms) and per-bucket series, each
 * charged to the bucket of the moment it happens at the server.
 */
export class RealtimeTally {
  readonly levels: { connections: IntervalLevels; sockets: IntervalLevels };
  readonly deliveryLatency = new LatencyRecorder();
  readonly clientLatency = new LatencyRecorder();
  readonly perBucket: {
    requests: Float64Array; opened: Float64Array; delivered: Float64Array; overheadBytes: Float64Array;
    latencySum: Float64Array; latencyCount: Float64Array; latencyMax: Float64Array;
  };
  readonly count = {
    generated: 0, delivered: 0, clientGenerated: 0, clientDelivered: 0, requests: 0, emptyResponses: 0,
    opened: 0, fullTls: 0, resumedTls: 0, heartbeats: 0,
  };
  readonly bytes = { payload: 0, headers: 0, framing: 0, tlsRecords: 0, handshakes: 0 };
  /** TLS bytes added to every record. */
  readonly recordBytes: number;
  private readonly firstSetup: ConnectionSetup;
  private readonly laterSetup: ConnectionSetup;
  /** Which report bucket a moment falls in. */
  private readonly buckets: BucketLookup;
  private readonly halfRttMs: number;
  /** True once the current user has a TLS session to resume. */
  private hasSession = false;

  constructor(private readonly cfg: RealtimeConfig) {
    const { durationMs, bucketMs, buckets } = cfg;
    const sampleMs = Math.max(SAMPLE_MS, durationMs / MAX_TRACKED_BUCKETS);
    this.levels = {
      connections: new IntervalLevels(durationMs, bucketMs, sampleMs),
      sockets: new IntervalLevels(durationMs, bucketMs, sampleMs),
    };
    const column = (): Float64Array => new Float64Array(buckets);
    this.perBucket = {
      requests: column(), opened: column(), delivered: column(), overheadBytes: column(),
      latencySum: column(), latencyCount: column(), latencyMax: column(),
    };
    this.buckets = new BucketLookup(bucketMs, buckets);
    this.halfRttMs = cfg.rttMs / 2;
    this.recordBytes = tlsRecordOverheadBytes(cfg.tls);
    this.firstSetup = connectionSetup(cfg.tls, false);
    this.laterSetup = connectionSetup(cfg.tls, cfg.resumeTls);
  }

  private bucket(tMs: number): number {
    return this.buckets.of(tMs);
  }

  private overhead(tMs: number, bytes: number): void {
    this.perBucket.overheadBytes[this.bucket(tMs)] += bytes;
  }

  /** A new user: no TLS session yet. */
  startUser(): void {
    this.hasSession = false;
  }

  /** The client starts a TCP (+TLS) handshake at `tMs`; returns how long it takes (ms). */
  openConnection(tMs: number): number {
    const setup = this.hasSession ? this.laterSetup : this.firstSetup;
    this.hasSession = true;
    this.count.opened++;
    if (setup.fullTls) this.count.fullTls++;
    else if (this.cfg.tls !== 'none') this.count.resumedTls++;
    this.bytes.handshakes += setup.bytes;
    this.overhead(tMs, setup.bytes);
    this.perBucket.opened[this.bucket(tMs)]++;
    return setup.roundTrips * this.cfg.rttMs;
  }

  /** A connection open over [openMs, closeMs) that the server closed (it then holds TIME_WAIT); closeMs ≥ durationMs: still open at the end. */
  connection(openMs: number, closeMs: number): void {
    this.levels.connections.add(openMs, closeMs);
    this.levels.sockets.add(openMs, closeMs);
    if (closeMs < this.cfg.durationMs) this.levels.sockets.add(closeMs, closeMs + this.cfg.timeWaitMs);
  }

  /** An HTTP request reaches the server at `tMs` (its body, if any, is counted as a message). */
  request(tMs: number): void {
    this.count.requests++;
    this.perBucket.requests[this.bucket(tMs)]++;
    this.headers(tMs, this.cfg.requestHeaderBytes);
  }

  /** The server sends an HTTP response header block at `tMs`. */
  response(tMs: number, empty = false): void {
    if (empty) this.count.emptyResponses++;
    this.headers(tMs, this.cfg.responseHeaderBytes);
  }

  private headers(tMs: number, headerBytes: number): void {
    this.bytes.headers += headerBytes;
    this.bytes.tlsRecords += this.recordBytes;
    this.overhead(tMs, headerBytes + this.recordBytes);
  }

  /** Framing bytes sent at `tMs` in `records` TLS records of their own (0 when they ride in an HTTP message's record). */
  framing(tMs: number, bytes: number, records: number): void {
    const tls = records * this.recordBytes;
    this.bytes.framing += bytes;
    this.bytes.tlsRecords += tls;
    this.overhead(tMs, bytes + tls);
  }

  /** Counts a heartbeat sent at `tMs` with its framing bytes and records. */
  heartbeat(tMs: number, bytes: number, records: number): void {
    this.count.heartbeats++;
    this.framing(tMs, bytes, records);
  }

  /**
   * A server → client message generated at `generatedMs` leaves the server at
   * `sentMs` (it arrives half a round trip later), with `framingBytes` around it
   * in `records` TLS records of its own (0 and 0 inside a long-poll response).
   */
  deliver(generatedMs: number, sentMs: number, framingBytes = 0, records = 0): void {
    const latency = sentMs - generatedMs + this.halfRttMs;
    const tls = records * this.recordBytes;
    const sent = this.bucket(sentMs);
    const b = this.bucket(generatedMs);
    const pb = this.perBucket;
    this.count.delivered++;
    this.bytes.payload += this.cfg.messageBytes;
    this.bytes.framing += framingBytes;
    this.bytes.tlsRecords += tls;
    pb.overheadBytes[sent] += framingBytes + tls;
    pb.delivered[sent]++;
    this.deliveryLatency.add(latency);
    pb.latencySum[b] += latency;
    pb.latencyCount[b]++;
    if (latency > pb.latencyMax[b]) pb.latencyMax[b] = latency;
  }

  /** A client → server message generated at `generatedMs` reaches the server at `arrivedMs`. */
  clientDeliver(generatedMs: number, arrivedMs: number): void {
    this.count.clientDelivered++;
    this.bytes.payload += this.cfg.messageBytes;
    this.clientLatency.add(arrivedMs - generatedMs);
  }
}
