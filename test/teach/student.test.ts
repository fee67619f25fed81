import assert from 'node:assert/strict';
import { forStudent } from '../../lib/teach';
import { any, assertThrowsNaming } from './helpers';

const draw = (student: string | number, id = 'ex1') => {
  const p = forStudent(student, id);
  return [p.int(1, 100), p.pick(['a', 'b', 'c', 'd', 'e']), p.uniform(10, 20), p.int(0, 1_000_000)];
};

describe('teach: forStudent', () => {
  it('same student and exercise, same numbers; a number and its string are one student', () => {
    assert.deepEqual(draw('ada'), draw('ada'));
    assert.deepEqual(draw(7), draw('7'));
    const p = forStudent('ada', 'ex1');
    assert.equal(p.student, 'ada');
    assert.equal(p.exerciseId, 'ex1');
  });

  it('students and exercises get different numbers', () => {
    assert.notDeepEqual(draw('ada'), draw('grace'));
    assert.notDeepEqual(draw('ada', 'ex1'), draw('ada', 'ex2'));
    const seen = new Set<number>();
    for (let s = 0; s < 200; s++) seen.add(forStudent(s, 'spread').int(1, 1000));
    assert.ok(seen.size > 150, `${seen.size} distinct values for 200 students`);
  });

  it('int covers its bounds, uniform stays in range, pick every element', () => {
    const p = forStudent('range', 'ex');
    const ints = new Set<number>();
    for (let i = 0; i < 400; i++) ints.add(p.int(3, 6));
    assert.deepEqual([...ints].sort(), [3, 4, 5, 6]);
    for (let i = 0; i < 200; i++) {
      const u = p.uniform(-1, 1);
      assert.ok(u >= -1 && u < 1);
    }
    assert.equal(p.uniform(5, 5), 5);
    assert.equal(p.int(9, 9), 9);
    const picked = new Set<string>();
    for (let i = 0; i < 100; i++) picked.add(p.pick(['x', 'y', 'z']));
    assert.equal(picked.size, 3);
  });

  it('round snaps to a step without drawing', () => {
    const p = forStudent(1, 'r');
    assert.equal(p.round(37.4, 5), 35);
    assert.equal(p.round(0.1 + 0.2, 0.1), 0.3);
    assert.equal(p.round(-2.4, 1), -2);
    const a = forStudent(1, 'r');
    a.round(3, 1);
    assert.equal(a.int(1, 1000), forStudent(1, 'r').int(1, 1000));
  });

  it('bad arguments are named', () => {
    assertThrowsNaming(() => forStudent(any(null), 'e'), TypeError, 'student (STUDENT)');
    assertThrowsNaming(() => forStudent('', 'e'), RangeError, 'student (STUDENT)');
    assertThrowsNaming(() => forStudent(NaN, 'e'), RangeError, 'student (STUDENT)', 'NaN');
    assertThrowsNaming(() => forStudent(1, any(2)), TypeError, 'exerciseId');
    assertThrowsNaming(() => forStudent(1, ''), RangeError, 'exerciseId');
    const p = forStudent(1, 'e');
    assertThrowsNaming(() => p.int(5, 1), RangeError, '.int hi');
    assertThrowsNaming(() => p.int(1.5, 3), RangeError, '.int lo');
    assertThrowsNaming(() => p.pick([]), RangeError, '.pick list');
    assertThrowsNaming(() => p.pick(any('abc')), TypeError, '.pick list');
    assertThrowsNaming(() => p.uniform(0, NaN), RangeError, '.uniform hi');
    assertThrowsNaming(() => p.round(3, 0), RangeError, '.round step');
  });
});
