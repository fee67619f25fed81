import { strict as assert } from 'node:assert';
import { leastConnectionsBalancer } from '../../lib/balance/balancers/leastConnectionsBalancer';
import { leastResponseTimeBalancer } from '../../lib/balance/balancers/leastResponseTimeBalancer';
import { SCAN_MAX_SERVERS } from '../../lib/balance/balancers/lowestScore';
import { LowestScoreIndex, linearLowestScore } from '../../lib/balance/balancers/lowestScoreIndex';
import type { Balancer, RequestView } from '../../lib/balance/balancers/balancer';
import { createRng, type Rng } from '../../lib/random';

/** The one-pass reservoir scan as it stood before rotations were indexed: the reference for small pools. */
function reservoirScan(live: Int32Array, score: (s: number) => number, rng: Rng): number {
  let best = live[0];
  let bestScore = score(best);
  let ties = 1;
  for (let i = 1; i < live.length; i++) {
    const s = score(live[i]);
    if (s < bestScore) {
      best = live[i];
      bestScore = s;
      ties = 1;
    } else if (s === bestScore) {
      ties++;
      if (rng() * ties < 1) best = live[i];
    }
  }
  return best;
}

const request: RequestView = { index: 0, client: 0, session: 0, path: 0, key: 0 };
const range = (n: number) => Int32Array.from({ length: n }, (_, i) => i);

/** Runs `picks` least-connections picks on n servers with random completions, notifying the balancer; returns the picks. */
function run(balancer: Balancer, n: number, picks: number, seed: number, score?: (s: number, out: Int32Array) => number, reference?: Rng): number[] {
  const outstanding = new Int32Array(n);
  const events = createRng(seed).fork('events');
  const live = range(n);
  const out: number[] = [];
  for (let k = 0; k < picks; k++) {
    const s = reference === undefined ? balancer.pick(live, request, { nowMs: k, outstanding }) : reservoirScan(live, (x) => score!(x, outstanding), reference);
    out.push(s);
    outstanding[s]++;
    balancer.outstandingChanged?.(s);
    // Finish a random outstanding request now and then.
    const done = Math.floor(events() * n);
    if (events() < 0.6 && outstanding[done] > 0) {
      outstanding[done]--;
      balancer.outstandingChanged?.(done);
    }
  }
  return out;
}

describe('lowest score: scan for small rotations, index for large ones', () => {
  it('a small pool picks exactly as the reservoir scan did, draw for draw (random inputs)', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const n = 2 + (seed * 13) % (SCAN_MAX_SERVERS - 1);
      const weights = Float64Array.from({ length: n }, (_, i) => 1 + (i % 3));
      const ctx = { members: range(n), weights, rng: createRng(seed) };
      const got = run(leastConnectionsBalancer(ctx), n, 2000, seed);
      const want = run(leastConnectionsBalancer(ctx), n, 2000, seed, (s, out) => out[s] / weights[s], createRng(seed));
      assert.deepEqual(got, want, `seed ${seed}, ${n} servers`);
    }
  });

  it('the index gives exactly the one-draw scan’s choice on random scores and updates', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const draws = createRng(seed).fork('scores');
      const n = 1 + Math.floor(draws() * 700);
      const scores = Float64Array.from({ length: n }, () => Math.floor(draws() * 4));
      const score = (s: number) => scores[s];
      const index = new LowestScoreIndex(range(n), score);
      const liveAll = range(n);
      let live = liveAll;
      const a = createRng(seed).fork('ties');
      const b = createRng(seed).fork('ties');
      for (let k = 0; k < 3000; k++) {
        assert.equal(index.pick(live, a), linearLowestScore(live, score, b), `seed ${seed}, step ${k}`);
        const s = live[Math.floor(draws() * live.length)];
        scores[s] = Math.floor(draws() * 4);
        index.update(s);
        // Now and then the rotation changes: a random subset (never empty) replaces it.
        if (k % 500 === 499) {
          const subset = liveAll.filter(() => draws() < 0.7);
          live = subset.length > 0 ? subset : liveAll;
        }
      }
    }
  });

  it('ties are chosen uniformly (1000 servers tied, 100 000 picks: each count within 5 standard deviations of 100)', () => {
    const n = 1000;
    const index = new LowestScoreIndex(range(n), () => 0);
    const rng = createRng(3);
    const counts = new Array<number>(n).fill(0);
    const live = range(n);
    for (let k = 0; k < 100_000; k++) counts[index.pick(live, rng)]++;
    const sd = Math.sqrt(100 * (1 - 1 / n));
    for (const c of counts) assert.ok(Math.abs(c - 100) < 5 * sd, `${c}`);
  });

  it('least response time on a large pool follows observations through the index', () => {
    const n = 1000;
    const b = leastResponseTimeBalancer({ members: range(n), weights: new Float64Array(n).fill(1), rng: createRng(1) });
    const outstanding = new Int32Array(n);
    const live = range(n);
    for (let s = 0; s < n; s++) b.observe!(s, s === 700 ? 1 : 10);
    assert.equal(b.pick(live, request, { nowMs: 0, outstanding }), 700);
    outstanding[700] = 20;
    b.outstandingChanged!(700);
    assert.notEqual(b.pick(live, request, { nowMs: 0, outstanding }), 700);
  });
});

describe('least connections on 10^5 servers', () => {
  it('makes 10^5 picks in well under a second (a scan would look at 10^10 servers)', () => {
    const n = 100_000;
    const started = Date.now();
    const picks = run(leastConnectionsBalancer({ members: range(n), weights: new Float64Array(n).fill(1), rng: createRng(5) }), n, 100_000, 5);
    assert.ok(Date.now() - started < 1500, `${Date.now() - started} ms`);
    assert.equal(new Set(picks).size > 60_000, true);
  });
});
