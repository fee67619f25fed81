/**
 * Executing one notebook headless under the real tslab kernel, through Jupyter.
 *
 * The work is done by scripts/execute_notebook.py (nbclient, run by the python
 * that has Jupyter, as scripts/jupyterSetup.ts finds it), in a process kept for the
 * next notebook (notebookServer.ts). This module runs it with the checkout's
 * node_modules/.bin on PATH (for kernelspecs that start the bare command `tslab`),
 * reads its report, and turns a failed cell into an error naming the notebook, the
 * cell and what the cell printed.
 */
import { mkdirSync } from 'fs';
import { delimiter, dirname, join, relative, resolve } from 'path';
import { jupyterPython, KERNEL_NAME } from './jupyterSetup';
import { cellErrorText, firstLine, readNotebook, type Notebook } from './notebook';
import { serveNotebook } from './notebookServer';

export const PROJECT_ROOT = resolve(__dirname, '..');

export interface ExecuteOptions {
  /** The kernel's working directory; default: the notebook's folder (so `../dist` resolves from notebooks/). */
  cwd?: string;
  /** Seconds a single cell may run; default 600. */
  cellTimeoutSeconds?: number;
  /** Kernel name; default 'netlab-tslab', the kernel scripts/setup.sh registers. */
  kernel?: string;
  /** How messages name the notebook; default its path (relative to the project when inside it). */
  label?: string;
  /** Extra environment for Jupyter and the kernel (e.g. JUPYTER_PATH for a kernelspec of one's own). */
  env?: Readonly<Record<string, string>>;
}

export interface ExecutionReport {
  input: string;
  output: string;
  /** Wall time of the whole run, kernel start included. */
  seconds: number;
  /** Starting the kernel until its kernel_info reply. */
  kernelSeconds: number;
  /** Executing the cells. */
  cellsSeconds: number;
  notebook: Notebook;
}

/** A notebook that did not execute: names the notebook, the cell and the error. */
export class NotebookExecutionError extends Error {
  constructor(
    message: string,
    readonly input: string,
    readonly cellIndex: number | null,
    /** The partially executed copy, when the kernel got that far. */
    readonly output: string | null,
  ) {
    super(message);
    this.name = 'NotebookExecutionError';
  }
}

/** Executes `input` and writes the executed copy to `output`; rejects with a NotebookExecutionError. */
export async function executeNotebook(input: string, output: string, opts: ExecuteOptions = {}): Promise<ExecutionReport> {
  const started = process.hrtime.bigint();
  mkdirSync(dirname(output), { recursive: true });
  const answer = await serveNotebook(pythonForJupyter(), jupyterEnv(opts.env ?? {}), {
    input: resolve(input),
    output: resolve(output),
    cwd: resolve(opts.cwd ?? dirname(resolve(input))),
    kernel: opts.kernel ?? KERNEL_NAME,
    timeout: opts.cellTimeoutSeconds ?? 600,
  });
  const shown = opts.label ?? displayPath(input);
  if ('failure' in answer) {
    const { reason, stderr } = answer.failure;
    throw couldNotRun(shown, input, `python stopped before answering (${reason})${stderr === '' ? '' : `; its last lines:\n${tail(stderr, 30)}`}`);
  }
  const { report } = answer;
  if (report.error !== null) throw couldNotRun(shown, input, tail(report.error, 30));
  const nb = readNotebook(output);
  if (!report.ok) {
    const index = report.failed_cell ?? -1;
    const cell = nb.cells[index];
    const where = cell ? ` (counting from 0, of ${nb.cells.length} cells; it begins: ${firstLine(cell)})` : '';
    const printed = cell ? cellErrorText(cell) : '';
    const detail = printed !== '' ? withoutKernelFrames(printed) : (report.failure ?? 'unknown failure');
    throw new NotebookExecutionError(`${shown}: cell ${index} failed${where}:\n${indent(head(detail, 25))}`, input, index, output);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { input, output, seconds, kernelSeconds: report.kernel_seconds ?? 0, cellsSeconds: report.cells_seconds ?? 0, notebook: nb };
}

/** The error for a notebook Jupyter could not run at all (no cell failed), with what went wrong. */
function couldNotRun(shown: string, input: string, detail: string): NotebookExecutionError {
  return new NotebookExecutionError(
    `${shown}: could not run the notebook through Jupyter:\n${detail}\n` + 'Is the setup done? Run `npm run setup` (or bash scripts/setup.sh).',
    input,
    null,
    null,
  );
}

let foundPython: string | undefined;

/** The python with Jupyter, looked for once per process; throws saying what to install. */
function pythonForJupyter(): string {
  if (foundPython === undefined) {
    try {
      foundPython = jupyterPython().python;
    } catch (err) {
      throw new Error(`${(err as Error).message}\nThen run \`npm run setup\` (or bash scripts/setup.sh).`);
    }
  }
  return foundPython;
}

/** The notebook's path relative to the project when inside it, else as given. */
export function displayPath(file: string): string {
  const rel = relative(PROJECT_ROOT, resolve(file));
  return rel.startsWith('..') ? file : rel;
}

/** The environment of the python running Jupyter and of the kernels it starts. */
function jupyterEnv(extraEnv: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...extraEnv,
    PATH: [join(PROJECT_ROOT, 'node_modules', '.bin'), process.env.PATH ?? ''].join(delimiter),
    // Silences debugpy's "frozen modules" warning that ipykernel's import prints.
    PYDEVD_DISABLE_FILE_VALIDATION: '1',
  };
}

function tail(s: string, lines: number): string {
  const all = s.trimEnd().split('\n');
  return all.length <= lines ? all.join('\n') : ['…', ...all.slice(-lines)].join('\n');
}

/** Drops the stack frames of tslab and node's vm that follow every error raised in a cell. */
function withoutKernelFrames(s: string): string {
  return s
    .split('\n')
    .filter((line) => !/^\s+at .*(node_modules[\\/]tslab[\\/]|\(node:|sigintHandlersWrap)/.test(line))
    .join('\n');
}

function head(s: string, lines: number): string {
  const all = s.trimEnd().split('\n');
  return all.length <= lines ? all.join('\n') : [...all.slice(0, lines), '…'].join('\n');
}

function indent(s: string): string {
  return s
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
}

