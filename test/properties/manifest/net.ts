/**
 * Baselines for lib/net (paths, loss, TCP/TLS budgets, ports, pools, DNS). The packet engine
 * (connections, transfers, windows, timers) is internal: fed only by the checked entry points.
 */
import { call, dist, fn, make, rng, text, type Entry } from './entry';

const m = 'net';
const path = { rttMs: 40, jitterMs: 5, lossRate: 0.01, bandwidthMbps: 20 };
const zone = { records: { 'a.example.com': '10.0.0.1' }, ttlS: 60, negativeTtlS: 900, changes: [{ atMs: 5000, name: 'a.example.com', address: '10.0.0.2' }] };
const resolver = make('DnsResolver', { authority: call('dnsZone', zone), rootMs: 100, tldMs: 40, authoritativeMs: 70, referralTtlS: 50 });
const profiles = call('loadAccessProfiles', 'data/access-profiles.csv');
const cable = call('getAccessProfile', profiles, 'cable');
const request = { rttMs: 50, jitterMs: 5, lossRate: 0.01, bandwidthMbps: 50, bytes: 20_000, tls: '1.3', dns: 'cold', dnsRttMs: 20, dnsTimeoutMs: 1000, connection: 'new', initcwnd: 10, mssBytes: 1460, serverMs: 7, maxRetries: 6, congestionControl: 'cubic' };
export const NET: Entry[] = [
  { name: 'independentLoss', module: m, params: ['rate|lossRate'], args: [0.01] },
  { name: 'gilbertElliott', module: m, params: ['options'], args: [{ goodToBad: 0.01, badToGood: 0.09, lossInGood: 0.001, lossInBad: 0.5 }] },
  { name: 'burstyLoss', module: m, params: ['options'], args: [{ rate: 0.01, meanBurst: 4 }] },
  { name: 'createPath', module: m, params: ['options'], args: [path] },
  { name: 'slowStartRounds', module: m, params: ['segments', 'initcwnd'], args: [14, 10] },
  { name: 'segmentsFor', module: m, params: ['bytes', 'mssBytes'], args: [20_000, 1460] },
  { name: 'tlsHandshake', module: m, params: ['mode'], args: ['1.3'], alsoNamed: { mode: ['tls'] } },
  { name: 'safeAsEarlyData', module: m, params: ['method'], args: ['GET'], accepts: { method: ['unknownEnum'] } },
  { name: 'handshakeCpu', module: m, params: ['options'], args: [{ connectionsPerSecond: 1000, resumedShare: 0.9, fullMs: 1, resumedMs: 0.1, cores: 2 }] },
  { name: 'mathisThroughput', module: m, params: ['options'], args: [{ mssBytes: 1460, rttMs: 50, lossRate: 0.01 }] },
  { name: 'pftkThroughput', module: m, params: ['options'], args: [{ mssBytes: 1460, rttMs: 50, lossRate: 0.03, rtoMs: 200, ackRatio: 2 }] },
  { name: 'requestTime', module: m, params: ['opts'], args: [{ ...request, rng: rng(1) }] },
  { name: 'requestTimes', module: m, params: ['opts'], args: [{ ...request, samples: 200, rng: rng(1), onProgress: fn() }] },
  { name: 'parseRegionRtts', module: m, params: ['csvText', 'sourceName'], args: [text('data/region-rtt.csv'), 'region-rtt.csv'], skip: ['sourceName'], alsoNamed: { csvText: ['region-rtt.csv'] } },
  { name: 'parseAccessProfiles', module: m, params: ['csvText', 'sourceName'], args: [text('data/access-profiles.csv'), 'access-profiles.csv'], skip: ['sourceName'], alsoNamed: { csvText: ['access-profiles.csv'] } },
  { name: 'getAccessProfile', module: m, params: ['profiles', 'name'], args: [profiles, 'cable'], alsoNamed: { name: ['access profile'] } },
  { name: 'accessPath', module: m, params: ['profile'], args: [cable] },
  { name: 'loadRegionRtts', module: m, params: ['path'], args: ['data/region-rtt.csv'], plainErrorFor: ['unknownEnum'] },
  { name: 'loadAccessProfiles', module: m, params: ['path'], args: ['data/access-profiles.csv'], plainErrorFor: ['unknownEnum'] },
  {
    name: 'simulatePorts', module: m, params: ['opts'],
    args: [{ connectionsPerSecond: 400, timeWaitMs: 60_000, ports: 28_232, durationMs: 120_000, requestsPerConnection: 2, connectionMs: 500, twReuse: false, twReuseAfterMs: 1000, bucketMs: 10_000, rng: rng(1) }],
  },
  {
    name: 'simulatePool', module: m, params: ['opts'],
    args: [{ poolSize: 10, arrivalRate: 200, requestMs: dist('exponential', 50), handshakeMs: 30, whenExhausted: 'open-extra', idleTimeoutMs: 5000, maxLifetimeMs: 60_000, requests: 400, rng: rng(1), onProgress: fn() }],
  },
  {
    name: 'keepAliveCosts', module: m, params: ['options'],
    args: [{ requestRate: 500, requestsPerConnection: 10, coldRequestMs: 750, warmRequestMs: 190, durationMs: 60_000, ports: 28_232, timeWaitMs: 60_000, fullHandshakeMs: 1 }],
  },
  { name: 'meanConcurrency', module: m, params: ['arrivalRate', 'meanRequestMs'], args: [200, 50] },
  { name: 'concurrencyQuantile', module: m, params: ['mean', 'p'], args: [10, 0.99] },
  { name: 'dnsZone', module: m, params: ['opts'], args: [zone], records: ['records'], accepts: { address: ['null'] } },
  { name: 'dnsLookupBudget', module: m, params: ['opts'], args: [{ answeredBy: 'authoritative', walkFrom: 'root', resolverRttMs: 10, rootMs: 100, tldMs: 40, authoritativeMs: 70 }] },
  { name: 'DnsResolver', module: m, construct: true, params: ['opts'], args: [{ authority: call('dnsZone', zone), rootMs: 100, tldMs: 40, authoritativeMs: 70, referralTtlS: 50 }] },
  { name: 'DnsClient', module: m, construct: true, params: ['opts'], args: [{ resolver, resolverRttMs: 10, runtime: 'honour-ttl', stubCache: true, runtimeNegativeMs: 1000 }], accepts: { runtime: ['number'] } },
  {
    name: 'simulateDnsFailover', module: m, params: ['opts'],
    args: [{ clients: 200, resolvers: 4, ratePerClient: 0.5, durationMs: 120_000, changeAtMs: 30_000, ttlS: 60, runtime: 'honour-ttl', stubCache: true, warmStart: true, bucketMs: 10_000, resolverRttMs: 10, rootMs: 100, tldMs: 40, authoritativeMs: 70, rng: rng(1), onProgress: fn() }],
    accepts: { runtime: ['number'] },
  },
];
