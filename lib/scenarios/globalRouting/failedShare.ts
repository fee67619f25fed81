/**
 * The share of a global-routing run's user requests that failed, among those first
 * sent from some user regions within a time window: "how much of London's traffic was
 * lost before the DNS noticed". A request counts in the window of its first send,
 * whatever its retry did later. Not done: weighting by attempts (see `result.attempts`).
 */
import * as check from '../../validate';
import type { GlobalRoutingResult } from './globalRoutingReport';

/** Options of `failedShare`. */
export interface FailedShareOptions {
  /** User regions counted (default: every region of the run). */
  places?: string[];
  /** Window start, by first-send time (ms, ≥ 0; default 0). */
  fromMs?: number;
  /** Window end, exclusive (ms, > fromMs; default the run's duration). */
  toMs?: number;
}

/** The keys of `FailedShareOptions`. */
export const FAILED_SHARE_KEYS: readonly (keyof FailedShareOptions)[] = ['places', 'fromMs', 'toMs'];

/** Failed requests as a percentage of the requests first sent from `places` in [fromMs, toMs); NaN when none was sent. */
export function failedShare(result: GlobalRoutingResult, opts: FailedShareOptions = {}): number {
  const FN = 'failedShare';
  if (!result || !Array.isArray(result.requests)) throw new TypeError(`${FN}: result must be what simulateGlobalRouting returned; got ${check.describe(result)}`);
  check.options(FN, opts, FAILED_SHARE_KEYS);
  const fromMs = opts.fromMs === undefined ? 0 : check.nonNegative('fromMs', opts.fromMs);
  const toMs = opts.toMs === undefined ? result.durationMs : check.finite('toMs', opts.toMs);
  if (!(toMs > fromMs)) throw new RangeError(`${FN}: toMs must be greater than fromMs (${fromMs}); got ${toMs}`);
  const known = new Set(result.requests.map((q) => q.userRegion));
  const places = opts.places ?? [...known];
  if (!Array.isArray(places) || places.some((p) => typeof p !== 'string')) throw new TypeError(`${FN}: places must be a list of user region names; got ${check.describe(places)}`);
  for (const p of places) {
    if (!known.has(p)) throw new RangeError(`${FN}: places holds "${p}", which sent no request in this run; known: ${[...known].join(', ')}`);
  }
  let sent = 0;
  let failed = 0;
  for (const q of result.requests) {
    if (q.tMs < fromMs || q.tMs >= toMs || !places.includes(q.userRegion)) continue;
    sent++;
    if (!q.ok) failed++;
  }
  return sent === 0 ? NaN : (100 * failed) / sent;
}
