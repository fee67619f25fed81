/**
 * checkAnswer: the check cell of an exercise. The student writes a prediction
 * (`const MY_ANSWER = …`); the check cell runs the experiment and compares.
 *
 * A numeric answer is right when |answer − expected| ≤ max(relative × |expected|, absolute)
 * (bounds included, up to rounding in the last bits); a word is right when it equals the
 * expected one ignoring case and surrounding spaces; a flag when it is equal. A wrong answer
 * gets the hint of the first listed mistake it matches (see mistakes.ts), else a generic one
 * that says whether it was too high or too low. An answer not given yet (undefined or null)
 * is reported as such, with `correct: null`, and never throws.
 *
 * `solution: true` marks the instructor's own answer (a cell the student edition drops): it
 * must be right, or a ClaimError is thrown so the instructor edition fails to build.
 * Not done: answers with several parts (write one exercise per part), partial credit.
 */
import * as check from '../validate';
import { ClaimError } from './claimError';
import { EXERCISE_MIME, displayTeaching, type ExerciseRecord } from './display';
import { formatFinite, withUnit } from './format';
import { answerValue, checkMistake, type Answer, type Mistake } from './mistakes';

/** How far a numeric answer may be from the expected one: relative (0.05 = 5 %) and/or absolute (in the unit). */
export interface Tolerance {
  /** A share of |expected| in [0, 1]: 0.05 accepts answers within 5 %. */
  relative?: number;
  /** An amount in the exercise's unit (≥ 0). */
  absolute?: number;
}

/** The options of checkAnswer. */
export interface CheckAnswerOptions {
  /** The exercise's id, unique in its notebook (e.g. `'02-handshake-budget'`). */
  id: string;
  /** A short title shown with the verdict. */
  title: string;
  /** The student's prediction (`MY_ANSWER`); undefined or null while not answered. */
  answer?: Answer | null;
  /** The run's answer: a number, or a word or flag for a categorical question. */
  expected: Answer;
  /** Required when `expected` is a number; not allowed otherwise. */
  tolerance?: Tolerance;
  /** The unit of numeric answers, printed after them (`'ms'`); none by default. */
  unit?: string;
  /** The likely mistakes, first match wins (build them with the `mistakes` helpers). */
  mistakes?: readonly Mistake[];
  /** True in the instructor's solution cell: a wrong answer then throws. Default false. */
  solution?: boolean;
  /** The name of the student's prediction constant, as messages name it (default `'MY_ANSWER'`, e.g. `'MY_ANSWER_2'`). */
  answerName?: string;
}

/** What checkAnswer found. `correct` is null while the exercise is not answered. */
export interface Verdict {
  readonly id: string;
  readonly title: string;
  readonly kind: 'exercise';
  readonly answered: boolean;
  readonly correct: boolean | null;
  readonly solution: boolean;
  readonly answer: Answer | null;
  readonly expected: Answer;
  /** The hint given for a wrong answer, else null. */
  readonly hint: string | null;
  /** The verdict as one line of text (what is displayed, without markdown). */
  readonly message: string;
}

const KEYS: readonly (keyof CheckAnswerOptions)[] = ['id', 'title', 'answer', 'expected', 'tolerance', 'unit', 'mistakes', 'solution', 'answerName'];
const TOLERANCE_KEYS: readonly (keyof Tolerance)[] = ['relative', 'absolute'];

interface Checked {
  id: string;
  title: string;
  answer: Answer | null;
  expected: Answer;
  tolerance: { relative: number; absolute: number } | null;
  unit: string;
  mistakes: Mistake[];
  solution: boolean;
  answerName: string;
}

/**
 * Checks a student's answer (or, with `solution: true`, the instructor's) against the run.
 *
 * @returns the verdict; in the kernel it is also displayed (markdown) with the exercise's
 *   machine-readable record.
 * @throws ClaimError when `solution` is true and the answer is not right.
 * @throws TypeError/RangeError naming the option for a malformed option (never for an
 *   answer that is merely missing or of the other kind than expected, which is just wrong).
 */
export function checkAnswer(opts: CheckAnswerOptions): Verdict {
  const o = checkOptions(opts);
  const answered = o.answer !== null;
  let correct: boolean | null = null;
  let hint: string | null = null;
  let message: string;
  if (!answered) {
    message = `not answered yet: set ${o.answerName} in the cell above to your prediction, then run this cell again.`;
  } else if (matches(o.answer!, o.expected, o.tolerance)) {
    correct = true;
    message = `right${toleranceText(o)}: ${o.solution ? 'the solution gives' : 'you answered'} ${withUnit(o.answer!, o.unit)}; the run gives ${withUnit(o.expected, o.unit)}.`;
  } else {
    correct = false;
    hint = hintFor(o);
    message = `not yet${toleranceText(o) === '' ? '' : ` (not${toleranceText(o)} of the run's answer)`}: ${o.solution ? 'the solution gives' : 'you answered'} ${withUnit(o.answer!, o.unit)}. Hint: ${hint}`;
  }
  const verdict: Verdict = { id: o.id, title: o.title, kind: 'exercise', answered, correct, solution: o.solution, answer: o.answer, expected: o.expected, hint, message };
  if (o.solution && correct !== true) {
    throw new ClaimError(
      `exercise "${o.id}": the solution does not pass its own check — ${answered ? `it gives ${withUnit(o.answer!, o.unit)}, the run gives ${withUnit(o.expected, o.unit)}${toleranceText(o)}` : 'it gives no answer (null or undefined)'}`,
      o.title,
      { expected: quoted(o.expected), ...(answered ? { answer: quoted(o.answer!) } : {}) },
    );
  }
  const mark = correct === true ? '✓' : correct === false ? '✗' : '…';
  const label = o.solution ? 'Solution' : 'Exercise';
  const record: ExerciseRecord = { id: o.id, title: o.title, kind: 'exercise', answered, correct, solution: o.solution };
  displayTeaching(`${mark} **${label}: ${o.title}**: ${message}`, `${mark} ${label}: ${o.title}: ${message}`, EXERCISE_MIME, record);
  return verdict;
}

function checkOptions(opts: CheckAnswerOptions): Checked {
  check.options('checkAnswer', opts, KEYS, ['answer']);
  const id = nonEmpty('checkAnswer id', opts.id);
  const title = nonEmpty('checkAnswer title', opts.title);
  const expected = answerValue('checkAnswer expected', opts.expected);
  const answerName = opts.answerName === undefined ? 'MY_ANSWER' : nonEmpty('checkAnswer answerName', opts.answerName);
  const answer = opts.answer === undefined || opts.answer === null ? null : studentAnswer(opts.answer, answerName);
  let tolerance: Checked['tolerance'] = null;
  if (typeof expected === 'number') {
    if (opts.tolerance === undefined) {
      throw new TypeError('checkAnswer tolerance is required when expected is a number: give { relative } (0.05 = 5 %) and/or { absolute } in the unit');
    }
    tolerance = checkTolerance(opts.tolerance);
  } else if (opts.tolerance !== undefined) {
    throw new TypeError(`checkAnswer tolerance applies only when expected is a number; expected is ${check.describe(expected)}`);
  }
  const unit = opts.unit === undefined ? '' : stringOption('checkAnswer unit', opts.unit);
  let list: Mistake[] = [];
  if (opts.mistakes !== undefined) {
    if (!Array.isArray(opts.mistakes)) throw new TypeError(`checkAnswer mistakes must be an array of mistakes (mistakes.factor, .offset, .value, .otherwise); got ${check.describe(opts.mistakes)}`);
    list = opts.mistakes.map((m, i) => checkMistake(`checkAnswer mistakes[${i}]`, m));
  }
  const solution = check.flag('checkAnswer solution', opts.solution, false);
  return { id, title, answer, expected, tolerance, unit, mistakes: list, solution, answerName };
}

/** The student's answer: any number but NaN, any string, a boolean. */
function studentAnswer(value: unknown, answerName: string): Answer {
  if (typeof value === 'number') {
    if (Number.isNaN(value)) throw new RangeError(`checkAnswer answer (${answerName}) must be a number, a word or true/false; got NaN`);
    return value;
  }
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  throw new TypeError(`checkAnswer answer (${answerName}) must be a number, a word or true/false; got ${check.describe(value)}`);
}

function checkTolerance(value: unknown): { relative: number; absolute: number } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new TypeError(`checkAnswer tolerance must be an object { relative?, absolute? }; got ${check.describe(value)}`);
  }
  const t = check.nestedOptions('tolerance', value as Tolerance, TOLERANCE_KEYS);
  const relative = t.relative === undefined ? undefined : check.inRange('checkAnswer tolerance.relative', t.relative, 0, 1);
  const absolute = t.absolute === undefined ? undefined : check.nonNegative('checkAnswer tolerance.absolute', t.absolute);
  if (relative === undefined && absolute === undefined) {
    throw new RangeError('checkAnswer tolerance needs relative (0.05 = 5 %) or absolute (in the unit), or both; got neither');
  }
  return { relative: relative ?? 0, absolute: absolute ?? 0 };
}

/** An answer as a ClaimError quotes it (flags as words). */
function quoted(v: Answer): number | string {
  return typeof v === 'boolean' ? String(v) : v;
}

function nonEmpty(option: string, value: unknown): string {
  const s = stringOption(option, value);
  if (s.trim() === '') throw new RangeError(`${option} must be a non-empty string; got an empty string`);
  return s;
}

function stringOption(option: string, value: unknown): string {
  if (typeof value !== 'string') throw new TypeError(`${option} must be a string; got ${check.describe(value)}`);
  return value;
}

/** Whether `answer` is `target` (numbers within the tolerance, words ignoring case and spaces). */
function matches(answer: Answer, target: Answer, tolerance: Checked['tolerance']): boolean {
  if (typeof target === 'number') {
    if (typeof answer !== 'number' || tolerance === null) return false;
    return within(answer, target, tolerance);
  }
  if (typeof target === 'string') return typeof answer === 'string' && normalise(answer) === normalise(target);
  return answer === target;
}

/** |a − t| ≤ max(relative·|t|, absolute), with slack for the last bits of floating point. */
export function within(a: number, t: number, tol: { relative: number; absolute: number }): boolean {
  if (!Number.isFinite(a) || !Number.isFinite(t)) return a === t;
  const allowed = Math.max(tol.relative * Math.abs(t), tol.absolute);
  return Math.abs(a - t) <= allowed + 1e-12 * Math.max(Math.abs(a), Math.abs(t), 1);
}

function normalise(s: string): string {
  return s.trim().toLowerCase();
}

/** The tolerance as a phrase: " within 5 %", " within 2 ms", " within 5 % or 2 ms", or "" (exact). */
function toleranceText(o: Checked): string {
  if (o.tolerance === null) return '';
  const parts: string[] = [];
  if (o.tolerance.relative > 0) parts.push(`${formatFinite(o.tolerance.relative * 100)} %`);
  if (o.tolerance.absolute > 0) parts.push(withUnit(o.tolerance.absolute, o.unit));
  return parts.length === 0 ? ' exactly' : ` within ${parts.join(' or ')}`;
}

/** The hint of the first matching mistake, or a generic one. */
function hintFor(o: Checked): string {
  const answer = o.answer!;
  for (const m of o.mistakes) {
    if (mistakeMatches(m, answer, o)) return m.hint;
  }
  if (typeof o.expected === 'number') {
    if (typeof answer !== 'number') return `the question asks for a number${o.unit === '' ? '' : ` in ${o.unit}`}, not ${check.describe(answer)}.`;
    const side = answer > o.expected ? 'higher' : 'lower';
    return `your answer is ${side} than the run's. Write the calculation out step by step and check each term against the question.`;
  }
  if (typeof o.expected === 'string') {
    return typeof answer === 'string' ? 'that is not the run\'s answer: look again at what the figure and the table show.' : 'the question asks for a word, not a number or a flag.';
  }
  return typeof answer === 'boolean' ? 'that is not the run\'s answer: look again at what the figure and the table show.' : 'the question asks for true or false.';
}

function mistakeMatches(m: Mistake, answer: Answer, o: Checked): boolean {
  switch (m.kind) {
    case 'factor':
      return typeof o.expected === 'number' && typeof answer === 'number' && o.tolerance !== null &&
        (within(answer, o.expected * m.factor, o.tolerance) || within(answer, o.expected / m.factor, o.tolerance));
    case 'offset':
      return typeof o.expected === 'number' && typeof answer === 'number' && o.tolerance !== null &&
        (within(answer, o.expected + m.delta, o.tolerance) || within(answer, o.expected - m.delta, o.tolerance));
    case 'value':
      if (typeof m.value === 'number') return typeof answer === 'number' && within(answer, m.value, o.tolerance ?? { relative: 0, absolute: 0 });
      return matches(answer, m.value, null);
    default:
      return true;
  }
}
