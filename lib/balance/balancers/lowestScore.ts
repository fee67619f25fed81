/**
 * The lowest-scoring server, ties broken uniformly at random: shared by the
 * balancers that score every live server (least connections, least response time).
 *
 * A rotation of up to `SCAN_MAX_SERVERS` is scanned once per pick, ties resolved by
 * reservoir sampling: the k-th server found tied with the best so far replaces it
 * with probability 1/k, so each tied server ends up chosen with equal probability;
 * the random stream is drawn from only when a tie is met. A larger rotation would
 * make every pick cost O(servers), so it is kept in a `LowestScoreIndex` instead
 * (O(log servers) per pick and per score change; one draw per pick among the k ties).
 * Both choose uniformly among the servers with the lowest score; small rotations
 * keep the scan's exact draws.
 */
import type { Rng } from '../../random/rng';
import { LowestScoreIndex } from './lowestScoreIndex';

/** Largest rotation scanned at each pick; larger ones are indexed. */
export const SCAN_MAX_SERVERS = 256;

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

/**
 * Picks the lowest-scoring server of a pool: by scan for small rotations, by index
 * for large ones. `changed(server)` must be called whenever that server's score
 * changes between picks (its outstanding count or its average), so the index stays
 * current; a pick given a different `outstanding` array than the last one rebuilds it.
 */
export class LowestScorePicker {
  private readonly index: LowestScoreIndex;
  private outstanding: Int32Array | null = null;

  constructor(members: Int32Array, private readonly score: (server: number) => number, private readonly rng: Rng) {
    this.index = new LowestScoreIndex(members, score);
  }

  /** The server for the next request; `outstanding` is the view the score reads. */
  pick(live: Int32Array, outstanding: Int32Array): number {
    if (live.length <= SCAN_MAX_SERVERS) return lowestScore(live, this.score, this.rng);
    if (outstanding !== this.outstanding) {
      this.index.invalidate();
      this.outstanding = outstanding;
    }
    return this.index.pick(live, this.rng);
  }

  /** The score of `server` has changed. */
  changed(server: number): void {
    this.index.update(server);
  }
}
