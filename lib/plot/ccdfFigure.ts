/**
 * Tail plot: the complementary CDF P(X > x) of several samples on log–log axes.
 * A power-law tail is a straight line, an exponential tail bends down, and the
 * slowest request in 10^6 stays visible at 10^-6. Each line steps down at every
 * sample value (the points themselves carry P(X ≥ x), the value just before the
 * step; the last step to 0 cannot be drawn on a log axis). Large samples are
 * thinned as in ecdfFigure. It does not fit or extrapolate a tail model.
 */
import { ccdf } from '../stats/ecdf';
import * as check from '../validate';
import type { Figure, ScatterTrace } from './figure';
import * as checks from './checks';
import { pickColor } from './palette';
import { roundAll } from './round';
import { checkSamples, type SampleSeries } from './series';
import { baseAxis, baseLayout, hoverValue, THEME, unitOf } from './theme';

export interface CcdfFigureOptions {
  /** Log x axis (default true: log–log); needs every value > 0. */
  logX?: boolean;
  /** Most points drawn per series (integer ≥ 16, default 2000). */
  maxPoints?: number;
  title?: string;
  /** Default 'latency (ms)'. */
  xTitle?: string;
  /** Default 'fraction of values > x'. */
  yTitle?: string;
  /** Height in px (default 420). */
  height?: number;
  /** Colour overrides by series name. */
  colors?: Record<string, string>;
}

const FN = 'ccdfFigure';
const KEYS = ['logX', 'maxPoints', 'xTitle', 'yTitle', ...checks.COMMON_KEYS];

export function ccdfFigure(series: SampleSeries[], options?: CcdfFigureOptions): Figure {
  const opts = checks.readOptions(FN, options, KEYS);
  const logX = check.flag(`${FN} logX`, opts.logX, true);
  const maxPoints = checks.maxPoints(`${FN} maxPoints`, opts.maxPoints);
  const xTitle = checks.text(`${FN} xTitle`, opts.xTitle, 'latency (ms)');
  const yTitle = checks.text(`${FN} yTitle`, opts.yTitle, 'fraction of values > x');
  const common = checks.common(FN, opts);
  const samples = checkSamples(FN, series, logX ? 'when logX is true (set logX: false for zero or negative values)' : undefined);

  const data: ScatterTrace[] = samples.map((s) => {
    const c = ccdf(s.values, { maxPoints, inclusive: true });
    return {
      type: 'scatter',
      mode: 'lines',
      name: s.name,
      x: roundAll(c.x),
      y: roundAll(c.p),
      // 'vh': at each x drop to the next point's level, then run flat to the next x.
      line: { color: pickColor(s.name, common.colors), width: THEME.lineWidth, shape: 'vh' },
      hovertemplate: `P(X ≥ ${hoverValue('x', unitOf(xTitle))}) = %{y:.4~r}<extra>%{fullData.name}</extra>`,
    };
  });

  const layout = baseLayout({ title: common.title, height: common.height });
  layout.xaxis = baseAxis(xTitle, { log: logX });
  layout.yaxis = baseAxis(yTitle, { kind: 'probability', log: true });
  return { data, layout };
}
