/**
 * One long run in a process of its own, so the peak memory it reports is its own:
 *   node --import tsx bench/longRun.ts queue <requests>
 *   node --import tsx bench/longRun.ts cluster <requests> <balancer> <servers>
 * The queue is M/M/1 at ρ 0.8; the cluster exponential servers (10 ms mean) at
 * utilisation 0.9. Default options otherwise, so runs above 10^7 requests keep
 * summaries. Prints one JSON line: seconds (one run), p99 (ms), what the run kept,
 * and the process's peak resident memory (MiB).
 */
import { createRng, exponential, simulateCluster, simulateQueue, type BalancerName } from '../dist';

const [model, requestsArg, balancer, serversArg] = process.argv.slice(2);
const requests = Number(requestsArg);
const start = process.hrtime.bigint();
const result =
  model === 'queue'
    ? simulateQueue({ workers: 1, arrivalRate: 80, serviceTime: exponential(10), requests, rng: createRng('bench-long') })
    : simulateCluster({
        servers: Number(serversArg), serviceTime: exponential(10), arrivalRate: 0.9 * Number(serversArg) * 100, requests,
        balancer: balancer as BalancerName, rng: createRng('bench-long'),
      });
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(JSON.stringify({ seconds, p99: result.summary.p99, kept: result.kept, peakMiB: process.resourceUsage().maxRSS / 1024 }));
