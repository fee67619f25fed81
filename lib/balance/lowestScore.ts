/**
 * The lowest-scoring server, ties broken uniformly at random: shared by the
 * balancers that score every live server (least connections, least response time).
 *
 * Ties are resolved by reservoir sampling in one pass: the k-th server found tied
 * with the best so far replaces it with probability 1/k, so each of the tied
 * servers ends up chosen with equal probability and nothing is allocated. The
 * random stream is drawn from only when a tie is met.
 */
import type { Rng } from '../random/rng';

/** The element of `live` (non-empty) with the smallest `score(server)`; ties at random with `rng`. */
export function lowestScore(live: Int32Array, score: (server: number) => number, rng: Rng): number {
  let best = live[0];
  let bestScore = score(best);
  let ties = 1;
  for (let i = 1; i < live.length; i++) {
    const server = live[i];
    const s = score(server);
    if (s < bestScore) {
      best = server;
      bestScore = s;
      ties = 1;
    } else if (s === bestScore) {
      ties++;
      if (rng() * ties < 1) best = server;
    }
  }
  return best;
}
