/**
 * NetLab as others get it: `npm pack` makes the tarball, and a fresh project in a
 * temp folder outside this repository installs it with npm, then uses it from
 * CommonJS, from an ES module, from TypeScript (both module kinds, declarations
 * emitted) and from a tslab notebook that keeps tables in variables and shows a
 * figure. A second fresh project installs with nested dependencies (arquero only
 * under node_modules/netlab), where any exported type that named arquero itself
 * would be "cannot be named without a reference to arquero" in the notebook.
 *
 * The installs resolve NetLab's dependency ranges as a consumer's install does
 * (the repository's lock file and overrides do not apply), so a dependency that
 * does not install from the registry fails here. They run with --prefer-offline:
 * package tarballs come from npm's cache, which `npm ci` filled; npm ci stores no
 * registry metadata, so on a fresh machine npm still asks the registry which
 * versions exist. Also checked: what the tarball holds, and that `dependencies`
 * lists exactly the packages lib/ imports.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { builtinModules } from 'module';
import { tmpdir } from 'os';
import { join, relative } from 'path';
import { executeNotebook, PROJECT_ROOT } from '../../scripts/execute';
import { PLOTLY_MIME, type Notebook } from '../../scripts/notebook';
import { notebook, runCommand, type CommandResult } from '../workbook/commandLine';
import { filesUnder, importSpecifiers } from '../sourceFiles';
import { createRng, exponential, simulateQueue } from '../../lib';

const PACKAGE = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  dependencies: Record<string, string>;
};
const KERNEL = 'netlab-package-tslab';

/** The environment of a stranger's shell: none of the npm_* variables `npm test` sets for this project. */
function consumerEnv(): NodeJS.ProcessEnv {
  const keep = new Set(['npm_config_cache', 'npm_config_registry', 'npm_config_userconfig', 'npm_config_globalconfig']);
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.toLowerCase().startsWith('npm_') || keep.has(key.toLowerCase())) env[key] = value;
  }
  delete env.INIT_CWD;
  delete env.NODE_OPTIONS; // mocha's tsx loader is not the consumer's
  return env;
}

function run(cmd: string, args: string[], cwd: string): Promise<CommandResult> {
  return runCommand(cmd, args, { cwd, env: consumerEnv() });
}

async function ok(cmd: string, args: string[], cwd: string): Promise<string> {
  const r = await run(cmd, args, cwd);
  assert.equal(r.code, 0, `${cmd} ${args.join(' ')} (in ${cwd}) exited ${r.code}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`);
  return r.stdout;
}

/** A fresh project in `dir` with the tarball installed; `nested` keeps each package's dependencies under it. */
async function freshProject(dir: string, tarball: string, nested: boolean): Promise<void> {
  mkdirSync(dir, { recursive: true });
  await ok('npm', ['init', '-y'], dir);
  const args = ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund'];
  if (nested) args.push('--install-strategy=nested');
  await ok('npm', args, dir);
}

/** The bare package names imported (or resolved) by lib/, builtins left out. */
function libImports(): string[] {
  const names = new Set<string>();
  const lib = join(PROJECT_ROOT, 'lib');
  for (const file of filesUnder(lib).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))) {
    const text = readFileSync(join(lib, file), 'utf8');
    // Imports in code only, not the examples inside doc comments.
    const found = importSpecifiers(text);
    const resolved = [...text.matchAll(/\brequire\.resolve\(\s*'([^'.][^']*)'/g)].map((m) => m[1]);
    for (const spec of [...found, ...resolved].filter((f) => !f.startsWith('.'))) {
      const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
      if (!name.startsWith('node:') && !builtinModules.includes(name)) names.add(name);
    }
  }
  return [...names].sort();
}

/** The cells' text outputs of an executed notebook, and its display mime types. */
function outputsOf(nb: Notebook): { text: string; mimes: string[] } {
  let text = '';
  const mimes: string[] = [];
  for (const cell of nb.cells) {
    for (const out of cell.outputs ?? []) {
      if (out.output_type === 'stream') text += Array.isArray(out.text) ? out.text.join('') : out.text;
      else if (out.output_type !== 'error') mimes.push(...Object.keys(out.data));
    }
  }
  return { text, mimes };
}

// The numbers every entry point must reproduce: the library run here, same seed.
const QUEUE = 'simulateQueue({ workers: 1, arrivalRate: 80, serviceTime: exponential(10), requests: 2000, rng: createRng(42) })';
const EXPECTED = simulateQueue({ workers: 1, arrivalRate: 80, serviceTime: exponential(10), requests: 2000, rng: createRng(42) });
const EXPECTED_P99 = EXPECTED.summary.p99;
const EXPECTED_ROWS = EXPECTED.latencyMs.length; // the measured requests, warm-up left out

const NOTEBOOK_CELLS = [
  "import { createRng, exponential, simulateQueue, toTable, summaryTable, ecdfFigure, show } from 'netlab';",
  `const run = ${QUEUE};\nconst t = toTable({ latencyMs: run.latencyMs });\nconsole.log('rows', t.numRows());`,
  "const slow = t.filter((d: { latencyMs: number }) => d.latencyMs > 100);\nconsole.log('slow', slow.numRows() > 0 && slow.numRows() < t.numRows());",
  "const summary = summaryTable({ queue: run.latencyMs });\nconsole.log('p99', summary.get('p99', 0));",
  "show(ecdfFigure([{ name: 'M/M/1', values: run.latencyMs }]));",
];

// A module that keeps NetLab's tables in exported constants: declaration emit must name their types.
const TYPES_CHECK = `
import { createRng, exponential, simulateQueue, toTable, type Table } from 'netlab';
export const run = ${QUEUE};
export const t = toTable({ latencyMs: run.latencyMs });
export const grouped = t.groupby('latencyMs');
export const again: Table = t;
export const rows: number = t.numRows();
`;

describe('package: the packed tarball in a fresh project outside the repository', function () {
  this.timeout(15 * 60_000);
  const tmp = mkdtempSync(join(tmpdir(), 'netlab-package-'));
  const app = join(tmp, 'app');
  const nestedApp = join(tmp, 'nested-app');
  const jupyterPath = join(tmp, 'jupyter');
  let tarball = '';

  before(async () => {
    assert.ok(relative(PROJECT_ROOT, tmp).startsWith('..'), `the temp folder ${tmp} must be outside ${PROJECT_ROOT}`);
    // npm pack runs the package's prepare script (the build), as it does for anyone packing it.
    await ok('npm', ['pack', '--pack-destination', tmp], PROJECT_ROOT);
    const packed = readdirSync(tmp).filter((f) => f.endsWith('.tgz'));
    assert.deepEqual(packed, [`${PACKAGE.name}-${PACKAGE.version}.tgz`]);
    tarball = join(tmp, packed[0]);
    // A kernelspec of this test's own, so the notebooks run this checkout's tslab.
    const spec = join(jupyterPath, 'kernels', KERNEL);
    mkdirSync(spec, { recursive: true });
    writeFileSync(
      join(spec, 'kernel.json'),
      JSON.stringify({
        argv: [join(PROJECT_ROOT, 'node_modules', '.bin', 'tslab'), 'kernel', '--config-path', '{connection_file}'],
        display_name: 'TypeScript',
        language: 'typescript',
      }),
    );
  });

  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('dependencies are exactly the packages lib/ imports', () => {
    assert.deepEqual(Object.keys(PACKAGE.dependencies).sort(), libImports());
  });

  it('the tarball holds the build, both entries with types, the data, README, LICENSE and CITATION.cff, and no sources', async () => {
    const unpacked = join(tmp, 'unpacked');
    mkdirSync(unpacked);
    await ok('tar', ['-xzf', tarball, '-C', unpacked], tmp);
    const files = filesUnder(join(unpacked, 'package'));
    for (const f of ['package.json', 'README.md', 'LICENSE', 'CITATION.cff', 'dist/index.js', 'dist/index.d.ts', 'dist/index.mjs', 'dist/index.d.mts', 'data/region-rtt.csv', 'data/access-profiles.csv']) {
      assert.ok(files.includes(f), `${f} is in the tarball`);
    }
    const stray = files.filter((f) => !/^(dist\/|data\/|package\.json$|README\.md$|LICENSE$|CITATION\.cff$)/.test(f));
    assert.deepEqual(stray, [], 'nothing but the build, the data and the documents');
    assert.deepEqual(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.endsWith('.d.mts')), [], 'no TypeScript sources');
    const size = statSync(tarball).size;
    assert.ok(size < 4 * 1024 * 1024, `the tarball is ${size} bytes`);
    // The types are one file (scripts/bundleTypes.ts), and they take from arquero only what NetLab's Table is.
    assert.deepEqual(files.filter((f) => /\.d\.m?ts$/.test(f)), ['dist/index.d.mts', 'dist/index.d.ts']);
    const typesImports = readFileSync(join(unpacked, 'package', 'dist', 'index.d.ts'), 'utf8').match(/^import .*$/gm);
    assert.deepEqual(typesImports, ["import { ColumnTable } from 'arquero';"]);
  });

  it('installs with npm from the tarball (dependency ranges resolved as for any consumer)', async () => {
    await freshProject(app, tarball, false);
    const installed = JSON.parse(readFileSync(join(app, 'node_modules', 'netlab', 'package.json'), 'utf8')) as { version: string };
    assert.equal(installed.version, PACKAGE.version);
  });

  it('require("netlab") runs a seeded simulation in CommonJS, with the data files reachable', async () => {
    const script = [
      "const { createRng, exponential, simulateQueue, toTable, loadRegionRtts } = require('netlab');",
      `const run = ${QUEUE};`,
      "const rtt = loadRegionRtts(require.resolve('netlab/data/region-rtt.csv')).rttMs('seoul', 'virginia');",
      'console.log(JSON.stringify({ p99: run.summary.p99, rows: toTable({ latencyMs: run.latencyMs }).numRows(), rtt }));',
    ].join('\n');
    const out = JSON.parse(await ok(process.execPath, ['-e', script], app)) as { p99: number; rows: number; rtt: number };
    assert.deepEqual(out, { p99: EXPECTED_P99, rows: EXPECTED_ROWS, rtt: 187 });
  });

  it("import { … } from 'netlab' runs in an ES module, with the same exports as require", async () => {
    writeFileSync(
      join(app, 'check.mjs'),
      [
        "import { createRequire } from 'node:module';",
        "import * as netlab from 'netlab';",
        "import { createRng, exponential, simulateQueue } from 'netlab';",
        `const run = ${QUEUE};`,
        "const cjs = createRequire(import.meta.url)('netlab');",
        'const same = Object.keys(cjs).sort().join() === Object.keys(netlab).sort().join();',
        'console.log(JSON.stringify({ p99: run.summary.p99, same, count: Object.keys(netlab).length }));',
      ].join('\n'),
    );
    const out = JSON.parse(await ok(process.execPath, ['check.mjs'], app)) as { p99: number; same: boolean; count: number };
    assert.equal(out.p99, EXPECTED_P99);
    assert.ok(out.same, 'the ES module entry exports every name of the CommonJS one');
    assert.ok(out.count > 100, `${out.count} exports`);
  });

  for (const [label, dir] of [
    ['hoisted', app],
    ['nested', nestedApp],
  ] as const) {
    it(`TypeScript (nodenext, ESM and CommonJS) type-checks and names the tables' types (${label} install)`, async () => {
      if (label === 'nested') await freshProject(nestedApp, tarball, true);
      writeFileSync(join(dir, 'types-check.mts'), TYPES_CHECK);
      writeFileSync(join(dir, 'types-check.cts'), TYPES_CHECK);
      writeFileSync(
        join(dir, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            strict: true,
            module: 'nodenext',
            moduleResolution: 'nodenext',
            target: 'ES2022',
            lib: ['ES2022'],
            types: [],
            skipLibCheck: true,
            declaration: true,
            emitDeclarationOnly: true,
            outDir: 'types-out',
          },
          files: ['types-check.mts', 'types-check.cts'],
        }),
      );
      await ok(process.execPath, [join(PROJECT_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], dir);
      const declared = readFileSync(join(dir, 'types-out', 'types-check.d.mts'), 'utf8');
      assert.match(declared, /export declare const t: (import\("netlab"\)\.)?Table;/);
      assert.doesNotMatch(declared, /arquero/);
    });

    it(`a tslab notebook in the fresh project keeps tables in variables and shows a figure (${label} install)`, async () => {
      const input = join(dir, 'netlab.ipynb');
      writeFileSync(input, notebook(NOTEBOOK_CELLS.map((source) => ({ type: 'code' as const, source }))));
      const report = await executeNotebook(input, join(dir, 'netlab.out.ipynb'), {
        kernel: KERNEL,
        cwd: dir,
        label: `${label} consumer notebook`,
        env: { JUPYTER_PATH: jupyterPath },
      });
      const { text, mimes } = outputsOf(report.notebook);
      assert.match(text, new RegExp(`^rows ${EXPECTED_ROWS}$`, 'm'));
      assert.match(text, /^slow true$/m);
      assert.match(text, new RegExp(`^p99 ${EXPECTED_P99}$`, 'm'));
      assert.ok(mimes.includes(PLOTLY_MIME), `the figure was displayed; mime types: ${mimes.join(', ')}`);
    });
  }
});
