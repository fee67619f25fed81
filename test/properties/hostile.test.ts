/**
 * Property: every exported function and class, called with one option mutated (wrong type, NaN,
 * ±Infinity, negative, zero, huge, non-integer, misspelt or unknown key, unknown enum value, bad
 * array element, fake rng or distribution), ends in a TypeError or RangeError that names the
 * option, or returns normally where the value may be legitimate — within 2 s, without a hang or a
 * process abort. The calls run in child processes (pool.ts); a call killed at the deadline is run
 * once more in a fresh child and counts as a hang only if it hangs again. The classification rules are in
 * mutations.ts, the manifest of baselines in manifest/. A table of counts by module and the
 * grouped failures are printed at the end.
 *
 * Longer fuzz: `NETLAB_FUZZ_RUNS=10 NETLAB_FUZZ_SEED=7 npm run fuzz` (see config.ts).
 */
import assert from 'node:assert/strict';
import * as api from '../../lib/index';
import { DEADLINE_MS, GENERATE, POOL_SIZE, RUNS, SEED } from './config';
import { MANIFEST, entryOf } from './manifest';
import { enumStrings, hostileCases, type HostileCase } from './mutations';
import { Pool } from './pool';
import { FAILING, countTable, failureLines, judge, type Judged } from './report';

const MIN_CALLS = 3000;
const enums = enumStrings(api as unknown as Record<string, unknown>);
const byEntry = new Map<string, HostileCase[]>();
for (const entry of MANIFEST) {
  const cases = hostileCases(entry, enums, GENERATE);
  if (cases.length > 0) byEntry.set(entry.name, cases);
}
const allCases = [...byEntry.values()].flat();

describe(`properties: hostile calls over the public API (seed ${SEED}, runs ${RUNS})`, function () {
  const judged = new Map<string, Judged[]>();

  before(async function () {
    this.timeout(0);
    const pool = new Pool(POOL_SIZE, DEADLINE_MS);
    try {
      const results = await pool.runAll(allCases);
      // A call killed at the deadline runs once more in a fresh child: a hang must repeat, so a
      // machine busy with other work does not turn a slow call into a reported hang.
      const hung = results.flatMap((r, i) => (r.kind === 'hang' ? [i] : []));
      const again = await pool.runAll(hung.map((i) => allCases[i]));
      hung.forEach((i, k) => {
        if (again[k].kind !== 'hang') results[i] = again[k];
      });
      results.forEach((r, i) => {
        const j = judge(allCases[i], r);
        judged.set(j.testCase.entry, [...(judged.get(j.testCase.entry) ?? []), j]);
      });
    } finally {
      pool.close();
    }
    const flat = [...judged.values()].flat();
    console.log(`\n${countTable(flat, (name) => entryOf(name)?.module ?? '?')}`);
    const lines = failureLines(flat);
    if (lines.length > 0) console.log(`\n${lines.length} distinct failures (function  path  [verdict] what: reproduction → outcome):\n${lines.join('\n')}\n`);
  });

  it(`makes at least ${MIN_CALLS} hostile calls`, () => {
    assert.ok(allCases.length >= MIN_CALLS, `${allCases.length} calls`);
  });

  for (const [name, cases] of byEntry) {
    it(`${name}: ${cases.length} hostile calls end in a named error or a legitimate return within ${DEADLINE_MS} ms`, () => {
      const failures = (judged.get(name) ?? []).filter((j) => FAILING.has(j.verdict));
      if (failures.length > 0) assert.fail(`${failures.length} of ${cases.length} calls failed:\n${failureLines(failures).join('\n')}`);
    });
  }
});
