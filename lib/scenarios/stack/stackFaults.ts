/**
 * Faults injected into the layered stack, each at one layer and for a time window
 * [atMs, untilMs), and the checks of their options (faultTimeline.ts applies them).
 *
 * - `dns-misconfiguration` (L7): the authority answers wrongly, so every lookup from
 *   `atMs` fails. Clients holding a cached record keep working until it expires,
 *   so errors ramp up over one TTL instead of jumping.
 * - `port-exhaustion` (L4): the client side stops reusing connections (a proxy
 *   starts sending `Connection: close`, a keep-alive setting is lost): every
 *   request opens a connection, TIME_WAIT fills the ephemeral range, and new
 *   connections are refused once it is full.
 * - `route-withdrawal` (L3): the route to the service is withdrawn (as in
 *   Cloudflare's BGP incident of 21 June 2022): packets sent meanwhile go nowhere,
 *   and TCP re-sends them on its backed-off timer until the route returns.
 * - `link-degradation` at L1 (a link renegotiated to a lower speed, a failing
 *   optic: `bandwidthMbps`, `lossRate`) or at L3 (a congested or longer route:
 *   `lossRate`, `rttMs`).
 *
 * Faults of the same kind and layer may not overlap.
 */
import * as check from '../../validate';
import { MAX_WEEK_RUN_MS } from '../../sim/limits';
import type { StackLayer } from './stackLayers';

/** The kinds of fault, one per layer but for link degradation (L1 or L3). */
export const FAULT_KINDS = ['dns-misconfiguration', 'port-exhaustion', 'route-withdrawal', 'link-degradation'] as const;
/** One of FAULT_KINDS. */
export type FaultKind = (typeof FAULT_KINDS)[number];

interface FaultWindow {
  /** When the fault begins (ms, in [0, the latest fault boundary]: a week for simulateStack). */
  atMs: number;
  /** When it ends (ms, > atMs and at most the latest fault boundary; default Infinity: it lasts the run). */
  untilMs?: number;
}

/** L7: every lookup fails while it lasts. */
export interface DnsMisconfiguration extends FaultWindow {
  kind: 'dns-misconfiguration';
}

/** L4: the client stops reusing connections while it lasts. */
export interface PortExhaustion extends FaultWindow {
  kind: 'port-exhaustion';
  /** Requests per connection while the fault lasts (≥ 1; default 1: no keep-alive). */
  requestsPerConnection?: number;
}

/** L3: the route to the service is gone while it lasts. */
export interface RouteWithdrawal extends FaultWindow {
  kind: 'route-withdrawal';
}

/** L1 or L3: a slower, lossier or longer path while it lasts. */
export interface LinkDegradation extends FaultWindow {
  kind: 'link-degradation';
  /** 'L1': the link itself; 'L3': the route across the network. */
  layer: 'L1' | 'L3';
  /** Packet loss in [0, 1) added at this layer while the fault lasts. */
  lossRate?: number;
  /** L1 only: the link's bandwidth while the fault lasts (Mbit/s, > 0). */
  bandwidthMbps?: number;
  /** L3 only: the path's round-trip time while the fault lasts (ms, ≥ 0). */
  rttMs?: number;
}

/** Any fault `simulateStack` can inject. */
export type StackFault = DnsMisconfiguration | PortExhaustion | RouteWithdrawal | LinkDegradation;

/** A checked fault with its layer and end filled in. */
export type PlacedFault = StackFault & { layer: StackLayer; untilMs: number };

const KIND_LAYER: Record<Exclude<FaultKind, 'link-degradation'>, StackLayer> = {
  'dns-misconfiguration': 'L7',
  'port-exhaustion': 'L4',
  'route-withdrawal': 'L3',
};

/**
 * The layer a fault belongs to (the answer to "which layer failed?"), for a fault as
 * given to `simulateStack` or as its result reports it (with its `layer` filled in).
 * The fault is checked as `simulateStack` checks one of its `faults`, so a misspelt key
 * or a bad window is named here too.
 */
export function faultLayer(fault: StackFault | PlacedFault): StackLayer {
  if (fault !== null && typeof fault === 'object' && 'layer' in fault && fault.kind !== 'link-degradation') {
    const { layer, ...given } = fault;
    const placed = checkFault('fault', given as StackFault, MAX_STACK_DURATION_MS);
    if (layer !== placed.layer) throw new RangeError(`fault.layer must be "${placed.layer}" for a ${placed.kind} fault; got ${check.describe(layer)}`);
    return placed.layer;
  }
  return checkFault('fault', fault, MAX_STACK_DURATION_MS).layer;
}

/** The layer of a fault already checked. */
function layerOf(fault: StackFault): StackLayer {
  return fault.kind === 'link-degradation' ? fault.layer : KIND_LAYER[fault.kind];
}

const WINDOW_KEYS = ['kind', 'atMs', 'untilMs'] as const;

/** Every key of each kind of fault. */
export const FAULT_KEYS: { readonly [K in FaultKind]: readonly (keyof Extract<StackFault, { kind: K }> & string)[] } = {
  'dns-misconfiguration': [...WINDOW_KEYS],
  'port-exhaustion': [...WINDOW_KEYS, 'requestsPerConnection'],
  'route-withdrawal': [...WINDOW_KEYS],
  'link-degradation': [...WINDOW_KEYS, 'layer', 'lossRate', 'bandwidthMbps', 'rttMs'],
};
const ANY_FAULT_KEYS = [...new Set(Object.values(FAULT_KEYS).flat())];

/** Most faults one run may hold: each moment's state is looked up by scanning them. */
export const MAX_STACK_FAULTS = 100;

/** Longest stack run, and latest fault boundary (ms): a week of simulated time. */
export const MAX_STACK_DURATION_MS = MAX_WEEK_RUN_MS;

/**
 * Checks the `faults` option: an array of at most MAX_STACK_FAULTS faults, windows inside
 * [0, latestMs] (an end may also be omitted or Infinity: the fault lasts the run), no
 * overlap per kind and layer. Keys are checked per kind (`faults[0].lossRate` is unknown
 * for a route withdrawal).
 */
export function checkFaults(value: unknown, latestMs: number): PlacedFault[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new TypeError(`faults must be an array of { kind, atMs, untilMs? }; got ${check.describe(value)}`);
  if (value.length > MAX_STACK_FAULTS) throw new RangeError(`faults may hold at most ${MAX_STACK_FAULTS} faults (each moment's state scans them all); got ${value.length}`);
  const placed = value.map((f: StackFault, i) => checkFault(`faults[${i}]`, f, latestMs));
  placed.forEach((a, i) => {
    placed.slice(i + 1).forEach((b, j) => {
      if (a.kind === b.kind && a.layer === b.layer && a.atMs < b.untilMs && b.atMs < a.untilMs) {
        throw new RangeError(`faults[${i}] and faults[${i + 1 + j}] (${a.kind} at ${a.layer}) overlap in time; merge them into one window`);
      }
    });
  });
  return placed;
}

/** One fault checked where it sits (`at`), its window within [0, latestMs], placed at its layer. */
function checkFault(at: string, f: StackFault, latestMs: number): PlacedFault {
  check.nestedOptions(at, f, ANY_FAULT_KEYS);
  const kind = check.oneOf(`${at}.kind`, f.kind, FAULT_KINDS);
  check.nestedOptions(at, f, FAULT_KEYS[kind]);
  const atMs = check.inRange(`${at}.atMs`, f.atMs, 0, latestMs);
  const untilMs = f.untilMs === undefined || f.untilMs === Infinity ? Infinity : checkEnd(`${at}.untilMs`, f.untilMs, latestMs);
  if (!(untilMs > atMs)) throw new RangeError(`${at}.untilMs must be > atMs (${atMs}); got ${untilMs}`);
  if (f.kind === 'port-exhaustion' && f.requestsPerConnection !== undefined) {
    check.inRange(`${at}.requestsPerConnection`, f.requestsPerConnection, 1, Infinity, '[)');
  }
  if (f.kind === 'link-degradation') {
    check.oneOf(`${at}.layer`, f.layer, ['L1', 'L3'] as const);
    if (f.lossRate !== undefined) check.inRange(`${at}.lossRate`, f.lossRate, 0, 1, '[)');
    if (f.layer === 'L1' && f.rttMs !== undefined) throw new TypeError(`${at}.rttMs belongs to an L3 degradation; an L1 one takes bandwidthMbps and lossRate`);
    if (f.layer === 'L3' && f.bandwidthMbps !== undefined) throw new TypeError(`${at}.bandwidthMbps belongs to an L1 degradation; an L3 one takes rttMs and lossRate`);
    if (f.bandwidthMbps !== undefined) check.positive(`${at}.bandwidthMbps`, f.bandwidthMbps);
    if (f.rttMs !== undefined) check.nonNegative(`${at}.rttMs`, f.rttMs);
    if (f.lossRate === undefined && f.bandwidthMbps === undefined && f.rttMs === undefined) {
      throw new TypeError(`${at} (link-degradation at ${f.layer}) changes nothing: give lossRate${f.layer === 'L1' ? ' or bandwidthMbps' : ' or rttMs'}`);
    }
  }
  return { ...f, layer: layerOf(f), untilMs } as PlacedFault;
}

/** A fault's end: finite and at most `latestMs`, or a RangeError that says how to make it last the run. */
function checkEnd(option: string, value: unknown, latestMs: number): number {
  const v = check.finite(option, value);
  if (!(v <= latestMs)) throw new RangeError(`${option} must be at most ${latestMs} ms (the end of the longest run); got ${v}: omit it, or pass Infinity, for a fault that lasts the run`);
  return v;
}
