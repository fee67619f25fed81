/**
 * The python that executes notebooks is kept between them (scripts/notebookServer.ts):
 * the next notebook runs in the same process, a request it cannot run is answered and
 * leaves it serving, a process that dies is replaced, and an idle one never keeps node
 * running. Uses small notebooks written to a temp folder and the registered kernel.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { executeNotebook, PROJECT_ROOT } from '../../scripts/execute';
import { jupyterPython, KERNEL_NAME } from '../../scripts/jupyterSetup';
import { serveNotebook, type Answer, type NotebookRequest } from '../../scripts/notebookServer';
import { notebook } from './commandLine';

describe('workbook: notebooks run on a python process kept between them', function () {
  this.timeout(3 * 60_000);
  const dir = mkdtempSync(join(tmpdir(), 'netlab-notebook-server-'));
  const input = join(dir, 'sum.ipynb');
  const python = jupyterPython().python;
  const env = { ...process.env, PATH: `${join(PROJECT_ROOT, 'node_modules', '.bin')}:${process.env.PATH}` };
  const request = (over: Partial<NotebookRequest> = {}): NotebookRequest => ({
    input,
    output: join(dir, 'sum.out.ipynb'),
    cwd: dir,
    kernel: KERNEL_NAME,
    timeout: 60,
    ...over,
  });
  const report = (answer: Answer) => {
    assert.ok('report' in answer, `no report: ${JSON.stringify(answer)}`);
    return answer.report;
  };

  before(() => writeFileSync(input, notebook([{ type: 'code', source: 'console.log(20 + 22);' }])));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('runs the next notebook in the same process', async () => {
    const first = report(await serveNotebook(python, env, request()));
    const second = report(await serveNotebook(python, env, request({ output: join(dir, 'again.out.ipynb') })));
    assert.equal(first.ok, true, JSON.stringify(first));
    assert.equal(second.ok, true, JSON.stringify(second));
    assert.equal(second.pid, first.pid);
  });

  it('answers a notebook it cannot run with the reason, and goes on serving', async () => {
    const failed = report(await serveNotebook(python, env, request({ kernel: 'no-such-kernel' })));
    assert.equal(failed.ok, false);
    assert.match(failed.error ?? '', /No such kernel named no-such-kernel/);
    const next = report(await serveNotebook(python, env, request()));
    assert.equal(next.ok, true, JSON.stringify(next));
    assert.equal(next.pid, failed.pid);
  });

  it('replaces a process that died, and says so for the request it dropped', async () => {
    const { pid } = report(await serveNotebook(python, env, request()));
    const slow = join(dir, 'slow.ipynb');
    const kernelPid = join(dir, 'kernel.pid');
    // The cell names its kernel, which a killed python leaves behind, then waits to be killed.
    writeFileSync(
      slow,
      notebook([{ type: 'code', source: `require('fs').writeFileSync(${JSON.stringify(kernelPid)}, String(process.pid));\nawait new Promise((r) => setTimeout(r, 60_000));` }]),
    );
    const killWhenRunning = setInterval(() => {
      if (!existsSync(kernelPid)) return;
      clearInterval(killWhenRunning);
      process.kill(pid, 'SIGKILL');
      process.kill(Number(readFileSync(kernelPid, 'utf8')), 'SIGKILL');
    }, 100);
    const dropped = await serveNotebook(python, env, request({ input: slow }));
    clearInterval(killWhenRunning);
    assert.ok('failure' in dropped, JSON.stringify(dropped));
    assert.match(dropped.failure.reason, /killed by SIGKILL/);
    const next = report(await serveNotebook(python, env, request()));
    assert.equal(next.ok, true, JSON.stringify(next));
    assert.notEqual(next.pid, pid);
  });

  it('leaves node free to exit once the notebooks are done', () => {
    const script = `require(${JSON.stringify(join(PROJECT_ROOT, 'scripts', 'execute.ts'))})
      .executeNotebook(${JSON.stringify(input)}, ${JSON.stringify(join(dir, 'exit.out.ipynb'))}, { cwd: ${JSON.stringify(dir)} })
      .then((r) => console.log('cells', r.cellsSeconds));`;
    const started = Date.now();
    const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 90_000 });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^cells /m);
    assert.ok(Date.now() - started < 60_000, 'the script ended on its own');
  });

  it('turns an unanswered request into an error naming the notebook', async () => {
    await assert.rejects(executeNotebook(input, join(dir, 'x.out.ipynb'), { cwd: dir, kernel: 'no-such-kernel', label: 'sum.ipynb' }), (err: Error) => {
      assert.match(err.message, /^sum\.ipynb: could not run the notebook through Jupyter:/);
      assert.match(err.message, /No such kernel named no-such-kernel/);
      return true;
    });
  });
});
