/**
 * SimPy-style processes: a generator that yields either a delay in ms (sleep) or a
 * `Waitable` (resume when it completes, receiving its value). Convenient for
 * narrative models with few entities; hot loops use Simulation's handlers directly.
 */
import type { Simulation } from './simulation';

/** Something a process can wait for: it calls `resume(value)` once, later in simulated time. */
export interface Waitable {
  subscribe(resume: (value: number) => void): void;
}

export type Process = Generator<number | Waitable, void, number>;

/** Starts `proc` at the current simulated time. */
export function startProcess(sim: Simulation, proc: Process): void {
  if (proc === null || typeof proc !== 'object' || typeof (proc as Process).next !== 'function') {
    throw new TypeError(`startProcess(sim, proc) needs a generator proc; got ${proc === null ? 'null' : typeof proc}`);
  }
  const step = (value: number): void => {
    const next = proc.next(value);
    if (next.done) return;
    const y = next.value;
    if (typeof y === 'number') {
      if (!(y >= 0)) throw new RangeError(`a process must yield a delay >= 0 ms or a Waitable; got ${y}`);
      sim.call(y, () => step(sim.now));
    } else if (y && typeof y.subscribe === 'function') {
      y.subscribe(step);
    } else {
      throw new TypeError(`a process must yield a delay in ms or a Waitable; got ${typeof y}`);
    }
  };
  sim.call(0, () => step(sim.now));
}
