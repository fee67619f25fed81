/**
 * The result of a stack run per attempt and per user request, in typed columns cut from
 * the run's log (stackAttemptLog.ts).
 *
 * Memory: a result keeps what cannot be derived, in columns cut to the attempts made
 * (about 47 bytes an attempt, and 12 bytes per user request and per connection
 * opened). The columns that follow from others are built on first read and then
 * kept like the rest: `attempt` and `client` (from `request`), `latencyMs` (endMs −
 * startMs), `layerMs.L4` (only an attempt that opened a connection spends time at
 * L4, so that time is kept per connection) and the per-request `latencyMs`,
 * `outcome` and `attempts` (from each request's last attempt).
 */
import { STACK_OUTCOME, type AttemptLog } from './stackAttemptLog';
import type { StackLayer } from './stackLayers';

const UNFINISHED = STACK_OUTCOME.unfinished;

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
