import { strict as assert } from 'node:assert';
import { callLatencies, pageLoadTable, slowCallCauses, SLOW_CALL_CAUSES } from '../../lib/http';

const screen = { objects: Array<number>(8).fill(1_000), path: { rttMs: 60, lossRate: 0.03 } };
const tables = pageLoadTable({ configurations: { h2: { ...screen, protocol: 'http2' }, h3: { ...screen, protocol: 'http3' } }, runs: 300, seed: 5 });
const rows = slowCallCauses(tables, { slowMs: 100 });
const row = (c: string, cause: string) => rows.find((r) => r.configuration === c && r.cause === cause)!;

describe('slowCallCauses', () => {
  it('gives every cause and the total, per configuration, in order', () => {
    assert.deepEqual(rows.map((r) => [r.configuration, r.cause]), ['h2', 'h3'].flatMap((c) => [...SLOW_CALL_CAUSES, 'all slow calls'].map((k) => [c, k])));
  });

  it('splits exactly the calls slower than the threshold', () => {
    for (const c of ['h2', 'h3']) {
      const slow = callLatencies(tables).get(c)!.filter((l) => l > 100);
      assert.equal(row(c, 'all slow calls').calls, slow.length);
      assert.equal(SLOW_CALL_CAUSES.reduce((a, k) => a + row(c, k).calls, 0), slow.length);
      assert.equal(row(c, 'all slow calls').of, 300 * 8);
      assert.ok(slow.length > 0);
    }
  });

  it('finds head-of-line blocking on TCP only', () => {
    assert.ok(row('h2', 'held behind another call').calls > 0);
    assert.equal(row('h3', 'held behind another call').calls, 0);
    assert.ok(Number.isNaN(row('h3', 'held behind another call').medianMs));
    assert.ok(row('h2', 'own packet lost').medianMs > 100);
  });

  it('checks its options by name', () => {
    assert.throws(() => slowCallCauses(tables, { slowMs: 0 }), /slowMs/);
    assert.throws(() => slowCallCauses(tables, { slowMS: 10 } as never), /did you mean "slowMs"/);
    assert.throws(() => slowCallCauses(null as never, { slowMs: 10 }), /tables must be/);
  });
});
