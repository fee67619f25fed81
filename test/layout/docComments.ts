/**
 * Reading TSDoc comments out of declaration files, and running their examples.
 *
 * An example is the ```ts fenced block after an `@example` tag. It imports from
 * 'netlab' as a user would; the import is pointed at lib/index.ts and the code runs
 * in this process, inside an async function (so it may `await`), with a silent
 * console and a stand-in for the notebook kernel, so that show() has somewhere to send
 * its figure. An example whose first line is `// not run: <reason>` is only checked for
 * being there.
 */
import { readFileSync } from 'fs';
import { createRequire } from 'module';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import ts from 'typescript';

export const LIB_INDEX = resolve(__dirname, '..', '..', 'lib', 'index.ts');

/** One exported function or class of a declaration file. */
export interface ExportedDeclaration {
  name: string;
  kind: 'function' | 'class';
  file: string;
  /** Where it is declared, as `file:line`. */
  where: string;
  /** Whether a TSDoc comment sits on the declaration itself. */
  documented: boolean;
  examples: DocExample[];
}

/** The code of one `@example`, or null when the tag has no ```ts block. */
export interface DocExample {
  code: string | null;
  /** The reason given by a first line `// not run: <reason>`, else null. */
  notRun: string | null;
}

/**
 * The exported functions and classes declared at the top level of `file` (its text
 * given or read): marked `export`, or named in an `export { … }` list, as in a bundled
 * declaration file (then under the name they are exported as).
 */
export function exportedDeclarations(file: string, text = readFileSync(file, 'utf8')): ExportedDeclaration[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const listed = new Map<string, string>();
  for (const statement of source.statements) {
    if (!ts.isExportDeclaration(statement) || statement.moduleSpecifier || !statement.exportClause || !ts.isNamedExports(statement.exportClause)) continue;
    for (const e of statement.exportClause.elements) listed.set((e.propertyName ?? e.name).text, e.name.text);
  }
  const found: ExportedDeclaration[] = [];
  for (const statement of source.statements) {
    const isFunction = ts.isFunctionDeclaration(statement);
    if (!isFunction && !ts.isClassDeclaration(statement)) continue;
    const local = statement.name?.text ?? 'default';
    const marked = statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) ?? false;
    if (!marked && !listed.has(local)) continue;
    const docs = ts.getJSDocCommentsAndTags(statement).filter(ts.isJSDoc);
    const line = source.getLineAndCharacterOfPosition(statement.getStart()).line + 1;
    found.push({
      name: listed.get(local) ?? local,
      kind: isFunction ? 'function' : 'class',
      file,
      where: `${file}:${line}`,
      documented: docs.length > 0,
      examples: docs.flatMap((doc) => examplesIn(doc.getText())),
    });
  }
  return found;
}

/** An example found anywhere in a file: on an exported declaration, a method or a property. */
export interface LocatedExample extends DocExample {
  /** The name declared after the comment, with `file:line`. */
  label: string;
}

/** Every `@example` of every TSDoc comment in `text`, in order. */
export function examplesInFile(file: string, text = readFileSync(file, 'utf8')): LocatedExample[] {
  const found: LocatedExample[] = [];
  for (const m of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
    const examples = examplesIn(m[0]);
    if (examples.length === 0) continue;
    const end = (m.index ?? 0) + m[0].length;
    const after = /^\s*(?:export\s+)?(?:declare\s+)?(?:async\s+)?(?:function\s+|class\s+|const\s+|readonly\s+)?([\w$]+)/.exec(text.slice(end));
    const line = text.slice(0, end).split('\n').length;
    for (const e of examples) found.push({ ...e, label: `${after?.[1] ?? '?'} (${file}:${line})` });
  }
  return found;
}

/** The comment's lines without the opening, the closing and each line's leading `*`. */
function commentLines(comment: string): string[] {
  const body = comment.replace(/^\/\*\*/, '').replace(/\*\/$/, '');
  return body.split('\n').map((line) => line.replace(/^\s*\* ?/, ''));
}

const FENCE_OPEN = /^\s*```(ts|typescript)\s*$/;
const FENCE_CLOSE = /^\s*```\s*$/;
const NOT_RUN = /^\s*\/\/\s*not run:\s*(\S.*)$/;

/** The examples of one TSDoc comment (`/** … *\/`), in order. */
export function examplesIn(comment: string): DocExample[] {
  const lines = commentLines(comment);
  const examples: DocExample[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*@example\b/.test(lines[i])) continue;
    let code: string | null = null;
    let j = i + 1;
    // The example's text runs to the next tag; a fence, once opened, runs to its close.
    for (; j < lines.length && !/^\s*@\w/.test(lines[j]); j++) {
      if (!FENCE_OPEN.test(lines[j])) continue;
      const close = lines.findIndex((l, k) => k > j && FENCE_CLOSE.test(l));
      if (close < 0) break;
      code = lines.slice(j + 1, close).join('\n');
      j = close;
      break;
    }
    const first = code?.split('\n').find((l) => l.trim() !== '') ?? '';
    examples.push({ code, notRun: code === null ? null : (NOT_RUN.exec(first)?.[1] ?? null) });
    i = j - 1;
  }
  return examples;
}

/** An example to run, with the label its failure is reported under. */
export interface RunnableExample {
  label: string;
  code: string;
}

export interface ExampleOutcome {
  label: string;
  ms: number;
  /** The error the example threw (or failed to compile with), else null. */
  error: string | null;
}

/** Points every `from 'netlab'` (and `require('netlab')`) at lib/index.ts. */
export function pointAtLibrary(code: string): string {
  const target = JSON.stringify(LIB_INDEX);
  return code.replace(/(\bfrom\s*|\brequire\(\s*)(['"])netlab\2/g, (_, lead: string) => `${lead}${target}`);
}

const FAKE_KERNEL = join(tmpdir(), 'netlab-doc-examples', 'node_modules', 'tslab', 'dist', 'jupyter.js');
const silent = new Proxy(console, { get: (target, key) => (typeof (target as never)[key] === 'function' ? () => undefined : (target as never)[key]) });

/** Runs each example in turn in this process; never throws, reports each failure instead. */
export async function runExamples(examples: readonly RunnableExample[]): Promise<ExampleOutcome[]> {
  const load = createRequire(__filename);
  const cache = load.cache as Record<string, unknown>;
  // show() sends its figure to the running notebook kernel's display writer; here, nowhere.
  cache[FAKE_KERNEL] = { id: FAKE_KERNEL, filename: FAKE_KERNEL, loaded: true, exports: { lastWriteDisplayData: () => undefined } };
  const outcomes: ExampleOutcome[] = [];
  try {
    load(LIB_INDEX); // loaded once up front, so that no example's time includes it
    for (const example of examples) {
      const start = performance.now();
      let error: string | null = null;
      try {
        const out = ts.transpileModule(pointAtLibrary(example.code), {
          compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
          reportDiagnostics: true,
          fileName: 'example.ts',
        });
        const syntax = (out.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error && d.code < 2000);
        if (syntax.length > 0) throw new SyntaxError(ts.flattenDiagnosticMessageText(syntax[0].messageText, '\n'));
        const body = new Function('require', 'module', 'exports', 'console', `return (async () => {\n${out.outputText}\n})();`);
        const module = { exports: {} };
        await body(load, module, module.exports, silent);
      } catch (e) {
        error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      }
      outcomes.push({ label: example.label, ms: performance.now() - start, error });
    }
  } finally {
    delete cache[FAKE_KERNEL];
  }
  return outcomes;
}
