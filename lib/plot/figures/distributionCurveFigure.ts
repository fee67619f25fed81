/**
 * Distribution curves of several samples, one step line per configuration:
 * - ecdfFigure, the empirical CDF: at latency x the line shows the fraction of
 *   requests that took at most x, on a linear y axis from 0 to 1.
 * - ccdfFigure, the tail plot: the complementary CDF P(X > x) on log–log axes
 *   (each axis linear when its values span two decades or less, e.g. under 100 samples). A
 *   power-law tail is a straight line, an exponential tail bends down, and the
 *   slowest request in 10^6 stays visible at 10^-6. Each line steps down at every
 *   sample value (the points themselves carry P(X ≥ x), the value just before the
 *   step; the last step to 0 cannot be drawn on a log axis).
 * The x axis is logarithmic by default when the samples span more than two
 * decades (the figure rules' threshold), linear otherwise; an ECDF's log axis starts at the lowest 0.1th percentile among the series, so a
 * handful of near-zero values does not stretch it over empty decades. Large
 * samples are thinned to `maxPoints` steps per series (by lib/stats ecdf/ccdf),
 * keeping the minimum, the maximum and the tail, so a page with 10^6-request runs
 * stays small. It does not draw confidence bands, interpolate between samples, or
 * fit or extrapolate a tail model.
 */
import { ccdf, ecdf, type Curve } from '../../stats/ecdf';
import { quantiles } from '../../stats/quantile';
import * as check from '../../validate';
import type { Figure, Line, ScatterTrace } from '../figure';
import * as checks from '../checks';
import { finishFigure } from '../finishFigure';
import { spansDecades } from '../figureRules';
import { FIGURE_LIMITS } from '../limits';
import { pickColor } from '../palette';
import { roundAll } from '../round';
import { checkSamples, type SampleSeries } from '../series';
import { baseAxis, themedLayout, hoverValue, THEME, unitOf } from '../theme';

/** The options ecdfFigure and ccdfFigure share. */
export interface DistributionCurveOptions extends checks.CommonFigureOptions {
  /** Log x axis (default: log when every value is > 0 and they span more than two decades, the figure rules' threshold). */
  logX?: boolean;
  /** Most points drawn per series (integer in [16, 100000], default 2000; series × maxPoints ≤ 10^6). */
  maxPoints?: number;
  /** Default 'latency (ms)'. */
  xTitle?: string;
}

export interface EcdfFigureOptions extends DistributionCurveOptions {
  /** Default 'fraction of values ≤ x'. */
  yTitle?: string;
}

export interface CcdfFigureOptions extends DistributionCurveOptions {
  /** Default 'fraction of values > x'. */
  yTitle?: string;
}

/** What tells one curve from the other. */
interface CurveKind {
  fn: string;
  yTitle: string;
  /** The drawn points (x ascending) of one sample. */
  curve(values: ArrayLike<number>, maxPoints: number): Curve;
  /** The relation the hover text states, P(X ≤ x) or P(X ≥ x). */
  relation: '≤' | '≥';
  shape: NonNullable<Line['shape']>;
  /** Log y axis when the drawn fractions span more than two decades (a CCDF's tail); a linear one spans [0, 1.02]. */
  logY: boolean;
}

const KINDS: Record<'ecdf' | 'ccdf', CurveKind> = {
  ecdf: {
    fn: 'ecdfFigure',
    yTitle: 'fraction of values ≤ x',
    curve: (values, maxPoints) => ecdf(values, { maxPoints }),
    relation: '≤',
    shape: 'hv',
    logY: false,
  },
  ccdf: {
    fn: 'ccdfFigure',
    yTitle: 'fraction of values > x',
    curve: (values, maxPoints) => ccdf(values, { maxPoints, inclusive: true }),
    relation: '≥',
    // 'vh': at each x drop to the next point's level, then run flat to the next x.
    shape: 'vh',
    logY: true,
  },
};

const KEYS: readonly (keyof EcdfFigureOptions & keyof CcdfFigureOptions)[] = ['logX', 'maxPoints', 'xTitle', 'yTitle', ...checks.COMMON_KEYS];

function curveFigure(kind: CurveKind, series: SampleSeries[], options: EcdfFigureOptions | CcdfFigureOptions | undefined): Figure {
  const fn = kind.fn;
  const opts = checks.readOptions(fn, options, KEYS);
  const explicitLog = opts.logX === undefined ? undefined : check.flag(`${fn} logX`, opts.logX, true);
  const maxPoints = checks.maxPoints(`${fn} maxPoints`, opts.maxPoints);
  const { xTitle, yTitle } = checks.axisTitles(fn, opts, 'latency (ms)', kind.yTitle);
  const common = checks.common(fn, opts);
  const samples = checkSamples(fn, series, explicitLog ?? false);
  const logX = explicitLog ?? spansDecades(samples.map((s) => s.values));
  const drawn = samples.reduce((n, s) => n + Math.min(s.values.length, maxPoints), 0);
  checks.atMost(`${fn} series`, drawn, FIGURE_LIMITS.drawnPoints, `points to draw (up to maxPoints = ${maxPoints} per series)`);

  const data: ScatterTrace[] = samples.map((s) => {
    const c = kind.curve(s.values, maxPoints);
    return {
      type: 'scatter',
      mode: 'lines',
      name: s.name,
      x: roundAll(c.x),
      y: roundAll(c.p),
      line: { color: pickColor(s.name, common.colors), width: THEME.lineWidth, shape: kind.shape },
      hovertemplate: `P(X ${kind.relation} ${hoverValue('x', unitOf(xTitle))}) = %{y:.4~r}<extra>%{fullData.name}</extra>`,
    };
  });

  const logY = kind.logY && spansDecades(data.map((t) => t.y as number[]));
  const layout = themedLayout(common);
  layout.xaxis = baseAxis(xTitle, { log: logX });
  layout.yaxis = baseAxis(yTitle, { kind: 'probability', log: logY });
  if (!logY) layout.yaxis.range = [0, 1.02];
  if (logX && !logY) layout.xaxis.range = logRange(samples);
  return finishFigure(fn, { data, layout });
}

/** log10 axis range from the lowest 0.1th percentile to the highest maximum, padded a little. */
function logRange(samples: SampleSeries[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of samples) {
    const [p001, max] = quantiles(s.values, [0.001, 1]);
    lo = Math.min(lo, p001);
    hi = Math.max(hi, max);
  }
  const pad = 0.02 * Math.max(Math.log10(hi / lo), 1);
  return [Math.log10(lo) - pad, Math.log10(hi) + pad];
}

/**
 * Empirical CDFs, P(X ≤ x), one 'hv' step line per sample on a linear y axis.
 * Returns the plotly figure JSON.
 *
 * @throws TypeError or RangeError naming the option or series that is wrong.
 *
 * @example
 * ```ts
 * import { createRng, ecdfFigure, requestTimes, show } from 'netlab';
 *
 * const series = [0, 0.02].map((lossRate) => ({
 *   name: `loss ${lossRate * 100}%`,
 *   values: requestTimes({ rttMs: 50, lossRate, bytes: 50_000, samples: 200, rng: createRng(1) }).totalMs,
 * }));
 * show(ecdfFigure(series, { xTitle: 'request time (ms)' }));
 * ```
 */
export function ecdfFigure(series: SampleSeries[], options?: EcdfFigureOptions): Figure {
  return curveFigure(KINDS.ecdf, series, options);
}

/**
 * Tail plot: P(X > x), one 'vh' step line per sample on a log y axis (log–log by
 * default), where a heavy tail shows as a straight line. Returns the plotly figure JSON.
 *
 * @throws TypeError or RangeError naming the option or series that is wrong.
 *
 * @example
 * ```ts
 * import { ccdfFigure, createRng, exponential, pareto, show } from 'netlab';
 *
 * const rng = createRng(1);
 * const light = Array.from({ length: 1_000 }, () => exponential(20).sample(rng));
 * const heavy = Array.from({ length: 1_000 }, () => pareto({ scale: 10, shape: 1.5 }).sample(rng));
 * show(ccdfFigure([{ name: 'exponential', values: light }, { name: 'Pareto', values: heavy }], { xTitle: 'latency (ms)' }));
 * ```
 */
export function ccdfFigure(series: SampleSeries[], options?: CcdfFigureOptions): Figure {
  return curveFigure(KINDS.ccdf, series, options);
}
