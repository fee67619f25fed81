/**
 * The library's layout: no module reaches itself through its imports (type-only
 * imports and re-exports included), and no folder holds more files than a
 * newcomer can scan.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'fs';
import { dirname, join, relative, resolve } from 'path';
import { filesUnder, importSpecifiers } from '../sourceFiles';

const LIB = resolve(__dirname, '..', '..', 'lib');
/** Most .ts files directly inside one folder of lib/. */
const MAX_FILES_PER_FOLDER = 16;

/** The lib/ files a module imports or re-exports from, by relative specifier. */
function importsOf(file: string): string[] {
  return importSpecifiers(readFileSync(file, 'utf8'))
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => {
      const base = resolve(dirname(file), spec);
      const found = [`${base}.ts`, join(base, 'index.ts')].find((c) => existsSync(c));
      assert.ok(found, `${relative(LIB, file)} imports ${spec}, which is not a module of lib/`);
      return found;
    });
}

/** Every import circle, each as the list of modules around it (Tarjan's strongly connected components). */
function importCircles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) circles.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return circles;
}

describe('layout: the library', () => {
  const files = filesUnder(LIB, '.ts').filter((f) => !f.endsWith('.d.ts')).map((f) => join(LIB, f));

  it('has no import circle', () => {
    const graph = new Map(files.map((f) => [f, importsOf(f)]));
    const circles = importCircles(graph).map((c) => c.map((f) => relative(LIB, f)).join(' → '));
    assert.deepEqual(circles, []);
  });

  it('finds a circle when there is one', () => {
    const graph = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']], ['e', ['e']]]);
    assert.deepEqual(importCircles(graph), [['a', 'b', 'c'], ['e']]);
  });

  it(`keeps at most ${MAX_FILES_PER_FOLDER} modules in any one folder`, () => {
    const counts = new Map<string, number>();
    for (const f of files) counts.set(relative(LIB, dirname(f)) || '.', (counts.get(relative(LIB, dirname(f)) || '.') ?? 0) + 1);
    const crowded = [...counts].filter(([, n]) => n > MAX_FILES_PER_FOLDER).map(([dir, n]) => `lib/${dir}: ${n} modules`);
    assert.deepEqual(crowded, []);
  });
});
