/**
 * The ES module entry of the package, written beside the CommonJS build that tsc
 * leaves in dist/ (`npm run build` runs this after tsc):
 *  - `dist/index.mjs` imports `dist/index.js` and re-exports each of its named
 *    exports by name, so `import { createRng } from 'netlab'` works in Node ESM
 *    without relying on Node guessing the names of a CommonJS module;
 *  - `dist/index.d.mts` gives that entry the types of `dist/index.d.ts`.
 * The names are read from the built module itself, so they cannot drift from lib/.
 * Both entries share one instance of the library: the ESM file loads the CJS one.
 *
 *   tsx scripts/esmEntry.ts [distDir]     (default: dist beside scripts/)
 */
import { existsSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** The text of `index.mjs` re-exporting `names` from the CommonJS `index.js`. */
export function esmEntrySource(names: readonly string[]): string {
  const bad = names.filter((name) => !IDENTIFIER.test(name) || name === 'default');
  if (bad.length > 0) throw new Error(`esmEntry: cannot re-export ${bad.map((n) => JSON.stringify(n)).join(', ')} by name`);
  const sorted = [...names].sort();
  return [
    '// NetLab as an ES module: the named exports of the CommonJS build (index.js).',
    '// Written by scripts/esmEntry.ts during `npm run build`; do not edit.',
    "import netlab from './index.js';",
    '',
    'export const {',
    ...sorted.map((name) => `  ${name},`),
    '} = netlab;',
    '',
  ].join('\n');
}

/** The text of `index.d.mts`: the types of the CommonJS entry, for the ESM one. */
export const ESM_TYPES_SOURCE = [
  '// Types of index.mjs: the same exports as index.js (written by scripts/esmEntry.ts).',
  "export * from './index.js';",
  '',
].join('\n');

/** Writes `index.mjs` and `index.d.mts` into `distDir`; returns how many names were re-exported. */
export function writeEsmEntry(distDir: string): number {
  const cjs = join(distDir, 'index.js');
  if (!existsSync(cjs)) throw new Error(`esmEntry: ${cjs} is missing; run tsc -p tsconfig.json first`);
  const names = Object.keys(require(cjs) as Record<string, unknown>);
  writeFileSync(join(distDir, 'index.mjs'), esmEntrySource(names));
  writeFileSync(join(distDir, 'index.d.mts'), ESM_TYPES_SOURCE);
  return names.length;
}

if (require.main === module) {
  const dist = resolve(process.argv[2] ?? join(__dirname, '..', 'dist'));
  writeEsmEntry(dist);
}
