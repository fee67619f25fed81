/**
 * Overlaid histograms of several samples (one per configuration) on shared bins,
 * drawn as semi-transparent bars so the shapes can be compared. With `logX` the
 * bins are equal in log(x), so a heavy tail spreading over decades is readable.
 * Heights are the fraction of each sample per bin by default, so samples of
 * different sizes compare. It bins the raw values itself with lib/stats
 * (plotly cannot space bins in log x); it does not smooth (no kernel density)
 * and does not pick the bin count from the data.
 */
import { binEdges } from '../../stats/binEdges';
import { histogram } from '../../stats/histogram';
import * as check from '../../validate';
import type { BarTrace, Figure } from '../figure';
import * as checks from '../checks';
import { finishFigure } from '../finishFigure';
import { FIGURE_LIMITS } from '../limits';
import { pickColor } from '../palette';
import { round, roundAll } from '../round';
import { checkSamples, type SampleSeries } from '../series';
import { baseAxis, themedLayout, hoverValue, THEME, unitOf } from '../theme';

export type HistogramNorm = 'count' | 'probability' | 'percent';

export interface HistogramFigureOptions extends checks.CommonFigureOptions {
  /** Number of bins (integer in [1, 1000], default 40), or explicit ascending bin edges (at most 1001). */
  bins?: number | ArrayLike<number>;
  /** Log x axis with log-spaced bins (default false); needs every value > 0. */
  logX?: boolean;
  /** Bar height: 'count', 'probability' (fraction of the sample, default) or 'percent'. */
  norm?: HistogramNorm;
  /** Default 'latency (ms)'. */
  xTitle?: string;
  /** Default depends on `norm`, e.g. 'fraction of values per bin'. */
  yTitle?: string;
}

const FN = 'histogramFigure';
const KEYS: readonly (keyof HistogramFigureOptions)[] = ['bins', 'logX', 'norm', 'xTitle', 'yTitle', ...checks.COMMON_KEYS];
const NORMS: readonly HistogramNorm[] = ['count', 'probability', 'percent'];
const Y_TITLES: Record<HistogramNorm, string> = {
  count: 'values per bin (count)',
  probability: 'fraction of values per bin',
  percent: 'values per bin (%)',
};

function explicitEdges(value: unknown, logX: boolean): ArrayLike<number> {
  const option = `${FN} bins`;
  checks.atMost(option, (value as ArrayLike<number>).length, FIGURE_LIMITS.bins + 1, 'bin edges');
  return check.ascending(option, checks.numbers(option, value, logX ? 'when logX is true' : undefined));
}

/**
 * Overlaid histograms of several samples on shared bins (equal in log x with
 * `logX`), heights as the fraction per bin by default. Returns the plotly figure JSON.
 *
 * @throws TypeError or RangeError naming the option or series that is wrong.
 *
 * @example
 * ```ts
 * import { createRng, exponential, histogramFigure, lognormal, show, type Distribution } from 'netlab';
 *
 * const rng = createRng(1);
 * const draw = (d: Distribution) => Array.from({ length: 500 }, () => d.sample(rng));
 * show(histogramFigure([
 *   { name: 'exponential', values: draw(exponential(20)) },
 *   { name: 'lognormal', values: draw(lognormal({ median: 15, p99: 200 })) },
 * ], { logX: true, xTitle: 'latency (ms)' }));
 * ```
 */
export function histogramFigure(series: SampleSeries[], options?: HistogramFigureOptions): Figure {
  const opts = checks.readOptions(FN, options, KEYS);
  const logX = check.flag(`${FN} logX`, opts.logX, false);
  const norm = opts.norm === undefined ? 'probability' : check.oneOf(`${FN} norm`, opts.norm, NORMS);
  const { xTitle, yTitle } = checks.axisTitles(FN, opts, 'latency (ms)', Y_TITLES[norm]);
  const common = checks.common(FN, opts);
  const samples = checkSamples(FN, series, logX);

  let edges: ArrayLike<number>;
  if (Array.isArray(opts.bins) || ArrayBuffer.isView(opts.bins)) {
    edges = explicitEdges(opts.bins, logX);
  } else {
    const bins = opts.bins === undefined ? 40 : check.integer(`${FN} bins`, opts.bins, 1, FIGURE_LIMITS.bins);
    edges = binEdges(samples.map((s) => s.values), { bins, scale: logX ? 'log' : 'linear' });
  }
  const edgeList = Array.from(edges);
  const lows = roundAll(edgeList.slice(0, -1));
  const highs = roundAll(edgeList.slice(1));
  const xUnit = unitOf(xTitle);
  const scale = (n: number) => (norm === 'count' ? 1 : norm === 'probability' ? 1 / n : 100 / n);
  const yRef = norm === 'percent' ? `%{y:.3~r}%` : norm === 'probability' ? '%{y:.3~r}' : '%{y}';

  const data: BarTrace[] = samples.map((s) => {
    const counts = Array.from(histogram(s.values, { edges }).counts);
    const k = scale(s.values.length);
    return {
      type: 'bar',
      name: s.name,
      // Bars are centred in linear units so that each spans exactly [low, high], also on a log axis.
      x: lows.map((lo, i) => round((lo + highs[i]) / 2)),
      y: counts.map((c) => round(c * k)),
      width: lows.map((lo, i) => round(highs[i] - lo)),
      customdata: lows.map((lo, i) => [lo, highs[i], counts[i]]),
      marker: { color: pickColor(s.name, common.colors), line: { width: 0 } },
      opacity: THEME.overlayOpacity,
      hovertemplate:
        `${hoverValue('customdata[0]')}–${hoverValue('customdata[1]', xUnit)}<br>` +
        `${yRef} (%{customdata[2]} values)<extra>%{fullData.name}</extra>`,
    };
  });

  const layout = themedLayout(common);
  layout.barmode = 'overlay';
  layout.bargap = 0;
  layout.xaxis = baseAxis(xTitle, { log: logX });
  layout.yaxis = baseAxis(yTitle, { kind: norm === 'probability' ? 'probability' : 'value' });
  layout.yaxis.rangemode = 'tozero';
  return finishFigure(FN, { data, layout });
}
