/**
 * The per-attempt record of a stack run: who sent it, when it started and ended,
 * how it ended, and the time it spent at each layer. Time is charged to the
 * layer the attempt is at: L7 while resolving the name or waiting for and using
 * a worker, L4 during the handshake and in the accept backlog, L3 while its
 * packets travel (or wait to be re-sent), L1 while its response waits for and
 * crosses the link. A timeout is blamed on the layer where the attempt spent
 * most of its time, the layer that held it up.
 */
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

export class AttemptLog {
  readonly request: number[] = [];
  readonly attempt: number[] = [];
  readonly client: number[] = [];
  readonly startMs: number[] = [];
  readonly endMs: number[] = [];
  readonly outcome: number[] = [];
  readonly failedLayer: number[] = [];
  readonly newConnection: number[] = [];
  /** The connection in use, or -1. */
  readonly conn: number[] = [];
  /** Response size (bytes). */
  readonly bytes: number[] = [];
  /** Transit time still due after the response leaves the link (ms). */
  readonly returnMs: number[] = [];
  /** Index of the layer the attempt is at now, and since when. */
  private readonly stage: number[] = [];
  private readonly since: number[] = [];
  private readonly layerMs: number[][] = STACK_LAYERS.map(() => []);

  get length(): number {
    return this.request.length;
  }

  /** Starts an attempt at L7; returns its index. */
  add(request: number, attempt: number, client: number, nowMs: number, bytes: number): number {
    this.request.push(request);
    this.attempt.push(attempt);
    this.client.push(client);
    this.startMs.push(nowMs);
    this.endMs.push(NaN);
    this.outcome.push(STACK_OUTCOME.unfinished);
    this.failedLayer.push(-1);
    this.newConnection.push(0);
    this.conn.push(-1);
    this.bytes.push(bytes);
    this.returnMs.push(0);
    this.stage.push(LAYER_INDEX.L7);
    this.since.push(nowMs);
    for (const column of this.layerMs) column.push(0);
    return this.request.length - 1;
  }

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

  private slowestLayer(a: number): number {
    let best = 0;
    for (let k = 1; k < this.layerMs.length; k++) if (this.layerMs[k][a] > this.layerMs[best][a]) best = k;
    return best;
  }

  /** The finished columns; attempts still open are charged up to `endOfRunMs` and stay unfinished. */
  columns(endOfRunMs: number): StackAttempts {
    for (let a = 0; a < this.length; a++) if (!this.done(a)) this.charge(a, endOfRunMs);
    const endMs = Float64Array.from(this.endMs);
    const startMs = Float64Array.from(this.startMs);
    const layerMs = {} as Record<StackLayer, Float64Array>;
    STACK_LAYERS.forEach((layer, i) => (layerMs[layer] = Float64Array.from(this.layerMs[i])));
    return {
      request: Int32Array.from(this.request),
      attempt: Int32Array.from(this.attempt),
      client: Int32Array.from(this.client),
      startMs,
      endMs,
      latencyMs: endMs.map((end, a) => end - startMs[a]),
      outcome: Uint8Array.from(this.outcome),
      failedLayer: Int8Array.from(this.failedLayer),
      layerMs,
      newConnection: Uint8Array.from(this.newConnection),
    };
  }

  private charge(a: number, nowMs: number): void {
    this.layerMs[this.stage[a]][a] += nowMs - this.since[a];
    this.since[a] = nowMs;
  }
}
