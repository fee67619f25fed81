/**
 * forStudent(STUDENT, exerciseId): per-student parameters for an exercise, so two students
 * get different numbers while each check still knows its own student's answer.
 *
 * The picker draws from `createRng(String(STUDENT)).fork('exercise').fork(exerciseId)`: the
 * same STUDENT and exercise always give the same numbers, in the same order of calls, on every
 * machine; another exercise or another student gives an independent stream (`7` and `'7'` are
 * the same student). Each draw moves the stream on, so keep the calls of an exercise in a fixed
 * order. Not done: guaranteeing that two students differ (with few choices they can coincide).
 */
import { createRng, type Rng } from '../random/rng';
import * as check from '../validate';

/** A deterministic picker of one student's parameters for one exercise. */
export interface StudentPicker {
  /** The student, as a string (a number becomes its decimal string). */
  readonly student: string;
  /** The exercise the stream belongs to. */
  readonly exerciseId: string;
  /** A whole number in [lo, hi], both included. */
  int(lo: number, hi: number): number;
  /** One element of a non-empty list. */
  pick<T>(list: readonly T[]): T;
  /** A number in [lo, hi) (lo when lo = hi). */
  uniform(lo: number, hi: number): number;
  /** `x` rounded to the nearest multiple of `step` (draws nothing): `round(37.4, 5)` is 35. */
  round(x: number, step: number): number;
}

/**
 * The parameter picker of `student` for the exercise `exerciseId`.
 *
 * @param student the notebook's `STUDENT` constant: any non-empty name or a finite number.
 * @param exerciseId the exercise's id (the one its check cell uses).
 * @throws TypeError/RangeError naming `student` or `exerciseId`.
 */
export function forStudent(student: string | number, exerciseId: string): StudentPicker {
  let name: string;
  if (typeof student === 'number') {
    if (!Number.isFinite(student)) throw new RangeError(`forStudent: student (STUDENT) must be a name or a finite number; got ${student}`);
    name = String(student);
  } else if (typeof student === 'string') {
    if (student.trim() === '') throw new RangeError('forStudent: student (STUDENT) must be a non-empty name or a number; got an empty string');
    name = student;
  } else {
    throw new TypeError(`forStudent: student (STUDENT) must be a name or a number; got ${check.describe(student)}`);
  }
  if (typeof exerciseId !== 'string') throw new TypeError(`forStudent: exerciseId must be a string; got ${check.describe(exerciseId)}`);
  if (exerciseId.trim() === '') throw new RangeError('forStudent: exerciseId must be a non-empty string; got an empty string');
  const rng: Rng = createRng(name).fork('exercise').fork(exerciseId);
  const where = `forStudent(${JSON.stringify(name)}, ${JSON.stringify(exerciseId)})`;
  return {
    student: name,
    exerciseId,
    int(lo: number, hi: number): number {
      const a = check.integer(`${where}.int lo`, lo, Number.MIN_SAFE_INTEGER);
      const b = check.integer(`${where}.int hi`, hi, Number.MIN_SAFE_INTEGER);
      if (b < a) throw new RangeError(`${where}.int hi must be ≥ lo (${a}); got ${b}`);
      return a + Math.floor(rng() * (b - a + 1));
    },
    pick<T>(list: readonly T[]): T {
      if (!Array.isArray(list)) throw new TypeError(`${where}.pick list must be an array; got ${check.describe(list)}`);
      if (list.length === 0) throw new RangeError(`${where}.pick list must not be empty`);
      return list[Math.floor(rng() * list.length)];
    },
    uniform(lo: number, hi: number): number {
      const a = check.finite(`${where}.uniform lo`, lo);
      const b = check.finite(`${where}.uniform hi`, hi);
      if (b < a) throw new RangeError(`${where}.uniform hi must be ≥ lo (${a}); got ${b}`);
      return a + rng() * (b - a);
    },
    round(x: number, step: number): number {
      const v = check.finite(`${where}.round x`, x);
      const s = check.positive(`${where}.round step`, step);
      const r = Math.round(v / s) * s;
      return Number(r.toPrecision(12)) || 0;
    },
  };
}
