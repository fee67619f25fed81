/**
 * Stacked bars: one bar per configuration, split into named parts, e.g. a request's
 * latency budget (DNS, TCP, TLS, server, transfer). Parts keep one order in every
 * bar (the `parts` option, or order of first appearance) and one colour per part
 * name across figures; a part a row lacks counts as 0. Parts must be ≥ 0. It does
 * not compute the budget or show negative (relative) stacks.
 */
import type { BarTrace, Figure } from '../figure';
import * as checks from '../checks';
import { finishFigure } from '../finishFigure';
import { FIGURE_LIMITS } from '../limits';
import { pickColor } from '../palette';
import { round } from '../round';
import { baseAxis, themedLayout, hoverValue, unitOf } from '../theme';

export interface StackedBarRow {
  /** Bar name (configuration). */
  name: string;
  /** Size of each part, e.g. `{ DNS: 30, TCP: 50, TLS: 100 }` in ms. */
  parts: Record<string, number>;
}

const ROW_KEYS: readonly (keyof StackedBarRow)[] = ['name', 'parts'];

export interface StackedBarFigureOptions extends checks.CommonFigureOptions {
  /** Order of the parts from the bottom of each bar (default: order of first appearance). */
  parts?: string[];
  /** Default 'configuration'. */
  xTitle?: string;
  /** Default 'time (ms)'. */
  yTitle?: string;
}

const FN = 'stackedBarFigure';
const KEYS: readonly (keyof StackedBarFigureOptions)[] = ['parts', 'xTitle', 'yTitle', ...checks.COMMON_KEYS];

/**
 * One bar per row, stacked from its named parts (each ≥ 0) in one order and one
 * colour per part across bars, e.g. a request's latency budget. Returns the plotly
 * figure JSON.
 *
 * @throws TypeError or RangeError naming the option, row or part that is wrong.
 *
 * @example
 * ```ts
 * import { requestTime, show, stackedBarFigure } from 'netlab';
 *
 * const rows = [20, 80].map((rttMs) => {
 *   const r = requestTime({ rttMs, bytes: 50_000 });
 *   return { name: `RTT ${rttMs} ms`, parts: { ...r.breakdown } };
 * });
 * show(stackedBarFigure(rows, { yTitle: 'time (ms)' }));
 * ```
 */
export function stackedBarFigure(rows: StackedBarRow[], options?: StackedBarFigureOptions): Figure {
  const opts = checks.readOptions(FN, options, KEYS);
  const { xTitle, yTitle } = checks.axisTitles(FN, opts, 'configuration', 'time (ms)');
  const common = checks.common(FN, opts);
  const partNames = new Set<string>();
  const given = opts.parts === undefined
    ? undefined
    : checks.list(`${FN} parts`, opts.parts, FIGURE_LIMITS.series).map((p, i) => checks.name(`${FN} parts[${i}]`, p, partNames));

  const seen = new Set<string>();
  const order: string[] = given ? given.slice() : [];
  const checked = checks.list(`${FN} rows`, rows, FIGURE_LIMITS.series).map((row, i) => {
    const at = `${FN} rows[${i}]`;
    const r = checks.fields<StackedBarRow>(FN, `rows[${i}]`, row, ROW_KEYS);
    const name = checks.name(`${at}.name`, r.name, seen);
    const parts = checks.record(`${at}.parts`, r.parts);
    const values = new Map<string, number>();
    for (const [part, v] of Object.entries(parts)) {
      const size = checks.value(`${at}.parts[${JSON.stringify(part)}]`, v);
      if (size < 0) throw new RangeError(`${at}.parts[${JSON.stringify(part)}] must be >= 0; got ${size}`);
      if (!order.includes(part)) {
        if (given) throw new RangeError(`${at}.parts has ${JSON.stringify(part)}, which is not in ${FN} parts (${given.join(', ')})`);
        order.push(part);
        checks.atMost(`${FN} rows`, order.length, FIGURE_LIMITS.series, 'part names in all');
      }
      values.set(part, size);
    }
    return { name, values };
  });
  if (order.length === 0) throw new RangeError(`${FN} rows must name at least one part; every rows[i].parts is empty`);

  const names = checked.map((r) => r.name);
  const yHover = hoverValue('y', unitOf(yTitle));
  const data: BarTrace[] = order.map((part) => ({
    type: 'bar',
    name: part,
    x: names.slice(),
    y: checked.map((r) => round(r.values.get(part) ?? 0)),
    marker: { color: pickColor(part, common.colors) },
    hovertemplate: `%{x}: ${yHover}<extra>%{fullData.name}</extra>`,
  }));

  const layout = themedLayout(common);
  layout.barmode = 'stack';
  layout.bargap = 0.35;
  layout.legend = { ...layout.legend, traceorder: 'normal' };
  layout.xaxis = baseAxis(xTitle, { kind: 'category' });
  layout.xaxis.categoryorder = 'array';
  layout.xaxis.categoryarray = names.slice();
  layout.yaxis = baseAxis(yTitle);
  layout.yaxis.rangemode = 'tozero';
  return finishFigure(FN, { data, layout });
}
