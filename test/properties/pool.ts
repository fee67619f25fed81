/**
 * A small pool of child processes that run property cases with a deadline each.
 *
 * Why child processes: a V8 fatal error (a giant typed-array allocation, "invalid table size")
 * ends the whole process, even from a worker thread, so each hostile call runs in a child that
 * may die. Why a hand-written pool: the suite needs exactly three things (JSON cases over IPC,
 * kill on a per-call deadline, a fresh child after a kill or crash) and this folder may add no
 * dependency; the whole pool is this file.
 *
 * Each child runs `runner.ts` under tsx and answers one case at a time. When a case passes its
 * deadline the child is killed (SIGKILL), the case is recorded as a hang, and a new child (kept
 * warm in advance as a spare) takes its place; a child that exits mid-case records a crash with
 * its exit code or signal and the tail of its stderr.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** What the runner sends back for a case (see runner.ts). */
export interface RunnerReply {
  id: number;
  /** 'returned' normally, or 'threw' an error. */
  outcome: 'returned' | 'threw';
  /** The error's constructor name (TypeError, RangeError, Error, …) when it threw. */
  errorName?: string;
  message?: string;
  /** Wall time of the call in the child (ms). */
  ms: number;
  /** sha256 of the serialised result, when the case asked for it. */
  hash?: string;
  /** Any value the case asked to extract (e.g. draws observed for fork independence). */
  extract?: unknown;
}

/** A case's end as seen by the pool: the runner's reply, or what killed the child. */
export type PoolResult =
  | ({ kind: 'reply' } & RunnerReply)
  | { kind: 'hang'; ms: number }
  | { kind: 'crash'; ms: number; code: number | null; signal: string | null; stderr: string };

interface Pending {
  payload: string;
  resolve: (r: PoolResult) => void;
}

const RUNNER = path.join(__dirname, 'runner.ts');
const STDERR_TAIL = 2000;

class Child {
  readonly proc: ChildProcess;
  stderr = '';
  ready: Promise<void>;
  current: { id: number; started: number; timer: NodeJS.Timeout; resolve: (r: PoolResult) => void } | null = null;
  dead = false;

  constructor(onExit: (c: Child, code: number | null, signal: string | null) => void, onReply: (c: Child, r: RunnerReply) => void) {
    this.proc = fork(RUNNER, [], {
      execArgv: ['--import', 'tsx', '--max-old-space-size=1024'],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'json',
    });
    this.proc.stderr!.on('data', (d: Buffer) => {
      this.stderr = (this.stderr + d.toString()).slice(-STDERR_TAIL);
    });
    this.ready = new Promise((resolve) => {
      const first = (m: unknown): void => {
        if ((m as { ready?: boolean }).ready) {
          this.proc.off('message', first);
          resolve();
        }
      };
      this.proc.on('message', first);
    });
    this.proc.on('message', (m) => {
      if ((m as { ready?: boolean }).ready) return;
      onReply(this, m as RunnerReply);
    });
    this.proc.on('exit', (code, signal) => {
      this.dead = true;
      onExit(this, code, signal);
    });
  }
}

/** A pool of `size` runner children with a per-case deadline. */
export class Pool {
  private idle: Child[] = [];
  private spare: Child | null = null;
  private queue: Pending[] = [];
  private nextId = 1;
  private closed = false;
  private live = 0;

  /** `size` children answer cases; with `warmSpare` one more waits, started, to replace a killed child at once. */
  constructor(readonly size: number, readonly deadlineMs: number, private readonly warmSpare = true) {
    for (let i = 0; i < size; i++) this.idle.push(this.spawn());
    if (warmSpare) this.spare = this.spawn();
  }

  /** Runs one case (a JSON-serialisable object understood by runner.ts). */
  run(testCase: object): Promise<PoolResult> {
    return new Promise((resolve) => {
      this.queue.push({ payload: JSON.stringify(testCase), resolve });
      this.pump();
    });
  }

  /** Runs every case and returns the results in order. */
  runAll(cases: readonly object[]): Promise<PoolResult[]> {
    return Promise.all(cases.map((c) => this.run(c)));
  }

  /** Ends every child. */
  close(): void {
    this.closed = true;
    for (const c of [...this.idle, ...(this.spare ? [this.spare] : [])]) c.proc.kill('SIGKILL');
    this.idle = [];
    this.spare = null;
  }

  private spawn(): Child {
    this.live++;
    return new Child(
      (c, code, signal) => this.exited(c, code, signal),
      (c, r) => this.replied(c, r),
    );
  }

  private replace(): void {
    if (this.closed) return;
    const next = this.spare ?? this.spawn();
    this.spare = this.warmSpare ? this.spawn() : null;
    this.idle.push(next);
    this.pump();
  }

  private pump(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const child = this.idle.shift()!;
      const job = this.queue.shift()!;
      void this.start(child, job);
    }
  }

  private async start(child: Child, job: Pending): Promise<void> {
    await child.ready;
    if (child.dead) {
      this.queue.unshift(job);
      this.replace();
      return;
    }
    const id = this.nextId++;
    const started = Date.now();
    const timer = setTimeout(() => {
      if (child.current?.id !== id) return;
      const resolve = child.current.resolve;
      child.current = null;
      child.proc.kill('SIGKILL');
      resolve({ kind: 'hang', ms: Date.now() - started });
    }, this.deadlineMs);
    child.current = { id, started, timer, resolve: job.resolve };
    const payload = `{"id":${id},${job.payload.slice(1)}`;
    child.proc.send(JSON.parse(payload));
  }

  private replied(child: Child, reply: RunnerReply): void {
    const cur = child.current;
    if (!cur || cur.id !== reply.id) return;
    clearTimeout(cur.timer);
    child.current = null;
    cur.resolve({ kind: 'reply', ...reply });
    if (!this.closed) {
      this.idle.push(child);
      this.pump();
    }
  }

  private exited(child: Child, code: number | null, signal: string | null): void {
    this.live--;
    if (this.spare === child) this.spare = null;
    this.idle = this.idle.filter((c) => c !== child);
    const cur = child.current;
    if (cur) {
      clearTimeout(cur.timer);
      child.current = null;
      cur.resolve({ kind: 'crash', ms: Date.now() - cur.started, code, signal, stderr: child.stderr });
    }
    // A killed (hung) or crashed child is replaced so the pool keeps its size.
    this.replace();
  }
}
