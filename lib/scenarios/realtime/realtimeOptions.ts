/**
 * The options of `simulateRealtime`, checked once into a plain configuration.
 * Every wrong value fails here, naming the option, the value and what is
 * allowed, before anything is simulated; a run too large to finish in seconds
 * is refused rather than left to hang.
 */
import type { Rng } from '../../random/rng';
import { requireRng } from '../../random/rng';
import type { ProgressCallback } from '../../sim/progress';
import { LINUX_TIME_WAIT_MS } from '../../net/connections/portsOptions';
import { DEFAULT_REQUEST_HEADER_BYTES, DEFAULT_RESPONSE_HEADER_BYTES } from '../../http/pageLoadPlan';
import * as check from '../../validate';
import { REALTIME_TLS_MODES, type RealtimeTls } from './realtimeCosts';
import { DEFAULT_KEEP_ALIVE_IDLE_MS, DEFAULT_REQUESTS_PER_CONNECTION } from '../../net/connections/keepAlive';

export { DEFAULT_KEEP_ALIVE_IDLE_MS };
import { checkBuckets } from '../../sim/measures/buckets';
import { delayMs } from '../../net/limits';
import { MAX_SIMULATED_MS } from '../../sim/limits';

export type RealtimeMode = 'long-polling' | 'sse' | 'websocket';
export const REALTIME_MODES: readonly RealtimeMode[] = ['long-polling', 'sse', 'websocket'];

/** How each user's messages are spaced: a Poisson process, or evenly at the mean rate (from a random phase). */
export type MessageTiming = 'poisson' | 'periodic';
export const MESSAGE_TIMINGS: readonly MessageTiming[] = ['poisson', 'periodic'];

export interface RealtimeOptions {
  /** How the server reaches the client. */
  mode: RealtimeMode;
  /** Concurrent users (integer in [1, 10^6]; see MAX_REALTIME_EVENTS for the work they imply). */
  users: number;
  /** Server → client messages per user per minute (≥ 0). */
  messagesPerUserPerMinute: number;
  /** Client → server messages per user per minute, e.g. chat lines typed (≥ 0; default 0). */
  clientMessagesPerUserPerMinute?: number;
  /** Simulated time (ms, in [1, 10^10]: up to about 116 days); users stay until it ends. */
  durationMs: number;
  /** Users join at uniformly random moments in [0, rampMs) (ms, in [0, durationMs); default 0: all at the start). */
  rampMs?: number;
  /** Message spacing (default 'poisson'). */
  messageTiming?: MessageTiming;
  /** Payload of each message, either direction (bytes, integer ≥ 0; default 200: a small JSON message). */
  messageBytes?: number;
  /** Round-trip time between client and server (ms, in [0, 3 600 000]; default 100). */
  rttMs?: number;
  /** TLS of a user's first connection (default '1.3'). */
  tls?: RealtimeTls;
  /** Later connections of a user resume the TLS session: 1 round trip, no certificate (default true). */
  resumeTls?: boolean;
  /** HTTP request header block (bytes, integer in [0, 2^31 − 1]; default 700). */
  requestHeaderBytes?: number;
  /** HTTP response header block (bytes, integer in [0, 2^31 − 1]; default 400). */
  responseHeaderBytes?: number;
  /** The server closes a keep-alive connection idle this long (ms, in [0, 10^10]; default 5000, Node.js's and Apache's default). */
  keepAliveIdleMs?: number;
  /** Requests per keep-alive connection before the server closes it (≥ 1, Infinity allowed; default 1000, nginx). */
  requestsPerConnection?: number;
  /** Long polling: the server answers an empty response after holding a poll this long (ms, in (0, 10^10]; default 30,000). */
  pollTimeoutMs?: number;
  /** Long polling: the client waits this long after a response before polling again (ms, in [0, 10^10]; default 0). */
  repollDelayMs?: number;
  /** Long polling: most messages one response carries (integer ≥ 1 or Infinity; default 1, one response per message). */
  maxMessagesPerResponse?: number;
  /** SSE and WebSocket: a keep-open heartbeat every this many ms (> 0, Infinity for none; default 30,000). */
  heartbeatMs?: number;
  /** TIME_WAIT kept by the server after it closes a connection (ms, in [0, 10^10]; default 60,000, Linux). */
  timeWaitMs?: number;
  /** Server memory per open connection (bytes, in [0, 2^40]; default 50,000, a representative choice: see DEFAULT_MEMORY_PER_CONNECTION_BYTES). */
  memoryPerConnectionBytes?: number;
  /** Width of a series bucket (ms; default durationMs / 60). */
  bucketMs?: number;
  rng: Rng;
  onProgress?: ProgressCallback;
}

/** The keys of `RealtimeOptions`. */
export const REALTIME_KEYS: readonly (keyof RealtimeOptions)[] = [
  'mode', 'users', 'messagesPerUserPerMinute', 'clientMessagesPerUserPerMinute', 'durationMs', 'rampMs', 'messageTiming', 'messageBytes',
  'rttMs', 'tls', 'resumeTls', 'requestHeaderBytes', 'responseHeaderBytes', 'keepAliveIdleMs', 'requestsPerConnection', 'pollTimeoutMs',
  'repollDelayMs', 'maxMessagesPerResponse', 'heartbeatMs', 'timeWaitMs', 'memoryPerConnectionBytes', 'bucketMs', 'rng', 'onProgress',
];

/** Most users in one run. */
export const MAX_REALTIME_USERS = 1e6;
/**
 * Most work one run may expect (messages both ways, long polls, heartbeats): 10^7,
 * some 20 s for long polling on a busy 2-core machine (measured 1.5–2 µs a message),
 * less for streams. It also bounds the message times held for one user at once (80 MB).
 */
export const MAX_REALTIME_EVENTS = 1e7;
/** Largest memory per connection (bytes): 2^40, a terabyte, so that totals stay exact. */
const MAX_CONNECTION_BYTES = 2 ** 40;
/** Default long-poll hold (ms), a common choice, below the 60 s idle timeouts of many proxies. */
export const DEFAULT_POLL_TIMEOUT_MS = 30_000;
/** Default heartbeat interval (ms), a common choice (Socket.IO pings every 25 s). */
export const DEFAULT_HEARTBEAT_MS = 30_000;
/**
 * Server memory per open connection (bytes), a representative choice: a few KB of
 * kernel socket state and idle buffers, TLS state with its record buffers (tens
 * of KB unless released while idle) and the application's per-connection
 * objects. Lean servers that release idle buffers run near 10 KB; heavier
 * stacks exceed 100 KB. Measure your own.
 */
export const DEFAULT_MEMORY_PER_CONNECTION_BYTES = 50_000;
export const DEFAULT_RTT_MS = 100;
export const DEFAULT_MESSAGE_BYTES = 200;

export interface RealtimeConfig {
  mode: RealtimeMode;
  users: number;
  messagesPerMinute: number;
  clientMessagesPerMinute: number;
  durationMs: number;
  rampMs: number;
  messageTiming: MessageTiming;
  messageBytes: number;
  rttMs: number;
  tls: RealtimeTls;
  resumeTls: boolean;
  requestHeaderBytes: number;
  responseHeaderBytes: number;
  keepAliveIdleMs: number;
  requestsPerConnection: number;
  pollTimeoutMs: number;
  repollDelayMs: number;
  maxMessagesPerResponse: number;
  heartbeatMs: number;
  timeWaitMs: number;
  memoryPerConnectionBytes: number;
  bucketMs: number;
  buckets: number;
  rng: Rng;
  onProgress?: ProgressCallback;
}

const MS_PER_MINUTE = 60_000;
const MAX_BYTES = 2 ** 31 - 1;

/** Checks every option (see `RealtimeOptions` for the ranges) and the work they imply, before anything runs. */
export function checkRealtimeOptions(opts: RealtimeOptions): RealtimeConfig {
  check.options('simulateRealtime', opts, REALTIME_KEYS);
  const durationMs = check.inRange('durationMs', opts.durationMs, 1, MAX_SIMULATED_MS);
  const timer = (option: string, value: unknown, fallback: number): number => check.inRange(option, value ?? fallback, 0, MAX_SIMULATED_MS);
  const { bucketMs, buckets } = checkBuckets(durationMs, opts.bucketMs, 60);
  const maxPerResponse = opts.maxMessagesPerResponse;
  const cfg: RealtimeConfig = {
    mode: check.oneOf('mode', opts.mode, REALTIME_MODES),
    users: check.integer('users', opts.users, 1, MAX_REALTIME_USERS),
    messagesPerMinute: check.nonNegative('messagesPerUserPerMinute', opts.messagesPerUserPerMinute),
    clientMessagesPerMinute: check.nonNegative('clientMessagesPerUserPerMinute', opts.clientMessagesPerUserPerMinute ?? 0),
    durationMs,
    rampMs: opts.rampMs === undefined ? 0 : check.inRange('rampMs', opts.rampMs, 0, durationMs, '[)'),
    messageTiming: opts.messageTiming === undefined ? 'poisson' : check.oneOf('messageTiming', opts.messageTiming, MESSAGE_TIMINGS),
    messageBytes: check.integer('messageBytes', opts.messageBytes ?? DEFAULT_MESSAGE_BYTES, 0, MAX_BYTES),
    rttMs: delayMs('rttMs', opts.rttMs ?? DEFAULT_RTT_MS),
    tls: check.oneOf('tls', opts.tls ?? '1.3', REALTIME_TLS_MODES),
    resumeTls: check.flag('resumeTls', opts.resumeTls, true),
    requestHeaderBytes: check.integer('requestHeaderBytes', opts.requestHeaderBytes ?? DEFAULT_REQUEST_HEADER_BYTES, 0, MAX_BYTES),
    responseHeaderBytes: check.integer('responseHeaderBytes', opts.responseHeaderBytes ?? DEFAULT_RESPONSE_HEADER_BYTES, 0, MAX_BYTES),
    keepAliveIdleMs: timer('keepAliveIdleMs', opts.keepAliveIdleMs, DEFAULT_KEEP_ALIVE_IDLE_MS),
    requestsPerConnection: check.countOrInfinity('requestsPerConnection', opts.requestsPerConnection ?? DEFAULT_REQUESTS_PER_CONNECTION, 1),
    pollTimeoutMs: check.inRange('pollTimeoutMs', opts.pollTimeoutMs ?? DEFAULT_POLL_TIMEOUT_MS, 0, MAX_SIMULATED_MS, '(]'),
    repollDelayMs: timer('repollDelayMs', opts.repollDelayMs, 0),
    maxMessagesPerResponse: maxPerResponse === undefined ? 1 : check.countOrInfinity('maxMessagesPerResponse', maxPerResponse, 1),
    heartbeatMs: check.positive('heartbeatMs', opts.heartbeatMs ?? DEFAULT_HEARTBEAT_MS, true),
    timeWaitMs: timer('timeWaitMs', opts.timeWaitMs, LINUX_TIME_WAIT_MS),
    memoryPerConnectionBytes: check.inRange('memoryPerConnectionBytes', opts.memoryPerConnectionBytes ?? DEFAULT_MEMORY_PER_CONNECTION_BYTES, 0, MAX_CONNECTION_BYTES),
    bucketMs,
    buckets,
    rng: requireRng('rng', opts.rng),
    onProgress: opts.onProgress,
  };
  const expected = expectedEvents(cfg);
  if (expected > MAX_REALTIME_EVENTS) {
    throw new RangeError(`simulateRealtime would handle about ${Math.round(expected)} messages, polls and heartbeats (users × durationMs × their rates); the limit is ${MAX_REALTIME_EVENTS}: lower users, durationMs or messagesPerUserPerMinute`);
  }
  return cfg;
}

/** Messages both ways, plus long polls that time out or heartbeats: the work a run does. */
function expectedEvents(cfg: RealtimeConfig): number {
  const minutes = cfg.durationMs / MS_PER_MINUTE;
  const messages = (cfg.messagesPerMinute + cfg.clientMessagesPerMinute) * minutes;
  const idle = cfg.mode === 'long-polling' ? cfg.durationMs / (cfg.pollTimeoutMs + cfg.rttMs) : cfg.durationMs / cfg.heartbeatMs;
  return cfg.users * (messages + idle);
}

/** Mean gap between one user's messages (ms) at a rate per minute. */
export function meanGapMsPerMinute(ratePerMinute: number): number {
  return MS_PER_MINUTE / ratePerMinute;
}
