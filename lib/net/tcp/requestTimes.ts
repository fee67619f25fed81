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
import { requestStreams, sampleRequest } from './requestTime';
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
export function requestTimes(opts: RequestTimesOptions): RequestTimes {
  check.options('requestTimes', opts, REQUEST_TIMES_KEYS, NULLABLE_PATH_KEYS);
  const n = check.integer('samples', opts.samples, 1, 1e7);
  const rng = requireRng('rng', opts.rng);
  const plan = planFromCheckedOptions(opts, n);
  const tick = progressTicker(n, opts.onProgress);
  const streams = requestStreams(rng);
  const dns = { delay: streams.dnsDelay, loss: streams.dnsLoss };
  const out: Omit<RequestTimes, 'summary'> = {
    totalMs: new Float64Array(n),
    dnsMs: new Float64Array(n),
    tcpMs: new Float64Array(n),
    tlsMs: new Float64Array(n),
    transferMs: new Float64Array(n),
    serverMs: new Float64Array(n),
    retransmissions: new Int32Array(n),
    timeouts: new Int32Array(n),
    failed: new Uint8Array(n),
    failures: 0,
  };
  for (let i = 0; i < n; i++) {
    const r = sampleRequest(plan, streams.delay, streams.loss, dns);
    out.totalMs[i] = r.totalMs;
    out.dnsMs[i] = r.breakdown.dnsMs;
    out.tcpMs[i] = r.breakdown.tcpMs;
    out.tlsMs[i] = r.breakdown.tlsMs;
    out.transferMs[i] = r.breakdown.transferMs;
    out.serverMs[i] = r.breakdown.serverMs;
    out.retransmissions[i] = r.retransmissions;
    out.timeouts[i] = r.timeouts;
    if (r.failed) {
      out.failed[i] = 1;
      out.failures++;
    }
    tick(i + 1);
  }
  const completed = out.failures === 0 ? out.totalMs : out.totalMs.filter((_, i) => out.failed[i] === 0);
  const summary = completed.length === 0 ? { ...EMPTY_SUMMARY } : summarize(completed);
  return { ...out, summary };
}
