/**
 * The per-attempt record of a stack run: who sent it, when it started and ended,
 * how it ended, and the time it spent at each layer. Time is charged to the
 * layer the attempt is at: L7 while resolving the name or waiting for and using
 * a worker, L4 during the handshake and in the accept backlog, L3 while its
 * packets travel (or wait to be re-sent), L1 while its response waits for and
 * crosses the link. A timeout is blamed on the layer where the attempt spent
 * most of its time, the layer that held it up.
 *
 * Memory: a result keeps what cannot be derived, in columns cut to the attempts made
 * (about 47 bytes an attempt, and 12 bytes per user request and per connection
 * opened). The columns that follow from others are built on first read and then
 * kept like the rest: `attempt` and `client` (from `request`), `latencyMs` (endMs −
 * startMs), `layerMs.L4` (only an attempt that opened a connection spends time at
 * L4, so that time is kept per connection) and the per-request `latencyMs`,
 * `outcome` and `attempts` (from each request's last attempt).
 */
import { LAYER_INDEX, type StackLayer } from './stackLayers';

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

/** One row per user request, in arrival order. */
export interface StackRequests {
  arrivalMs: Float64Array;
  /** Arrival to the end of its last attempt (ms); NaN when unfinished. */
  latencyMs: Float64Array;
  /** The last attempt's `STACK_OUTCOME`. */
  outcome: Uint8Array;
  /** Attempts made, the first included. */
  attempts: Int32Array;
}

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
      const size = Math.max(conn + 1, this.connOpener.length * 2);
      const opener = new Int32Array(size);
      opener.set(this.connOpener);
      const l4 = new Float64Array(size);
      l4.set(this.connL4Ms);
      this.connOpener = opener;
      this.connL4Ms = l4;
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

type Column = Float64Array | Int32Array | Uint8Array | Int8Array;

/** A copy of the first `n` entries of `values`, in a buffer of their size. */
function cut<T extends Column>(values: T, n: number): T {
  return values.slice(0, n) as T;
}

/**
 * Defines `key` on `target` as a column built by `build` on first read, and kept from then
 * on as a plain property (enumerable, in the place `key` was defined, so key order holds). On
 * an object frozen meanwhile the accessor stays, and returns the column it built.
 */
function lazyColumn(target: object, key: string, build: () => unknown): void {
  let value: unknown;
  let built = false;
  const settle = (v: unknown): void => {
    value = v;
    built = true;
    Reflect.defineProperty(target, key, { value: v, enumerable: true, writable: true, configurable: true });
  };
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get() {
      if (!built) settle(build());
      return value;
    },
    set: settle,
  });
}

/**
 * The result's columns from a finished log (call `close` first): attempts in start order and
 * user requests in arrival order (`userClient`: each request's client). The run's state is left
 * behind; derived columns are built on first read (see the module header).
 */
export function attemptColumns(log: AttemptLog, connections: number, arrivalMs: Float64Array, userClient: Int32Array): { attempts: StackAttempts; requests: StackRequests } {
  const n = log.length;
  const request = cut(log.request, n);
  const startMs = cut(log.startMs, n);
  const endMs = cut(log.endMs, n);
  const outcome = cut(log.outcome, n);
  const connOpener = log.connOpener.slice(0, connections);
  const connL4Ms = log.connL4Ms.slice(0, connections);
  const users = arrivalMs.length;

  const attempts = { request } as StackAttempts;
  lazyColumn(attempts, 'attempt', () => {
    const seen = new Int32Array(users);
    const attempt = new Int32Array(n);
    for (let a = 0; a < n; a++) attempt[a] = seen[request[a]]++;
    return attempt;
  });
  lazyColumn(attempts, 'client', () => {
    const client = new Int32Array(n);
    for (let a = 0; a < n; a++) client[a] = userClient[request[a]];
    return client;
  });
  attempts.startMs = startMs;
  attempts.endMs = endMs;
  lazyColumn(attempts, 'latencyMs', () => {
    const latency = new Float64Array(n);
    for (let a = 0; a < n; a++) latency[a] = endMs[a] - startMs[a];
    return latency;
  });
  attempts.outcome = outcome;
  attempts.failedLayer = cut(log.failedLayer, n);
  // In STACK_LAYERS order.
  const layerMs = { L7: cut(log.l7Ms, n) } as Record<StackLayer, Float64Array>;
  lazyColumn(layerMs, 'L4', () => {
    const l4 = new Float64Array(n);
    for (let c = 0; c < connOpener.length; c++) l4[connOpener[c]] = connL4Ms[c];
    return l4;
  });
  layerMs.L3 = cut(log.l3Ms, n);
  layerMs.L1 = cut(log.l1Ms, n);
  attempts.layerMs = layerMs;
  attempts.newConnection = cut(log.newConnection, n);

  // Each user request's fate: its last attempt decides (a retry starts only after the previous attempt ended).
  let perRequest: { latencyMs: Float64Array; outcome: Uint8Array; attempts: Int32Array } | null = null;
  const byRequest = (): NonNullable<typeof perRequest> => {
    if (perRequest !== null) return perRequest;
    const last = new Int32Array(users).fill(-1);
    const count = new Int32Array(users);
    for (let a = 0; a < n; a++) {
      last[request[a]] = a;
      count[request[a]]++;
    }
    const latencyMs = new Float64Array(users);
    const fate = new Uint8Array(users);
    for (let u = 0; u < users; u++) {
      const a = last[u];
      fate[u] = a < 0 ? UNFINISHED : outcome[a];
      latencyMs[u] = a < 0 ? NaN : endMs[a] - arrivalMs[u];
    }
    perRequest = { latencyMs, outcome: fate, attempts: count };
    return perRequest;
  };
  const requests = { arrivalMs } as StackRequests;
  lazyColumn(requests, 'latencyMs', () => byRequest().latencyMs);
  lazyColumn(requests, 'outcome', () => byRequest().outcome);
  lazyColumn(requests, 'attempts', () => byRequest().attempts);
  return { attempts, requests };
}
