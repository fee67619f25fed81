/**
 * What a real-time run returns: totals, the server's resources (requests per
 * second, connections and sockets held, memory), bytes by kind, delivery
 * latency summaries, and a per-bucket series for figures.
 */
import { handshakeCpu } from '../../net/tcp/handshakeCpu';
import { MS_PER_SECOND } from '../../sim/time';
import type { Summary } from '../../stats/summarize';
import type { RealtimeConfig, RealtimeMode } from './realtimeOptions';
import type { RealtimeTally } from './realtimeTally';

/** One bucket [tMs, tMs + bucketMs). */
export interface RealtimeBucket {
  tMs: number;
  /** Connections open at the server, time-averaged over the bucket. */
  openConnections: number;
  /** Most connections open at once in the bucket (sampled every `samplingMs`). */
  peakOpenConnections: number;
  /** Most sockets held at once: open connections plus closed ones in TIME_WAIT. */
  peakSocketsHeld: number;
  /** Memory of the open connections at the bucket's peak (bytes). */
  memoryBytes: number;
  /** HTTP requests arriving at the server per second. */
  requestsPerSecond: number;
  /** New connections (handshakes started) per second. */
  connectionsPerSecond: number;
  /** Server → client messages sent per second. */
  messagesPerSecond: number;
  /** Bytes beyond the payload per second: headers, framing, TLS records, handshakes. */
  overheadBytesPerSecond: number;
  /** Delivery latency of the messages generated in this bucket (ms; NaN when none was delivered). */
  meanLatencyMs: number;
  maxLatencyMs: number;
}

export interface MessageCounts {
  generated: number;
  /** Sent by the server (server → client) or received by it (client → server) within the run. */
  delivered: number;
  /** Still waiting or in flight when the run ended. */
  pending: number;
}

export interface RealtimeResult {
  mode: RealtimeMode;
  users: number;
  durationMs: number;
  bucketMs: number;
  /** Interval at which the connection and socket levels are sampled for peaks (ms). */
  samplingMs: number;
  /** Server → client messages. */
  messages: MessageCounts;
  /** Client → server messages. */
  clientMessages: MessageCounts;
  /** HTTP requests that reached the server (polls, subscriptions, upgrades, POSTs). */
  requests: number;
  /** Requests per second at the server, over the whole run. */
  requestsPerSecond: number;
  /** Requests per second in the busiest bucket. */
  peakRequestsPerSecond: number;
  /** Long polls answered empty at `pollTimeoutMs`. */
  emptyResponses: number;
  connectionsOpened: number;
  /** TCP handshakes (one per connection), TLS ones full or resumed, and the server CPU they cost (`handshakeCpu` defaults). */
  handshakes: { tcp: number; fullTls: number; resumedTls: number; coreMsPerSecond: number };
  /** SSE or WebSocket heartbeats sent. */
  heartbeats: number;
  peakOpenConnections: number;
  /** Connections open, time-averaged over the run. */
  meanOpenConnections: number;
  /** Most sockets held at once: open plus TIME_WAIT. */
  peakSocketsHeld: number;
  memoryPerConnectionBytes: number;
  /** peakOpenConnections × memoryPerConnectionBytes. */
  peakMemoryBytes: number;
  /** Bytes both ways by kind; `payload` is the messages themselves. */
  bytes: { payload: number; headers: number; framing: number; tlsRecords: number; handshakes: number };
  /** Every byte that is not payload. */
  overheadBytes: number;
  /** overheadBytes per message delivered (both directions; NaN when none). */
  overheadBytesPerMessage: number;
  /** Server → client: from the message's generation at the server to its arrival at the client (ms). */
  deliveryLatencyMs: Summary;
  /** Client → server: from the message's generation at the client to its arrival at the server (ms). */
  clientLatencyMs: Summary;
  /** True when both latency summaries are exact; false when a run too large to keep every latency used a sketch (±0.1%). */
  latencyExact: boolean;
  series: RealtimeBucket[];
}

/**
 * Turns a real-time run's tally into its result: totals, the server's requests per
 * second, connections, sockets and memory, bytes by kind, delivery latency
 * summaries (ms) and a per-bucket series.
 */
export function realtimeReport(cfg: RealtimeConfig, tally: RealtimeTally, pending: { server: number; client: number }): RealtimeResult {
  const { count, bytes, perBucket, levels } = tally;
  const seconds = cfg.durationMs / MS_PER_SECOND;
  const connMean = levels.connections.meanByBucket();
  const connPeak = levels.connections.peakByBucket();
  const socketPeak = levels.sockets.peakByBucket();
  const series: RealtimeBucket[] = [];
  for (let b = 0; b < cfg.buckets; b++) {
    const widthS = levels.connections.bucketWidth(b) / MS_PER_SECOND;
    const n = perBucket.latencyCount[b];
    series.push({
      tMs: b * cfg.bucketMs,
      openConnections: connMean[b],
      peakOpenConnections: connPeak[b],
      peakSocketsHeld: socketPeak[b],
      memoryBytes: connPeak[b] * cfg.memoryPerConnectionBytes,
      requestsPerSecond: perBucket.requests[b] / widthS,
      connectionsPerSecond: perBucket.opened[b] / widthS,
      messagesPerSecond: perBucket.delivered[b] / widthS,
      overheadBytesPerSecond: perBucket.overheadBytes[b] / widthS,
      meanLatencyMs: n > 0 ? perBucket.latencySum[b] / n : NaN,
      maxLatencyMs: n > 0 ? perBucket.latencyMax[b] : NaN,
    });
  }
  const peakOpen = Math.max(0, ...connPeak);
  const overheadBytes = bytes.headers + bytes.framing + bytes.tlsRecords + bytes.handshakes;
  const messagesBothWays = count.delivered + count.clientDelivered;
  return {
    mode: cfg.mode,
    users: cfg.users,
    durationMs: cfg.durationMs,
    bucketMs: cfg.bucketMs,
    samplingMs: levels.connections.sampleMs,
    messages: { generated: count.generated, delivered: count.delivered, pending: pending.server },
    clientMessages: { generated: count.clientGenerated, delivered: count.clientDelivered, pending: pending.client },
    requests: count.requests,
    requestsPerSecond: count.requests / seconds,
    peakRequestsPerSecond: Math.max(0, ...series.map((s) => s.requestsPerSecond)),
    emptyResponses: count.emptyResponses,
    connectionsOpened: count.opened,
    handshakes: {
      tcp: count.opened,
      fullTls: count.fullTls,
      resumedTls: count.resumedTls,
      coreMsPerSecond: handshakeCpu({ connectionsPerSecond: (count.fullTls + count.resumedTls) / seconds, resumedShare: count.resumedTls / Math.max(1, count.fullTls + count.resumedTls) }).coreMsPerSecond,
    },
    heartbeats: count.heartbeats,
    peakOpenConnections: peakOpen,
    meanOpenConnections: levels.connections.mean(),
    peakSocketsHeld: Math.max(0, ...socketPeak),
    memoryPerConnectionBytes: cfg.memoryPerConnectionBytes,
    peakMemoryBytes: peakOpen * cfg.memoryPerConnectionBytes,
    bytes: { ...bytes },
    overheadBytes,
    overheadBytesPerMessage: messagesBothWays > 0 ? overheadBytes / messagesBothWays : NaN,
    deliveryLatencyMs: tally.deliveryLatency.summary(),
    clientLatencyMs: tally.clientLatency.summary(),
    latencyExact: tally.deliveryLatency.exact && tally.clientLatency.exact,
    series,
  };
}
