/**
 * Determinism: every `simulate*` and every other export that takes an rng (or a seed) gives a
 * byte-identical result for the same seed — twice in one process, and in two separate processes.
 * Each child builds the baseline's arguments afresh, runs it twice and returns the sha256 of each
 * serialised result (serialise.ts: typed arrays as the hex of their bytes); the two children's
 * hashes are then compared.
 */
import assert from 'node:assert/strict';
import { DEADLINE_MS } from './config';
import { MANIFEST, type Entry } from './manifest';
import { Pool, type PoolResult } from './pool';

const seeded = (e: Entry): boolean => e.args !== undefined && (e.name.startsWith('simulate') || /"\$rng"|"seed"/.test(JSON.stringify(e.args)));
const ENTRIES = MANIFEST.filter(seeded);

describe('properties: same seed, byte-identical results (in one process and across two)', function () {
  const first = new Map<string, PoolResult>();
  const second = new Map<string, PoolResult>();

  before(async function () {
    this.timeout(120_000);
    // Two pools of one child each: every case runs in both processes.
    const a = new Pool(1, 4 * DEADLINE_MS, false);
    const b = new Pool(1, 4 * DEADLINE_MS, false);
    try {
      const cases = ENTRIES.map((e) => ({ entry: e.name, construct: e.construct, args: e.args, hash: true }));
      const [ra, rb] = await Promise.all([a.runAll(cases), b.runAll(cases)]);
      ENTRIES.forEach((e, i) => {
        first.set(e.name, ra[i]);
        second.set(e.name, rb[i]);
      });
    } finally {
      a.close();
      b.close();
    }
  });

  it('covers every simulate* export', () => {
    assert.ok(ENTRIES.filter((e) => e.name.startsWith('simulate')).length >= 12, ENTRIES.map((e) => e.name).join(', '));
  });

  for (const entry of ENTRIES) {
    it(`${entry.name}: identical twice in one process and across two processes`, () => {
      const x = first.get(entry.name)!;
      const y = second.get(entry.name)!;
      assert.ok(x.kind === 'reply' && x.outcome === 'returned', `first process: ${JSON.stringify(x)}`);
      assert.ok(y.kind === 'reply' && y.outcome === 'returned', `second process: ${JSON.stringify(y)}`);
      assert.equal((x.extract as { repeat: string }).repeat, x.hash, 'two runs in one process differ');
      assert.equal(y.hash, x.hash, 'the two processes differ');
    });
  }
});
