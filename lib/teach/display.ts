/**
 * Where teaching outputs go: one display_data message per call, through the tslab
 * kernel's writer (looked up by lib/plot/output/show.ts), holding a human part (markdown and
 * plain text) and a machine part the workbook exporter reads back:
 *  - `application/vnd.netlab.claim+json`: `{ text, passed, numbers }`;
 *  - `application/vnd.netlab.exercise+json`: `{ id, title, kind, answered, correct, solution }`.
 * Outside a kernel nothing is displayed and nothing fails.
 */
import { kernelDisplayWriter, type DisplayContent, type DisplayWriter } from '../plot/output/show';

/** The mime type of a claim's machine-readable part. */
export const CLAIM_MIME = 'application/vnd.netlab.claim+json';
/** The mime type of an exercise's or challenge's machine-readable part. */
export const EXERCISE_MIME = 'application/vnd.netlab.exercise+json';

/** The machine part of an exercise or challenge output. */
export interface ExerciseRecord {
  id: string;
  title: string;
  kind: 'exercise' | 'challenge';
  answered: boolean;
  correct: boolean | null;
  solution: boolean;
}

let replacement: DisplayWriter | null | undefined;

/**
 * Replaces the display writer (tests use it to capture what a notebook would show);
 * `undefined` goes back to the kernel's own writer. Not part of the public API.
 */
export function setDisplayWriterForTests(writer: DisplayWriter | null | undefined): void {
  replacement = writer;
}

/** Sends one mime bundle: markdown, plain text and one machine part. */
export function displayTeaching(markdown: string, plain: string, mime: string, record: object): void {
  const write = replacement !== undefined ? replacement : kernelDisplayWriter();
  if (write === null) return;
  const content: DisplayContent = { data: { 'text/markdown': markdown, 'text/plain': plain, [mime]: record }, metadata: {} };
  write(content, false);
}

/** Text safe inside a markdown table cell. */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
