/**
 * Parameterised runs: `--set KEY=VALUE` replaces a top-level constant of a
 * notebook's parameter cell before it runs, so a notebook is re-run headless with
 * another seed, student or setting without being edited.
 *
 * The parameter cell is the code cell tagged `parameters`, else the first code cell
 * that declares `const STUDENT` or `const SEED`. A constant is replaced on its own
 * line, `const SEED = 42;` → `const SEED = 7;`, keeping any type annotation and
 * trailing comment; VALUE is read as JSON when it parses (`7`, `true`, `"a b"`,
 * `[1, 2]`) and as a plain string otherwise (`STUDENT=ana`). The values used are
 * recorded in the notebook's `metadata.netlab_parameters`, and the exported page
 * names them in its footer. A key the cell does not declare is an error listing the
 * ones it does.
 */
import { text, type Notebook } from './notebook';

/** Values to put in the parameter cell, by constant name. */
export type Parameters = Record<string, unknown>;

/** The metadata key the values used are recorded under. */
export const PARAMETERS_METADATA = 'netlab_parameters';

const NAME = /^[A-Za-z_$][\w$]*$/;

/** `KEY=VALUE` strings as parameters: JSON values where they parse, strings otherwise. */
export function parseAssignments(assignments: readonly string[]): Parameters {
  const out: Parameters = {};
  for (const a of assignments) {
    const eq = a.indexOf('=');
    const key = eq < 0 ? '' : a.slice(0, eq).trim();
    if (!NAME.test(key)) throw new Error(`workbook: --set takes KEY=VALUE with KEY a constant's name (e.g. SEED=7); got ${JSON.stringify(a)}`);
    if (key in out) throw new Error(`workbook: --set ${key} is given twice`);
    const raw = a.slice(eq + 1);
    try {
      out[key] = JSON.parse(raw);
    } catch {
      out[key] = raw;
    }
  }
  return out;
}

/** Index of the notebook's parameter cell, or -1 when it has none. */
export function parameterCellIndex(nb: Notebook): number {
  const tagged = nb.cells.findIndex((c) => c.cell_type === 'code' && ((c.metadata?.tags as string[] | undefined) ?? []).includes('parameters'));
  if (tagged >= 0) return tagged;
  return nb.cells.findIndex((c) => c.cell_type === 'code' && /^\s*const\s+(STUDENT|SEED)\b/m.test(text(c.source)));
}

/** The top-level constants the parameter cell declares with a one-line value. */
export function declaredParameters(nb: Notebook): string[] {
  const i = parameterCellIndex(nb);
  if (i < 0) return [];
  return [...text(nb.cells[i].source).matchAll(/^const\s+([A-Za-z_$][\w$]*)\s*(?::[^=]+)?=\s*[^;\n]+;/gm)].map((m) => m[1]);
}

/**
 * A copy of `nb` with each parameter's constant replaced and the values recorded in
 * its metadata; `nb` is left alone. Throws naming `file`, the key and the constants
 * the cell declares when a key is not one of them.
 */
export function withParameters(nb: Notebook, file: string, parameters: Parameters): Notebook {
  const keys = Object.keys(parameters);
  if (keys.length === 0) return nb;
  const i = parameterCellIndex(nb);
  if (i < 0) throw new Error(`workbook: ${file} has no parameter cell (a code cell tagged "parameters", or one declaring const STUDENT or const SEED) for --set ${keys.join(', ')}`);
  const declared = declaredParameters(nb);
  let source = text(nb.cells[i].source);
  for (const key of keys) {
    if (!declared.includes(key)) {
      throw new Error(`workbook: ${file}'s parameter cell declares no constant ${key}; it declares: ${declared.join(', ') || 'none'}`);
    }
    const line = new RegExp(`^(const\\s+${key.replace(/\$/g, '\\$')}\\s*(?::[^=]+)?=\\s*)[^;\\n]+;`, 'm');
    source = source.replace(line, (_, head: string) => `${head}${JSON.stringify(parameters[key])};`);
  }
  const copy = JSON.parse(JSON.stringify(nb)) as Notebook;
  copy.cells[i].source = source;
  copy.metadata = { ...copy.metadata, [PARAMETERS_METADATA]: { ...parameters } };
  return copy;
}

/** The parameters an executed notebook was run with, as `SEED = 7, STUDENT = "ana"`; '' when none were set. */
export function parametersLine(nb: Notebook): string {
  const used = nb.metadata?.[PARAMETERS_METADATA];
  if (used === null || typeof used !== 'object') return '';
  return Object.entries(used as Parameters).map(([k, v]) => `${k} = ${JSON.stringify(v)}`).join(', ');
}
