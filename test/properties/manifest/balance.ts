/** Baselines for lib/balance. */
import { call, dist, fn, rng, typed, type Entry } from './entry';

const m = 'balance';
const hc = { intervalMs: 1000, timeoutMs: 300, unhealthyThreshold: 3, healthyThreshold: 2 };
/** A small run that fails a server at 1 s, for the readers of a cluster run. */
const failedRun = call('simulateCluster', {
  servers: [{ failures: [{ atMs: 1000 }] }, {}, {}], serviceTime: dist('exponential', 10), arrivalRate: 150, requests: 600,
  balancer: 'round-robin', healthCheck: hc, paths: [{ path: '/a', share: 0.5 }, { path: '/b', share: 0.5 }], rng: rng(1),
});
const context = { members: typed('Int32Array', [0, 1, 2]), weights: typed('Float64Array', [1, 2, 1]), rng: rng(1) };
export const BALANCE: Entry[] = [
  { name: 'createBalancer', module: m, params: ['spec', 'context'], args: [{ name: 'power-of-two', choices: 2 }, context], alsoNamed: { spec: ['balancer'] } },
  { name: 'balancerLabel', module: m, params: ['spec'], args: [{ name: 'least-response-time', smoothing: 0.5 }], alsoNamed: { spec: ['balancer'] } },
  {
    name: 'simulateCluster', module: m, params: ['opts'],
    args: [{
      servers: [
        { name: 's0', workers: 1, speed: 1, serviceTime: dist('exponential', 10), weight: 1, pool: 'api', failures: [{ atMs: 1000, untilMs: 2000 }] },
        { name: 's1', workers: 2, speed: 1.5, weight: 2, pool: 'api' },
        { name: 's2', workers: 1, pool: 'static' },
      ],
      workers: 1, serviceTime: dist('exponential', 10), arrivalRate: 150, burst: { meanOnMs: 200, meanOffMs: 200 }, requests: 400, warmupRequests: 20,
      balancer: 'round-robin', hashKey: 'client', clients: 50, clientSkew: 1, requestsPerSession: 4,
      paths: [{ path: '/api', share: 0.8, serviceTime: dist('exponential', 8) }, { path: '/static', share: 0.2 }], routes: { '/api': 'api', '/static': 'static' },
      sticky: false, proxies: [{ layer: 'L7', instances: 2, workers: 4, costMs: 0.5 }], healthCheck: hc, failedRequestMs: 1, timeoutMs: 5000,
      rng: rng(1), onProgress: fn(), keep: 'summaries',
    }],
    records: ['routes'],
    alsoNamed: { paths: ['route'], routes: ['route'] },
  },
  { name: 'detectionBoundMs', module: m, params: ['options'], args: [hc] },
  { name: 'dnsRoundRobin', module: m, params: ['options'], args: [{ resolvers: [40, 1, 1, 1], ttlS: 30 }] },
  { name: 'remappedShare', module: m, params: ['options'], args: [{ balancer: { name: 'consistent-hash', vnodes: 50 }, servers: 10, keys: 500, removed: 3, rng: rng(1) }] },
  { name: 'highestLoadWithin', module: m, params: ['opts'], args: [{ loads: [0.5, 0.6, 0.7], latencyMs: [80, 95, 130], targetMs: 100 }] },
  { name: 'loadPerWindow', module: m, params: ['result', 'opts'], args: [failedRun, { windowMs: 500, workMs: 10, workers: 1 }], skip: ['result'] },
  { name: 'outcomesPerBucket', module: m, params: ['result', 'opts'], args: [failedRun, { fromMs: 500, toMs: 3000, bucketMs: 250 }], skip: ['result'] },
  { name: 'failureExposure', module: m, params: ['result', 'opts'], args: [failedRun, { failAtMs: 1000, server: 0 }], skip: ['result'] },
  { name: 'pathSummary', module: m, params: ['result', 'opts'], args: [failedRun, { path: 1 }], skip: ['result'] },
];
