/** Baselines for lib/scenarios. */
import { call, dist, fn, rng, type Entry } from './entry';

const m = 'scenarios';
const rtts = call('loadRegionRtts', 'data/region-rtt.csv');
const access = { name: 'ideal', rttMs: 20, jitterMs: 2, lossRate: 0, meanLossBurst: 1, bandwidthMbps: 100, source: 'test' };
const places = ['seoul', 'london', 'sao-paulo'];
const four = ['tokyo', 'virginia', 'frankfurt', 'sao-paulo'];
const hc = { intervalMs: 1000, timeoutMs: 300, unhealthyThreshold: 3, healthyThreshold: 2 };
export const SCENARIOS: Entry[] = [
  {
    name: 'failureSpan', module: m, params: ['result', 'options'],
    args: [call('simulateStack', { durationMs: 2000, load: 100, responseBytes: 10_000, l1: { bandwidthMbps: 1000 }, l3: { rttMs: 20 }, l7: { workers: 4, serviceTime: dist('exponential', 5) }, client: { timeoutMs: 300 }, faults: [{ kind: 'route-withdrawal', atMs: 500, untilMs: 1000 }], rng: rng(1) }), { layer: 'L3' }],
  },
  {
    name: 'incidentSummary', module: m, params: ['result'],
    noOptions: 'reads a simulateStack result, no options; a wrong result is a TypeError (test/scenarios/stack/incidentSummary.test.ts)',
  },
  { name: 'faultLayer', module: m, params: ['fault'], args: [{ kind: 'link-degradation', layer: 'L3', atMs: 0, untilMs: 100, lossRate: 0.1 }] },
  {
    name: 'simulateStack', module: m, params: ['opts'],
    args: [{
      durationMs: 2000, load: { startRps: 50, endRps: 200 }, responseBytes: 20_000, clients: 100,
      l1: { bandwidthMbps: 1000 }, l3: { rttMs: 20, lossRate: 0.001 },
      l4: { ports: 28_232, timeWaitMs: 60_000, requestsPerConnection: 10, maxConnections: 1000, backlog: 128, congestionControl: 'cubic' },
      l7: { workers: 8, serviceTime: dist('lognormal', { median: 10, p99: 40 }), queueLimit: 100, dns: { ttlMs: 60_000, lookupMs: 20 } },
      client: { timeoutMs: 2000, retries: 2, retryDelayMs: 100 },
      faults: [
        { kind: 'route-withdrawal', atMs: 500, untilMs: 700 },
        { kind: 'link-degradation', layer: 'L1', atMs: 800, untilMs: 1200, lossRate: 0.05, bandwidthMbps: 100 },
        { kind: 'port-exhaustion', atMs: 1000, untilMs: 1500, requestsPerConnection: 1 },
      ],
      bucketMs: 250, saturationThreshold: 0.9, rng: rng(1), onProgress: fn(),
    }],
  },
  {
    name: 'simulatePayments', module: m, params: ['opts'],
    args: [{
      payments: 300, arrivalRate: 50, requestLossRate: 0.05, responseLossRate: 0.1, idempotencyKeys: { concurrent: 'wait', ttlMs: 60_000, storeMs: 1 },
      maxAttempts: 3, backoff: { baseMs: 100, capMs: 1000, jitter: 'full' }, timeoutMs: 2000, rttMs: 50, serverMs: dist('lognormal', { median: 300, p99: 1500 }),
      rng: rng(1), onProgress: fn(),
    }],
    accepts: { idempotencyKeys: ['boolean'], serverMs: ['number', 'zero', 'negative', 'huge', 'fraction', 'NaN', 'Infinity', '-Infinity'] },
  },
  { name: 'paymentArithmetic', module: m, params: ['opts'], args: [{ requestLossRate: 0.05, responseLossRate: 0.1, maxAttempts: 3, idempotencyKeys: false }] },
  {
    name: 'simulateEarlyDataReplay', module: m, params: ['opts'],
    args: [{ requests: 300, method: 'POST', earlyData: 'always', replayRate: 0.01, replays: 1, idempotencyKeys: false, antiReplay: false, serverInstances: 2, rng: rng(1) }],
    accepts: { method: ['unknownEnum'] },
  },
  {
    name: 'simulateImagePage', module: m, params: ['opts'],
    args: [{ sites: [{ name: 'clean', path: { rttMs: 150, bandwidthMbps: 50 }, serverMs: 3 }], protocols: ['http1.1', 'http2'], pages: 1, connectionsPerHost: 6, tls: '1.3', congestionControl: 'cubic', rng: rng(1), onProgress: fn() }],
  },
  {
    name: 'paperPageTimes', module: m, params: ['opts'],
    args: [{ objects: [500_000, 30_000, 30_000], rttMs: 150, bandwidthMbps: 20, protocols: ['http1.1', 'http2', 'http3'], connectionsPerHost: 6, tls: '1.3', serverMs: 3, initcwnd: 10, mssBytes: 1460, responseHeaderBytes: 300 }],
  },
  { name: 'imagePageObjects', module: m, params: ['opts', 'rng'], args: [{ images: 10, heroImages: 1, thumbnailBytes: 30_000, heroBytes: dist('lognormal', { median: 300_000, p99: 900_000 }) }, rng(1)], accepts: { heroBytes: ['number'] } },
  { name: 'meanImagePage', module: m, params: ['opts'], args: [{ images: 10, heroImages: 1, thumbnailBytes: 30_000, heroBytes: 300_000 }] },
  { name: 'sitePath', module: m, params: ['profile', 'distanceRttMs'], args: [access, 150], alsoNamed: { profile: ['accessPath'] } },
  {
    name: 'simulateGlobalRouting', module: m, params: ['opts'],
    args: [{
      rtts, users: places.map((region) => ({ region, share: region === 'seoul' ? 0.5 : 0.25, access })), regions: four, strategy: 'geo-dns',
      arrivalRate: 20, durationMs: 10_000, ttlS: 60, resolversPerRegion: 2, edge: { share: 0.5, rttMs: 10 },
      request: { bytes: 10_000, tls: '1.3', connection: 'new', serverMs: 5, congestionControl: 'cubic' }, healthCheck: hc,
      failure: { region: 'tokyo', atMs: 2000, untilMs: 6000 }, connectTimeoutMs: 3000, retries: 1, bucketMs: 1000, rng: rng(1), onProgress: fn(),
    }],
    accepts: { healthCheck: ['boolean'] },
  },
  {
    name: 'simulateRetryStorm', module: m, params: ['opts'],
    args: [{
      durationMs: 3000, arrivalRate: 100, workers: 4, serviceTime: dist('exponential', 20), queueLimit: 200,
      trigger: { atMs: 1000, untilMs: 2000, latencyFactor: 3, rampMs: 100, errorRate: 0.1 }, layers: 2, timeoutMs: [500, 1000], deadlineMs: 2000,
      retry: { maxAttempts: 3, backoff: { baseMs: 50, capMs: 400, jitter: 'full' } }, budget: { ratio: 0.1 },
      breaker: { failureRate: 0.5, minimumRequests: 10, cooldownMs: 500 }, cancelAbandoned: false, bucketMs: 250, recoveryFraction: 0.9,
      rng: rng(1), onProgress: fn(),
    }],
    accepts: { timeoutMs: ['number'] },
  },
  {
    name: 'simulateRealtime', module: m, params: ['opts'],
    args: [{
      mode: 'long-polling', users: 50, messagesPerUserPerMinute: 2, clientMessagesPerUserPerMinute: 1, durationMs: 60_000, rampMs: 5000,
      messageTiming: 'poisson', messageBytes: 200, rttMs: 50, tls: '1.3', resumeTls: true, requestHeaderBytes: 400, responseHeaderBytes: 200,
      keepAliveIdleMs: 5000, requestsPerConnection: 100, pollTimeoutMs: 30_000, repollDelayMs: 0, maxMessagesPerResponse: 10, heartbeatMs: 30_000,
      timeWaitMs: 60_000, memoryPerConnectionBytes: 10_000, bucketMs: 5000, rng: rng(1), onProgress: fn(),
    }],
  },
  {
    name: 'attemptsPerRequest', module: m, params: ['result'],
    noOptions: 'reads a simulateRetryStorm result, no options; a wrong result is a TypeError (test/scenarios/retryStorm/attemptsPerRequest.test.ts)',
  },
  {
    name: 'sweepStormRecovery', module: m, params: ['opts'],
    args: [{
      base: { durationMs: 2000, arrivalRate: 50, workers: 2, serviceTime: dist('exponential', 20), timeoutMs: 300, trigger: { atMs: 500, untilMs: 1000, latencyFactor: 2 } },
      policies: [{ name: 'none', options: {} }, { name: 'retry', options: { retry: { maxAttempts: 2 } } }],
      maxAttempts: [2], runs: 1, seed: 1,
    }],
    skip: ['name'], records: ['options'],
    accepts: { seed: ['string'], timeoutMs: ['number', 'array'] },
  },
  {
    name: 'failedShare', module: m, params: ['result', 'opts'],
    args: [call('simulateGlobalRouting', {
      rtts, users: places.map((region) => ({ region, share: 1 / 3, access })), regions: four, strategy: 'geo-dns', arrivalRate: 20, durationMs: 5_000, ttlS: 60, rng: rng(1),
    }), { places: ['seoul'], fromMs: 0, toMs: 5000 }],
    skip: ['result'],
  },
  {
    name: 'failureSeries', module: m, params: ['result'],
    noOptions: 'reads a simulateGlobalRouting result, no options; a wrong result is a TypeError (test/scenarios/globalRouting/failureSeries.test.ts)',
  },
];
