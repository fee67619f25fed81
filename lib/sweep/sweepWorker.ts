/**
 * A sweep's worker thread: gets the checked spec at start, then grid indices one at a
 * time, and answers each with that point's row (or the error it raised).
 */
import { parentPort, workerData } from 'worker_threads';
import type { SweepWorkerReply } from './sweep';
import { sweepPointRow, type CheckedSweepSpec } from './sweepSpec';

const spec = workerData as CheckedSweepSpec;
parentPort?.on('message', (index: number) => {
  let reply: SweepWorkerReply;
  try {
    reply = { index, row: sweepPointRow(spec, index) };
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    reply = { index, error: { name: error.name, message: error.message } };
  }
  parentPort?.postMessage(reply);
});
