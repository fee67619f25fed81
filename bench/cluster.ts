/**
 * One cluster benchmark in a process of its own, so the memory it reports is its own:
 *   node --import tsx bench/cluster.ts <balancer>
 * 10^6 requests over 64 exponential servers (10 ms mean) at utilisation 0.9. Prints
 * one JSON line: seconds (best of 3 runs), p99 (ms), and the process's peak resident
 * memory after the first run (MiB; later runs only add garbage awaiting collection).
 */
import { createRng, exponential, simulateCluster, type BalancerName } from '../dist';

const balancer = process.argv[2] as BalancerName;
let seconds = Infinity;
let p99 = 0;
let peakMiB = 0;
for (let run = 0; run < 3; run++) {
  const start = process.hrtime.bigint();
  const r = simulateCluster({
    servers: 64,
    serviceTime: exponential(10),
    arrivalRate: 0.9 * 64 * 100,
    requests: 1_000_000,
    balancer,
    rng: createRng('bench-cluster'),
  });
  seconds = Math.min(seconds, Number(process.hrtime.bigint() - start) / 1e9);
  p99 = r.summary.p99;
  if (run === 0) peakMiB = process.resourceUsage().maxRSS / 1024;
}
console.log(JSON.stringify({ balancer, seconds, p99, peakMiB }));
