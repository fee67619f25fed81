/**
 * Many sampled requests under one configuration, as columns for distributions.
 *
 * Random streams: as `requestTime`'s, `rng.fork('delay')` for the connections'
 * round trips, `rng.fork('loss')` for their losses, `rng.fork('dns delay')` and
 * `rng.fork('dns loss')` for cold lookups over the resolver path. Each request is
 * a new connection that continues these streams where the one before it stopped
 * (a fork per request would cost more than the request), so two configurations
 * run with the same seed share their draws where they can (common random
 * numbers); identical options and seed give identical columns, and sample 0 is
 * `requestTime` with the same options and rng.
 *
 * Bounds: `samples` is at most 10^7 and samples × bytes / mssBytes at most 10^8
 * segments (see `limits.ts`), about 2 s of drawing.
 */
import type { Rng } from '../../random/rng';
import { requireRng } from '../../random/rng';
import { EMPTY_SUMMARY, summarize, type Summary } from '../../stats/summarize';
import { progressTicker, type ProgressCallback } from '../../sim/progress';
import * as check from '../../validate';
import { NULLABLE_PATH_KEYS } from '../path/path';
import { requestStreams, RequestSampler } from './requestTime';
import { planFromCheckedOptions, REQUEST_KEYS, type RequestOptions } from './requestPlan';

export interface RequestTimesOptions extends RequestOptions {
  /** Requests to sample (integer in [1, 10^7]; samples × bytes / mssBytes at most 10^8). */
  samples: number;
  rng: Rng;
  onProgress?: ProgressCallback;
}

/** Every key of `RequestTimesOptions`. */
export const REQUEST_TIMES_KEYS: readonly (keyof RequestTimesOptions & string)[] = [...REQUEST_KEYS, 'samples', 'onProgress'];

export interface RequestTimes {
  totalMs: Float64Array;
  dnsMs: Float64Array;
  tcpMs: Float64Array;
  tlsMs: Float64Array;
  transferMs: Float64Array;
  serverMs: Float64Array;
  retransmissions: Int32Array;
  timeouts: Int32Array;
  /** 1 where the connection gave up, else 0. */
  failed: Uint8Array;
  /** Summary of `totalMs` over the requests that completed. */
  summary: Summary;
  /** Requests that gave up. */
  failures: number;
}

/**
 * Samples `samples` requests of one configuration, each on a new connection, as
 * columns: total, DNS, TCP, TLS, transfer and server time (ms), retransmissions,
 * timeouts and failures, with a summary of the completed requests' totals.
 *
 * @throws TypeError or RangeError naming a wrong option, or a run beyond the bounds above.
 *
 * @example
 * ```ts
 * import { createRng, requestTimes } from 'netlab';
 *
 * const t = requestTimes({ rttMs: 50, lossRate: 0.01, bytes: 100_000, samples: 200, rng: createRng(1) });
 * [t.summary.p50, t.summary.p99];              // ms
 * ```
 */
export function requestTimes(options: RequestTimesOptions): RequestTimes {
  check.options('requestTimes', options, REQUEST_TIMES_KEYS, NULLABLE_PATH_KEYS);
  const opts = readOnce(options);
  const n = check.integer('samples', opts.samples, 1, 1e7);
  const rng = requireRng('rng', opts.rng);
  const onProgress = opts.onProgress;
  const plan = planFromCheckedOptions(opts, n);
  const tick = progressTicker(n, onProgress);
  const streams = requestStreams(rng);
  const sampler = new RequestSampler(plan, streams.delay, streams.loss, { delay: streams.dnsDelay, loss: streams.dnsLoss });
  const tcp = sampler.connection;
  const totalMs = new Float64Array(n);
  const dnsMs = new Float64Array(n);
  const tcpMs = new Float64Array(n);
  const tlsMs = new Float64Array(n);
  const transferMs = new Float64Array(n);
  const serverMs = new Float64Array(n);
  const retransmissions = new Int32Array(n);
  const timeouts = new Int32Array(n);
  const failed = new Uint8Array(n);
  const server = plan.serverMs;
  if (!isPlusZero(server)) serverMs.fill(server);
  let failures = 0;
  for (let i = 0; i < n; i++) {
    put(totalMs, i, sampler.sample());
    put(dnsMs, i, sampler.dnsMs);
    put(tcpMs, i, sampler.tcpMs);
    put(tlsMs, i, sampler.tlsMs);
    put(transferMs, i, sampler.transferMs);
    putCount(retransmissions, i, tcp.retransmissions);
    putCount(timeouts, i, tcp.timeouts);
    if (sampler.failed) {
      failed[i] = 1;
      failures++;
    }
    if (onProgress !== undefined) tick(i + 1);
  }
  let completed = totalMs;
  if (failures > 0) {
    completed = new Float64Array(n - failures);
    for (let i = 0, j = 0; i < n; i++) if (failed[i] === 0) completed[j++] = totalMs[i];
  }
  const summary = completed.length === 0 ? { ...EMPTY_SUMMARY } : summarize(completed);
  return { totalMs, dnsMs, tcpMs, tlsMs, transferMs, serverMs, retransmissions, timeouts, failed, failures, summary };
}

/**
 * The options copied, each read once, into an object whose shape is the same from call to
 * call. V8 gives an object built by spreading (`{ ...base, samples, rng }`) a hidden class
 * of its own each time, so every read of it is a slow lookup, and checking and planning
 * read an option several times. An object with another prototype than Object's is read as
 * it is: its options may be inherited.
 */
function readOnce(opts: RequestTimesOptions): RequestTimesOptions {
  const proto: unknown = Object.getPrototypeOf(opts);
  if (proto !== Object.prototype && proto !== null) return opts;
  const keys = Object.getOwnPropertyNames(opts);
  const copy: Record<string, unknown> = {};
  for (let i = 0; i < keys.length; i++) copy[keys[i]] = (opts as unknown as Record<string, unknown>)[keys[i]];
  return copy as unknown as RequestTimesOptions;
}

/**
 * Writes `value` at `i` unless it is the +0 a new column already holds: the pages of a
 * column that stays zero (no lookup, no TLS, no server time) are then never touched, and
 * fresh pages cost more than the stores. A -0 is written.
 */
function put(column: Float64Array, i: number, value: number): void {
  if (!isPlusZero(value)) column[i] = value;
}

/** `put` for a column of counts. */
function putCount(column: Int32Array, i: number, count: number): void {
  if (count !== 0) column[i] = count;
}

function isPlusZero(value: number): boolean {
  return value === 0 && !Object.is(value, -0);
}
