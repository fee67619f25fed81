import assert from 'node:assert/strict';
import { ClaimError, EXERCISE_MIME, grade, type Limit } from '../../lib/teach';
import { any, assertThrowsNaming, captureDisplays } from './helpers';

const limits = (p99: number, goodput: number): Limit[] => [
  { name: 'p99 latency', measured: p99, atMost: 250, unit: 'ms' },
  { name: 'goodput', measured: goodput, atLeast: 0.95, atMost: 1 },
];

describe('teach: grade', () => {
  const sent = captureDisplays();

  it('passes when every limit is met (bounds included) and tabulates the figures', () => {
    const r = grade({ id: 'c1', title: 'p99 under 250 ms', limits: limits(250, 0.95) });
    assert.equal(r.passed, true);
    assert.equal(r.kind, 'challenge');
    assert.deepEqual(r.rows.map((x) => x.passed), [true, true]);
    assert.deepEqual(r.rows[0], { name: 'p99 latency', measured: 250, atMost: 250, atLeast: null, unit: 'ms', passed: true });
    const md = sent[0].data['text/markdown'] as string;
    assert.match(md, /^\*\*Challenge: p99 under 250 ms\*\*: ✓ passed: all 2 limits met/);
    assert.ok(md.includes('| p99 latency | ≤ 250 ms | 250 ms | ✓ pass |'), md);
    assert.ok(md.includes('| goodput | 0.95 to 1 | 0.95 | ✓ pass |'), md);
    assert.deepEqual(sent[0].data[EXERCISE_MIME], { id: 'c1', title: 'p99 under 250 ms', kind: 'challenge', answered: true, correct: true, solution: false });
  });

  it('fails when a limit is missed, says which, and does not throw for a student', () => {
    const r = grade({ id: 'c1', title: 'goal', limits: limits(312.4, 0.97) });
    assert.equal(r.passed, false);
    assert.deepEqual(r.rows.map((x) => x.passed), [false, true]);
    const md = sent[0].data['text/markdown'] as string;
    assert.match(md, /✗ not yet: 1 of 2 limits missed/);
    assert.ok(md.includes('| p99 latency | ≤ 250 ms | 312 ms | ✗ fail |'));
    assert.match(sent[0].data['text/plain'] as string, /✗ p99 latency: 312 ms \(limit ≤ 250 ms\)/);
    assert.equal((sent[0].data[EXERCISE_MIME] as { correct: boolean }).correct, false);
    assert.equal(grade({ id: 'c', title: 't', limits: [{ name: 'p99', measured: Infinity, atMost: 10 }] }).passed, false);
  });

  it('a reference solution that misses a limit throws a ClaimError naming the limit', () => {
    assert.equal(grade({ id: 'c1', title: 'goal', limits: limits(200, 0.99), solution: true }).passed, true);
    assertThrowsNaming(() => grade({ id: 'c1', title: 'goal', limits: limits(312, 0.9), solution: true }), ClaimError,
      'challenge "c1"', 'misses 2 of 2 limits', 'p99 latency 312 ms (limit ≤ 250 ms)', 'goodput 0.9 (limit 0.95 to 1)');
    assert.equal(sent.length, 1, 'only the passing solution was displayed');
    assert.equal((sent[0].data[EXERCISE_MIME] as { solution: boolean }).solution, true);
  });

  it('escapes table cells', () => {
    grade({ id: 'c', title: 't', limits: [{ name: 'a|b', measured: 1, atMost: 2 }] });
    assert.ok((sent[0].data['text/markdown'] as string).includes('| a\\|b |'));
  });

  it('bad options are named', () => {
    const ok = { id: 'c', title: 't', limits: limits(1, 1) };
    assertThrowsNaming(() => grade(any({ ...ok, limit: [] })), TypeError, '"limit"', 'did you mean "limits"');
    assertThrowsNaming(() => grade(any({ ...ok, limits: [] })), RangeError, 'grade limits');
    assertThrowsNaming(() => grade(any({ ...ok, limits: 'x' })), TypeError, 'grade limits');
    assertThrowsNaming(() => grade(any({ ...ok, limits: [{ name: 'a', measured: 1, atmost: 2 }] })), TypeError, 'limits[0].atmost', 'did you mean "limits[0].atMost"');
    assertThrowsNaming(() => grade(any({ ...ok, limits: [{ name: 'a', measured: NaN, atMost: 2 }] })), RangeError, 'limits[0].measured', 'NaN');
    assertThrowsNaming(() => grade(any({ ...ok, limits: [{ name: 'a', measured: '1', atMost: 2 }] })), TypeError, 'limits[0].measured');
    assertThrowsNaming(() => grade(any({ ...ok, limits: [{ name: 'a', measured: 1 }] })), RangeError, 'limits[0] needs atMost, atLeast');
    assertThrowsNaming(() => grade(any({ ...ok, limits: [{ name: 'a', measured: 1, atLeast: 3, atMost: 2 }] })), RangeError, 'limits[0].atLeast');
    assertThrowsNaming(() => grade(any({ ...ok, limits: [{ name: 'a', measured: 1, atMost: null }] })), TypeError, 'limits[0].atMost', 'null');
    assertThrowsNaming(() => grade(any({ ...ok, limits: [null] })), TypeError, 'grade limits[0]');
    assertThrowsNaming(() => grade(any({ ...ok, solution: 1 })), TypeError, 'grade solution');
    assertThrowsNaming(() => grade(any({ ...ok, id: '' })), RangeError, 'grade id');
  });
});
