/**
 * Python processes that execute notebooks on request (scripts/execute_notebook.py --serve),
 * kept between notebooks.
 *
 * Each process imports Jupyter and reads the kernelspecs once, then runs notebooks one after
 * another: about 0.9 s of CPU saved per notebook after the first, on every workbook run and
 * every notebook test. A process serves one request at a time; `serveNotebook` takes an
 * idle process started with the same environment or starts one. An idle process holds
 * no reference that keeps node running: when node exits, its stdin closes and it ends.
 * A process that dies is dropped and its request answered with what it printed.
 */
import { spawn, type ChildProcessByStdio } from 'child_process';
import { join } from 'path';
import type { Readable, Writable } from 'stream';

const HELPER = join(__dirname, 'execute_notebook.py');
/** Lines of a process's stderr kept for the error of a request it could not answer. */
const STDERR_LINES = 40;

/** What execute_notebook.py is asked to do. */
export interface NotebookRequest {
  input: string;
  output: string;
  cwd: string;
  kernel: string;
  timeout: number;
}

/** Its answer (see execute_notebook.py). */
export interface HelperReport {
  ok: boolean;
  kernel_seconds: number | null;
  cells_seconds: number | null;
  failed_cell: number | null;
  failure: string | null;
  /** A failure outside the cells, with its traceback. */
  error: string | null;
  /** The python process that ran it. */
  pid: number;
}

/** A request the process did not answer: it could not start, or it ended first. */
export interface ServerFailure {
  /** The exit code, or the reason it could not start. */
  reason: string;
  /** The last lines it wrote to stderr. */
  stderr: string;
}

/** A request's report, or why none came. */
export type Answer = { report: HelperReport } | { failure: ServerFailure };

/** One python process serving execute_notebook.py requests. */
class NotebookServer {
  private readonly child: ChildProcessByStdio<Writable, Readable, Readable>;
  private pending: ((answer: Answer) => void) | null = null;
  private stdout = '';
  private stderr: string[] = [];
  /** Why the process is gone, once it is. */
  private gone: string | null = null;

  constructor(python: string, env: NodeJS.ProcessEnv) {
    this.child = spawn(python, [HELPER, '--serve'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout.on('data', (chunk: Buffer) => this.onStdout(chunk.toString('utf8')));
    this.child.stderr.on('data', (chunk: Buffer) => {
      this.stderr.push(...chunk.toString('utf8').split('\n'));
      this.stderr = this.stderr.slice(-STDERR_LINES);
    });
    this.child.on('error', (err) => this.end(`cannot start ${python}: ${err.message}`));
    // 'exit', not 'close': a kernel left behind by a killed python keeps its pipes open.
    this.child.on('exit', (code, signal) => this.end(code !== null ? `exit code ${code}` : `killed by ${signal}`));
    this.child.stdin.on('error', () => undefined); // a dead process: reported by 'close'
    this.idle();
  }

  /** True while the process can take a request. */
  get alive(): boolean {
    return this.gone === null;
  }

  /** Sends one request; resolves with the report or with why none came. */
  request(req: NotebookRequest): Promise<Answer> {
    if (this.pending !== null) throw new Error('NotebookServer: one request at a time');
    if (this.gone !== null) return Promise.resolve({ failure: { reason: this.gone, stderr: this.stderrText() } });
    this.busy();
    return new Promise((resolve) => {
      this.pending = resolve;
      this.child.stdin.write(`${JSON.stringify(req)}\n`);
    });
  }

  private onStdout(text: string): void {
    this.stdout += text;
    let newline: number;
    while ((newline = this.stdout.indexOf('\n')) >= 0) {
      const line = this.stdout.slice(0, newline).trim();
      this.stdout = this.stdout.slice(newline + 1);
      if (line === '' || this.pending === null) continue;
      let answer: Answer;
      try {
        answer = { report: JSON.parse(line) as HelperReport };
      } catch {
        answer = { failure: { reason: `an unreadable answer: ${line.slice(0, 200)}`, stderr: this.stderrText() } };
      }
      this.answer(answer);
    }
  }

  private end(reason: string): void {
    if (this.gone !== null) return;
    this.gone = reason;
    if (this.pending !== null) this.answer({ failure: { reason, stderr: this.stderrText() } });
  }

  private answer(answer: Answer): void {
    const resolve = this.pending!;
    this.pending = null;
    this.stderr = [];
    this.idle();
    resolve(answer);
  }

  private stderrText(): string {
    return this.stderr.join('\n').trim();
  }

  /** While idle the process and its pipes do not keep node running. */
  private idle(): void {
    this.child.unref();
    for (const stream of [this.child.stdin, this.child.stdout, this.child.stderr]) (stream as unknown as { unref?(): void }).unref?.();
  }

  private busy(): void {
    this.child.ref();
    for (const stream of [this.child.stdin, this.child.stdout, this.child.stderr]) (stream as unknown as { ref?(): void }).ref?.();
  }
}

/** Idle servers by python and environment. */
const idleServers = new Map<string, NotebookServer[]>();

/**
 * Executes one request on an idle server started by `python` with `env` (starting one when
 * none is idle) and hands the server back when it answers.
 */
export async function serveNotebook(python: string, env: NodeJS.ProcessEnv, req: NotebookRequest): Promise<Answer> {
  const key = JSON.stringify([python, env]);
  const idle = idleServers.get(key) ?? [];
  idleServers.set(key, idle);
  let server = idle.pop();
  while (server !== undefined && !server.alive) server = idle.pop();
  server ??= new NotebookServer(python, env);
  const answer = await server.request(req);
  if (server.alive) idle.push(server);
  return answer;
}
