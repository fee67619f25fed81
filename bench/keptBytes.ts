/**
 * Bytes each model's result keeps alive per request (or per attempt, for the
 * stack): the heap and array buffers in use after a full collection with the result
 * held, minus the same before the run, over the requests the options offer. Runs in
 * the bench's process (`node --expose-gc`); each run is sized to take about a second.
 */
import {
  createRng, exponential, lognormal, simulateQueue, simulatePipeline, simulateCluster, simulateStack, simulateRetryStorm,
  simulatePorts, simulatePool, simulateDnsFailover, simulateRealtime, simulatePayments, simulateGlobalRouting, simulateImagePage,
  simulateEarlyDataReplay, parseRegionRtts, type AccessProfile,
} from '../dist';

const RTTS = parseRegionRtts(
  ['from,to,rttMs', 'seoul,tokyo,29', 'seoul,virginia,187', 'seoul,london,240', 'london,tokyo,220', 'london,virginia,76', 'tokyo,virginia,150'].join('\n'),
  'bench',
);
const CABLE: AccessProfile = { name: 'cable', rttMs: 20, jitterMs: 2, lossRate: 0, meanLossBurst: 1, bandwidthMbps: 100, source: 'bench' };

const collect = (globalThis as { gc?: () => void }).gc ?? ((): void => {});
/**
 * Heap and array-buffer memory in use (bytes) once garbage is gone: a large run's buffers can take
 * several full collections to be freed, so collect until a collection frees less than 1 MB (at most 8).
 */
function inUse(): number {
  let last = Infinity;
  for (let i = 0; i < 8; i++) {
    collect();
    const m = process.memoryUsage();
    const now = m.heapUsed + m.arrayBuffers;
    if (last - now < 1e6) return now;
    last = now;
  }
  return last;
}

/** One model run for the table: its label, what it counts, how many the options offer, and the run. */
interface KeptRun {
  model: string;
  unit: string;
  count: number;
  run: () => unknown;
}

const RUNS: KeptRun[] = [
  { model: 'simulateQueue (columns)', unit: 'request', count: 1e6, run: () => simulateQueue({ workers: 1, arrivalRate: 80, serviceTime: exponential(10), requests: 1e6, rng: createRng(1) }) },
  { model: 'simulateQueue (summaries)', unit: 'request', count: 1e6, run: () => simulateQueue({ workers: 1, arrivalRate: 80, serviceTime: exponential(10), requests: 1e6, keep: 'summaries', rng: createRng(1) }) },
  ...(['columns', 'summaries'] as const).map((keep) => ({
    model: `simulatePipeline (${keep})`, unit: 'request', count: 500_000,
    run: () => simulatePipeline({
      stages: [{ name: 'app', workers: 8, serviceTime: exponential(20) }, { name: 'db', workers: 4, serviceTime: exponential(8) }], load: 300, durationMs: 500_000_000 / 300, keep, rng: createRng(1),
    }),
  })),
  { model: 'simulateCluster (columns)', unit: 'request', count: 1e6, run: () => simulateCluster({ servers: 64, serviceTime: exponential(10), arrivalRate: 5760, requests: 1e6, balancer: 'power-of-two', rng: createRng(1) }) },
  { model: 'simulateCluster (summaries)', unit: 'request', count: 1e6, run: () => simulateCluster({ servers: 64, serviceTime: exponential(10), arrivalRate: 5760, requests: 1e6, balancer: 'power-of-two', keep: 'summaries', rng: createRng(1) }) },
  {
    model: 'simulateStack', unit: 'request', count: 250_000,
    run: () => simulateStack({
      durationMs: 312_500, load: 800, responseBytes: 20_000, bucketMs: 5_000, l1: { bandwidthMbps: 1_000 }, l3: { rttMs: 40 }, l4: { requestsPerConnection: 100 },
      l7: { workers: 16, serviceTime: lognormal({ median: 10, p99: 40 }) }, client: { timeoutMs: 2_000, retries: 2, retryDelayMs: 100 }, rng: createRng(1),
    }),
  },
  {
    model: 'simulateRetryStorm', unit: 'request', count: 200_000,
    run: () => simulateRetryStorm({ durationMs: 200_000, arrivalRate: 1_000, workers: 30, serviceTime: exponential(20), timeoutMs: 500, trigger: { atMs: 60_000, untilMs: 80_000, latencyFactor: 1.6 }, retry: { maxAttempts: 3 }, rng: createRng(1) }),
  },
  { model: 'simulatePorts', unit: 'attempt', count: 300_000, run: () => simulatePorts({ connectionsPerSecond: 500, durationMs: 600_000, rng: createRng(1) }) },
  {
    model: 'simulatePool', unit: 'request', count: 200_000,
    run: () => simulatePool({ poolSize: 16, arrivalRate: 1000, requestMs: lognormal({ median: 20, p99: 100 }), handshakeMs: 40, whenExhausted: 'open-extra', requests: 200_000, rng: createRng(1) }),
  },
  { model: 'simulateDnsFailover', unit: 'request', count: 3_600_000, run: () => simulateDnsFailover({ clients: 10_000, durationMs: 3_600_000, changeAtMs: 600_000, ttlS: 30, rng: createRng(1) }) },
  {
    model: 'simulateRealtime (websocket)', unit: 'message', count: 2_500_000 / 10,
    run: () => simulateRealtime({ mode: 'websocket', users: 10_000, messagesPerUserPerMinute: 2, clientMessagesPerUserPerMinute: 0.5, durationMs: 600_000, rng: createRng(1) }),
  },
  { model: 'simulatePayments', unit: 'payment', count: 100_000, run: () => simulatePayments({ payments: 100_000, arrivalRate: 500, requestLossRate: 0.02, responseLossRate: 0.05, idempotencyKeys: true, maxAttempts: 3, rng: createRng(1) }) },
  {
    model: 'simulateGlobalRouting', unit: 'request', count: 60_000,
    run: () => simulateGlobalRouting({
      rtts: RTTS, regions: ['virginia', 'tokyo'], strategy: 'geo-dns', ttlS: 60, users: [{ region: 'seoul', share: 0.5, access: CABLE }, { region: 'london', share: 0.5, access: CABLE }],
      arrivalRate: 200, durationMs: 300_000, rng: createRng(1),
    }),
  },
  { model: 'simulateImagePage', unit: 'page', count: 200, run: () => simulateImagePage({ sites: [{ name: 'origin', path: { rttMs: 150 } }, { name: 'edge', path: { rttMs: 20 } }], pages: 50, rng: createRng(1) }) },
  { model: 'simulateEarlyDataReplay', unit: 'request', count: 200_000, run: () => simulateEarlyDataReplay({ requests: 200_000, method: 'POST', earlyData: 'always', replayRate: 0.01, idempotencyKeys: false, antiReplay: false, serverInstances: 2, rng: createRng(1) }) },
];

/**
 * Memory a run's result keeps per unit (bytes): in use after full collections with the result
 * held, less before, over `units(result)`.
 */
export function bytesKeptPer<T>(run: () => T, units: (result: T) => number): number {
  const before = inUse();
  const result = run();
  return (inUse() - before) / units(result);
}

/** Bytes kept per unit by each model's result (see the module header). */
export function keptBytes(): { model: string; unit: string; bytes: number }[] {
  return RUNS.map(({ model, unit, count, run }) => ({ model, unit, bytes: bytesKeptPer(run, () => count) }));
}
