/**
 * TLS 1.3 0-RTT early data and replay: why a payment must not ride in the first flight.
 *
 * A returning client may send its request as early data, encrypted under keys from an
 * earlier session, before the handshake completes (RFC 8446 §2.3): it saves the one
 * round trip of a resumed handshake. Nothing in that first flight proves freshness,
 * so an attacker or a retrying middlebox can send a recorded copy again and the server
 * executes it again (RFC 8446 §8, Appendix E.5). The attacker cannot read the answer;
 * the harm is the repeated side effect. Hence the rule `safeAsEarlyData(method)`: only
 * safe methods (RFC 8470 §2.1, RFC 9110 §9.2.1) go in early data, and a POST waits one round trip.
 *
 * Each request is sent as early data ('always', or 'when-safe' and the method is
 * safe), else after the resumed handshake, where it cannot be replayed. An early
 * request is captured and replayed `replays` times with probability `replayRate`.
 * Two defences are modelled:
 * - server-side anti-replay (RFC 8446 §8: single-use tickets or a record of seen
 *   ClientHellos): each server instance accepts the same early data at most once, so a
 *   deployment of `serverInstances` that do not share that record can still be hit once
 *   per instance (the RFC's minimum guarantee). Replays land on a uniformly drawn
 *   instance; the original on instance 0;
 * - an idempotency key in the request: the replay finds the stored result and nothing
 *   executes twice, however many instances accept the early data.
 * Not modelled: timing (replays arrive after the original has finished, so a key always
 * finds a stored result), the freshness window of §8.3, and a client that re-sends its
 * rejected early data after the handshake (which duplicates too, unless keyed).
 *
 * Random streams (forks of `rng`): 'replay' (whether each early request is replayed,
 * one draw per early request) and 'instance' (the instance each copy lands on). No
 * time and no capacity: there is no load to report. Bounds: 10^6 requests × 100
 * replays at most (about 10 s).
 */
import type { Rng } from '../../random/rng';
import { requireRng } from '../../random/rng';
import { idempotencyStore } from '../../resilience/idempotencyStore';
import { IDEMPOTENT_METHODS, safeAsEarlyData, tlsHandshake } from '../../net/tcp/tls';
import * as check from '../../validate';

export type EarlyDataPolicy = 'always' | 'when-safe';
export const EARLY_DATA_POLICIES: readonly EarlyDataPolicy[] = ['always', 'when-safe'];

/** Options of `simulateEarlyDataReplay`. */
export interface EarlyDataReplayOptions {
  /** Requests from returning clients with a resumable session (an integer in [1, 1 000 000]). */
  requests: number;
  /** HTTP method of every request (default 'POST'). */
  method?: string;
  /** 'always' sends every request as early data; 'when-safe' only when `safeAsEarlyData(method)`. */
  earlyData: EarlyDataPolicy;
  /** Probability that a request sent as early data is captured and replayed (in [0, 1]). */
  replayRate: number;
  /** Copies sent of each replayed request (an integer in [1, 100]; default 1). */
  replays?: number;
  /** Whether each request carries an idempotency key the server checks. */
  idempotencyKeys: boolean;
  /** Whether each server instance accepts the same early data at most once (RFC 8446 §8; default false). */
  antiReplay?: boolean;
  /** Server instances that do not share an anti-replay record (an integer in [1, 10 000]; default 1). */
  serverInstances?: number;
  rng: Rng;
}

/** The keys of `EarlyDataReplayOptions`. */
export const EARLY_DATA_REPLAY_KEYS: readonly (keyof EarlyDataReplayOptions)[] = [
  'requests', 'method', 'earlyData', 'replayRate', 'replays', 'idempotencyKeys', 'antiReplay', 'serverInstances', 'rng',
];

export interface EarlyDataReplayResult {
  requests: number;
  /** Requests sent as 0-RTT early data. */
  sentAsEarlyData: number;
  /** Round trips spent on handshakes before the requests could be sent (1 per request not sent as early data). */
  handshakeRoundTrips: number;
  /** Replayed copies that reached a server. */
  replaysDelivered: number;
  /** Copies refused by the anti-replay record (the server falls back to a full handshake that the attacker cannot finish). */
  refusedByAntiReplay: number;
  /** Copies accepted and answered from the stored result of their key. */
  caughtByKeys: number;
  /** Times the request's action ran, originals included. */
  executions: number;
  /** Executions beyond the first of a non-idempotent request: for a payment, extra charges. 0 for idempotent methods, whose repeats change nothing. */
  duplicateCharges: number;
}

/**
 * Simulates `requests` requests from returning TLS 1.3 clients, each sent as 0-RTT
 * early data or after the resumed handshake, early ones replayed by an attacker at
 * `replayRate`. Returns how many went early, the handshake round trips, the replays
 * delivered, refused or caught by idempotency keys, and the duplicate charges.
 *
 * @throws TypeError or RangeError naming a wrong option.
 *
 * @example
 * ```ts
 * import { createRng, simulateEarlyDataReplay } from 'netlab';
 *
 * const r = simulateEarlyDataReplay({ requests: 1_000, earlyData: 'always', replayRate: 0.05, idempotencyKeys: false, rng: createRng(1) });
 * [r.sentAsEarlyData, r.replaysDelivered, r.duplicateCharges];
 * ```
 */
export function simulateEarlyDataReplay(opts: EarlyDataReplayOptions): EarlyDataReplayResult {
  check.options('simulateEarlyDataReplay', opts, EARLY_DATA_REPLAY_KEYS);
  const requests = check.integer('requests', opts.requests, 1, 1e6);
  const method = opts.method === undefined ? 'POST' : opts.method;
  const safe = safeAsEarlyData(method);
  const idempotent = IDEMPOTENT_METHODS.includes(method.toUpperCase());
  const policy = check.oneOf('earlyData', opts.earlyData, EARLY_DATA_POLICIES);
  const replayRate = check.probability('replayRate', opts.replayRate);
  const replays = opts.replays === undefined ? 1 : check.integer('replays', opts.replays, 1, 100);
  const keys = check.flag('idempotencyKeys', opts.idempotencyKeys);
  const antiReplay = check.flag('antiReplay', opts.antiReplay, false);
  const instances = opts.serverInstances === undefined ? 1 : check.integer('serverInstances', opts.serverInstances, 1, 10_000);
  const rng = requireRng('rng', opts.rng);
  const replayRng = rng.fork('replay');
  const instanceRng = rng.fork('instance');

  const early = policy === 'always' || safe;
  const store = keys ? idempotencyStore<number>() : null;
  /** The anti-replay record: seenBy[instance] = 1 + the last request whose early data the instance accepted. */
  const seenBy = new Int32Array(instances);
  const result: EarlyDataReplayResult = {
    requests, sentAsEarlyData: 0, handshakeRoundTrips: 0, replaysDelivered: 0, refusedByAntiReplay: 0, caughtByKeys: 0, executions: 0, duplicateCharges: 0,
  };
  const handshake = tlsHandshake(early ? '0-rtt' : 'resumed').roundTrips;
  /** Request `i` (or a copy of it) reaches the server: run it unless its key has a stored result. */
  const arrive = (i: number): void => {
    const verdict = store === null ? 'execute' : store.begin(i, 0).kind;
    if (verdict !== 'execute') {
      result.caughtByKeys++;
      return;
    }
    result.executions++;
    store?.complete(i, 0, i);
  };
  for (let i = 0; i < requests; i++) {
    result.handshakeRoundTrips += handshake;
    arrive(i);
    if (!early) continue;
    result.sentAsEarlyData++;
    if (!(replayRng() < replayRate)) continue;
    seenBy[0] = i + 1;
    for (let r = 0; r < replays; r++) {
      result.replaysDelivered++;
      const instance = instances === 1 ? 0 : Math.floor(instanceRng() * instances);
      if (antiReplay && seenBy[instance] === i + 1) {
        result.refusedByAntiReplay++;
        continue;
      }
      seenBy[instance] = i + 1;
      arrive(i);
    }
  }
  result.duplicateCharges = idempotent ? 0 : result.executions - requests;
  return result;
}
