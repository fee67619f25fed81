/**
 * The manifest covers the public API: every function and class exported from lib/index.ts has
 * an entry (a baseline call or an explicit "no options" reason), and every baseline is a valid,
 * fast call that returns normally — the ground the hostile mutations stand on.
 */
import assert from 'node:assert/strict';
import * as api from '../../lib/index';
import { DEADLINE_MS, POOL_SIZE } from './config';
import { MANIFEST } from './manifest';
import { Pool, type PoolResult } from './pool';

const exported = Object.entries(api as unknown as Record<string, unknown>).filter(([, v]) => typeof v === 'function').map(([k]) => k);

describe('properties: the manifest of the public API', function () {
  it('has an entry for every exported function and class', () => {
    const missing = exported.filter((name) => !MANIFEST.some((e) => e.name === name));
    assert.deepEqual(missing, [], `exports without a manifest entry (add a baseline in test/properties/manifest/): ${missing.join(', ')}`);
  });

  it('names only exports, once each, each with a baseline or a reason', () => {
    const names = MANIFEST.map((e) => e.name);
    assert.deepEqual(names.filter((n) => !exported.includes(n)), [], 'entries that are not exported functions or classes');
    assert.deepEqual(names.filter((n, i) => names.indexOf(n) !== i), [], 'duplicate entries');
    assert.deepEqual(MANIFEST.filter((e) => (e.args === undefined) === (e.noOptions === undefined)).map((e) => e.name), [], 'entries need exactly one of args and noOptions');
  });

  describe('every baseline returns normally within the deadline', () => {
    const results = new Map<string, PoolResult>();
    before(async function () {
      this.timeout(60_000);
      const pool = new Pool(POOL_SIZE, DEADLINE_MS, false);
      try {
        const withArgs = MANIFEST.filter((e) => e.args);
        const out = await pool.runAll(withArgs.map((e) => ({ entry: e.name, construct: e.construct, args: e.args })));
        withArgs.forEach((e, i) => results.set(e.name, out[i]));
      } finally {
        pool.close();
      }
    });
    for (const entry of MANIFEST.filter((e) => e.args)) {
      it(entry.name, () => {
        const r = results.get(entry.name)!;
        assert.ok(r.kind === 'reply' && r.outcome === 'returned', `baseline of ${entry.name} did not return: ${JSON.stringify(r)}`);
      });
    }
  });
});
