/**
 * The lowest-scoring server of a large rotation without scanning it: a segment tree
 * over the positions of `live`, each node holding the lowest score below it and how
 * many positions share it. A pick reads the root (O(1)) and walks down to the chosen
 * tie (O(log n)); a server whose score changed is updated in O(log n). The tree is
 * rebuilt (O(n)) when the rotation (the `live` array) changes.
 *
 * Ties: with k servers sharing the lowest score, one draw u picks the ⌊u·k⌋-th of
 * them in `live` order, so each is chosen with probability 1/k: the same rule as
 * `lowestScore`'s one-pass reservoir, which draws once per tie it meets instead. The
 * two agree on which servers may be chosen and with what probability, not draw for
 * draw; `linearLowestScore` is the same one-draw rule as a scan, the index's reference.
 */
import type { Rng } from '../../random/rng';
import { byServerIndex } from '../cluster/byServerIndex';

/** The element of `live` with the smallest score, the ⌊rng()·k⌋-th of k ties in `live` order (one draw, only when k > 1). */
export function linearLowestScore(live: Int32Array, score: (server: number) => number, rng: Rng): number {
  let best = Infinity;
  let ties = 0;
  for (let i = 0; i < live.length; i++) {
    const s = score(live[i]);
    if (s < best) {
      best = s;
      ties = 1;
    } else if (s === best) ties++;
  }
  let j = ties > 1 ? Math.floor(rng() * ties) : 0;
  for (let i = 0; i < live.length; i++) if (score(live[i]) === best && j-- === 0) return live[i];
  return live[0];
}

/**
 * A segment tree over the positions of a rotation that finds the server with the
 * lowest score (ties drawn uniformly) in O(log n) and updates one score in O(log n).
 */
export class LowestScoreIndex {
  private live: Int32Array | null = null;
  /** Leaf position of each server (global index) in the current tree, −1 when not in `live`. */
  private readonly position: Int32Array;
  private leaves = 0;
  private min = new Float64Array(0);
  private count = new Int32Array(0);

  /** An index over the pool `members`, scoring servers with `score` (read again on `update`). */
  constructor(members: Int32Array, private readonly score: (server: number) => number) {
    this.position = byServerIndex(members, Int32Array).fill(-1);
  }

  /** True when the tree describes `live` (so `update` calls keep it current). */
  isFor(live: Int32Array): boolean {
    return this.live === live;
  }

  /** Forgets the tree: the next pick rebuilds it (e.g. when scores changed without `update`). */
  invalidate(): void {
    if (this.live !== null) for (let i = 0; i < this.live.length; i++) this.position[this.live[i]] = -1;
    this.live = null;
  }

  /** Re-reads the score of `server`, if it is in the indexed rotation. */
  update(server: number): void {
    if (this.live === null || server >= this.position.length) return;
    const p = this.position[server];
    if (p < 0) return;
    let node = this.leaves + p;
    this.min[node] = this.score(server);
    for (node >>= 1; node >= 1; node >>= 1) this.combine(node);
  }

  /** The lowest-scoring element of `live` (non-empty), ties by one draw as `linearLowestScore`. */
  pick(live: Int32Array, rng: Rng): number {
    if (this.live !== live) this.rebuild(live);
    const { min, count } = this;
    const best = min[1];
    let j = count[1] > 1 ? Math.floor(rng() * count[1]) : 0;
    let node = 1;
    while (node < this.leaves) {
      const left = 2 * node;
      if (min[left] === best && j < count[left]) node = left;
      else {
        if (min[left] === best) j -= count[left];
        node = left + 1;
      }
    }
    return live[node - this.leaves];
  }

  private rebuild(live: Int32Array): void {
    this.invalidate();
    let leaves = 1;
    while (leaves < live.length) leaves *= 2;
    if (this.min.length !== 2 * leaves) {
      this.min = new Float64Array(2 * leaves);
      this.count = new Int32Array(2 * leaves);
    }
    this.leaves = leaves;
    this.min.fill(Infinity, leaves);
    this.count.fill(0, leaves);
    for (let i = 0; i < live.length; i++) {
      this.position[live[i]] = i;
      this.min[leaves + i] = this.score(live[i]);
      this.count[leaves + i] = 1;
    }
    for (let node = leaves - 1; node >= 1; node--) this.combine(node);
    this.live = live;
  }

  private combine(node: number): void {
    const { min, count } = this;
    const a = 2 * node;
    const b = a + 1;
    if (min[a] < min[b]) {
      min[node] = min[a];
      count[node] = count[a];
    } else if (min[b] < min[a]) {
      min[node] = min[b];
      count[node] = count[b];
    } else {
      min[node] = min[a];
      count[node] = count[a] + count[b];
    }
  }
}
