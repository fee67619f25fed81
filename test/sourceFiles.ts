/**
 * The tests that read the project's own source (its layout, its docs, its
 * dependencies) share one way of listing files and of reading what a module imports.
 */
import { readdirSync, statSync } from 'fs';
import { join, sep } from 'path';
import ts from 'typescript';

/** Files under `dir` whose names end with `suffix`, relative to it with / as separator, sorted. */
export function filesUnder(dir: string, suffix = ''): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(suffix) && statSync(join(dir, f)).isFile())
    .map((f) => f.split(sep).join('/'))
    .sort();
}

/** The specifiers a module's code imports, re-exports or requires (TypeScript's scanner: doc comments are not read). */
export function importSpecifiers(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}
