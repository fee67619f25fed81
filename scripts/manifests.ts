/**
 * The workbook's manifests, read back from the outputs of executed notebooks.
 *
 * Each teaching call of the library sends one display bundle that carries, beside
 * its human text, a machine part:
 *  - `application/vnd.netlab.claim+json`: `{ text, passed, numbers }`, one per claim;
 *  - `application/vnd.netlab.exercise+json`: `{ id, title, kind, answered, correct,
 *    solution }`, one per check of an exercise or challenge (`solution: true` when the
 *    check ran on the instructor's solution).
 * From the executed instructor notebooks the runner writes
 *  - `exercises.json`: one entry per exercise id per notebook, `{ notebook, id, title,
 *    kind, checked, solution, solutionPassed }`;
 *  - `claims.json`: one entry per claim output, `{ notebook, text, passed }`.
 * Entries are ordered by notebook file name, then by where they first appear in the
 * notebook; keys come in the order above; the files are indented JSON ending in a
 * newline, so the same run writes the same bytes.
 */
import { type Notebook } from './notebook';

export const CLAIM_MIME = 'application/vnd.netlab.claim+json';
export const EXERCISE_MIME = 'application/vnd.netlab.exercise+json';

export type ExerciseKind = 'exercise' | 'challenge';

export interface ClaimEntry {
  notebook: string;
  text: string;
  passed: boolean;
}

export interface ExerciseEntry {
  notebook: string;
  id: string;
  title: string;
  kind: ExerciseKind;
  /** A check cell (not a solution) reported on it. */
  checked: boolean;
  /** A solution's check reported on it. */
  solution: boolean;
  /** Every solution check said `correct: true` (false when there is no solution). */
  solutionPassed: boolean;
}

/** What one exercise output says. */
export interface ExerciseReport {
  id: string;
  title: string;
  kind: ExerciseKind;
  answered: boolean;
  correct: boolean | null;
  solution: boolean;
}

/** A netlab output that does not follow the contract: names the notebook and the cell. */
export class ManifestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ManifestError';
  }
}

/** The payloads of `mime` in the notebook's display outputs, in order, with their cell index. */
function payloads(nb: Notebook, mime: string): { cell: number; value: unknown }[] {
  const found: { cell: number; value: unknown }[] = [];
  nb.cells.forEach((cell, index) => {
    for (const out of cell.outputs ?? []) {
      if (out.output_type !== 'display_data' && out.output_type !== 'execute_result') continue;
      if (!(mime in out.data)) continue;
      let value = out.data[mime];
      // nbformat keeps JSON mime types as JSON; a string is accepted too.
      if (typeof value === 'string') {
        try {
          value = JSON.parse(value) as unknown;
        } catch {
          /* reported below as not an object */
        }
      }
      found.push({ cell: index, value });
    }
  });
  return found;
}

function fail(notebook: string, cell: number, mime: string, why: string): never {
  throw new ManifestError(`${notebook}: cell ${cell} has a ${mime} output that ${why}`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The claims of one executed notebook, in order. */
export function notebookClaims(nb: Notebook, notebook: string): ClaimEntry[] {
  return payloads(nb, CLAIM_MIME).map(({ cell, value }) => {
    if (!isObject(value)) fail(notebook, cell, CLAIM_MIME, 'is not a JSON object');
    if (typeof value.text !== 'string') fail(notebook, cell, CLAIM_MIME, 'has no text string');
    if (typeof value.passed !== 'boolean') fail(notebook, cell, CLAIM_MIME, 'has no passed boolean');
    return { notebook, text: value.text, passed: value.passed };
  });
}

/** The exercise outputs of one executed notebook, in order, checked against the contract. */
export function exerciseReports(nb: Notebook, notebook: string): ExerciseReport[] {
  return payloads(nb, EXERCISE_MIME).map(({ cell, value }) => {
    const bad: (why: string) => never = (why) => fail(notebook, cell, EXERCISE_MIME, why);
    if (!isObject(value)) bad('is not a JSON object');
    const { id, title, kind, answered, correct, solution } = value;
    if (typeof id !== 'string' || id === '') bad('has no id string');
    if (typeof title !== 'string') bad(`(id ${String(id)}) has no title string`);
    if (kind !== 'exercise' && kind !== 'challenge') bad(`(id ${String(id)}) has kind ${JSON.stringify(kind)}, not exercise or challenge`);
    if (typeof answered !== 'boolean') bad(`(id ${String(id)}) has no answered boolean`);
    if (correct !== null && typeof correct !== 'boolean') bad(`(id ${String(id)}) has a correct that is neither boolean nor null`);
    if (typeof solution !== 'boolean') bad(`(id ${String(id)}) has no solution boolean`);
    return { id, title, kind, answered, correct, solution } as ExerciseReport;
  });
}

/**
 * One entry per exercise id of one executed notebook, in order of first
 * appearance. Title and kind come from the check cell's output when there is one,
 * else from the first solution output.
 */
export function notebookExercises(nb: Notebook, notebook: string): ExerciseEntry[] {
  const byId = new Map<string, { entry: ExerciseEntry; titled: boolean; solutionFailed: boolean }>();
  for (const r of exerciseReports(nb, notebook)) {
    let item = byId.get(r.id);
    if (!item) {
      item = {
        entry: { notebook, id: r.id, title: r.title, kind: r.kind, checked: false, solution: false, solutionPassed: false },
        titled: !r.solution,
        solutionFailed: false,
      };
      byId.set(r.id, item);
    }
    if (r.solution) {
      item.entry.solution = true;
      if (r.correct !== true) item.solutionFailed = true;
    } else {
      item.entry.checked = true;
      if (!item.titled) {
        item.entry.title = r.title;
        item.entry.kind = r.kind;
        item.titled = true;
      }
    }
  }
  return [...byId.values()].map(({ entry, solutionFailed }) => ({ ...entry, solutionPassed: entry.solution && !solutionFailed }));
}

/** Manifests over several executed notebooks (name → notebook), ordered by name. */
export function buildManifests(notebooks: { name: string; nb: Notebook }[]): { exercises: ExerciseEntry[]; claims: ClaimEntry[] } {
  const sorted = [...notebooks].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    exercises: sorted.flatMap(({ name, nb }) => notebookExercises(nb, name)),
    claims: sorted.flatMap(({ name, nb }) => notebookClaims(nb, name)),
  };
}

/** The file text of a manifest: indented JSON, keys in contract order, ending in a newline. */
export function manifestJson(entries: readonly (ExerciseEntry | ClaimEntry)[]): string {
  const ordered = entries.map((e) =>
    'id' in e
      ? { notebook: e.notebook, id: e.id, title: e.title, kind: e.kind, checked: e.checked, solution: e.solution, solutionPassed: e.solutionPassed }
      : { notebook: e.notebook, text: e.text, passed: e.passed },
  );
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/**
 * What fails the instructor edition: a claim that did not hold, or a solution
 * whose own check did not pass.
 */
export function manifestFailures(exercises: readonly ExerciseEntry[], claims: readonly ClaimEntry[]): string[] {
  return [
    ...claims.filter((c) => !c.passed).map((c) => `${c.notebook}: the claim "${c.text}" did not hold`),
    ...exercises
      .filter((e) => e.solution && !e.solutionPassed)
      .map((e) => `${e.notebook}: the solution of ${e.kind} ${e.id} (${e.title}) does not pass its own check`),
  ];
}

/** What is incomplete but not wrong: an exercise without a check cell, or without a solution. */
export function manifestGaps(exercises: readonly ExerciseEntry[]): string[] {
  return exercises.flatMap((e) => [
    ...(e.checked ? [] : [`${e.notebook}: ${e.kind} ${e.id} has no check cell outside its solution`]),
    ...(e.solution ? [] : [`${e.notebook}: ${e.kind} ${e.id} has no solution`]),
  ]);
}
