/**
 * Which Jupyter the notebooks run on, and NetLab's kernel registered with it.
 *
 * Jupyter is whichever python can import nbclient, nbconvert, ipykernel and
 * jupyter_client, tried in this order:
 *
 *   1. NETLAB_PYTHON, when set (and then nothing else);
 *   2. `python3`, then `python`, in each folder of PATH in turn (a pip, conda,
 *      virtualenv, pyenv or Homebrew install);
 *   3. Debian's /usr/bin/python3 (on Linux), where the Debian packages put Jupyter.
 *
 * When none can, a root shell with apt-get installs the Debian packages; anyone
 * else gets the commands for Debian and for pip, and setup stops.
 *
 * The kernel is registered per user (the user's Jupyter data folder, or
 * JUPYTER_DATA_DIR) as `netlab-tslab`, "TypeScript (NetLab)", starting this
 * checkout's tslab binary with KERNEL_ENV. A `tslab` kernel registered elsewhere is
 * left alone.
 *
 * The decisions are pure functions of the probe results, so tests can feed them
 * any machine. A python chosen is remembered in node_modules/.cache/netlab/jupyter.json
 * with the PATH and NETLAB_PYTHON it was chosen under: the workbook, the notebook
 * tests and `npm run lab` use it while those are unchanged and it still exists, rather
 * than probing every python again (1–3 s: each probe imports Jupyter), right after
 * setup probed them. Command line, for scripts/setup.sh:
 *
 *   tsx scripts/jupyterSetup.ts find [--no-apt]
 *       prints the python to use (and remembers it); exit 3: install the Debian packages, then ask
 *       again; exit 1: nothing usable (the commands to run are on stderr)
 *   tsx scripts/jupyterSetup.ts kernel --python PY --tslab BIN
 *       registers the kernel unless it is there, its binary still exists and it
 *       has KERNEL_ENV
 */
import { spawnSync } from 'child_process';
import { accessSync, constants, mkdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'fs';
import { delimiter, dirname, isAbsolute, join } from 'path';

export const KERNEL_NAME = 'netlab-tslab';
export const KERNEL_DISPLAY_NAME = 'TypeScript (NetLab)';
export const DEBIAN_PYTHON = '/usr/bin/python3';
/** What executing a notebook needs. */
export const REQUIRED_MODULES = ['nbclient', 'nbconvert', 'ipykernel', 'jupyter_client'] as const;
/** The same as Debian packages, plus the notebook front end; scripts/setup.sh --print-packages lists these. */
export const DEBIAN_PACKAGES = ['jupyter-nbconvert', 'python3-nbclient', 'jupyter-client', 'python3-ipykernel', 'jupyter-notebook'];
/** The same for pip. */
export const PIP_PACKAGES = ['nbclient', 'nbconvert', 'ipykernel', 'jupyter_client', 'notebook'];
/** Exit code of `find` when the Debian packages should be installed first. */
export const EXIT_INSTALL_DEBIAN = 3;

export type Source = 'NETLAB_PYTHON' | 'PATH' | 'Debian';

export interface Candidate {
  python: string;
  source: Source;
}

/** What one python said when asked to import Jupyter's modules. */
export interface Probe extends Candidate {
  /** It ran and imported every required module. */
  ok: boolean;
  /** Its sys.executable (for a pyenv shim: the interpreter behind it). */
  executable?: string;
  version?: string;
  /** Required modules it could not import. */
  missing: string[];
  /** Front ends it has, for `npm run lab`. */
  notebook: boolean;
  jupyterlab: boolean;
  /** Why it did not run or answer, when it did not. */
  error?: string;
}

export interface Machine {
  isRoot: boolean;
  /** apt-get is on PATH (a Debian-like system). */
  hasApt: boolean;
}

export type Decision =
  | { kind: 'use'; python: string; probe: Probe }
  | { kind: 'apt'; packages: string[] }
  | { kind: 'instructions'; message: string };

/** The pythons to try, in order. Pure but for `isExecutable` and `realpath`. */
export function candidatePythons(
  env: NodeJS.ProcessEnv,
  opts: {
    debianPython?: string;
    platform?: NodeJS.Platform;
    isExecutable?: (file: string) => boolean;
    realpath?: (file: string) => string;
  } = {},
): Candidate[] {
  const override = env.NETLAB_PYTHON?.trim();
  if (override) return [{ python: override, source: 'NETLAB_PYTHON' }];
  const isExec = opts.isExecutable ?? isExecutableFile;
  const real = opts.realpath ?? safeRealpath;
  const debian = opts.debianPython ?? DEBIAN_PYTHON;
  const seen = new Set<string>();
  const out: Candidate[] = [];
  const add = (python: string, source: Source) => {
    if (!isExec(python)) return;
    const key = real(python);
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ python, source });
  };
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir === '' || !isAbsolute(dir)) continue;
    for (const name of ['python3', 'python']) add(join(dir, name), 'PATH');
  }
  if ((opts.platform ?? process.platform) === 'linux') add(debian, 'Debian');
  return out;
}

/** The first python that has Jupyter; else the Debian packages when we may install them; else what to run. */
export function decide(probes: Probe[], machine: Machine, opts: { override?: string; debianPython?: string } = {}): Decision {
  const usable = probes.find((p) => p.ok);
  if (usable) return { kind: 'use', python: usable.executable ?? usable.python, probe: usable };
  const debian = opts.debianPython ?? DEBIAN_PYTHON;
  const mayApt = machine.isRoot && machine.hasApt && (!opts.override || opts.override === debian);
  if (mayApt) return { kind: 'apt', packages: [...DEBIAN_PACKAGES] };
  const overrideRuns = opts.override !== undefined && probes.some((p) => p.source === 'NETLAB_PYTHON' && p.error !== 'not found');
  return { kind: 'instructions', message: installInstructions(probes, overrideRuns ? opts.override : undefined) };
}

/** The commands that give a user Jupyter: Debian's packages, or pip. */
export function installCommands(override?: string): { debian: string; pip: string } {
  const python = override ? shellWord(override) : 'python3';
  return {
    debian: `sudo apt-get update && sudo apt-get install -y --no-install-recommends ${DEBIAN_PACKAGES.join(' ')}`,
    pip: `${python} -m pip install --user ${PIP_PACKAGES.join(' ')}`,
  };
}

/** Says what was tried and how to install Jupyter, for a user without it. */
export function installInstructions(probes: Probe[], override?: string): string {
  const { debian, pip } = installCommands(override);
  const lines = [`no Python with Jupyter (${REQUIRED_MODULES.join(', ')}) was found.`];
  if (probes.length === 0) lines.push('  (no python3 or python on PATH)');
  for (const p of probes) lines.push(`  ${p.python}: ${probeSummary(p)}`);
  lines.push(
    'Install Jupyter in one of these ways, then run `npm run setup` again:',
    '  Debian or Ubuntu:',
    `    ${debian}`,
    '  pip (macOS, any Linux; inside a virtualenv or conda environment, leave out --user):',
    `    ${pip}`,
    'To use a particular python, set NETLAB_PYTHON to its path.',
  );
  return lines.join('\n');
}

function probeSummary(p: Probe): string {
  if (p.ok) return `has Jupyter${p.version ? ` (Python ${p.version})` : ''}`;
  if (p.error) return p.error;
  return `cannot import ${p.missing.join(', ')}`;
}

/** The python code that reports which of Jupyter's modules a python can import. */
export const PROBE_CODE = [
  'import importlib, json, sys',
  'import importlib.util as u',
  'missing = []',
  `for m in ${JSON.stringify(REQUIRED_MODULES)}:`,
  '    try:',
  '        importlib.import_module(m)',
  '    except Exception:',
  '        missing.append(m)',
  'print(json.dumps({"executable": sys.executable, "version": "%d.%d.%d" % sys.version_info[:3],',
  '    "missing": missing, "notebook": u.find_spec("notebook") is not None,',
  '    "jupyterlab": u.find_spec("jupyterlab") is not None}))',
].join('\n');

/** Runs one python and asks it for Jupyter's modules. */
export function probePython(candidate: Candidate, env: NodeJS.ProcessEnv = process.env): Probe {
  const base: Probe = { ...candidate, ok: false, missing: [...REQUIRED_MODULES], notebook: false, jupyterlab: false };
  const r = spawnSync(candidate.python, ['-c', PROBE_CODE], {
    env: { ...env, PYDEVD_DISABLE_FILE_VALIDATION: '1' },
    encoding: 'utf8',
    timeout: 60_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (r.error) {
    const code = (r.error as NodeJS.ErrnoException).code;
    return { ...base, error: code === 'ENOENT' ? 'not found' : `does not run (${r.error.message})` };
  }
  const last = (r.stdout ?? '').trim().split('\n').pop() ?? '';
  try {
    const said = JSON.parse(last) as { executable?: string; version?: string; missing?: string[]; notebook?: boolean; jupyterlab?: boolean };
    if (!Array.isArray(said.missing)) throw new Error('no list of modules');
    return {
      ...base,
      ok: r.status === 0 && said.missing.length === 0,
      executable: said.executable || undefined,
      version: said.version,
      missing: said.missing,
      notebook: said.notebook === true,
      jupyterlab: said.jupyterlab === true,
    };
  } catch {
    const why = (r.stderr ?? '').trim().split('\n').pop() ?? '';
    return { ...base, error: `did not answer the module check (exit code ${r.status}${why ? `: ${why}` : ''})` };
  }
}

export interface FindOptions {
  env?: NodeJS.ProcessEnv;
  machine?: Machine;
  debianPython?: string;
  platform?: NodeJS.Platform;
  /** Never answer `apt` (the packages were just installed, or installing is not wanted). */
  noApt?: boolean;
  probe?: (c: Candidate) => Probe;
}

/** Probes the candidates in order, stopping at the first with Jupyter, and decides. */
export function findJupyter(opts: FindOptions = {}): { decision: Decision; probes: Probe[] } {
  const env = opts.env ?? process.env;
  const probe = opts.probe ?? ((c: Candidate) => probePython(c, env));
  const probes: Probe[] = [];
  for (const c of candidatePythons(env, { debianPython: opts.debianPython, platform: opts.platform })) {
    const p = probe(c);
    probes.push(p);
    if (p.ok) break;
  }
  const machine = opts.machine ?? thisMachine(env);
  const override = env.NETLAB_PYTHON?.trim() || undefined;
  const decision = decide(probes, opts.noApt ? { ...machine, hasApt: false } : machine, { override, debianPython: opts.debianPython });
  return { decision, probes };
}

export function thisMachine(env: NodeJS.ProcessEnv = process.env): Machine {
  return { isRoot: process.getuid?.() === 0, hasApt: onPath('apt-get', env) !== null };
}

/** The command `npm run lab` runs: the notebook front end (or JupyterLab) of the chosen python. */
export function labCommand(python: string, probe: Pick<Probe, 'notebook' | 'jupyterlab'>, isRoot: boolean, extra: string[] = []): string[] | null {
  const app = probe.notebook ? 'notebook' : probe.jupyterlab ? 'jupyterlab' : null;
  if (!app) return null;
  return [python, '-m', app, '--notebook-dir=notebooks', ...(isRoot ? ['--allow-root'] : []), ...extra];
}

/**
 * The kernel's environment: a young generation of 64 MB (`--max-semi-space-size`, MB),
 * four times node's default. The models allocate many short-lived objects (a
 * simulation, streams and columns per page load); with the default, minor collections
 * took about a quarter of the packet-level notebooks' time (03c: cells 9.6 → 7.5 s).
 */
export const KERNEL_ENV: Readonly<Record<string, string>> = { NODE_OPTIONS: '--max-semi-space-size=64' };

/** The python code that registers the kernel per user unless it is there with an existing binary and KERNEL_ENV. */
export const REGISTER_CODE = [
  'import json, os, sys, tempfile',
  'from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel',
  'name, display, binary, env = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])',
  'ksm = KernelSpecManager()',
  'try:',
  '    spec = ksm.get_kernel_spec(name)',
  '    current, where, current_env = (spec.argv[0] if spec.argv else ""), spec.resource_dir, spec.env',
  'except NoSuchKernel:',
  '    current, where, current_env = "", "", {}',
  'if current and os.path.isabs(current) and os.access(current, os.X_OK) and current_env == env:',
  '    print(json.dumps({"registered": False, "dir": where, "binary": current}))',
  '    sys.exit(0)',
  'with tempfile.TemporaryDirectory() as td:',
  '    os.chmod(td, 0o755)',
  '    with open(os.path.join(td, "kernel.json"), "w") as f:',
  '        json.dump({"argv": [binary, "kernel", "--config-path", "{connection_file}"],',
  '                   "display_name": display, "env": env, "language": "typescript"}, f, indent=1, sort_keys=True)',
  '    where = ksm.install_kernel_spec(td, name, user=True)',
  'spec = KernelSpecManager().get_kernel_spec(name)',
  'if not spec.argv or spec.argv[0] != binary:',
  '    sys.exit("the kernel %s does not start %s after registering it in %s" % (name, binary, where))',
  'print(json.dumps({"registered": True, "dir": where, "binary": binary}))',
].join('\n');

export interface KernelResult {
  registered: boolean;
  /** The kernelspec's folder. */
  dir: string;
  /** The tslab binary it starts. */
  binary: string;
}

/** Registers the netlab-tslab kernel per user with `python`'s Jupyter, unless it is there, works and has KERNEL_ENV. */
export function ensureKernel(python: string, tslabBinary: string, env: NodeJS.ProcessEnv = process.env): KernelResult {
  const r = spawnSync(python, ['-c', REGISTER_CODE, KERNEL_NAME, KERNEL_DISPLAY_NAME, tslabBinary, JSON.stringify(KERNEL_ENV)], {
    env: { ...env, PYDEVD_DISABLE_FILE_VALIDATION: '1' },
    encoding: 'utf8',
    timeout: 120_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (r.error) throw new Error(`cannot run ${python}: ${r.error.message}`);
  const last = (r.stdout ?? '').trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !last.startsWith('{')) {
    throw new Error(`registering the ${KERNEL_NAME} kernel with ${python} failed (exit code ${r.status}):\n${(r.stderr ?? '').trim()}`);
  }
  return JSON.parse(last) as KernelResult;
}

/** The python the notebooks run on, for the workbook runner and `npm run lab`; throws with what to do. */
export function jupyterPython(env: NodeJS.ProcessEnv = process.env): JupyterChoice {
  const remembered = recallJupyter(env);
  if (remembered !== null) return remembered;
  const { decision } = findJupyter({ env, noApt: true });
  if (decision.kind === 'use') return rememberJupyter({ python: decision.python, probe: decision.probe }, env);
  throw new Error(decision.kind === 'instructions' ? decision.message : 'Jupyter is not installed: run `npm run setup`.');
}

/** A python with Jupyter and what its probe found. */
export interface JupyterChoice {
  python: string;
  probe: Probe;
}

/** Where the chosen python is remembered. */
export const REMEMBERED_JUPYTER = join(__dirname, '..', 'node_modules', '.cache', 'netlab', 'jupyter.json');

/** What is remembered: the choice and what it was chosen under. */
interface Remembered extends JupyterChoice {
  path: string;
  override: string;
}

/** The remembered choice, if it was made under this PATH and NETLAB_PYTHON and its python still exists. */
export function recallJupyter(env: NodeJS.ProcessEnv = process.env, file = REMEMBERED_JUPYTER): JupyterChoice | null {
  try {
    const r = JSON.parse(readFileSync(file, 'utf8')) as Remembered;
    if (r.path !== (env.PATH ?? '') || r.override !== (env.NETLAB_PYTHON ?? '') || !isExecutableFile(r.python)) return null;
    return { python: r.python, probe: r.probe };
  } catch {
    return null;
  }
}

/** Remembers `choice` (best effort: a read-only checkout just probes again next time); returns it. */
export function rememberJupyter(choice: JupyterChoice, env: NodeJS.ProcessEnv = process.env, file = REMEMBERED_JUPYTER): JupyterChoice {
  const remembered: Remembered = { ...choice, path: env.PATH ?? '', override: env.NETLAB_PYTHON ?? '' };
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(remembered, null, 1)}\n`);
  } catch {
    // Not remembered: the next command probes again.
  }
  return choice;
}

function onPath(name: string, env: NodeJS.ProcessEnv): string | null {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir !== '' && isExecutableFile(join(dir, name))) return join(dir, name);
  }
  return null;
}

function isExecutableFile(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function safeRealpath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

function shellWord(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The command line; returns the exit code. */
export function main(
  argv: string[],
  io: { stdout: (s: string) => void; stderr: (s: string) => void } = {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
  },
  opts: FindOptions = {},
): number {
  const [command, ...rest] = argv;
  const flag = (name: string) => {
    const i = rest.indexOf(name);
    return i >= 0 ? rest[i + 1] : undefined;
  };
  if (command === 'find') {
    const { decision } = findJupyter({ ...opts, noApt: opts.noApt || rest.includes('--no-apt') });
    if (decision.kind === 'use') {
      if (opts.probe === undefined) rememberJupyter({ python: decision.python, probe: decision.probe }, opts.env ?? process.env);
      io.stdout(`${decision.python}\n`);
      return 0;
    }
    if (decision.kind === 'apt') {
      io.stdout(`${decision.packages.join(' ')}\n`);
      return EXIT_INSTALL_DEBIAN;
    }
    io.stderr(`setup: error: ${decision.message}\n`);
    return 1;
  }
  if (command === 'kernel') {
    const python = flag('--python');
    const tslab = flag('--tslab');
    if (!python || !tslab) {
      io.stderr('usage: jupyterSetup.ts kernel --python PYTHON --tslab TSLAB_BINARY\n');
      return 2;
    }
    try {
      const k = ensureKernel(python, tslab, opts.env ?? process.env);
      io.stdout(
        k.registered
          ? `setup: registered the ${KERNEL_NAME} kernel ("${KERNEL_DISPLAY_NAME}") in ${k.dir}, starting ${k.binary}\n`
          : `setup: the ${KERNEL_NAME} kernel is registered in ${k.dir}\n`,
      );
      return 0;
    } catch (err) {
      io.stderr(`setup: error: ${(err as Error).message}\n`);
      return 1;
    }
  }
  io.stderr('usage: jupyterSetup.ts find [--no-apt] | kernel --python PYTHON --tslab TSLAB_BINARY\n');
  return 2;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
