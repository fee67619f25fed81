/**
 * `npm run lab`: the Jupyter Notebook on notebooks/, from the Jupyter that
 * scripts/jupyterSetup.ts finds (NETLAB_PYTHON, a python on PATH, or Debian's),
 * with --allow-root only in a root shell. Arguments are passed on:
 * `npm run lab -- --port 8890`.
 */
import { spawn } from 'child_process';
import { installCommands, jupyterPython, labCommand } from './jupyterSetup';
import { PROJECT_ROOT } from './execute';

function fail(message: string): never {
  process.stderr.write(`lab: error: ${message}\n`);
  process.exit(1);
}

let found: ReturnType<typeof jupyterPython>;
try {
  found = jupyterPython();
} catch (err) {
  fail((err as Error).message);
}
const isRoot = process.getuid?.() === 0;
const command = labCommand(found.python, found.probe, isRoot, process.argv.slice(2));
if (!command) {
  const { debian, pip } = installCommands(found.python);
  fail(
    `${found.python} runs the notebooks but has neither the notebook nor the jupyterlab front end. Install one:\n` +
      `  Debian or Ubuntu:  ${debian}\n` +
      `  pip:               ${pip}`,
  );
}
process.stdout.write(`lab: ${command.join(' ')}\n`);
// PYDEVD_DISABLE_FILE_VALIDATION silences debugpy's "frozen modules" warning that ipykernel's import prints.
const env = { ...process.env, PYDEVD_DISABLE_FILE_VALIDATION: '1' };
const child = spawn(command[0], command.slice(1), { cwd: PROJECT_ROOT, env, stdio: 'inherit' });
// Ctrl-C reaches Jupyter too, which asks before it stops: wait for it rather than leave it behind.
process.on('SIGINT', () => undefined);
for (const signal of ['SIGTERM', 'SIGHUP'] as const) process.on(signal, () => child.kill(signal));
child.on('error', (err) => fail(`cannot start ${command[0]}: ${err.message}`));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
