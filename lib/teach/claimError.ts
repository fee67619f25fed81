/**
 * ClaimError: what the teaching module throws when a run contradicts its notebook — a
 * "what to notice" claim that does not hold, an instructor's solution that fails its own
 * check, or a challenge's reference configuration that misses a limit. Executing the
 * notebook stops at that cell, so prose and numbers cannot drift apart unnoticed.
 */

/** A statement the run was meant to make true turned out false (see the module header). */
export class ClaimError extends Error {
  /** The rendered statement (placeholders filled in), or the exercise/challenge it concerns. */
  readonly text: string;
  /** The numbers the statement was checked with. */
  readonly numbers: Readonly<Record<string, number | string>>;

  constructor(message: string, text: string, numbers: Readonly<Record<string, number | string>> = {}) {
    super(message);
    this.name = 'ClaimError';
    this.text = text;
    this.numbers = numbers;
  }
}
