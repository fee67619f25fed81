/**
 * grade: the check cell of a challenge — a design goal with numeric limits that the student
 * meets by changing parameters. Each limit is a measured figure with an upper bound
 * (`atMost`), a lower bound (`atLeast`) or both, bounds included. The result is a pass/fail
 * table (markdown in the kernel) and the challenge's machine-readable record; a challenge
 * passes when every limit is met. `solution: true` marks the instructor's reference
 * configuration: if it misses a limit, a ClaimError is thrown so the instructor edition fails.
 * Not done: weighting or partial scores (a limit is met or not).
 */
import * as check from '../validate';
import { ClaimError } from './claimError';
import { EXERCISE_MIME, cell, displayTeaching, type ExerciseRecord } from './display';
import { withUnit } from './format';

/** One numeric limit of a challenge. */
export interface Limit {
  /** What is measured (`'p99 latency'`). */
  name: string;
  /** The figure the run measured (Infinity allowed: it fails an upper bound). */
  measured: number;
  /** The largest value that passes (included). */
  atMost?: number;
  /** The smallest value that passes (included). */
  atLeast?: number;
  /** The unit of `measured` and the bounds (`'ms'`); none by default. */
  unit?: string;
}

/** The options of grade. */
export interface GradeOptions {
  /** The challenge's id, unique in its notebook. */
  id: string;
  /** A short statement of the goal, shown above the table. */
  title: string;
  /** The limits, at least one. */
  limits: readonly Limit[];
  /** True in the instructor's reference cell: failing then throws. Default false. */
  solution?: boolean;
}

/** One row of the grade table. */
export interface GradeRow {
  readonly name: string;
  readonly measured: number;
  readonly atMost: number | null;
  readonly atLeast: number | null;
  readonly unit: string;
  readonly passed: boolean;
}

/** What grade found: `passed` when every row passed. */
export interface GradeResult {
  readonly id: string;
  readonly title: string;
  readonly kind: 'challenge';
  readonly passed: boolean;
  readonly solution: boolean;
  readonly rows: readonly GradeRow[];
}

const KEYS: readonly (keyof GradeOptions)[] = ['id', 'title', 'limits', 'solution'];
const LIMIT_KEYS: readonly (keyof Limit)[] = ['name', 'measured', 'atMost', 'atLeast', 'unit'];

/**
 * Grades a challenge: compares each measured figure with its limit.
 *
 * @returns `{ passed, rows, … }`; in the kernel a markdown table is also displayed with the
 *   challenge's record (`kind: 'challenge'`).
 * @throws ClaimError when `solution` is true and a limit is missed.
 * @throws TypeError/RangeError naming the option for malformed options.
 */
export function grade(opts: GradeOptions): GradeResult {
  check.options('grade', opts, KEYS);
  const id = text('grade id', opts.id);
  const title = text('grade title', opts.title);
  if (!Array.isArray(opts.limits)) throw new TypeError(`grade limits must be an array of { name, measured, atMost?, atLeast?, unit? }; got ${check.describe(opts.limits)}`);
  if (opts.limits.length === 0) throw new RangeError('grade limits must hold at least one limit; got an empty array');
  const rows = opts.limits.map((l, i) => row(`limits[${i}]`, l));
  const solution = check.flag('grade solution', opts.solution, false);
  const passed = rows.every((r) => r.passed);
  const missed = rows.filter((r) => !r.passed);
  if (solution && !passed) {
    const list = missed.map((r) => `${r.name} ${withUnit(r.measured, r.unit)} (limit ${boundText(r)})`).join('; ');
    throw new ClaimError(`challenge "${id}": the reference solution misses ${missed.length} of ${rows.length} limits: ${list}`, title, Object.fromEntries(rows.map((r) => [r.name, r.measured])));
  }
  const summary = passed
    ? `✓ passed: all ${rows.length} limits met`
    : `✗ not yet: ${missed.length} of ${rows.length} limit${rows.length === 1 ? '' : 's'} missed`;
  const label = solution ? 'Challenge (reference solution)' : 'Challenge';
  const table = [
    '| measure | limit | measured | result |',
    '|---|---|---|---|',
    ...rows.map((r) => `| ${cell(r.name)} | ${cell(boundText(r))} | ${cell(withUnit(r.measured, r.unit))} | ${r.passed ? '✓ pass' : '✗ fail'} |`),
  ].join('\n');
  const plain = rows.map((r) => `  ${r.passed ? '✓' : '✗'} ${r.name}: ${withUnit(r.measured, r.unit)} (limit ${boundText(r)})`).join('\n');
  const record: ExerciseRecord = { id, title, kind: 'challenge', answered: true, correct: passed, solution };
  displayTeaching(`**${label}: ${title}**: ${summary}\n\n${table}`, `${label}: ${title}: ${summary}\n${plain}`, EXERCISE_MIME, record);
  return { id, title, kind: 'challenge', passed, solution, rows };
}

function row(where: string, value: unknown): GradeRow {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new TypeError(`grade ${where} must be a limit { name, measured, atMost?, atLeast?, unit? }; got ${check.describe(value)}`);
  }
  const l = check.nestedOptions(where, value as Limit, LIMIT_KEYS);
  const name = text(`grade ${where}.name`, l.name);
  if (typeof l.measured !== 'number') throw new TypeError(`grade ${where}.measured must be a number; got ${check.describe(l.measured)}`);
  if (Number.isNaN(l.measured)) throw new RangeError(`grade ${where}.measured must be a number; got NaN (did the run measure nothing?)`);
  const atMost = l.atMost === undefined ? null : check.finite(`grade ${where}.atMost`, l.atMost);
  const atLeast = l.atLeast === undefined ? null : check.finite(`grade ${where}.atLeast`, l.atLeast);
  if (atMost === null && atLeast === null) throw new RangeError(`grade ${where} needs atMost, atLeast or both; got neither`);
  if (atMost !== null && atLeast !== null && atLeast > atMost) {
    throw new RangeError(`grade ${where}.atLeast (${atLeast}) must not exceed ${where}.atMost (${atMost})`);
  }
  if (l.unit !== undefined && typeof l.unit !== 'string') throw new TypeError(`grade ${where}.unit must be a string; got ${check.describe(l.unit)}`);
  const unit = l.unit ?? '';
  const measured = l.measured;
  const passed = (atMost === null || measured <= atMost) && (atLeast === null || measured >= atLeast);
  return { name, measured, atMost, atLeast, unit, passed };
}

function boundText(r: GradeRow): string {
  if (r.atMost !== null && r.atLeast !== null) return `${withUnit(r.atLeast, r.unit)} to ${withUnit(r.atMost, r.unit)}`;
  return r.atMost !== null ? `≤ ${withUnit(r.atMost, r.unit)}` : `≥ ${withUnit(r.atLeast!, r.unit)}`;
}

function text(option: string, value: unknown): string {
  if (typeof value !== 'string') throw new TypeError(`${option} must be a string; got ${check.describe(value)}`);
  if (value.trim() === '') throw new RangeError(`${option} must be a non-empty string; got an empty string`);
  return value;
}
