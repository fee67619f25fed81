/** Parameterised runs: --set replaces the parameter cell's constants, records them, and refuses unknown keys. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { text, type Notebook } from '../../scripts/notebook';
import { declaredParameters, parameterCellIndex, parametersLine, parseAssignments, withParameters } from '../../scripts/parameters';
import { notebook, runWorkbookCommand } from './commandLine';

const PARAMETER_CELL = "// Parameters\nimport { createRng } from 'x';\nconst STUDENT = 'demo';   // your name\nconst SEED: number = 42;\nconst LOSSES = [0, 0.01];\nfunction helper() { const inner = 1; return inner; }";

function sample(): Notebook {
  return JSON.parse(notebook([
    { type: 'markdown', source: '# Title' },
    { type: 'code', source: '// Setup\nconst SEED_NOT_HERE = 1;' },
    { type: 'code', source: PARAMETER_CELL },
  ])) as Notebook;
}

describe('workbook: parameters (--set)', () => {
  it('reads KEY=VALUE as JSON where it parses, else as a string', () => {
    assert.deepEqual(parseAssignments(['SEED=7', 'STUDENT=ana', 'NAME="x y"', 'LOSSES=[0,0.02]', 'FLAG=true']), { SEED: 7, STUDENT: 'ana', NAME: 'x y', LOSSES: [0, 0.02], FLAG: true });
    assert.throws(() => parseAssignments(['SEED']), /KEY=VALUE/);
    assert.throws(() => parseAssignments(['1X=3']), /KEY=VALUE/);
    assert.throws(() => parseAssignments(['SEED=1', 'SEED=2']), /given twice/);
  });

  it('finds the parameter cell and its top-level constants', () => {
    const nb = sample();
    assert.equal(parameterCellIndex(nb), 2);
    assert.deepEqual(declaredParameters(nb), ['STUDENT', 'SEED', 'LOSSES']);
    nb.cells[1].metadata = { tags: ['parameters'] };
    assert.equal(parameterCellIndex(nb), 1, 'a cell tagged parameters wins');
  });

  it('replaces the constants, keeping annotations and comments, and records the values', () => {
    const nb = sample();
    const run = withParameters(nb, 'x.ipynb', { SEED: 7, STUDENT: 'ana', LOSSES: [0.02] });
    const source = run.cells[2].source as string;
    assert.match(source, /^const STUDENT = "ana";   \/\/ your name$/m);
    assert.match(source, /^const SEED: number = 7;$/m);
    assert.match(source, /^const LOSSES = \[0\.02\];$/m);
    assert.equal(nb.cells[2].source, PARAMETER_CELL, 'the original is left alone');
    assert.equal(parametersLine(run), 'SEED = 7, STUDENT = "ana", LOSSES = [0.02]');
    assert.equal(parametersLine(nb), '');
    assert.equal(withParameters(nb, 'x.ipynb', {}), nb);
  });

  it('refuses a key the cell does not declare, naming the ones it does', () => {
    assert.throws(() => withParameters(sample(), 'x.ipynb', { SEDE: 1 }), /x\.ipynb's parameter cell declares no constant SEDE; it declares: STUDENT, SEED, LOSSES/);
    assert.throws(() => withParameters(sample(), 'x.ipynb', { inner: 1 }), /declares no constant inner/);
    const none = JSON.parse(notebook([{ type: 'code', source: 'const a = 1;' }])) as Notebook;
    assert.throws(() => withParameters(none, 'y.ipynb', { SEED: 1 }), /y\.ipynb has no parameter cell/);
  });
});

describe('workbook: a parameterised run under tslab', function () {
  this.timeout(5 * 60_000);
  const tmp = mkdtempSync(join(tmpdir(), 'netlab-workbook-set-'));
  const dir = join(tmp, 'notebooks');
  const out = join(tmp, 'out');

  before(() => {
    mkdirSync(dir);
    writeFileSync(join(dir, 'p.ipynb'), notebook([
      { type: 'markdown', source: '# Parameterised' },
      { type: 'code', source: "// Parameters\nconst STUDENT = 'demo';\nconst SEED = 42;" },
      { type: 'code', source: '// Echo\nconsole.log(`${STUDENT} ${SEED * 2}`);' },
    ]));
    writeFileSync(join(dir, 'q.ipynb'), notebook([{ type: 'markdown', source: '# Not selected' }]));
  });

  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('runs the named notebook with the values, recording them in its metadata and page', async () => {
    const { code, stdout, stderr } = await runWorkbookCommand(['--notebooks', dir, '--out', out, '--edition', 'student', '--only', 'p', '--set', 'SEED=7', '--set', 'STUDENT=ana']);
    assert.equal(code, 0, `stdout:\n${stdout}\nstderr:\n${stderr}`);
    const executed = JSON.parse(readFileSync(join(out, 'student', 'notebooks', 'p.ipynb'), 'utf8')) as Notebook;
    assert.equal(text((executed.cells[2].outputs?.[0] as { text?: string | string[] }).text), 'ana 14\n');
    assert.deepEqual(executed.metadata.netlab_parameters, { SEED: 7, STUDENT: 'ana' });
    assert.match(readFileSync(join(out, 'student', 'html', 'p.html'), 'utf8'), /run on the tslab TypeScript kernel with SEED = 7, STUDENT = "ana"\./);
    assert.doesNotMatch(stdout, /q\.ipynb/);
  });

  it('fails before running anything on an unknown key or notebook', async () => {
    const unknownKey = await runWorkbookCommand(['--notebooks', dir, '--out', out, '--only', 'p', '--set', 'SEDE=7']);
    assert.equal(unknownKey.code, 1);
    assert.match(unknownKey.stderr, /p\.ipynb's parameter cell declares no constant SEDE; it declares: STUDENT, SEED/);
    const unknownNotebook = await runWorkbookCommand(['--notebooks', dir, '--out', out, '--only', 'nope']);
    assert.equal(unknownNotebook.code, 1);
    assert.match(unknownNotebook.stderr, /no notebook named nope; have: p, q/);
  });
});
