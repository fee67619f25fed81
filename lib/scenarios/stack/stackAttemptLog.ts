/**
 * The log of a stack run's attempts while it runs: who sent each, when it started and
 * ended, how it ended, and the time it spent at each layer. Time is charged to the
 * layer the attempt is at: L7 while resolving the name or waiting for and using
 * a worker, L4 during the handshake and in the accept backlog, L3 while its
 * packets travel (or wait to be re-sent), L1 while its response waits for and
 * crosses the link. A timeout is blamed on the layer where the attempt spent
 * most of its time, the layer that held it up.
 */
import { grown } from '../../sim/grown';
import { LAYER_INDEX } from './stackLayers';

/** How an attempt ended. */
export const STACK_OUTCOME = { ok: 0, error: 1, timedOut: 2, unfinished: 3 } as const;

const L7 = LAYER_INDEX.L7;
const L4 = LAYER_INDEX.L4;
const L3 = LAYER_INDEX.L3;
const L1 = LAYER_INDEX.L1;
const UNFINISHED = STACK_OUTCOME.unfinished;

/**
 * The attempts of a run in typed columns, with the state of the attempts in flight (their
 * attempt number, connection and current layer). The columns are views into one buffer
 * sized for the most attempts the run can make (every request retried to the limit):
 * memory the run never reaches is never touched, so no column is ever grown and copied.
 * Time at L4 is kept per connection: only the attempt that opened a connection spends any there.
 */
export class AttemptLog {
  readonly request: Int32Array;
  readonly startMs: Float64Array;
  readonly endMs: Float64Array;
  readonly outcome: Uint8Array;
  readonly failedLayer: Int8Array;
  readonly newConnection: Uint8Array;
  /** Time at L7, L3 and L1 (ms). */
  readonly l7Ms: Float64Array;
  readonly l3Ms: Float64Array;
  readonly l1Ms: Float64Array;
  /** 0 for a first attempt, 1 for the first retry, … (at most 10). */
  readonly attempt: Uint8Array;
  /** The connection in use, or -1. */
  readonly conn: Int32Array;
  /** Index of the layer the attempt is at now, and since when. */
  private readonly stage: Uint8Array;
  private readonly since: Float64Array;
  /** Per connection: the attempt that opened it, and that attempt's time at L4 (ms). */
  connOpener = new Int32Array(256);
  connL4Ms = new Float64Array(256);
  length = 0;

  /** `maxAttempts`: the most attempts the run can make. */
  constructor(readonly maxAttempts: number) {
    const n = Math.max(1, maxAttempts);
    // 6 Float64 columns, 2 Int32 and 5 of one byte: 61 bytes a row, Float64 columns first for alignment.
    const buffer = new ArrayBuffer(61 * n);
    let at = 0;
    const f64 = (): Float64Array => {
      const column = new Float64Array(buffer, at, n);
      at += 8 * n;
      return column;
    };
    const i32 = (): Int32Array => {
      const column = new Int32Array(buffer, at, n);
      at += 4 * n;
      return column;
    };
    const bytes = (): number => {
      at += n;
      return at - n;
    };
    this.startMs = f64();
    this.endMs = f64();
    this.l7Ms = f64();
    this.l3Ms = f64();
    this.l1Ms = f64();
    this.since = f64();
    this.request = i32();
    this.conn = i32();
    this.outcome = new Uint8Array(buffer, bytes(), n);
    this.failedLayer = new Int8Array(buffer, bytes(), n);
    this.newConnection = new Uint8Array(buffer, bytes(), n);
    this.attempt = new Uint8Array(buffer, bytes(), n);
    this.stage = new Uint8Array(buffer, bytes(), n);
  }

  /** Starts an attempt at L7; returns its index. */
  add(request: number, attempt: number, nowMs: number): number {
    if (this.length === this.maxAttempts) throw new Error(`internal: more than the ${this.maxAttempts} attempts a stack run can make`);
    const a = this.length++;
    this.request[a] = request;
    this.attempt[a] = attempt;
    this.startMs[a] = nowMs;
    this.endMs[a] = NaN;
    this.outcome[a] = UNFINISHED;
    this.failedLayer[a] = -1;
    this.conn[a] = -1;
    this.stage[a] = L7;
    this.since[a] = nowMs;
    return a;
  }

  /** Whether attempt `a` has ended, one way or another. */
  done(a: number): boolean {
    return this.outcome[a] !== UNFINISHED;
  }

  /** Attempt `a` opened connection `conn` (numbered in opening order). */
  opened(a: number, conn: number): void {
    if (conn >= this.connOpener.length) {
      this.connOpener = grown(this.connOpener, conn + 1);
      this.connL4Ms = grown(this.connL4Ms, conn + 1);
    }
    this.connOpener[conn] = a;
    this.conn[a] = conn;
    this.newConnection[a] = 1;
  }

  /** Moves attempt `a` to the layer of index `layer` at `nowMs`, charging the time since the last move to the layer it leaves. */
  enter(a: number, layer: number, nowMs: number): void {
    this.charge(a, nowMs);
    this.stage[a] = layer;
  }

  /** Ends attempt `a`; a failure is charged to layer index `failedAt` (default -1: the layer where it spent most time). */
  finish(a: number, nowMs: number, outcome: number, failedAt = -1): void {
    this.charge(a, nowMs);
    this.endMs[a] = nowMs;
    this.outcome[a] = outcome;
    if (outcome !== STACK_OUTCOME.ok) this.failedLayer[a] = failedAt < 0 ? this.slowestLayer(a) : failedAt;
  }

  /** Charges the attempts still open up to `endOfRunMs` (they stay unfinished). */
  close(endOfRunMs: number): void {
    for (let a = 0; a < this.length; a++) if (this.outcome[a] === UNFINISHED) this.charge(a, endOfRunMs);
  }

  private charge(a: number, nowMs: number): void {
    const dt = nowMs - this.since[a];
    switch (this.stage[a]) {
      case L7:
        this.l7Ms[a] += dt;
        break;
      case L3:
        this.l3Ms[a] += dt;
        break;
      case L1:
        this.l1Ms[a] += dt;
        break;
      default:
        this.connL4Ms[this.conn[a]] += dt;
    }
    this.since[a] = nowMs;
  }

  /** Attempt `a`'s time at L4 so far (ms). */
  private l4Of(a: number): number {
    return this.newConnection[a] === 1 && this.conn[a] >= 0 ? this.connL4Ms[this.conn[a]] : 0;
  }

  private slowestLayer(a: number): number {
    // In STACK_LAYERS order (L7, L4, L3, L1); the first of equals wins.
    let best = L7;
    let most = this.l7Ms[a];
    const l4 = this.l4Of(a);
    if (l4 > most) {
      best = L4;
      most = l4;
    }
    if (this.l3Ms[a] > most) {
      best = L3;
      most = this.l3Ms[a];
    }
    if (this.l1Ms[a] > most) best = L1;
    return best;
  }
}
