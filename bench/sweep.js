/**
 * The sweep benchmark in a process of its own (a sweep returns a promise; run.ts is
 * synchronous): 8 grid points × 10 runs of simulateQueue (600,000 requests each) on 1
 * and on 2 worker threads, best of 2 each, and whether the two tables are identical.
 * As in a notebook that sweeps twice, the second 2-worker sweep finds the threads of
 * the first started and their code compiled (sweepPool.ts), as the 1-worker sweep
 * finds this thread's; the first, cold 2-worker sweep is reported beside it. Plain JavaScript on purpose: worker threads inherit the process's flags, and a
 * TypeScript loader would be started again in every worker, which no user pays.
 *   node bench/sweep.js
 * Prints one JSON line: { oneWorker, twoWorkers, twoWorkersCold, identical } (seconds; a boolean).
 */
const { sweep } = require('../dist');

const SPEC = {
  model: 'simulateQueue',
  seed: 'bench-sweep',
  runs: 10,
  options: { workers: 1, serviceTime: { kind: 'exponential', meanMs: 10 }, requests: 600_000 },
  grid: { arrivalRate: [20, 30, 40, 50, 60, 70, 80, 90] },
  metrics: ['summary.mean', 'summary.p99'],
};

async function timed(workers) {
  const times = [];
  let csv = '';
  for (let run = 0; run < 2; run++) {
    const start = process.hrtime.bigint();
    csv = (await sweep({ ...SPEC, workers })).toCSV();
    times.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  return { seconds: Math.min(...times), first: times[0], csv };
}

void (async () => {
  const one = await timed(1);
  const two = await timed(2);
  console.log(JSON.stringify({ oneWorker: one.seconds, twoWorkers: two.seconds, twoWorkersCold: two.first, identical: one.csv === two.csv }));
})();
