/**
 * The time one HTTP-style request takes, first DNS lookup to last response byte,
 * split into DNS, TCP handshake, TLS handshake, transfer and server time.
 *
 * Without jitter and loss the answer is the course's budget arithmetic, exactly:
 *
 *   new connection:    dns + (1 + TLS round trips + slow-start rounds) × RTT + server
 *   reused connection: dns + (slow-start rounds from its window) × RTT + server
 *
 * where slow-start rounds come from `slowStartRounds` (RFC 5681, RFC 6928) and a
 * reused connection with no `cwnd` given is warm enough to send the whole
 * response in one round. HPBN's example (Grigorik, *High Performance Browser
 * Networking*, ch. 2): 20 KB, initcwnd 4, RTT 56 ms, server 40 ms → 264 ms new,
 * 96 ms reused.
 *
 * With jitter or loss (pass `rng`) every round trip is sampled and losses are
 * recovered as `TcpConnection` describes. A cold DNS lookup is one round trip
 * to the resolver (`dnsRttMs`, default the path's RTT, as the course counts it)
 * over a path with the same jitter and loss; a lost query is re-sent after
 * `dnsTimeoutMs` (5 s, the glibc resolver's default). A warm lookup is answered
 * from a local cache at no cost.
 *
 * Random streams (with jitter or loss): `rng.fork('delay')` for the connection's
 * round trips, `rng.fork('loss')` for its losses, and for a cold lookup, which
 * crosses another path, `rng.fork('dns delay')` and `rng.fork('dns loss')`. The
 * parent stream is never drawn from, so a lookup never moves the connection's draws.
 *
 * Bounds: delays (`rttMs`, `serverMs`, `dnsRttMs`, `dnsTimeoutMs`, the
 * RTO options) are at most one hour, `jitterMs` five minutes, and a response is at most 10^8 segments
 * (`bytes / mssBytes`), the segments the round model may draw in one call (see
 * `limits.ts`).
 *
 * Not modelled: TCP Fast Open, QUIC (see the HTTP models), the request's own size
 * (it fits the first packet), header and TLS record overheads.
 */
import type { Rng } from '../random/rng';
import { requireRng } from '../random/rng';
import * as check from '../validate';
import { pathFrom, roundTripMs, NULLABLE_PATH_KEYS, PATH_KEYS, type Path, type PathOptions } from './path';
import { rtoBoundsFrom, RTO_KEYS, type RtoOptions } from './rto';
import { delayMs, MAX_DELAY_MS, MAX_ROUND_MODEL_SEGMENTS } from './limits';
import { DEFAULT_INITCWND, DEFAULT_MSS_BYTES, segmentsFor } from './slowStart';
import type { LossProcess } from './loss';
import { ConnectionAborted, TcpConnection, type TcpSettings } from './tcpConnection';
import { tlsHandshake, type TlsHandshake, type TlsMode } from './tls';

export type DnsState = 'cold' | 'warm' | 'none';
export type ConnectionState = 'new' | 'reused';

export const DNS_STATES: readonly DnsState[] = ['cold', 'warm', 'none'];
export const CONNECTION_STATES: readonly ConnectionState[] = ['new', 'reused'];

/** Default wait before a lost DNS query is re-sent (ms): glibc's `timeout:5`. */
export const DNS_TIMEOUT_MS = 5000;

export interface RequestOptions extends PathOptions, RtoOptions {
  /** Response size (bytes, ≥ 0; at most 10^8 segments of `mssBytes`, 146 GB at 1460 bytes). */
  bytes: number;
  /** TLS handshake mode (default 'none'). */
  tls?: TlsMode;
  /** DNS lookup: 'cold' (one resolver round trip), 'warm' (cached, free) or 'none' (default). */
  dns?: DnsState;
  /** Resolver round-trip time for a cold lookup (ms, in [0, 3 600 000]; default `rttMs`). */
  dnsRttMs?: number;
  /** Wait before re-sending a lost DNS query (ms, in (0, 3 600 000]; default 5000). */
  dnsTimeoutMs?: number;
  /** 'new' (default) pays the handshakes; 'reused' is an open keep-alive connection. */
  connection?: ConnectionState;
  /** Initial congestion window of a new connection (segments, an integer in [1, 10 000]; default 10, RFC 6928). */
  initcwnd?: number;
  /** Window of a reused connection (segments, an integer in [1, 10^9]; default: large enough for the response). */
  cwnd?: number;
  /** Maximum segment size (bytes, an integer in [1, 65 535]; default 1460). */
  mssBytes?: number;
  /** Server processing time (ms, in [0, 3 600 000]; default 0). */
  serverMs?: number;
  /** Consecutive retransmission timeouts before giving up (an integer in [0, 100]; default 15, Linux tcp_retries2). */
  maxRetries?: number;
  /** Needed when the path has jitter or loss. */
  rng?: Rng;
}

/** Every key of `RequestOptions`: the path's, the timer's and the request's own. */
export const REQUEST_KEYS: readonly (keyof RequestOptions & string)[] = [
  ...PATH_KEYS,
  ...RTO_KEYS,
  'bytes', 'tls', 'dns', 'dnsRttMs', 'dnsTimeoutMs', 'connection', 'initcwnd', 'cwnd', 'mssBytes', 'serverMs', 'maxRetries', 'rng',
];

export interface RequestBreakdown {
  dnsMs: number;
  tcpMs: number;
  tlsMs: number;
  transferMs: number;
  serverMs: number;
}

export interface RequestTiming {
  /** First lookup to last response byte (ms); the time until giving up when `failed`. */
  totalMs: number;
  /** Data rounds, recovery rounds included. */
  rounds: number;
  breakdown: RequestBreakdown;
  /** Segments and handshake messages sent again. */
  retransmissions: number;
  /** Retransmission timeouts that fired. */
  timeouts: number;
  /** True when the request went as TLS 0-RTT early data (replayable: idempotent requests only). */
  replayable: boolean;
  /** True when the server performed a full TLS handshake (see `handshakeCpu`). */
  fullHandshake: boolean;
  /** True when the connection gave up after too many timeouts. */
  failed: boolean;
}

/** Validated, precomputed form of the options, reused across samples. */
export interface RequestPlan {
  path: Path;
  dnsPath: Path | null;
  dnsTimeoutMs: number;
  reused: boolean;
  tls: TlsHandshake;
  initcwnd: number;
  cwnd: number;
  segments: number;
  serverMs: number;
  settings: TcpSettings;
  /** True when sampling draws random numbers (jitter or loss). */
  random: boolean;
}

/** Checks `requestTime`'s options (the one rule: known keys, each value) and precomputes what sampling needs. */
export function planRequest(opts: RequestOptions): RequestPlan {
  check.options('requestTime', opts, REQUEST_KEYS, NULLABLE_PATH_KEYS);
  return planFromCheckedOptions(opts);
}

/**
 * As `planRequest` for options whose keys the caller has checked against its own
 * list (a superset of `REQUEST_KEYS`, as `requestTimes`'). `samples` requests are
 * planned: the round model's work, samples × segments, is bounded up front.
 */
export function planFromCheckedOptions(opts: RequestOptions, samples = 1): RequestPlan {
  const path = pathFrom(opts);
  const bytes = check.nonNegative('bytes', opts.bytes);
  const mssBytes = check.integer('mssBytes', opts.mssBytes ?? DEFAULT_MSS_BYTES, 1, 65_535);
  const segments = segmentsFor(bytes, mssBytes);
  check.workWithin(
    samples === 1 ? 'bytes / mssBytes' : 'samples × bytes / mssBytes',
    samples * segments,
    MAX_ROUND_MODEL_SEGMENTS,
    'segments for the round model to send, each one drawn and counted',
  );
  const tlsMode = opts.tls ?? 'none';
  const tls = tlsHandshake(tlsMode);
  const dns = check.oneOf('dns', opts.dns ?? 'none', DNS_STATES);
  const connection = check.oneOf('connection', opts.connection ?? 'new', CONNECTION_STATES);
  const reused = connection === 'reused';
  if (reused && dns === 'cold') throw new RangeError(`dns must be "warm" or "none" when connection is "reused" (an open connection needs no lookup); got "cold"`);
  const initcwnd = check.integer('initcwnd', opts.initcwnd ?? DEFAULT_INITCWND, 1, 10_000);
  if (opts.cwnd !== undefined && !reused) throw new RangeError('cwnd applies to a reused connection; a new one starts from initcwnd');
  const cwnd = opts.cwnd === undefined ? segments : check.integer('cwnd', opts.cwnd, 1, 1e9);
  const serverMs = delayMs('serverMs', opts.serverMs ?? 0);
  const maxRetries = check.integer('maxRetries', opts.maxRetries ?? 15, 0, 100);
  const dnsPath =
    dns === 'cold'
      ? pathFrom({ rttMs: delayMs('dnsRttMs', opts.dnsRttMs ?? path.rttMs), jitter: path.jitter ?? undefined, loss: path.loss })
      : null;
  const dnsTimeoutMs = check.inRange('dnsTimeoutMs', opts.dnsTimeoutMs ?? DNS_TIMEOUT_MS, 0, MAX_DELAY_MS, '(]');
  const random = path.jitter !== null || path.loss.rate > 0;
  return {
    path,
    dnsPath,
    dnsTimeoutMs,
    reused,
    tls,
    initcwnd,
    cwnd,
    segments,
    serverMs,
    settings: { mssBytes, rto: rtoBoundsFrom(opts), maxRetries, maxSynRetries: 6 },
    random,
  };
}

/** The streams of one sampled request (see the module header). */
export interface RequestStreams {
  /** The connection's round trips. */
  delay: Rng;
  /** The connection's losses. */
  loss: Rng;
  /** The resolver path's round trips (cold lookups). */
  dnsDelay: Rng;
  /** The resolver path's losses (cold lookups). */
  dnsLoss: Rng;
}

/** The streams already forked from each rng, so that successive requests continue them. */
const STREAMS = new WeakMap<Rng, RequestStreams>();

/**
 * The forks of `rng` sampled requests draw from: 'delay', 'loss', 'dns delay', 'dns loss'.
 * They are forked once per rng and then continued: successive `requestTime` calls with
 * one rng draw successive requests (the first n calls equal `requestTimes` with n samples),
 * never the same request again, and cost no fork after the first.
 */
export function requestStreams(rng: Rng): RequestStreams {
  let streams = STREAMS.get(rng);
  if (streams === undefined) {
    streams = { delay: rng.fork('delay'), loss: rng.fork('loss'), dnsDelay: rng.fork('dns delay'), dnsLoss: rng.fork('dns loss') };
    STREAMS.set(rng, streams);
  }
  return streams;
}

/**
 * One request's timing under a plan, drawing the connection's delays from `delayRng`
 * and its losses from `lossRng`. A cold lookup draws from `dns` (the resolver path's
 * own streams); without it, from the connection's streams.
 */
export function sampleRequest(plan: RequestPlan, delayRng: Rng, lossRng: Rng, dns?: { delay: Rng; loss: Rng }): RequestTiming {
  const breakdown: RequestBreakdown = { dnsMs: 0, tcpMs: 0, tlsMs: 0, transferMs: 0, serverMs: plan.serverMs };
  const lost = plan.path.loss.start(lossRng);
  const tcp = new TcpConnection(plan.path, delayRng, lost, plan.settings);
  let failed = false;
  let phase: keyof RequestBreakdown = 'dnsMs';
  try {
    if (plan.dnsPath !== null) {
      const dnsLost = dns === undefined ? lost : (plan.dnsPath as Path).loss.start(dns.loss);
      breakdown.dnsMs = lookupMs(plan, dns?.delay ?? delayRng, dnsLost);
    }
    if (plan.reused) {
      tcp.warm(plan.cwnd);
    } else {
      phase = 'tcpMs';
      breakdown.tcpMs = tcp.connect(plan.initcwnd);
      phase = 'tlsMs';
      for (let i = 0; i < plan.tls.roundTrips; i++) breakdown.tlsMs += tcp.exchange();
    }
    phase = 'transferMs';
    breakdown.transferMs = tcp.respond(plan.segments, plan.serverMs) - plan.serverMs;
  } catch (err) {
    if (!(err instanceof ConnectionAborted)) throw err;
    failed = true;
    breakdown[phase] += err.elapsedMs;
  }
  const totalMs = breakdown.dnsMs + breakdown.tcpMs + breakdown.tlsMs + breakdown.transferMs + breakdown.serverMs;
  return {
    totalMs,
    rounds: tcp.rounds,
    breakdown,
    retransmissions: tcp.retransmissions,
    timeouts: tcp.timeouts,
    replayable: !plan.reused && plan.tls.replayable,
    fullHandshake: !plan.reused && plan.tls.fullHandshake,
    failed,
  };
}

/** A cold lookup: one resolver round trip, re-sent after the DNS timeout while lost. */
function lookupMs(plan: RequestPlan, delayRng: Rng, lost: LossProcess): number {
  const dnsPath = plan.dnsPath as Path;
  let elapsed = 0;
  for (let attempt = 0; ; attempt++) {
    if (!lost(attempt > 0) && !lost()) return elapsed + roundTripMs(dnsPath, delayRng);
    if (attempt >= plan.settings.maxRetries) throw new ConnectionAborted(elapsed, 'DNS query lost too many times');
    elapsed += plan.dnsTimeoutMs;
  }
}

/**
 * The last options planned (without `rng`) and their plan. A loop of `requestTime`
 * calls with the same settings is checked and planned once: the plan depends on the
 * options' values alone, and is never changed by sampling.
 */
let lastSettings: Record<string, unknown> | null = null;
let lastSettingsCount = 0;
let lastPlan: RequestPlan | null = null;

/** Whether `opts` holds exactly the settings planned last (same keys, identical values; `rng` aside). */
function sameAsLastSettings(opts: RequestOptions): boolean {
  if (lastSettings === null || opts === null || typeof opts !== 'object') return false;
  let count = 0;
  for (const key in opts) {
    if (!Object.prototype.hasOwnProperty.call(opts, key) || key === 'rng') continue;
    if ((opts as unknown as Record<string, unknown>)[key] !== lastSettings[key] || !(key in lastSettings)) return false;
    count++;
  }
  return count === lastSettingsCount;
}

/** `planRequest`, reusing the last plan when the settings are the same. */
function planOnce(opts: RequestOptions): RequestPlan {
  if (lastPlan !== null && sameAsLastSettings(opts)) return lastPlan;
  const plan = planRequest(opts);
  const { rng: _rng, ...settings } = opts;
  lastSettings = settings as Record<string, unknown>;
  lastSettingsCount = Object.keys(settings).length;
  lastPlan = plan;
  return plan;
}

/** One request's time to last byte with its breakdown (see the module header). */
export function requestTime(opts: RequestOptions): RequestTiming {
  const plan = planOnce(opts);
  if (plan.random) {
    const streams = requestStreams(requireRng('rng (needed because the path has jitter or loss)', opts.rng));
    return sampleRequest(plan, streams.delay, streams.loss, { delay: streams.dnsDelay, loss: streams.dnsLoss });
  }
  const none = NO_DRAWS;
  return sampleRequest(plan, none, none);
}

/** A stream that must never be drawn from: a deterministic plan draws nothing. */
const NO_DRAWS: Rng = Object.assign(
  () => {
    throw new Error('internal: a path without jitter or loss drew a random number');
  },
  { seed: 'none', fork: (): Rng => NO_DRAWS },
) as unknown as Rng;
