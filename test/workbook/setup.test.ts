/**
 * Finding Jupyter and registering NetLab's kernel (scripts/jupyterSetup.ts).
 * The search runs against stand-in pythons: small shell scripts in a temp folder
 * that answer the module check as a python with or without Jupyter would. The
 * registration runs with the real Jupyter of this machine, into a temp
 * JUPYTER_DATA_DIR, and must leave any other kernel alone. A node_modules that
 * links to another checkout's is used as it is.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { delimiter, join } from 'path';
import { BATCH_KERNEL_NAME, writeBatchKernel } from '../../scripts/batchKernel';
import { PROJECT_ROOT } from '../../scripts/execute';
import {
  candidatePythons,
  DEBIAN_PACKAGES,
  decide,
  ensureKernel,
  KERNEL_ENV,
  EXIT_INSTALL_DEBIAN,
  findJupyter,
  installCommands,
  KERNEL_DISPLAY_NAME,
  KERNEL_NAME,
  labCommand,
  main,
  recallJupyter,
  rememberJupyter,
  type Machine,
  type Probe,
} from '../../scripts/jupyterSetup';

const ROOT_WITH_APT: Machine = { isRoot: true, hasApt: true };
const USER_WITH_APT: Machine = { isRoot: false, hasApt: true };
const ROOT_WITHOUT_APT: Machine = { isRoot: true, hasApt: false };
const DEBIAN_COMMAND =
  'sudo apt-get update && sudo apt-get install -y --no-install-recommends jupyter-nbconvert python3-nbclient jupyter-client python3-ipykernel jupyter-notebook';
const PIP_COMMAND = 'python3 -m pip install --user nbclient nbconvert ipykernel jupyter_client notebook';

type Kind = 'jupyter' | 'bare' | 'broken';

/** Writes a stand-in python: with Jupyter, without it (a plain python), or one that crashes. */
function fakePython(dir: string, name: string, kind: Kind): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  const missing = kind === 'jupyter' ? '[]' : '["nbclient", "nbconvert", "ipykernel", "jupyter_client"]';
  const body =
    kind === 'broken'
      ? 'echo "Fatal Python error: init_fs_encoding" >&2\nexit 1\n'
      : `echo '{"executable": "'"$0"'", "version": "3.12.4", "missing": ${missing}, "notebook": true, "jupyterlab": false}'\n`;
  writeFileSync(file, `#!/bin/sh\n${body}`);
  chmodSync(file, 0o755);
  return file;
}

function capture(): { io: { stdout: (s: string) => void; stderr: (s: string) => void }; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return { io: { stdout: (s) => (out += s), stderr: (s) => (err += s) }, out: () => out, err: () => err };
}

const probe = (python: string, ok: boolean, source: Probe['source'] = 'PATH'): Probe => ({
  python,
  source,
  ok,
  executable: python,
  missing: ok ? [] : ['nbclient'],
  notebook: ok,
  jupyterlab: false,
});

describe('setup: finding Jupyter', function () {
  this.timeout(60_000);
  let tmp: string;
  let conda: string;
  let venv: string;
  let plain: string;
  let debianOk: string;
  let debianBare: string;
  let empty: string;

  before(() => {
    tmp = mkdtempSync(join(tmpdir(), 'netlab-setup-'));
    conda = join(tmp, 'miniconda3', 'bin');
    fakePython(conda, 'python3', 'jupyter');
    symlinkSync(join(conda, 'python3'), join(conda, 'python'));
    venv = join(tmp, 'venv', 'bin');
    fakePython(venv, 'python', 'jupyter');
    plain = join(tmp, 'usr-local', 'bin');
    fakePython(plain, 'python3', 'bare');
    fakePython(plain, 'python', 'broken');
    debianOk = fakePython(join(tmp, 'debian-with'), 'python3', 'jupyter');
    debianBare = fakePython(join(tmp, 'debian-without'), 'python3', 'bare');
    empty = join(tmp, 'empty');
    mkdirSync(empty);
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  const path = (...dirs: string[]) => dirs.join(delimiter);

  it('tries python3 then python in each PATH folder in order, once per interpreter, then Debian’s python on Linux', () => {
    const env = { PATH: path(plain, conda, '', 'relative/bin', venv) };
    const linux = candidatePythons(env, { debianPython: debianOk, platform: 'linux' });
    assert.deepEqual(
      linux.map((c) => [c.python, c.source]),
      [
        [join(plain, 'python3'), 'PATH'],
        [join(plain, 'python'), 'PATH'],
        [join(conda, 'python3'), 'PATH'], // conda's python is a link to python3: asked once
        [join(venv, 'python'), 'PATH'],
        [debianOk, 'Debian'],
      ],
    );
    const mac = candidatePythons(env, { debianPython: debianOk, platform: 'darwin' });
    assert.equal(mac.at(-1)?.python, join(venv, 'python'), 'no Debian python on macOS');
  });

  it('prefers a pip or conda python on PATH that has Jupyter to Debian’s', () => {
    const { decision, probes } = findJupyter({ env: { PATH: path(plain, conda) }, debianPython: debianOk, platform: 'linux', machine: ROOT_WITH_APT });
    assert.equal(decision.kind, 'use');
    assert.equal(decision.kind === 'use' && decision.python, join(conda, 'python3'));
    assert.deepEqual(
      probes.map((p) => [p.python, p.ok]),
      [
        [join(plain, 'python3'), false],
        [join(plain, 'python'), false],
        [join(conda, 'python3'), true],
      ],
      'stops at the first python with Jupyter; Debian’s is not asked',
    );
    assert.match(probes[1].error ?? '', /did not answer the module check \(exit code 1: Fatal Python error/);

    const inVenv = findJupyter({ env: { PATH: path(venv, conda) }, debianPython: debianOk, platform: 'linux', machine: USER_WITH_APT });
    assert.equal(inVenv.decision.kind === 'use' && inVenv.decision.python, join(venv, 'python'), 'an activated virtualenv comes first on PATH');
  });

  it('falls back to Debian’s /usr/bin/python3 when no python on PATH has Jupyter', () => {
    const { decision, probes } = findJupyter({ env: { PATH: plain }, debianPython: debianOk, platform: 'linux', machine: USER_WITH_APT });
    assert.equal(decision.kind, 'use');
    assert.equal(decision.kind === 'use' && decision.python, debianOk);
    assert.equal(decision.kind === 'use' && decision.probe.source, 'Debian');
    assert.equal(probes.length, 3);
  });

  it('without Jupyter, as root on a Debian-like system, installs the Debian packages (exit code 3 for setup.sh)', () => {
    const opts = { env: { PATH: path(plain, empty) }, debianPython: debianBare, platform: 'linux' as const, machine: ROOT_WITH_APT };
    const { decision } = findJupyter(opts);
    assert.deepEqual(decision, { kind: 'apt', packages: DEBIAN_PACKAGES });
    const c = capture();
    assert.equal(main(['find'], c.io, opts), EXIT_INSTALL_DEBIAN);
    assert.equal(c.out(), `${DEBIAN_PACKAGES.join(' ')}\n`);
    assert.equal(c.err(), '');
    const again = capture();
    assert.equal(main(['find', '--no-apt'], again.io, opts), 1, 'after installing, a second miss is an error, not another install');
    assert.match(again.err(), /no Python with Jupyter/);
  });

  it('without Jupyter and without root, prints the commands for Debian and for pip and fails', () => {
    for (const machine of [USER_WITH_APT, ROOT_WITHOUT_APT, { isRoot: false, hasApt: false }]) {
      const c = capture();
      const code = main(['find'], c.io, { env: { PATH: path(plain, empty) }, debianPython: debianBare, platform: 'linux', machine });
      assert.equal(code, 1);
      assert.equal(c.out(), '', 'no python printed for setup.sh to use');
      const err = c.err();
      assert.match(err, /^setup: error: no Python with Jupyter \(nbclient, nbconvert, ipykernel, jupyter_client\) was found\./);
      assert.ok(err.includes(`  ${join(plain, 'python3')}: cannot import nbclient, nbconvert, ipykernel, jupyter_client\n`), err);
      assert.ok(err.includes(`  ${debianBare}: cannot import`), err);
      assert.ok(err.includes(`    ${DEBIAN_COMMAND}\n`), err);
      assert.ok(err.includes(`    ${PIP_COMMAND}\n`), err);
      assert.match(err, /NETLAB_PYTHON/);
    }
    const none = capture();
    assert.equal(main(['find'], none.io, { env: { PATH: empty }, platform: 'darwin', machine: USER_WITH_APT }), 1);
    assert.match(none.err(), /no python3 or python on PATH/);
    assert.ok(none.err().includes(PIP_COMMAND));
  });

  it('NETLAB_PYTHON overrides the search, and is the only python asked', () => {
    const chosen = fakePython(join(tmp, 'chosen'), 'python3.12', 'jupyter');
    const { decision, probes } = findJupyter({ env: { PATH: conda, NETLAB_PYTHON: chosen }, debianPython: debianOk, platform: 'linux', machine: USER_WITH_APT });
    assert.equal(decision.kind === 'use' && decision.python, chosen);
    assert.deepEqual(probes.map((p) => p.source), ['NETLAB_PYTHON']);

    // Without Jupyter it is not replaced by another python, nor by Debian packages it would not see.
    const bare = fakePython(join(tmp, 'chosen'), 'python3.13', 'bare');
    const c = capture();
    const opts = { env: { PATH: conda, NETLAB_PYTHON: bare }, debianPython: debianOk, platform: 'linux' as const, machine: ROOT_WITH_APT };
    assert.equal(main(['find'], c.io, opts), 1);
    assert.ok(c.err().includes(`    ${bare} -m pip install --user nbclient nbconvert ipykernel jupyter_client notebook\n`), c.err());
    assert.ok(c.err().includes(DEBIAN_COMMAND));
    // Unless it is Debian's python itself.
    assert.deepEqual(findJupyter({ ...opts, env: { PATH: conda, NETLAB_PYTHON: debianBare }, debianPython: debianBare }).decision.kind, 'apt');
    // A path that does not exist says so, and pip is suggested with python3.
    const gone = capture();
    assert.equal(main(['find'], gone.io, { ...opts, env: { NETLAB_PYTHON: join(tmp, 'nowhere', 'python3') } }), 1);
    assert.ok(gone.err().includes(`${join(tmp, 'nowhere', 'python3')}: not found`), gone.err());
    assert.ok(gone.err().includes(PIP_COMMAND), gone.err());
  });

  it('the command line exits non-zero with both commands on stderr', () => {
    const bare = fakePython(join(tmp, 'cli'), 'python3', 'bare');
    const r = spawnSync(join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/jupyterSetup.ts', 'find'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, NETLAB_PYTHON: bare },
      encoding: 'utf8',
    });
    assert.equal(r.status, 1, r.stderr);
    assert.equal(r.stdout, '');
    assert.ok(r.stderr.includes(DEBIAN_COMMAND), r.stderr);
    assert.ok(r.stderr.includes(`${bare} -m pip install --user nbclient nbconvert ipykernel jupyter_client notebook`), r.stderr);
  });

  it('decide() takes the first python with Jupyter, whatever the machine', () => {
    const probes = [probe('/opt/homebrew/bin/python3', false), probe('/Users/ana/miniconda3/bin/python3', true), probe('/usr/bin/python3', true, 'Debian')];
    for (const machine of [ROOT_WITH_APT, USER_WITH_APT, ROOT_WITHOUT_APT]) {
      const d = decide(probes, machine);
      assert.equal(d.kind === 'use' && d.python, '/Users/ana/miniconda3/bin/python3');
    }
  });

  it('uses the interpreter behind a shim (pyenv) rather than the shim', () => {
    const d = decide([{ ...probe('/home/ana/.pyenv/shims/python3', true), executable: '/home/ana/.pyenv/versions/3.12.4/bin/python3' }], USER_WITH_APT);
    assert.equal(d.kind === 'use' && d.python, '/home/ana/.pyenv/versions/3.12.4/bin/python3');
  });

  it('remembers the python chosen, for as long as PATH and NETLAB_PYTHON stay the same and it exists', () => {
    const file = join(tmp, 'cache', 'jupyter.json');
    const python = join(conda, 'python3');
    const env = { PATH: path(conda, plain) };
    const choice = { python, probe: probe(python, true) };
    assert.equal(recallJupyter(env, file), null, 'nothing remembered yet');
    assert.deepEqual(rememberJupyter(choice, env, file), choice);
    assert.deepEqual(recallJupyter(env, file), choice);
    assert.equal(recallJupyter({ PATH: path(plain, conda) }, file), null, 'another PATH');
    assert.equal(recallJupyter({ ...env, NETLAB_PYTHON: python }, file), null, 'NETLAB_PYTHON set since');
    rememberJupyter({ python: join(tmp, 'gone', 'python3'), probe: probe(python, true) }, env, file);
    assert.equal(recallJupyter(env, file), null, 'a python that no longer exists');
    writeFileSync(file, '{ not json');
    assert.equal(recallJupyter(env, file), null, 'an unreadable file');
  });

  it('names the same Debian packages as setup.sh --print-packages (which CI installs)', () => {
    const r = spawnSync('bash', [join(PROJECT_ROOT, 'scripts', 'setup.sh'), '--print-packages'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim(), DEBIAN_PACKAGES.join(' '));
    assert.ok(installCommands().debian.endsWith(DEBIAN_PACKAGES.join(' ')));
  });
});

describe('setup: a node_modules linked to another checkout', () => {
  it('is used as it is, never emptied by npm ci through the link', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'netlab-linked-'));
    try {
      const checkout = join(tmp, 'checkout');
      const shared = join(tmp, 'shared-node_modules');
      mkdirSync(join(checkout, 'scripts'), { recursive: true });
      mkdirSync(shared);
      writeFileSync(join(shared, 'sentinel'), 'still here\n');
      writeFileSync(join(checkout, 'scripts', 'setup.sh'), readFileSync(join(PROJECT_ROOT, 'scripts', 'setup.sh')));
      writeFileSync(join(checkout, 'package-lock.json'), '{}\n'); // newer than anything in the linked folder
      symlinkSync(shared, join(checkout, 'node_modules'));
      const r = spawnSync('bash', [join(checkout, 'scripts', 'setup.sh')], { encoding: 'utf8' });
      assert.equal(r.status, 1);
      assert.match(r.stderr, /node_modules links to .*shared-node_modules, which lacks tslab or tsx/);
      assert.doesNotMatch(r.stdout, /npm ci/);
      assert.equal(readFileSync(join(shared, 'sentinel'), 'utf8'), 'still here\n');
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('setup: npm run lab', () => {
  it('starts the notebook front end of the python found, with --allow-root only as root', () => {
    const py = '/Users/ana/miniconda3/bin/python3';
    assert.deepEqual(labCommand(py, { notebook: true, jupyterlab: true }, false), [py, '-m', 'notebook', '--notebook-dir=notebooks']);
    assert.deepEqual(labCommand(py, { notebook: true, jupyterlab: false }, true, ['--port', '8890']), [
      py,
      '-m',
      'notebook',
      '--notebook-dir=notebooks',
      '--allow-root',
      '--port',
      '8890',
    ]);
    assert.deepEqual(labCommand(py, { notebook: false, jupyterlab: true }, false), [py, '-m', 'jupyterlab', '--notebook-dir=notebooks']);
    assert.equal(labCommand(py, { notebook: false, jupyterlab: false }, false), null);
  });
});

describe('setup: registering the kernel', function () {
  this.timeout(120_000);
  const found = findJupyter({ noApt: true }).decision;
  const python = found.kind === 'use' ? found.python : null;
  let tmp: string;
  let env: NodeJS.ProcessEnv;

  before(function () {
    if (!python) this.skip();
    tmp = mkdtempSync(join(tmpdir(), 'netlab-kernel-'));
    env = { ...process.env, JUPYTER_DATA_DIR: join(tmp, 'data'), HOME: join(tmp, 'home') };
    mkdirSync(env.HOME!);
  });
  after(() => tmp && rmSync(tmp, { recursive: true, force: true }));

  /** name → [resource dir, kernel.json text] of every kernel Jupyter sees with `env`. */
  function kernels(e: NodeJS.ProcessEnv): Record<string, [string, string]> {
    const code =
      'import json, os\nfrom jupyter_client.kernelspec import KernelSpecManager\n' +
      'd = KernelSpecManager().find_kernel_specs()\n' +
      'print(json.dumps({k: [v, open(os.path.join(v, "kernel.json")).read()] for k, v in d.items()}))';
    const r = spawnSync(python!, ['-c', code], { env: { ...e, PYDEVD_DISABLE_FILE_VALIDATION: '1' }, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    return JSON.parse(r.stdout.trim().split('\n').pop()!) as Record<string, [string, string]>;
  }

  it('registers netlab-tslab in the user’s data folder, once, starting the given binary; other kernels stay as they were', () => {
    const before = kernels(env);
    const binary = join(tmp, 'checkout', 'node_modules', '.bin', 'tslab');
    mkdirSync(join(binary, '..'), { recursive: true });
    writeFileSync(binary, '#!/bin/sh\n');
    chmodSync(binary, 0o755);

    const first = ensureKernel(python!, binary, env);
    assert.equal(first.registered, true);
    assert.equal(first.dir, join(tmp, 'data', 'kernels', KERNEL_NAME));
    const spec = JSON.parse(readFileSync(join(first.dir, 'kernel.json'), 'utf8')) as { argv: string[]; display_name: string; env: unknown; language: string };
    assert.deepEqual(spec, { argv: [binary, 'kernel', '--config-path', '{connection_file}'], display_name: KERNEL_DISPLAY_NAME, env: KERNEL_ENV, language: 'typescript' });

    const after = kernels(env);
    assert.equal(after[KERNEL_NAME]?.[0], first.dir);
    for (const [name, value] of Object.entries(before)) assert.deepEqual(after[name], value, `kernel ${name} changed`);
    assert.deepEqual(Object.keys(after).sort(), [...new Set([...Object.keys(before), KERNEL_NAME])].sort(), 'only netlab-tslab is added');
    assert.equal(existsSync(join(tmp, 'data', 'kernels', 'tslab')), false, 'no tslab kernel of our own');

    const second = ensureKernel(python!, join(tmp, 'another-checkout', 'tslab'), env);
    assert.deepEqual(second, { registered: false, dir: first.dir, binary }, 'a working registration is kept');

    // A registration without the kernel's environment (an older setup) is made again.
    const { env: _env, ...older } = spec;
    writeFileSync(join(first.dir, 'kernel.json'), JSON.stringify(older));
    assert.equal(ensureKernel(python!, binary, env).registered, true, 'registered again without its environment');
    assert.deepEqual((JSON.parse(readFileSync(join(first.dir, 'kernel.json'), 'utf8')) as { env: unknown }).env, KERNEL_ENV);

    rmSync(binary);
    const third = ensureKernel(python!, join(PROJECT_ROOT, 'node_modules', '.bin', 'tslab'), env);
    assert.equal(third.registered, true, 'registered again once its binary is gone');
    assert.equal(kernels(env)[KERNEL_NAME]?.[1].includes(join(PROJECT_ROOT, 'node_modules', '.bin', 'tslab')), true);
  });

  it('the command line reports the registration', () => {
    const c = capture();
    assert.equal(main(['kernel', '--python', python!, '--tslab', join(PROJECT_ROOT, 'node_modules', '.bin', 'tslab')], c.io, { env }), 0);
    assert.match(c.out(), /^setup: the netlab-tslab kernel is registered in /);
    assert.equal(main(['kernel', '--python', python!], capture().io, { env }), 2, 'usage error without --tslab');
  });
});

describe('setup: the workbook\'s batch kernel', () => {
  it('starts this checkout\'s tslab with this node, its GC on the kernel\'s thread and KERNEL_ENV, found first on JUPYTER_PATH', () => {
    const dir = mkdtempSync(join(tmpdir(), 'netlab-batch-kernel-'));
    try {
      const batch = writeBatchKernel(dir, { JUPYTER_PATH: '/elsewhere' });
      assert.equal(batch.kernel, BATCH_KERNEL_NAME);
      assert.deepEqual(batch.env, { JUPYTER_PATH: `${dir}${delimiter}/elsewhere` });
      const spec = JSON.parse(readFileSync(join(dir, 'kernels', BATCH_KERNEL_NAME, 'kernel.json'), 'utf8')) as { argv: string[]; env: unknown };
      assert.deepEqual(spec.argv.slice(0, 2), [process.execPath, '--single-threaded-gc']);
      assert.equal(spec.argv[2], join(PROJECT_ROOT, 'node_modules', 'tslab', 'bin', 'tslab'));
      assert.ok(existsSync(spec.argv[2]));
      assert.deepEqual(spec.env, KERNEL_ENV);
      assert.deepEqual(writeBatchKernel(dir, {}).env, { JUPYTER_PATH: dir });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
