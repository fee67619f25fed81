/**
 * The layered stack's state at any moment with its faults (stackFaults.ts) applied: as a
 * timeline answering for any moment, and as the windows between fault boundaries that the
 * simulation's hot path looks up by index. Loss at L1 and L3 combine as independent drops:
 * 1 − (1 − p1)(1 − p3).
 */
import type { StackLayer } from './stackLayers';
import type { FaultKind, LinkDegradation, PlacedFault, PortExhaustion } from './stackFaults';

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
