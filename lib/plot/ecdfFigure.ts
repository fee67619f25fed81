/**
 * Empirical CDFs of several samples, one step line per configuration: at latency
 * x the line shows the fraction of requests that took at most x. The x axis is
 * logarithmic by default, since latencies spread over decades. Large samples are
 * thinned to `maxPoints` steps per series (by lib/stats ecdf), keeping the
 * minimum, the maximum and the tail, so a page with 10^6-request runs stays small.
 * It does not draw confidence bands or interpolate between samples.
 */
import { ecdf } from '../stats/ecdf';
import * as check from '../validate';
import type { Figure, ScatterTrace } from './figure';
import * as checks from './checks';
import { pickColor } from './palette';
import { roundAll } from './round';
import { checkSamples, type SampleSeries } from './series';
import { baseAxis, baseLayout, hoverValue, THEME, unitOf } from './theme';

export interface EcdfFigureOptions {
  /** Log x axis (default true); needs every value > 0. */
  logX?: boolean;
  /** Most points drawn per series (integer ≥ 16, default 2000). */
  maxPoints?: number;
  title?: string;
  /** Default 'latency (ms)'. */
  xTitle?: string;
  /** Default 'fraction of values ≤ x'. */
  yTitle?: string;
  /** Height in px (default 420). */
  height?: number;
  /** Colour overrides by series name. */
  colors?: Record<string, string>;
}

const FN = 'ecdfFigure';
const KEYS = ['logX', 'maxPoints', 'xTitle', 'yTitle', ...checks.COMMON_KEYS];

export function ecdfFigure(series: SampleSeries[], options?: EcdfFigureOptions): Figure {
  const opts = checks.readOptions(FN, options, KEYS);
  const logX = check.flag(`${FN} logX`, opts.logX, true);
  const maxPoints = checks.maxPoints(`${FN} maxPoints`, opts.maxPoints);
  const xTitle = checks.text(`${FN} xTitle`, opts.xTitle, 'latency (ms)');
  const yTitle = checks.text(`${FN} yTitle`, opts.yTitle, 'fraction of values ≤ x');
  const common = checks.common(FN, opts);
  const samples = checkSamples(FN, series, logX ? 'when logX is true (set logX: false for zero or negative values)' : undefined);

  const data: ScatterTrace[] = samples.map((s) => {
    const c = ecdf(s.values, { maxPoints });
    return {
      type: 'scatter',
      mode: 'lines',
      name: s.name,
      x: roundAll(c.x),
      y: roundAll(c.p),
      line: { color: pickColor(s.name, common.colors), width: THEME.lineWidth, shape: 'hv' },
      hovertemplate: `P(X ≤ ${hoverValue('x', unitOf(xTitle))}) = %{y:.4~r}<extra>%{fullData.name}</extra>`,
    };
  });

  const layout = baseLayout({ title: common.title, height: common.height });
  layout.xaxis = baseAxis(xTitle, { log: logX });
  layout.yaxis = baseAxis(yTitle, { kind: 'probability' });
  layout.yaxis.range = [0, 1.02];
  return { data, layout };
}
