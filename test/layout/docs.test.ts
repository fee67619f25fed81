/**
 * The library's TSDoc, read where editors read it: the built declarations,
 * dist/index.d.ts (one file: scripts/bundleTypes.ts).
 * Every exported function and class has a comment on its declaration; every
 * simulation, figure builder and main entry point has an `@example`; and every
 * example, a ```ts block importing from 'netlab', runs against lib/.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'fs';
import { join, resolve } from 'path';
import {
  examplesIn, examplesInFile, exportedDeclarations, runExamples,
  type ExportedDeclaration, type LocatedExample,
} from './docComments';

const ROOT = resolve(__dirname, '..', '..');
const DIST = join(ROOT, 'dist');
const TYPES = join(DIST, 'index.d.ts');

/** The main entry points that need an example, besides every `simulate*` and every figure builder. */
const ENTRY_POINTS = [
  'createRng', 'constant', 'uniform', 'exponential', 'normal', 'lognormal', 'pareto', 'empirical',
  'pageLoad', 'pageLoadTable', 'requestTime', 'requestTimes',
  'replicate', 'sweep', 'batchMeans', 'summarize', 'show', 'saveFigure',
];

/** Longest an example may take (ms). Each is meant to take well under a second; this leaves room for a loaded machine. */
const EXAMPLE_BUDGET_MS = 5_000;

const isFigureBuilder = (d: ExportedDeclaration): boolean => d.kind === 'function' && d.name.endsWith('Figure');
const needsExample = (d: ExportedDeclaration): boolean =>
  d.kind === 'function' && (d.name.startsWith('simulate') || ENTRY_POINTS.includes(d.name) || isFigureBuilder(d));
const where = (label: string): string => label.replace(`${ROOT}/`, '');

function requireDist(): void {
  if (!existsSync(TYPES)) {
    throw new Error('dist/ is missing: run `npm run build` first (the docs are checked in the built dist/index.d.ts, as editors show them)');
  }
}

describe('docs: TSDoc in the built declarations', function () {
  this.timeout(180_000);
  let declarations: ExportedDeclaration[] = [];
  let examples: LocatedExample[] = [];

  before(() => {
    requireDist();
    declarations = exportedDeclarations(TYPES);
    examples = examplesInFile(TYPES);
  });

  it('every exported function and class has a TSDoc comment on its declaration', () => {
    assert.ok(declarations.length > 100, `only ${declarations.length} exported functions and classes found in dist/`);
    const missing = declarations.filter((d) => !d.documented).map((d) => `${d.name} (${where(d.where)})`);
    assert.deepEqual(missing, [], `exported without a TSDoc comment on the declaration (what it models, units, what it returns):\n  ${missing.join('\n  ')}`);
  });

  it('every simulate*, figure builder and main entry point has an @example', () => {
    const names = new Set(declarations.map((d) => d.name));
    const gone = ENTRY_POINTS.filter((n) => !names.has(n));
    assert.deepEqual(gone, [], `entry points listed here but no longer exported: ${gone.join(', ')}`);
    const missing = declarations.filter((d) => needsExample(d) && d.examples.length === 0).map((d) => `${d.name} (${where(d.where)})`);
    assert.deepEqual(missing, [], `needs an @example (a \`\`\`ts block importing from 'netlab'):\n  ${missing.join('\n  ')}`);
  });

  it("every @example is a ```ts block that imports from 'netlab'", () => {
    const bad = examples
      .filter((e) => e.code === null || !/from\s*['"]netlab['"]/.test(e.code))
      .map((e) => `${where(e.label)}: ${e.code === null ? 'no ```ts block' : "no import from 'netlab'"}`);
    assert.deepEqual(bad, [], `examples to fix:\n  ${bad.join('\n  ')}`);
  });

  it('every @example runs', async () => {
    const runnable = examples.filter((e) => e.code !== null && e.notRun === null).map((e) => ({ label: where(e.label), code: e.code as string }));
    assert.ok(runnable.length >= 50, `only ${runnable.length} runnable examples found`);
    const outcomes = await runExamples(runnable);
    const failed = outcomes.filter((o) => o.error !== null).map((o) => `${o.label}: ${o.error}`);
    assert.deepEqual(failed, [], `examples that fail:\n  ${failed.join('\n  ')}`);
    const slow = outcomes.filter((o) => o.ms > EXAMPLE_BUDGET_MS).map((o) => `${o.label}: ${Math.round(o.ms)} ms`);
    assert.deepEqual(slow, [], `examples slower than ${EXAMPLE_BUDGET_MS} ms (make them smaller):\n  ${slow.join('\n  ')}`);
  });

  it('only saveFigure opts out of running', () => {
    const skipped = examples.filter((e) => e.notRun !== null).map((e) => e.label.split(' ')[0]);
    assert.deepEqual(skipped, ['saveFigure']);
  });
});

describe('docs: the example reader and runner', function () {
  this.timeout(60_000);

  it("finds createRng's example in the built declarations, import and all", () => {
    requireDist();
    const rng = exportedDeclarations(TYPES).find((d) => d.name === 'createRng');
    assert.ok(rng?.documented);
    assert.equal(rng.examples.length, 1);
    assert.match(rng.examples[0].code ?? '', /import \{ createRng \} from 'netlab';\n[\s\S]*createRng\(42\)/);
  });

  it('tells a fenced example, a not-run one and a bare one apart', () => {
    const comment = [
      '/**', ' * Something.', ' *', ' * @example', ' * ```ts', " * import { a } from 'netlab';", ' * a();', ' * ```',
      ' * @example', ' * ```ts', ' * // not run: needs a browser', ' * b();', ' * ```', ' * @example', ' *   c()', ' * @returns x', ' */',
    ].join('\n');
    assert.deepEqual(examplesIn(comment), [
      { code: "import { a } from 'netlab';\na();", notRun: null },
      { code: '// not run: needs a browser\nb();', notRun: 'needs a browser' },
      { code: null, notRun: null },
    ]);
  });

  it('reports an example that throws, rejects, uses a name the library lacks or does not parse, and passes one that works', async () => {
    const outcomes = await runExamples([
      { label: 'works', code: "import { createRng, summarize } from 'netlab';\nconst s = summarize([createRng(1)(), 2]);\nawait Promise.resolve(s);" },
      { label: 'throws', code: "import { exponential } from 'netlab';\nexponential(-1);" },
      { label: 'rejects', code: "import { sweep } from 'netlab';\nawait Promise.reject(new Error('late failure'));" },
      { label: 'unknown name', code: "import { noSuchThing } from 'netlab';\nnoSuchThing();" },
      { label: 'syntax', code: 'const = 1;' },
    ]);
    const errors = Object.fromEntries(outcomes.map((o) => [o.label, o.error]));
    assert.equal(errors.works, null);
    assert.match(errors.throws ?? '', /RangeError/);
    assert.match(errors.rejects ?? '', /late failure/);
    assert.match(errors['unknown name'] ?? '', /TypeError/);
    assert.match(errors.syntax ?? '', /SyntaxError/);
  });
});
