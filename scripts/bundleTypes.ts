/**
 * The package's types as one file: rolls the per-module declarations tsc leaves in
 * dist/ into `dist/index.d.ts` (rollup with rollup-plugin-dts) and removes the rest
 * (`npm run build` runs this after tsc). A notebook cell, an editor or a consumer's
 * compiler then reads one file of NetLab's types instead of about three hundred:
 * tslab builds a program for every cell it compiles, at a cost that grows with the
 * files in it. Imports of other packages ('arquero') stay imports.
 *
 *   tsx scripts/bundleTypes.ts [distDir]     (default: dist beside scripts/)
 */
import { readdirSync, rmSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import { rollup } from 'rollup';
import { dts } from 'rollup-plugin-dts';

/** Bundles `distDir/index.d.ts` with everything it imports from dist/, removes the other declaration files; returns how many were rolled up. */
export async function bundleTypes(distDir: string): Promise<number> {
  const entry = join(distDir, 'index.d.ts');
  const warnings: string[] = [];
  const bundle = await rollup({
    input: entry,
    plugins: [dts()],
    onwarn: (warning) => warnings.push(warning.message),
  });
  const { output } = await bundle.generate({ format: 'es' });
  await bundle.close();
  if (warnings.length > 0) throw new Error(`bundleTypes: rollup warned:\n  ${warnings.join('\n  ')}`);
  const modules = declarationFiles(distDir);
  for (const file of modules) rmSync(file);
  writeFileSync(entry, output[0].code);
  return modules.length;
}

function declarationFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.d.ts')).map((f) => join(dir, f));
}

if (require.main === module) {
  bundleTypes(resolve(process.argv[2] ?? join(__dirname, '..', 'dist'))).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
