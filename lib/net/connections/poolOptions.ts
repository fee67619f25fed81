/**
 * The options of `simulatePool`, checked once into a plain configuration. Every
 * wrong value fails here, naming the option, before anything is simulated.
 *
 * Bounds: `requests` at most 10^7 (about 20 s and 600 MB), the simulated span
 * (requests / arrivalRate) at most 10^10 ms, arrivalRate at most 10^9 per second,
 * and each request or handshake time at most one hour (see `limits.ts`; the
 * distributions' draws are held to the hour where they are drawn).
 *
 * Not checked here: `onProgress`, which the progress ticker checks when
 * `simulatePool` makes it (after every other option).
 */
import type { Rng } from '../../random/rng';
import { requireRng } from '../../random/rng';
import { type Distribution } from '../../random/distribution';
import { requireDistribution } from '../../random/requireDistribution';
import type { DistributionLike } from '../../random/spec';
import * as check from '../../validate';
import { MS_PER_SECOND } from '../../sim/time';
import type { ProgressCallback } from '../../sim/progress';
import { delayMs, MAX_SIMULATED_MS } from '../limits';

/** What a request may do when every pooled connection is busy: open a throwaway connection, or queue. */
export const WHEN_EXHAUSTED = ['open-extra', 'wait'] as const;
/** One of `WHEN_EXHAUSTED`. */
export type WhenExhausted = (typeof WHEN_EXHAUSTED)[number];

/** Options of `simulatePool`: the pool, the requests and their costs, the closing rules and the run's length. */
export interface PoolOptions {
  /** Most pooled connections (integer in [0, 100000]; 0, no pool, only with 'open-extra'). */
  poolSize: number;
  /** Poisson requests per second (in (0, 10^9]; requests / arrivalRate at most 10^7 s, i.e. 10^10 ms of simulated time). */
  arrivalRate: number;
  /** Time a request holds its connection (ms; draws in [0, 3 600 000], one hour). */
  requestMs: DistributionLike;
  /** Time to open a connection (ms): a number in [0, 3 600 000], or a Distribution of them. */
  handshakeMs: number | DistributionLike;
  /** What a request does when every pooled connection is busy. */
  whenExhausted: WhenExhausted;
  /** Close a pooled connection idle this long (ms, > 0; default Infinity: never). */
  idleTimeoutMs?: number;
  /** Retire a pooled connection this old when it is next idle (ms, > 0; default Infinity: never). */
  maxLifetimeMs?: number;
  /** Requests to simulate (integer in [1, 10^7]). */
  requests: number;
  rng: Rng;
  onProgress?: ProgressCallback;
}

/** Largest `arrivalRate` (per second): a billion requests per second from one client is beyond any pool. */
export const MAX_POOL_ARRIVAL_RATE = 1e9;

/** Every key of `PoolOptions`. */
export const POOL_KEYS: readonly (keyof PoolOptions & string)[] = [
  'poolSize', 'arrivalRate', 'requestMs', 'handshakeMs', 'whenExhausted', 'idleTimeoutMs', 'maxLifetimeMs', 'requests', 'rng', 'onProgress',
];

/** `PoolOptions` after checking and defaults: what `simulatePool` runs on. */
export interface PoolConfig {
  mode: WhenExhausted;
  poolSize: number;
  arrivalRate: number;
  /** Request times (`requestMs`). */
  service: Distribution;
  /** Handshake times when `handshakeMs` is a Distribution, else undefined. */
  handshakeDistribution: Distribution | undefined;
  /** The handshake time when `handshakeMs` is a number, else 0. */
  handshakeConstantMs: number;
  idleTimeoutMs: number;
  maxLifetimeMs: number;
  requests: number;
  rng: Rng;
}

/**
 * Checks `opts` (known keys, then each value against its bound, then the simulated
 * span) and fills in the defaults. Throws a RangeError or TypeError naming the first
 * wrong option. `onProgress` is checked where the progress ticker is made.
 */
export function checkPoolOptions(opts: PoolOptions): PoolConfig {
  check.options('simulatePool', opts, POOL_KEYS);
  const mode = check.oneOf('whenExhausted', opts.whenExhausted, WHEN_EXHAUSTED);
  const poolSize = check.integer('poolSize', opts.poolSize, mode === 'wait' ? 1 : 0, 100_000);
  const arrivalRate = check.inRange('arrivalRate', opts.arrivalRate, 0, MAX_POOL_ARRIVAL_RATE, '(]');
  const service = requireDistribution('requestMs', opts.requestMs);
  const hsOpt = opts.handshakeMs;
  const handshakeDistribution = typeof hsOpt === 'number' ? undefined : requireDistribution('handshakeMs', hsOpt);
  const handshakeConstantMs = typeof hsOpt === 'number' ? delayMs('handshakeMs', hsOpt) : 0;
  const idleTimeoutMs = opts.idleTimeoutMs === undefined ? Infinity : check.positive('idleTimeoutMs', opts.idleTimeoutMs, true);
  const maxLifetimeMs = opts.maxLifetimeMs === undefined ? Infinity : check.positive('maxLifetimeMs', opts.maxLifetimeMs, true);
  const requests = check.integer('requests', opts.requests, 1, 1e7);
  const spanMs = (requests / arrivalRate) * MS_PER_SECOND;
  if (!(spanMs <= MAX_SIMULATED_MS)) {
    throw new RangeError(
      `requests / arrivalRate must span at most ${MAX_SIMULATED_MS} ms of simulated time (timestamps keep microseconds); got ${requests} / ${arrivalRate} per second = ${spanMs} ms: raise arrivalRate or lower requests`,
    );
  }
  const rng = requireRng('rng', opts.rng);
  return { mode, poolSize, arrivalRate, service, handshakeDistribution, handshakeConstantMs, idleTimeoutMs, maxLifetimeMs, requests, rng };
}
