/**
 * What a claim owes its reader when it quotes a tail. A high percentile (p90 and beyond)
 * or "the tail" of one run is the noisiest number a simulation gives, so a claim that
 * quotes one must rest on replications: it states the interval it quotes (formatInterval's
 * "95 % interval …", or its own wording with "interval"), or says it held in every run or
 * seed it checked. The test suite holds every notebook to this rule.
 * Not checked: comparisons of means (those are reviewed by hand).
 */
import type { ClaimEntry } from './manifests';

/** A percentile of 90 or above (p90, p95, p99, p99.9, "99th percentile") or the word "tail". */
const QUOTES_A_TAIL = /\bp9\d(?:\.\d+)?\b|\b9\d(?:\.\d+)?(?:th|st|nd|rd) percentiles?\b|\btails?\b/i;
/** Wording that shows the claim rests on replications. */
const STATES_REPLICATIONS = /\bintervals?\b|\bevery (?:run|seed|replication)\b|\b(?:all|each of(?: the)?) \d+ (?:runs|seeds|replications)\b/i;

/** The claims that quote a tail without an interval or a statement that every replication bears them out. */
export function tailClaimsWithoutReplications(claims: readonly ClaimEntry[]): string[] {
  return claims
    .filter((c) => QUOTES_A_TAIL.test(c.text) && !STATES_REPLICATIONS.test(c.text))
    .map((c) => `${c.notebook}: "${c.text}" quotes a tail from one run; state its interval over replications (formatInterval) or that every run bears it out`);
}
