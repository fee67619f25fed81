/**
 * A waterfall: one horizontal bar per interval, from its start to its end time,
 * on named lanes listed top to bottom in the order they first appear (objects of
 * a page load, connections, handshake phases). Bars are coloured by `group`
 * (e.g. connection or phase) with one legend entry per group; several intervals
 * may share a lane. At most FIGURE_LIMITS.drawnPoints intervals in
 * FIGURE_LIMITS.series groups. It draws intervals only: no dependency arrows or idle gaps.
 */
import type { BarTrace, Figure } from '../figure';
import * as checks from '../checks';
import { finishFigure } from '../finishFigure';
import { FIGURE_LIMITS } from '../limits';
import { NEUTRAL, pickColor } from '../palette';
import { round } from '../round';
import { baseAxis, themedLayout, hoverValue, THEME, unitOf } from '../theme';

export interface TimelineRow {
  /** Lane (y-axis category) the interval is drawn on. */
  lane: string;
  /** Start time in ms. */
  startMs: number;
  /** End time in ms, ≥ startMs. */
  endMs: number;
  /** Colour and legend group (default: one ungrouped colour, no legend). */
  group?: string;
  /** Extra text shown on hover, e.g. 'TLS handshake' or '120 kB'. */
  label?: string;
}

const ROW_KEYS: readonly (keyof TimelineRow)[] = ['lane', 'startMs', 'endMs', 'group', 'label'];

export interface TimelineFigureOptions extends checks.CommonFigureOptions {
  /** Default 'time (ms)'. */
  xTitle?: string;
  /** Default 'lane'. */
  yTitle?: string;
  /** Height in px (default: 420, or more for many lanes). */
  height?: number;
}

const FN = 'timelineFigure';
const KEYS: readonly (keyof TimelineFigureOptions)[] = ['xTitle', 'yTitle', ...checks.COMMON_KEYS];
/** Pixels per lane when many lanes need a taller figure. */
const LANE_PX = 22;

/**
 * A waterfall: one horizontal bar per interval (ms) on named lanes, top to bottom
 * in order of first appearance, coloured by `group`. Returns the plotly figure JSON.
 *
 * @throws TypeError or RangeError naming the option or row that is wrong.
 *
 * @example
 * ```ts
 * import { pageLoad, pageLoadPhases, PAGE_LOAD_PHASE_COLORS, show, timelineFigure } from 'netlab';
 *
 * const load = pageLoad({ protocol: 'http1.1', objects: [20_000, 5_000, 5_000], path: { rttMs: 50 } });
 * show(timelineFigure(pageLoadPhases(load), { colors: PAGE_LOAD_PHASE_COLORS }));
 * ```
 */
export function timelineFigure(rows: TimelineRow[], options?: TimelineFigureOptions): Figure {
  const opts = checks.readOptions(FN, options, KEYS);
  const { xTitle, yTitle } = checks.axisTitles(FN, opts, 'time (ms)', 'lane');

  const lanes: string[] = [];
  const laneSet = new Set<string>();
  const groups = new Map<string, { lane: string[]; base: number[]; length: number[]; custom: (string | number)[][] }>();
  checks.list(`${FN} rows`, rows, FIGURE_LIMITS.drawnPoints).forEach((row, i) => {
    const at = `${FN} rows[${i}]`;
    const r = checks.fields<TimelineRow>(FN, `rows[${i}]`, row, ROW_KEYS);
    const lane = checks.text(`${at}.lane`, r.lane);
    const start = checks.value(`${at}.startMs`, r.startMs);
    const end = checks.value(`${at}.endMs`, r.endMs);
    if (end < start) throw new RangeError(`${at}.endMs must be ≥ startMs (${start}); got ${end}`);
    const group = checks.optionalText(`${at}.group`, r.group) ?? '';
    const label = checks.optionalText(`${at}.label`, r.label) ?? '';
    if (!laneSet.has(lane)) {
      laneSet.add(lane);
      lanes.push(lane);
    }
    let g = groups.get(group);
    if (!g) {
      groups.set(group, (g = { lane: [], base: [], length: [], custom: [] }));
      checks.atMost(`${FN} rows`, groups.size, FIGURE_LIMITS.series, 'groups');
    }
    g.lane.push(lane);
    g.base.push(round(start));
    g.length.push(round(end - start));
    g.custom.push([label, round(start), round(end)]);
  });
  const common = checks.common(FN, opts, Math.max(THEME.height, lanes.length * LANE_PX + 140));

  const unit = unitOf(xTitle);
  const data: BarTrace[] = [...groups].map(([group, g]) => ({
    type: 'bar',
    orientation: 'h',
    name: group === '' ? 'interval' : group,
    showlegend: group !== '',
    y: g.lane,
    x: g.length,
    base: g.base,
    customdata: g.custom,
    marker: { color: group === '' ? NEUTRAL : pickColor(group, common.colors) },
    hovertemplate: `%{y} %{customdata[0]}<br>${hoverValue('customdata[1]')}–${hoverValue('customdata[2]', unit)}` +
      ` (${hoverValue('x', unit)})<extra>%{fullData.name}</extra>`,
  }));

  const layout = themedLayout(common);
  // Overlay, not group: bars of different groups on one lane share its row.
  layout.barmode = 'overlay';
  layout.bargap = 0.25;
  layout.xaxis = baseAxis(xTitle);
  layout.yaxis = baseAxis(yTitle, { kind: 'category' });
  layout.yaxis.categoryorder = 'array';
  layout.yaxis.categoryarray = lanes.slice();
  layout.yaxis.autorange = 'reversed';
  return finishFigure(FN, { data, layout });
}
