/**
 * The worker threads sweeps run on: one piscina pool per process, made by the first
 * sweep that asks for workers and kept for the next, so a notebook's second sweep
 * finds its threads started, the library loaded and the models compiled (each cold
 * thread costs about 0.3 s). Idle threads are unref'd (they never keep a process
 * alive) and end after IDLE_MS without work. Each sweep hands out its own tasks, at
 * most its `workers` at a time, so the pool's size (MAX_WORKERS) is only a ceiling.
 */
import { extname, join } from 'path';
import { Piscina } from 'piscina';

/** Most worker threads a sweep may ask for, and so the pool's ceiling. */
export const MAX_WORKERS = 64;

/** How long a thread may wait for work before it ends (ms). */
export const IDLE_MS = 60_000;

/** Loads TypeScript in the threads when the library itself runs from its sources (the test suite; a devDependency). */
const SOURCE_LOADER = 'tsx/cjs';

let pool: Piscina | undefined;

/** The process's sweep pool, made on first use; no thread starts until a task needs one. */
export function sweepPool(): Piscina {
  if (pool === undefined) {
    const fromSources = extname(__filename) === '.ts';
    pool = new Piscina({
      filename: join(__dirname, `sweepWorker${extname(__filename)}`),
      minThreads: 0,
      maxThreads: MAX_WORKERS,
      idleTimeout: IDLE_MS,
      ...(fromSources ? { execArgv: [...process.execArgv, '--require', require.resolve(SOURCE_LOADER)] } : {}),
    });
  }
  return pool;
}
