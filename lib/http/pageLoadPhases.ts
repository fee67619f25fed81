/**
 * A page load as the rows of a waterfall: each connection's handshake, then, per
 * object, the phases it went through, in the shape `timelineFigure` draws
 * ({ lane, startMs, endMs, group }):
 *  - 'not yet requested': from the start until its request left (HTTP/1.1: waiting
 *    for a free connection; HTTP/2 and HTTP/3: waiting for the connection);
 *  - 'waiting for the response': request sent, no byte of the response yet;
 *  - 'receiving': from its first byte to the arrival of its last own byte;
 *  - 'held behind a lost packet': all of its bytes were in, but the transport held
 *    them back behind another stream's loss (head-of-line blocking, `blockedMs`).
 * Phases of zero length are left out. It reads one `pageLoad` result; it draws nothing.
 */
import * as check from '../validate';
import type { PageLoad } from './pageLoad';

/** One bar of a waterfall; structurally a `TimelineRow` of lib/plot. */
export interface PageLoadPhaseRow {
  /** 'connection k' or the object's name, after the prefix. */
  lane: string;
  startMs: number;
  endMs: number;
  /** 'handshake' or one of the object phases (see PAGE_LOAD_PHASE_COLORS). */
  group: string;
}

/** Options of `pageLoadPhases`: lane names and a prefix. */
export interface PageLoadPhasesOptions {
  /** One name per object of the load, in object order (default 'object 1', 'object 2', …). */
  names?: string[];
  /** Put before every lane, e.g. 'HTTP/2 · ', to draw several loads in one figure (default ''). */
  prefix?: string;
}

/** Every key of `PageLoadPhasesOptions`. */
export const PAGE_LOAD_PHASES_KEYS: readonly (keyof PageLoadPhasesOptions)[] = ['names', 'prefix'];

/** A colour for every phase group `pageLoadPhases` emits (colour-blind-safe, Okabe–Ito). */
export const PAGE_LOAD_PHASE_COLORS: Readonly<Record<string, string>> = {
  handshake: '#999999',
  'not yet requested': '#dddddd',
  'waiting for the response': '#56B4E9',
  receiving: '#0072B2',
  'held behind a lost packet': '#D55E00',
};

/**
 * The waterfall rows of one page load: connections first, then each object's phases.
 *
 * @example
 * ```ts
 * import { pageLoad, pageLoadPhases, PAGE_LOAD_PHASE_COLORS, show, timelineFigure } from 'netlab';
 *
 * const load = pageLoad({ protocol: 'http2', objects: [20_000, 5_000], path: { rttMs: 50 } });
 * show(timelineFigure(pageLoadPhases(load, { names: ['index.html', 'app.js'] }), { colors: PAGE_LOAD_PHASE_COLORS }));
 * ```
 */
export function pageLoadPhases(load: PageLoad, opts: PageLoadPhasesOptions = {}): PageLoadPhaseRow[] {
  const FN = 'pageLoadPhases';
  if (load === null || typeof load !== 'object' || !Array.isArray(load.objects) || !Array.isArray(load.connections)) {
    throw new TypeError(`${FN} load must be the result of pageLoad ({ objects, connections, … }); got ${check.describe(load)}`);
  }
  check.options(FN, opts, PAGE_LOAD_PHASES_KEYS);
  const prefix = opts.prefix === undefined ? '' : opts.prefix;
  if (typeof prefix !== 'string') throw new TypeError(`${FN} prefix must be a string; got ${check.describe(prefix)}`);
  const names = opts.names === undefined ? load.objects.map((o) => `object ${o.index + 1}`) : opts.names;
  if (!Array.isArray(names)) throw new TypeError(`${FN} names must be an array of strings; got ${check.describe(names)}`);
  if (names.length !== load.objects.length) throw new RangeError(`${FN} names must hold one name per object (${load.objects.length}); got ${names.length}`);
  names.forEach((n, i) => {
    if (typeof n !== 'string') throw new TypeError(`${FN} names[${i}] must be a string; got ${check.describe(n)}`);
  });
  const rows: PageLoadPhaseRow[] = [];
  const add = (lane: string, startMs: number, endMs: number, group: string): void => {
    if (endMs > startMs) rows.push({ lane: prefix + lane, startMs, endMs, group });
  };
  for (const c of load.connections) add(`connection ${c.index}`, c.openedMs, c.readyMs, 'handshake');
  load.objects.forEach((o, i) => {
    const arrivedMs = o.endMs - o.blockedMs;
    const firstMs = Math.min(o.firstByteMs, arrivedMs);
    add(names[i], 0, o.startMs, 'not yet requested');
    add(names[i], o.startMs, firstMs, 'waiting for the response');
    add(names[i], firstMs, arrivedMs, 'receiving');
    add(names[i], arrivedMs, o.endMs, 'held behind a lost packet');
  });
  return rows;
}
