/**
 * Whether a run keeps one row per request (typed columns) or only what streams:
 * summaries whose memory does not grow with the run. Every request-level model takes
 * the same `keep` option and reports the choice in its result's `kept` field.
 *
 * - `'columns'`: every measured request's row, exact summaries (selection over the
 *   kept values); memory grows by tens of bytes per request.
 * - `'summaries'`: counts and a latency sketch (`LogHistogram` at 0.5 % relative
 *   error, so every quantile is within 0.5 % of the exact run's); memory is bounded
 *   by the requests in flight, not by the run's length.
 *
 * By default a run of at most COLUMNS_KEPT_UP_TO requests keeps columns and a longer
 * one keeps summaries. Reading a column a run did not keep throws a RangeError that
 * says why and how to keep it, rather than handing back an empty array.
 */
import * as check from '../validate';
import { LogHistogram } from '../stats/streamingHistogram';

/** What a run keeps: per-request columns, or streaming summaries only. */
export type Keep = 'columns' | 'summaries';

/** Every value of the `keep` option. */
export const KEEP_MODES: readonly Keep[] = ['columns', 'summaries'];

/** Runs of more requests than this keep summaries unless `keep: 'columns'` is given (10^7). */
export const COLUMNS_KEPT_UP_TO = 10_000_000;

/** Relative error of the quantiles a run that keeps summaries reports (0.5 %). */
export const SUMMARY_RELATIVE_ERROR = 0.005;

/**
 * Checks the `keep` option of a run of `requests` requests and fills in its default:
 * columns up to COLUMNS_KEPT_UP_TO requests, summaries above. `keep: 'columns'` is
 * refused, with a RangeError, beyond `maxColumnRequests`.
 */
export function checkKeep(value: unknown, requests: number, maxColumnRequests: number): Keep {
  if (value === undefined) return requests <= COLUMNS_KEPT_UP_TO ? 'columns' : 'summaries';
  const keep = check.oneOf('keep', value, KEEP_MODES);
  if (keep === 'columns') {
    check.workWithin('requests with keep: "columns"', requests, maxColumnRequests, 'requests whose rows are kept (use keep: "summaries" beyond it)');
  }
  return keep;
}

/** A streaming latency sketch at SUMMARY_RELATIVE_ERROR, for runs that keep summaries. */
export function latencySketch(): LogHistogram {
  return new LogHistogram({ relativeError: SUMMARY_RELATIVE_ERROR });
}

/**
 * Marks `columns` of `result` as not kept: each becomes a non-enumerable property
 * whose read throws a RangeError naming the model, the run's size and the option that
 * keeps it. Returns `result`.
 */
export function withoutColumns<T extends object>(result: T, model: string, requests: number, columns: readonly (keyof T & string)[]): T {
  for (const column of columns) {
    Object.defineProperty(result, column, {
      enumerable: false,
      get() {
        throw new RangeError(
          `${model} kept summaries, not per-request columns, for this run of ${requests.toLocaleString('en-US')} requests, so ${column} was not kept ` +
            `(runs above ${COLUMNS_KEPT_UP_TO.toLocaleString('en-US')} requests keep summaries by default); read summary, or pass keep: 'columns'`,
        );
      },
    });
  }
  return result;
}
