/**
 * Faults injected into the layered stack, each at one layer and for a time window
 * [atMs, untilMs), and the stack's state at any moment with them applied.
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
 * Faults of the same kind and layer may not overlap. Loss at L1 and L3 combine as
 * independent drops: 1 − (1 − p1)(1 − p3).
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

/** The stack's settings that faults change, as configured. */
export interface BaseState {
  rttMs: number;
  l3LossRate: number;
  bandwidthMbps: number;
  requestsPerConnection: number;
}

/** The stack's state over time with the faults applied. */
export class FaultTimeline {
  constructor(readonly faults: PlacedFault[], private readonly base: BaseState) {}

  private active(kind: FaultKind, tMs: number, layer?: StackLayer): PlacedFault | undefined {
    return this.faults.find((f) => f.kind === kind && (layer === undefined || f.layer === layer) && f.atMs <= tMs && tMs < f.untilMs);
  }

  /** Whether a DNS misconfiguration is active at `tMs`. */
  dnsBroken(tMs: number): boolean {
    return this.active('dns-misconfiguration', tMs) !== undefined;
  }

  /** Whether a route withdrawal is active at `tMs`. */
  routeDown(tMs: number): boolean {
    return this.active('route-withdrawal', tMs) !== undefined;
  }

  /** The first moment ≥ tMs at which the route is up (Infinity if never again). */
  routeUpFrom(tMs: number): number {
    let t = tMs;
    for (let f = this.active('route-withdrawal', t); f !== undefined; f = this.active('route-withdrawal', t)) t = f.untilMs;
    return t;
  }

  /** Requests per connection at `tMs`: the configured value, or the port-exhaustion fault's while it is active. */
  requestsPerConnection(tMs: number): number {
    const f = this.active('port-exhaustion', tMs) as PortExhaustion | undefined;
    return f === undefined ? this.base.requestsPerConnection : f.requestsPerConnection ?? 1;
  }

  /** L1 bandwidth at `tMs` (Mbit/s): the configured value, or an active link degradation's. */
  bandwidthMbps(tMs: number): number {
    const f = this.active('link-degradation', tMs, 'L1') as LinkDegradation | undefined;
    return f?.bandwidthMbps ?? this.base.bandwidthMbps;
  }

  /** L3 round-trip time at `tMs` (ms): the configured value, or an active link degradation's. */
  rttMs(tMs: number): number {
    const f = this.active('link-degradation', tMs, 'L3') as LinkDegradation | undefined;
    return f?.rttMs ?? this.base.rttMs;
  }

  /** Loss added at L1 (frame errors). */
  l1LossRate(tMs: number): number {
    const f = this.active('link-degradation', tMs, 'L1') as LinkDegradation | undefined;
    return f?.lossRate ?? 0;
  }

  /** Loss along the path at L3 (the configured rate, or the degraded one). */
  l3LossRate(tMs: number): number {
    const f = this.active('link-degradation', tMs, 'L3') as LinkDegradation | undefined;
    return f?.lossRate ?? this.base.l3LossRate;
  }

  /** Loss a packet meets end to end: drops at L1 and L3 are independent. */
  lossRate(tMs: number): number {
    return 1 - (1 - this.l1LossRate(tMs)) * (1 - this.l3LossRate(tMs));
  }

  /** Moments when some fault begins or ends, in order. */
  changes(): number[] {
    const times = this.faults.flatMap((f) => [f.atMs, f.untilMs]).filter((t) => Number.isFinite(t));
    return [...new Set(times)].sort((a, b) => a - b);
  }
}

/**
 * The timeline's state per window between fault boundaries, looked up by index for the
 * simulation's hot path: window k covers [start[k], start[k + 1]), the first from −∞
 * and the last to +∞; each value is the timeline's own answer for a moment inside it.
 */
export class FaultWindows {
  readonly start: Float64Array;
  readonly routeDown: Uint8Array;
  /** The first moment from this window on when the route is up (the window's start when it is up; Infinity if never). */
  readonly routeUpAt: Float64Array;
  readonly dnsBroken: Uint8Array;
  readonly requestsPerConnection: Float64Array;
  readonly rttMs: Float64Array;
  readonly lossRate: Float64Array;
  readonly bandwidthMbps: Float64Array;
  private cursor = 0;

  constructor(timeline: FaultTimeline) {
    const changes = timeline.changes();
    const m = changes.length + 1;
    this.start = Float64Array.from([-Infinity, ...changes]);
    this.routeDown = new Uint8Array(m);
    this.routeUpAt = new Float64Array(m);
    this.dnsBroken = new Uint8Array(m);
    this.requestsPerConnection = new Float64Array(m);
    this.rttMs = new Float64Array(m);
    this.lossRate = new Float64Array(m);
    this.bandwidthMbps = new Float64Array(m);
    for (let k = 0; k < m; k++) {
      const t = this.start[k];
      this.routeDown[k] = timeline.routeDown(t) ? 1 : 0;
      this.dnsBroken[k] = timeline.dnsBroken(t) ? 1 : 0;
      this.requestsPerConnection[k] = timeline.requestsPerConnection(t);
      this.rttMs[k] = timeline.rttMs(t);
      this.lossRate[k] = timeline.lossRate(t);
      this.bandwidthMbps[k] = timeline.bandwidthMbps(t);
    }
    let up = Infinity;
    for (let k = m - 1; k >= 0; k--) {
      if (this.routeDown[k] === 0) up = this.start[k];
      this.routeUpAt[k] = up;
    }
  }

  /** The window holding `tMs`, for moments that never go back (the clock): a cursor moves forward. */
  current(tMs: number): number {
    const start = this.start;
    let k = this.cursor;
    while (k + 1 < start.length && tMs >= start[k + 1]) k++;
    this.cursor = k;
    return k;
  }

  /** The window holding `tMs`, any moment. */
  at(tMs: number): number {
    const start = this.start;
    let lo = 0;
    let hi = start.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (tMs >= start[mid]) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
