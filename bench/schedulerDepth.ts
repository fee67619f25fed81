/**
 * The scheduler with many events pending: the hold model (each of `pending` events,
 * when it fires, schedules itself again an exponential delay later), on `Simulation`
 * and on a bare reference heap written here (a binary heap of times and payloads in
 * two typed arrays, no ties, kinds or handlers), both drawing the same delays. Their
 * ratio says what the scheduler costs beyond the heap itself, whatever the machine.
 */
import { createRng, Simulation } from '../dist';

const MEAN_DELAY_MS = 100;

/** Events per second of `Simulation` holding `pending` events, over `events` events. */
export function simulationHold(pending: number, events: number): number {
  const delays = createRng(`hold ${pending}`);
  const sim = new Simulation();
  const HOLD = sim.on((payload) => sim.after(-MEAN_DELAY_MS * Math.log(1 - delays()), HOLD, payload));
  for (let i = 0; i < pending; i++) sim.schedule(-MEAN_DELAY_MS * Math.log(1 - delays()), HOLD, i);
  const start = process.hrtime.bigint();
  const done = sim.run({ maxEvents: events }).events;
  return done / (Number(process.hrtime.bigint() - start) / 1e9);
}

/** Events per second of the bare reference heap holding `pending` events. */
export function bareHeapHold(pending: number, events: number): number {
  const delays = createRng(`hold ${pending}`);
  const time = new Float64Array(pending);
  const payload = new Int32Array(pending);
  let n = 0;
  const push = (t: number, p: number): void => {
    let i = n++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (time[parent] <= t) break;
      time[i] = time[parent];
      payload[i] = payload[parent];
      i = parent;
    }
    time[i] = t;
    payload[i] = p;
  };
  for (let i = 0; i < pending; i++) push(-MEAN_DELAY_MS * Math.log(1 - delays()), i);
  const start = process.hrtime.bigint();
  for (let e = 0; e < events; e++) {
    const now = time[0];
    const p = payload[0];
    // Pop: sift the last event down from the root.
    const last = --n;
    const t = time[last];
    const q = payload[last];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      if (child + 1 < last && time[child + 1] < time[child]) child++;
      if (t <= time[child]) break;
      time[i] = time[child];
      payload[i] = payload[child];
      i = child;
    }
    time[i] = t;
    payload[i] = q;
    push(now - MEAN_DELAY_MS * Math.log(1 - delays()), p);
  }
  return events / (Number(process.hrtime.bigint() - start) / 1e9);
}
