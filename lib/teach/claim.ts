/**
 * claim(text, holds, numbers): a "what to notice" sentence that the run itself checks.
 *
 * The sentence may quote the run's numbers through placeholders, `{name}`, filled from
 * `numbers` (numbers printed by formatNumber's rule, strings as given). Every placeholder
 * needs a value and every value must be used, so the prose and the numbers it quotes stay
 * in step. When `holds` is true the sentence is shown with a ✓ (in the kernel) and returned;
 * when false nothing is shown and a ClaimError quoting the sentence and its numbers is
 * thrown, so an executed notebook stops at the claim that the run contradicts.
 * Placeholders are letters, digits and `_` inside braces; other braces are left as written.
 * Not done: plurals, units inside placeholders (write the unit in the text).
 */
import * as check from '../validate';
import { ClaimError } from './claimError';
import { CLAIM_MIME, displayTeaching } from './display';
import { formatFinite } from './format';

/** Values a claim quotes, by placeholder name: numbers (formatted) or strings (as given). */
export type ClaimNumbers = Record<string, number | string>;

/** A claim that held: the rendered sentence, `passed: true`, and the values it quoted. */
export interface Claim {
  readonly text: string;
  readonly passed: true;
  readonly numbers: Readonly<ClaimNumbers>;
}

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/**
 * States a "what to notice" point and checks it against the run.
 *
 * @param text the sentence, with `{name}` placeholders for the quoted values.
 * @param holds whether the run bears the sentence out (computed from the same numbers).
 * @param numbers the quoted values by placeholder name (finite numbers or strings).
 * @returns `{ text, passed: true, numbers }` with `text` rendered.
 * @throws ClaimError when `holds` is false (nothing is displayed then).
 * @throws TypeError naming the placeholder when a placeholder has no value or a value has no
 *   placeholder; TypeError/RangeError for a text, flag or value of the wrong kind.
 */
export function claim(text: string, holds: boolean, numbers?: ClaimNumbers): Claim {
  const rendered = render(text, numbers);
  if (typeof holds !== 'boolean') {
    throw new TypeError(`claim: holds must be true or false (whether the run bears out "${rendered.text}"); got ${check.describe(holds)}`);
  }
  if (!holds) {
    const quoted = Object.entries(rendered.numbers).map(([k, v]) => `${k} = ${typeof v === 'number' ? String(v) : JSON.stringify(v)}`);
    throw new ClaimError(
      `the run does not bear out the claim "${rendered.text}"${quoted.length > 0 ? ` (numbers: ${quoted.join(', ')})` : ''}`,
      rendered.text,
      rendered.numbers,
    );
  }
  const result: Claim = { text: rendered.text, passed: true, numbers: rendered.numbers };
  displayTeaching(`✓ ${rendered.text}`, `✓ ${rendered.text}`, CLAIM_MIME, { text: result.text, passed: true, numbers: result.numbers });
  return result;
}

/** The sentence with its placeholders filled in, after checking text and numbers against each other. */
function render(text: string, numbers: ClaimNumbers | undefined): { text: string; numbers: ClaimNumbers } {
  if (typeof text !== 'string') throw new TypeError(`claim: text must be a string; got ${check.describe(text)}`);
  if (text.trim() === '') throw new RangeError('claim: text must be a non-empty sentence; got an empty string');
  const values: ClaimNumbers = {};
  if (numbers !== undefined) {
    if (numbers === null || typeof numbers !== 'object' || Array.isArray(numbers)) {
      throw new TypeError(`claim: numbers must be an object of values by placeholder name; got ${check.describe(numbers)}`);
    }
    for (const [name, value] of Object.entries(numbers)) {
      if (value === undefined) continue; // reported below as a placeholder without a value, or ignored when unused
      if (typeof value === 'number') {
        if (!Number.isFinite(value)) throw new RangeError(`claim: numbers.${name} must be a finite number or a string; got ${value}`);
      } else if (typeof value !== 'string') {
        throw new TypeError(`claim: numbers.${name} must be a number or a string; got ${check.describe(value)}`);
      }
      values[name] = value;
    }
  }
  const used = new Set<string>();
  const missing: string[] = [];
  const out = text.replace(PLACEHOLDER, (whole, name: string) => {
    used.add(name);
    const value = values[name];
    if (value === undefined) {
      missing.push(name);
      return whole;
    }
    return typeof value === 'number' ? formatFinite(value) : value;
  });
  const given = Object.keys(values);
  if (missing.length > 0) {
    const name = missing[0];
    const close = check.closestKey(name, given.filter((k) => !used.has(k) || k === name));
    const hint = close === undefined ? '' : ` (did you mean numbers.${close}?)`;
    throw new TypeError(`claim: placeholder {${name}} in text has no value in numbers${hint}; given: ${given.join(', ') || 'none'}`);
  }
  const unused = given.filter((k) => !used.has(k));
  if (unused.length > 0) {
    const placeholders = [...used].map((k) => `{${k}}`).join(', ') || 'none';
    throw new TypeError(`claim: numbers.${unused[0]} is never quoted by text (its placeholders: ${placeholders}); quote it as {${unused[0]}} or drop it`);
  }
  return { text: out, numbers: values };
}
