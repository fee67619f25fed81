/**
 * The four golden signals of a run (latency, traffic, errors, saturation) as four
 * stacked panels over time, read from the run's time buckets: p50 and p99 of the
 * successful requests, offered and succeeded traffic, errors per second, and the
 * busiest resource's utilisation. The latency axis turns logarithmic by itself when
 * its values span more than two decades (the figure rules allow no other). Extra
 * traffic lines (e.g. attempts with retries) and per-resource saturation lines
 * replace or join the defaults. It reads any bucket of that shape (simulatePipeline's
 * `signals`, simulateStack's `goldenSignals`); it does not compute the signals.
 */
import * as check from '../../validate';
import type { Figure } from '../figure';
import * as checks from '../checks';
import { spansDecades } from '../figureRules';
import { XY_SERIES_KEYS, type XYSeries } from '../series';
import { signalsFigure, type SignalPanel, type SignalsFigureOptions } from './signalsFigure';
import type { VerticalMarker } from '../verticalMarkers';
import type { SignalBucket } from '../../sim/measures/goldenSignals';

/** One time bucket of golden signals: lib/sim's SignalBucket, as `simulatePipeline` and `simulateStack` report it. */
export type GoldenSignalBucket = SignalBucket;

/** Options of `goldenSignalsFigure`. */
export interface GoldenSignalsFigureOptions extends checks.CommonFigureOptions {
  /** Bucket width (ms): when given, each point sits in the middle of its bucket; otherwise at its start. */
  bucketMs?: number;
  /** Label of the offered-traffic line (default 'offered'). */
  offeredName?: string;
  /** Label of the succeeded-traffic line (default 'succeeded'); null leaves the line out. */
  succeededName?: string | null;
  /** More traffic lines, x in seconds (e.g. new requests beside attempts). */
  traffic?: XYSeries[];
  /** Saturation lines, x in seconds, drawn instead of the buckets' one line (e.g. one per stage). */
  saturation?: XYSeries[];
  /** y title of the saturation panel (default 'share of workers busy'). */
  saturationTitle?: string;
  /** Vertical lines across all panels, x in seconds. */
  markers?: VerticalMarker[];
}

const FN = 'goldenSignalsFigure';
const KEYS: readonly (keyof GoldenSignalsFigureOptions)[] = [
  'bucketMs', 'offeredName', 'succeededName', 'traffic', 'saturation', 'saturationTitle', 'markers', ...checks.COMMON_KEYS,
];
const BUCKET_KEYS: readonly (keyof GoldenSignalBucket)[] = ['tMs', 'offeredRps', 'throughputRps', 'errorRps', 'p50Ms', 'p99Ms', 'saturation'];

/**
 * Four panels over time in seconds: latency (p50, p99 dashed; ms), traffic,
 * errors (requests/s) and saturation. Returns the plotly figure JSON.
 *
 * @throws TypeError or RangeError naming the option (or `buckets[i].field`) that is wrong.
 *
 * @example
 * ```ts
 * import { createRng, exponential, goldenSignalsFigure, show, simulatePipeline } from 'netlab';
 *
 * const run = simulatePipeline({
 *   stages: [{ name: 'app', workers: 2, serviceTime: exponential(5) }],
 *   load: 100, durationMs: 5_000, bucketMs: 500, rng: createRng(1),
 * });
 * show(goldenSignalsFigure(run.signals, { bucketMs: 500 }));
 * ```
 */
export function goldenSignalsFigure(buckets: readonly GoldenSignalBucket[], options?: GoldenSignalsFigureOptions): Figure {
  const opts: GoldenSignalsFigureOptions = options === undefined ? {} : check.options(FN, options, KEYS, ['succeededName']);
  if (!Array.isArray(buckets) || buckets.length < 2) {
    throw new TypeError(`${FN} buckets must be a list of at least 2 signal buckets { tMs, offeredRps, … }; got ${check.describe(buckets)}`);
  }
  buckets.forEach((b, i) => {
    // Buckets may carry more fields (simulateStack's hold requestRps, retryRps): only the ones read are checked.
    if (b === null || typeof b !== 'object') throw new TypeError(`${FN} buckets[${i}] must be a signal bucket { tMs, offeredRps, … }; got ${check.describe(b)}`);
    for (const key of BUCKET_KEYS) {
      const v = (b as unknown as Record<string, unknown>)[key];
      if (typeof v !== 'number') throw new TypeError(`${FN} buckets[${i}].${key} must be a number; got ${check.describe(v)}`);
      // NaN is a documented gap for the latency percentiles only (a bucket without a success).
      if ((key !== 'p50Ms' && key !== 'p99Ms') || !Number.isNaN(v)) check.finite(`${FN} buckets[${i}].${key}`, v);
    }
  });
  const half = opts.bucketMs === undefined ? 0 : check.positive(`${FN} bucketMs`, opts.bucketMs) / 2;
  const offeredName = checks.text(`${FN} offeredName`, opts.offeredName, 'offered');
  const succeededName = opts.succeededName === null ? null : checks.text(`${FN} succeededName`, opts.succeededName, 'succeeded');
  const saturationTitle = checks.text(`${FN} saturationTitle`, opts.saturationTitle, 'share of workers busy');
  const x = buckets.map((b) => (b.tMs + half) / 1000);
  const p50 = buckets.map((b) => b.p50Ms);
  const p99 = buckets.map((b) => b.p99Ms);
  const traffic: XYSeries[] = [{ name: offeredName, x, y: buckets.map((b) => b.offeredRps) }];
  if (succeededName !== null) traffic.push({ name: succeededName, x, y: buckets.map((b) => b.throughputRps) });
  if (opts.traffic !== undefined) {
    if (!Array.isArray(opts.traffic)) throw new TypeError(`${FN} traffic must be a list of series { name, x, y }; got ${check.describe(opts.traffic)}`);
    traffic.push(...opts.traffic.map((line, i) => checkLine(`traffic[${i}]`, line)));
  }
  let saturation: XYSeries[] = [{ name: 'busiest resource', x, y: buckets.map((b) => b.saturation) }];
  if (opts.saturation !== undefined) {
    if (!Array.isArray(opts.saturation) || opts.saturation.length === 0) {
      throw new TypeError(`${FN} saturation must be a non-empty list of series { name, x, y }; got ${check.describe(opts.saturation)}`);
    }
    saturation = opts.saturation.map((line, i) => checkLine(`saturation[${i}]`, line));
  }
  const panels: SignalPanel[] = [
    { title: 'Latency of successful requests', yTitle: 'latency (ms)', logY: spansDecades([p50.filter((v) => v > 0), p99.filter((v) => v > 0)]),
      series: [{ name: 'p50', x, y: p50 }, { name: 'p99', x, y: p99, dash: 'dash' }] },
    { title: 'Traffic', yTitle: 'requests/s', series: traffic },
    { title: 'Errors', yTitle: 'errors/s', series: [{ name: 'errors', x, y: buckets.map((b) => b.errorRps) }] },
    { title: 'Saturation', yTitle: saturationTitle, series: saturation },
  ];
  const figureOptions: SignalsFigureOptions = { xTitle: 'time (s)' };
  for (const key of [...checks.COMMON_KEYS, 'markers'] as const) {
    const v = (opts as Record<string, unknown>)[key];
    if (v !== undefined) (figureOptions as Record<string, unknown>)[key] = v;
  }
  if (figureOptions.height === undefined) figureOptions.height = 760;
  return check.within(FN, () => signalsFigure(panels, figureOptions));
}

/** One extra line, checked here so that an error names the option it came from. */
function checkLine(path: string, line: XYSeries): XYSeries {
  check.nestedOptions(`${FN} ${path}`, line, XY_SERIES_KEYS);
  if (typeof line.name !== 'string' || line.name === '') throw new TypeError(`${FN} ${path}.name must be a non-empty string; got ${check.describe(line.name)}`);
  const x = check.finiteArray(`${FN} ${path}.x`, line.x);
  const y = check.finiteArray(`${FN} ${path}.y`, line.y, true);
  if (x.length !== y.length) throw new RangeError(`${FN} ${path}: x and y must have one length; got ${x.length} and ${y.length}`);
  return line;
}
