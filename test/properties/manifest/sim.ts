/** Baselines for lib/sim. */
import { dist, fn, make, rng, type Entry } from './entry';

const m = 'sim';
const exp10 = dist('exponential', 10);
export const SIM: Entry[] = [
  { name: 'Simulation', module: m, construct: true, args: [] },
  { name: 'Station', module: m, construct: true, params: ['sim', 'opts', 'onDone', 'onStart'], args: [make('Simulation'), { workers: 2, queueLimit: 4, bucketMs: 10 }, fn(), fn()] },
  {
    name: 'startProcess', module: m, params: ['sim', 'process'],
    noOptions: 'takes a Simulation and a generator (code, not data); covered by test/sim/simulation.test.ts',
  },
  { name: 'rateAt', module: m, params: ['load', 'tMs', 'durationMs'], args: [{ startRps: 10, endRps: 20 }, 500, 1000] },
  { name: 'poissonArrivals', module: m, params: ['opts'], args: [{ load: 100, durationMs: 2000, rng: rng(1) }] },
  { name: 'onOffArrivals', module: m, params: ['opts'], args: [{ rate: 100, meanOnMs: 200, meanOffMs: 800, count: 200, rng: rng(1) }] },
  { name: 'onOffPeakRate', module: m, params: ['rate', 'meanOnMs', 'meanOffMs'], args: [100, 200, 800] },
  { name: 'erlangC', module: m, params: ['workers', 'offeredLoad'], args: [2, 1] },
  { name: 'mmc', module: m, params: ['opts'], args: [{ workers: 4, arrivalRate: 320, meanServiceMs: 10 }] },
  { name: 'mm1', module: m, params: ['opts'], args: [{ arrivalRate: 80, meanServiceMs: 10 }] },
  { name: 'mmcMaxArrivalRate', module: m, params: ['opts'], args: [{ workers: 2, meanServiceMs: 10, quantile: 0.99, targetMs: 100 }] },
  {
    name: 'simulateQueue', module: m, params: ['opts'],
    args: [{ workers: 2, arrivalRate: 150, serviceTime: exp10, requests: 300, warmupRequests: 20, queueLimit: 50, rng: rng(1), onProgress: fn(), keep: 'summaries' }],
  },
  {
    name: 'simulatePipeline', module: m, params: ['opts'],
    args: [{
      stages: [
        { name: 'lb', workers: 2, serviceTime: dist('exponential', 2) },
        { name: 'app', workers: 4, serviceTime: exp10, queueLimit: 20 },
      ],
      load: { startRps: 50, endRps: 150 }, durationMs: 2000, bucketMs: 200, timeoutMs: 1000, saturationThreshold: 0.9, rng: rng(1), onProgress: fn(), keep: 'summaries',
    }],
  },
];
