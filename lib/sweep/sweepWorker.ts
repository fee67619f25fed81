/**
 * A sweep's task on a worker thread: one grid point of a checked spec, answered with
 * that point's row or, when the model throws, the error's name and message (a thrown
 * error would be indistinguishable from the thread itself failing). sweepPool.ts
 * loads this file in each thread.
 */
import { sweepPointRow, type CheckedSweepSpec, type SweepRow } from './sweepSpec';

/** What a worker thread is handed: the checked spec and one grid index. */
export interface SweepTask {
  spec: CheckedSweepSpec;
  index: number;
}

/** A worker thread's answer: the grid point's row, or the error the model raised. */
export interface SweepWorkerReply {
  row?: SweepRow;
  error?: { name: string; message: string };
}

/** Computes one grid point (the worker threads' entry point). */
export default function sweepTask({ spec, index }: SweepTask): SweepWorkerReply {
  try {
    return { row: sweepPointRow(spec, index) };
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    return { error: { name: error.name, message: error.message } };
  }
}
