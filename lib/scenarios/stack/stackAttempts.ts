/**
 * The per-attempt record of a stack run: who sent it, when it started and ended,
 * how it ended, and the time it spent at each layer. Time is charged to the
 * layer the attempt is at: L7 while resolving the name or waiting for and using
 * a worker, L4 during the handshake and in the accept backlog, L3 while its
 * packets travel (or wait to be re-sent), L1 while its response waits for and
 * crosses the link. A timeout is blamed on the layer where the attempt spent
 * most of its time, the layer that held it up.
 */
import { grown } from '../../sim/grown';
import { LAYER_INDEX, STACK_LAYERS, type StackLayer } from './stackLayers';

/** How an attempt ended. */
export const STACK_OUTCOME = { ok: 0, error: 1, timedOut: 2, unfinished: 3 } as const;

/** One row per attempt (retries are attempts of the same request), in start order. */
export interface StackAttempts {
  /** The user request this attempt belongs to. */
  request: Int32Array;
  /** 0 for the first attempt, 1 for the first retry, … */
  attempt: Int32Array;
  /** The client that sent it. */
  client: Int32Array;
  startMs: Float64Array;
  /** When the client saw it succeed or fail (ms); NaN when unfinished. */
  endMs: Float64Array;
  /** endMs − startMs: the latency of a success, the time to fail otherwise; NaN when unfinished. */
  latencyMs: Float64Array;
  /** A `STACK_OUTCOME` value. */
  outcome: Uint8Array;
  /** Index in `STACK_LAYERS` of the layer where it failed, or -1. */
  failedLayer: Int8Array;
  /** Time spent at each layer (ms); the four sum to `latencyMs`. */
  layerMs: Record<StackLayer, Float64Array>;
  /** 1 when it opened a connection, 0 when it reused one (or never got that far). */
  newConnection: Uint8Array;
}

const INITIAL = 1024;

/** The attempts of a run in typed columns that double as retries add rows. */
export class AttemptLog {
  request = new Int32Array(INITIAL);
  attempt = new Int32Array(INITIAL);
  client = new Int32Array(INITIAL);
  startMs = new Float64Array(INITIAL);
  endMs = new Float64Array(INITIAL);
  outcome = new Uint8Array(INITIAL);
  failedLayer = new Int8Array(INITIAL);
  newConnection = new Uint8Array(INITIAL);
  /** The connection in use, or -1. */
  conn = new Int32Array(INITIAL);
  /** Response size (bytes). */
  bytes = new Float64Array(INITIAL);
  /** The clean handshake round trip of a new connection (ms). */
  handshakeMs = new Float64Array(INITIAL);
  /** Transit time still due after the response leaves the link (ms). */
  returnMs = new Float64Array(INITIAL);
  /** Index of the layer the attempt is at now, and since when. */
  private stage = new Uint8Array(INITIAL);
  private since = new Float64Array(INITIAL);
  /** Time per layer: entry a × 4 + layer index. */
  private layerMs = new Float64Array(INITIAL * 4);
  length = 0;

  /** Starts an attempt at L7; returns its index. */
  add(request: number, attempt: number, client: number, nowMs: number, bytes: number): number {
    if (this.length === this.request.length) this.grow();
    const a = this.length++;
    this.request[a] = request;
    this.attempt[a] = attempt;
    this.client[a] = client;
    this.startMs[a] = nowMs;
    this.endMs[a] = NaN;
    this.outcome[a] = STACK_OUTCOME.unfinished;
    this.failedLayer[a] = -1;
    this.conn[a] = -1;
    this.bytes[a] = bytes;
    this.stage[a] = LAYER_INDEX.L7;
    this.since[a] = nowMs;
    return a;
  }

  /** Whether attempt `a` has ended, one way or another. */
  done(a: number): boolean {
    return this.outcome[a] !== STACK_OUTCOME.unfinished;
  }

  /** Moves attempt `a` to `layer` at `nowMs`, charging the time since the last move to the layer it leaves. */
  enter(a: number, layer: StackLayer, nowMs: number): void {
    this.charge(a, nowMs);
    this.stage[a] = LAYER_INDEX[layer];
  }

  /** Ends attempt `a`; a failure is charged to `failedAt` (default: the layer where it spent most time). */
  finish(a: number, nowMs: number, outcome: number, failedAt?: StackLayer): void {
    this.charge(a, nowMs);
    this.endMs[a] = nowMs;
    this.outcome[a] = outcome;
    if (outcome !== STACK_OUTCOME.ok) this.failedLayer[a] = failedAt === undefined ? this.slowestLayer(a) : LAYER_INDEX[failedAt];
  }

  /** The finished columns; attempts still open are charged up to `endOfRunMs` and stay unfinished. */
  columns(endOfRunMs: number): StackAttempts {
    const n = this.length;
    for (let a = 0; a < n; a++) if (!this.done(a)) this.charge(a, endOfRunMs);
    const startMs = this.startMs.subarray(0, n);
    const endMs = this.endMs.subarray(0, n);
    const layerMs = {} as Record<StackLayer, Float64Array>;
    STACK_LAYERS.forEach((layer, k) => (layerMs[layer] = Float64Array.from({ length: n }, (_, a) => this.layerMs[a * 4 + k])));
    return {
      request: this.request.subarray(0, n),
      attempt: this.attempt.subarray(0, n),
      client: this.client.subarray(0, n),
      startMs,
      endMs,
      latencyMs: endMs.map((end, a) => end - startMs[a]),
      outcome: this.outcome.subarray(0, n),
      failedLayer: this.failedLayer.subarray(0, n),
      layerMs,
      newConnection: this.newConnection.subarray(0, n),
    };
  }

  private charge(a: number, nowMs: number): void {
    this.layerMs[a * 4 + this.stage[a]] += nowMs - this.since[a];
    this.since[a] = nowMs;
  }

  private slowestLayer(a: number): number {
    let best = 0;
    for (let k = 1; k < 4; k++) if (this.layerMs[a * 4 + k] > this.layerMs[a * 4 + best]) best = k;
    return best;
  }

  private grow(): void {
    const size = this.request.length * 2;
    this.request = grown(this.request, size);
    this.attempt = grown(this.attempt, size);
    this.client = grown(this.client, size);
    this.startMs = grown(this.startMs, size);
    this.endMs = grown(this.endMs, size);
    this.outcome = grown(this.outcome, size);
    this.failedLayer = grown(this.failedLayer, size);
    this.newConnection = grown(this.newConnection, size);
    this.conn = grown(this.conn, size);
    this.bytes = grown(this.bytes, size);
    this.handshakeMs = grown(this.handshakeMs, size);
    this.returnMs = grown(this.returnMs, size);
    this.stage = grown(this.stage, size);
    this.since = grown(this.since, size);
    this.layerMs = grown(this.layerMs, size * 4);
  }
}
