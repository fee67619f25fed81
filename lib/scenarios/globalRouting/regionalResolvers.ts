/**
 * The recursive resolvers of each user population, each caching the one answer
 * it last got for the service's name for the record's TTL (the rules of
 * `ttlCache.ts`: usable while now < cached + TTL; a TTL of 0 is never stored).
 * Every request of a population goes through one of its resolvers, drawn
 * uniformly; a retry goes through the same one.
 *
 * The caches start warm, as in part 4's DNS round robin: resolver k holds the
 * answer the authority gives the k-th query of a start-up sweep, with a remaining
 * TTL drawn uniformly from (0, TTL], since busy resolvers refresh at unrelated
 * moments (each place's draws from its own stream).
 *
 * Not modelled: the clients' own caches (with honoured TTLs they cannot outlive
 * the resolver's copy, RFC 1035 §6.1.3, see part 2's DNS fleet), resolvers that
 * serve stale answers (RFC 8767) or clamp TTLs, the lookup's own time.
 */
import { isLive } from '../../net/dns/ttlCache';
import type { Rng } from '../../random/rng';
import type { DnsAnswerPolicy } from './globalRoutingDns';

/**
 * The recursive resolvers of each user population, each caching the region its last
 * answer named for the record's TTL; caches start warm with remaining TTLs spread
 * over (0, TTL].
 */
export class RegionalResolvers {
  private readonly answer: Int32Array;
  private readonly expiresAtMs: Float64Array;
  /** Lookups answered from a resolver's cache, and those sent to the authority. */
  hits = 0;
  misses = 0;

  constructor(
    readonly places: number,
    readonly perPlace: number,
    private readonly ttlMs: number,
    private readonly policy: DnsAnswerPolicy,
    phaseRngs: readonly Rng[],
    healthyAtStart: (region: number) => boolean,
  ) {
    const n = places * perPlace;
    this.answer = new Int32Array(n);
    this.expiresAtMs = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      this.answer[k] = policy.answer(this.placeOf(k), healthyAtStart);
      this.expiresAtMs[k] = (1 - phaseRngs[this.placeOf(k)]()) * ttlMs;
    }
  }

  /** The index of the user population that `resolver` serves. */
  placeOf(resolver: number): number {
    return Math.floor(resolver / this.perPlace);
  }

  /** The region `resolver` answers at `nowMs`: its cached answer while live, else a fresh one from the authority. */
  lookup(resolver: number, nowMs: number, healthy: (region: number) => boolean): number {
    if (isLive(this.expiresAtMs[resolver], nowMs)) {
      this.hits++;
      return this.answer[resolver];
    }
    this.misses++;
    const region = this.policy.answer(this.placeOf(resolver), healthy);
    if (this.ttlMs > 0) {
      this.answer[resolver] = region;
      this.expiresAtMs[resolver] = nowMs + this.ttlMs;
    }
    return region;
  }
}
