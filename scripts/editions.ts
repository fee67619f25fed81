/**
 * The two editions of the workbook, made from one notebook source.
 *
 * A cell whose Jupyter metadata `tags` hold `solution` (an exercise's or a
 * challenge's solution) or `instructor` (objectives, the lesson plan, common
 * mistakes) belongs to the instructor edition only. The student edition is the
 * source without those cells, made BEFORE execution, so neither their text nor
 * anything they would print reaches a student's page or notebook. The instructor
 * edition is the source unchanged. Every other cell (prediction and check cells
 * included) is in both.
 */
import { type Cell, type Notebook } from './notebook';

export type Edition = 'student' | 'instructor';

export const EDITIONS: readonly Edition[] = ['student', 'instructor'];

/** Tags that keep a cell out of the student edition. */
export const INSTRUCTOR_ONLY_TAGS: readonly string[] = ['solution', 'instructor'];

/** The cell's metadata tags (an empty list when it has none or they are malformed). */
export function cellTags(cell: Cell): string[] {
  const tags = cell.metadata?.tags;
  return Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : [];
}

/** The instructor-only tags a cell carries, in the order of INSTRUCTOR_ONLY_TAGS. */
export function instructorOnlyTags(cell: Cell): string[] {
  const tags = cellTags(cell);
  return INSTRUCTOR_ONLY_TAGS.filter((t) => tags.includes(t));
}

export function isInstructorOnly(cell: Cell): boolean {
  return instructorOnlyTags(cell).length > 0;
}

/** The cells (index, first tags) of a notebook that only the instructor edition has. */
export function instructorOnlyCells(nb: Notebook): { index: number; tags: string[] }[] {
  return nb.cells.flatMap((cell, index) => (isInstructorOnly(cell) ? [{ index, tags: instructorOnlyTags(cell) }] : []));
}

/**
 * The source of one edition of a notebook: a deep copy, never the object given.
 * The student edition drops every instructor-only cell; the instructor edition
 * keeps every cell.
 */
export function editionSource(nb: Notebook, edition: Edition): Notebook {
  const copy = JSON.parse(JSON.stringify(nb)) as Notebook;
  if (edition === 'instructor') return copy;
  if (edition !== 'student') throw new Error(`unknown edition ${String(edition)}; expected ${EDITIONS.join(' or ')}`);
  return { ...copy, cells: copy.cells.filter((cell) => !isInstructorOnly(cell)) };
}

/** Parses an `--edition` value: student, instructor or both. */
export function parseEditions(value: string): Edition[] {
  if (value === 'both') return [...EDITIONS];
  if ((EDITIONS as readonly string[]).includes(value)) return [value as Edition];
  throw new Error(`workbook: --edition must be student, instructor or both; got ${value}`);
}

/** "Student edition" / "Instructor edition". */
export function editionLabel(edition: Edition): string {
  return `${edition[0].toUpperCase()}${edition.slice(1)} edition`;
}
