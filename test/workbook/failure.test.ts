/**
 * A failing cell fails the workbook command, with a message naming the notebook,
 * the cell (index and first line) and the error; the other notebooks still run.
 * A solution that fails its own check fails the instructor edition, not the
 * student edition. Uses notebooks written to a temp folder, never notebooks/.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { PROJECT_ROOT } from '../../scripts/execute';
import { notebook, runWorkbookCommand } from './commandLine';

describe('workbook: a failing cell fails the command', function () {
  this.timeout(5 * 60_000);
  const tmp = mkdtempSync(join(tmpdir(), 'netlab-workbook-fail-'));
  const dir = join(tmp, 'notebooks');
  const out = join(tmp, 'out');

  before(() => {
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'a-broken.ipynb'),
      notebook([
        { type: 'markdown', source: '# Broken on purpose' },
        { type: 'code', source: 'const answer = 42;' },
        { type: 'code', source: "const why = 'a bad parameter';\nthrow new Error(`boom: ${why}`);" },
        { type: 'code', source: "console.log('never reached');" },
      ]),
    );
    writeFileSync(join(dir, 'b-fine.ipynb'), notebook([{ type: 'markdown', source: '# Fine' }, { type: 'code', source: 'console.log(1 + 1);' }]));
  });

  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('exits non-zero naming the notebook, the cell and the error, after running the rest', async () => {
    const { code, stdout, stderr } = await runWorkbookCommand(['--notebooks', dir, '--out', out]);
    assert.equal(code, 1, `exit code; stdout:\n${stdout}\nstderr:\n${stderr}`);
    assert.match(stderr, /a-broken\.ipynb \(both editions\): cell 2 failed/, stderr);
    assert.match(stderr, /const why = 'a bad parameter';/, 'the first line of the cell');
    assert.match(stderr, /Error: boom: a bad parameter/, 'the error');
    assert.doesNotMatch(stderr, /b-fine/, 'only the broken notebook is reported');
    assert.match(stdout, /b-fine\.ipynb \(both editions\) executed/, 'the other notebook still ran');
    for (const edition of ['student', 'instructor']) {
      assert.ok(existsSync(join(out, edition, 'html', 'b-fine.html')), `the other notebook was exported (${edition})`);
      assert.ok(existsSync(join(out, edition, 'index.html')), `the ${edition} index was written`);
    }
    assert.ok(existsSync(join(out, 'index.html')), 'the top index was written');
  });
});

describe('workbook: a solution that fails its own check fails the instructor edition', function () {
  this.timeout(5 * 60_000);
  const tmp = mkdtempSync(join(tmpdir(), 'netlab-workbook-solution-'));
  const dir = join(tmp, 'notebooks');
  const show = JSON.stringify(join(PROJECT_ROOT, 'dist', 'plot', 'output', 'show'));

  before(() => {
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'wrong-solution.ipynb'),
      notebook([
        { type: 'markdown', source: '# A wrong solution' },
        {
          type: 'code',
          source:
            `const { kernelDisplayWriter } = require(${show}); // an internal module: the built types cover the package entry only\n` +
            'function check(answer: number, solution: boolean) {\n' +
            "  const payload = { id: 'sum', title: 'A sum', kind: 'exercise', answered: true, correct: answer === 4, solution };\n" +
            "  kernelDisplayWriter()!({ data: { 'application/vnd.netlab.exercise+json': payload, 'text/plain': String(payload.correct) }, metadata: {} }, false);\n" +
            '}\n' +
            'check(4, false);',
        },
        { type: 'code', source: 'check(5, true);', tags: ['solution'] },
      ]),
    );
  });

  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('the student edition alone passes and writes no manifest', async () => {
    const out = join(tmp, 'student-out');
    const { code, stdout, stderr } = await runWorkbookCommand(['--notebooks', dir, '--out', out, '--edition', 'student']);
    assert.equal(code, 0, `exit code; stdout:\n${stdout}\nstderr:\n${stderr}`);
    assert.ok(existsSync(join(out, 'student', 'html', 'wrong-solution.html')));
    assert.ok(!existsSync(join(out, 'instructor')), 'no instructor edition');
    assert.ok(!existsSync(join(out, 'exercises.json')), 'no manifest without the instructor edition');
  });

  it('the instructor edition exits non-zero naming the exercise, and still writes its manifest', async () => {
    const out = join(tmp, 'both-out');
    const { code, stdout, stderr } = await runWorkbookCommand(['--notebooks', dir, '--out', out]);
    assert.equal(code, 1, `exit code; stdout:\n${stdout}\nstderr:\n${stderr}`);
    assert.match(stderr, /wrong-solution\.ipynb: the solution of exercise sum \(A sum\) does not pass its own check/, stderr);
    const exercises = JSON.parse(readFileSync(join(out, 'exercises.json'), 'utf8')) as unknown;
    assert.deepEqual(exercises, [
      { notebook: 'wrong-solution.ipynb', id: 'sum', title: 'A sum', kind: 'exercise', checked: true, solution: true, solutionPassed: false },
    ]);
  });
});
