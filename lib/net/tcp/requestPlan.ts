/**
 * A request's options checked and turned into a plan: the path, the handshakes, the
 * response's segments and the TCP settings that `requestTime` and `requestTimes`
 * sample from (see requestTime.ts for the model). Checking is the one rule for
 * options: known keys, then each value against its bound (delays at most one hour,
 * `jitterMs` five minutes, a response at most 10^8 segments for the round model).
 * A plan depends on the options' values alone and sampling never changes it, so a
 * loop of calls with the same settings is checked and planned once (`planOnce`).
 */
import * as check from '../../validate';
import { pathFrom, NULLABLE_PATH_KEYS, PATH_KEYS, type Path, type PathOptions } from '../path/path';
import { rtoBoundsFrom, RTO_KEYS, type RtoOptions } from './rto';
import { delayMs, MAX_DELAY_MS, MAX_ROUND_MODEL_SEGMENTS } from '../limits';
import { DEFAULT_INITCWND, DEFAULT_MSS_BYTES, segmentsFor } from './slowStart';
import type { TcpSettings } from './roundTcpConnection';
import { CONGESTION_CONTROLS, type CongestionControl } from '../congestion/congestionControl';
import { tlsHandshake, type TlsHandshake, type TlsMode } from './tls';
import type { Rng } from '../../random/rng';

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
  /** Congestion controller: 'newreno' (default, RFC 5681) or 'cubic' (RFC 9438, Linux's default). */
  congestionControl?: CongestionControl;
  /** Needed when the path has jitter or loss. */
  rng?: Rng;
}

/** Every key of `RequestOptions`: the path's, the timer's and the request's own. */
export const REQUEST_KEYS: readonly (keyof RequestOptions & string)[] = [
  ...PATH_KEYS,
  ...RTO_KEYS,
  'bytes', 'tls', 'dns', 'dnsRttMs', 'dnsTimeoutMs', 'connection', 'initcwnd', 'cwnd', 'mssBytes', 'serverMs', 'maxRetries', 'congestionControl', 'rng',
];



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
    settings: {
      mssBytes,
      rto: rtoBoundsFrom(opts),
      maxRetries,
      maxSynRetries: 6,
      congestionControl: check.oneOf('congestionControl', opts.congestionControl ?? 'newreno', CONGESTION_CONTROLS),
    },
    random,
  };
}

/**
 * The last options planned and their plan. A loop of `requestTime` calls with the same
 * settings is checked and planned once: the plan depends on the options' values alone,
 * and is never changed by sampling.
 */
let lastSettings: Map<string, unknown> | null = null;
let lastPlan: RequestPlan | null = null;

/** Whether `opts` holds exactly the settings planned last (same keys, identical values; `rng` aside). */
function sameAsLastSettings(opts: RequestOptions): boolean {
  if (lastSettings === null || opts === null || typeof opts !== 'object') return false;
  // Object.keys reads V8's enumeration cache; for…in is several times slower on objects built with spread syntax.
  const keys = Object.keys(opts);
  let count = 0;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (key === 'rng') continue;
    const value = (opts as unknown as Record<string, unknown>)[key];
    if (value !== lastSettings.get(key) || !lastSettings.has(key)) return false;
    count++;
  }
  return count === lastSettings.size;
}

/** `planRequest`, reusing the last plan when the settings are the same. */
export function planOnce(opts: RequestOptions): RequestPlan {
  if (lastPlan !== null && sameAsLastSettings(opts)) return lastPlan;
  const plan = planRequest(opts);
  lastSettings = new Map(Object.entries(opts).filter(([key]) => key !== 'rng'));
  lastPlan = plan;
  return plan;
}
