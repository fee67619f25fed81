/** Baselines for lib/net (paths, loss, TCP/TLS budgets, ports, pools, DNS, the packet engine). */
import { call, dist, fn, make, rng, text, typed, type Entry } from './entry';

const m = 'net';
const path = { rttMs: 40, jitterMs: 5, lossRate: 0.01, bandwidthMbps: 20 };
const zone = { records: { 'a.example.com': '10.0.0.1' }, ttlS: 60, negativeTtlS: 900, changes: [{ atMs: 5000, name: 'a.example.com', address: '10.0.0.2' }] };
const resolver = make('DnsResolver', { authority: call('dnsZone', zone), rootMs: 100, tldMs: 40, authoritativeMs: 70, referralTtlS: 50 });
const profiles = call('loadAccessProfiles', 'data/access-profiles.csv');
const cable = call('getAccessProfile', profiles, 'cable');
const settings = { mssBytes: 1460, initcwnd: 10, maxRetries: 6 };
const hooks = { onStreamDone: fn(), onConnectionFailed: fn() };
const transfer = make('PacketTransfer', call('createPath', { rttMs: 40 }), [3000], settings, hooks);
const connection = make('TransportConnection', transfer, 0, call('transportRules', 'tcp', '1.3'), rng(1));
const request = { rttMs: 50, jitterMs: 5, lossRate: 0.01, bandwidthMbps: 50, bytes: 20_000, tls: '1.3', dns: 'cold', dnsRttMs: 20, dnsTimeoutMs: 1000, connection: 'new', initcwnd: 10, mssBytes: 1460, serverMs: 7, maxRetries: 6 };
export const NET: Entry[] = [
  { name: 'independentLoss', module: m, params: ['rate|lossRate'], args: [0.01] },
  { name: 'gilbertElliott', module: m, params: ['options'], args: [{ goodToBad: 0.01, badToGood: 0.09, lossInGood: 0.001, lossInBad: 0.5 }] },
  { name: 'burstyLoss', module: m, params: ['options'], args: [{ rate: 0.01, meanBurst: 4 }] },
  { name: 'requireLossModel', module: m, params: ['option', 'value'], args: ['loss', call('independentLoss', 0.01)], skip: ['option'], alsoNamed: { value: ['loss'] } },
  { name: 'createPath', module: m, params: ['options'], args: [path] },
  { name: 'roundTripMs', module: m, params: ['path', 'rng'], args: [call('createPath', path), rng(1)] },
  { name: 'jitterDraw', module: m, params: ['path', 'rng'], args: [call('createPath', path), rng(1)] },
  { name: 'serialisationMs', module: m, params: ['bytes', 'bandwidthMbps'], args: [1500, 12] },
  { name: 'RtoEstimator', module: m, construct: true, params: ['bounds'], args: [call('rtoBounds', { minRtoMs: 200, maxRtoMs: 60_000, initialRtoMs: 1000 })] },
  { name: 'rtoBounds', module: m, params: ['options'], args: [{ minRtoMs: 200, maxRtoMs: 60_000, initialRtoMs: 1000 }] },
  { name: 'slowStartRounds', module: m, params: ['segments', 'initcwnd'], args: [14, 10] },
  { name: 'segmentsFor', module: m, params: ['bytes', 'mssBytes'], args: [20_000, 1460] },
  {
    name: 'TcpConnection', module: m, construct: true, params: ['path', 'delayRng', 'lost', 'settings'],
    args: [call('createPath', path), rng(1), fn('constant0'), { mssBytes: 1460, rto: call('rtoBounds', {}), maxRetries: 6, maxSynRetries: 3 }],
  },
  { name: 'ConnectionAborted', module: m, noOptions: 'an Error subclass the TCP engine raises to unwind; not an entry point for options' },
  { name: 'tlsHandshake', module: m, params: ['mode'], args: ['1.3'], alsoNamed: { mode: ['tls'] } },
  { name: 'safeAsEarlyData', module: m, params: ['method'], args: ['GET'], accepts: { method: ['unknownEnum'] } },
  { name: 'handshakeCpu', module: m, params: ['options'], args: [{ connectionsPerSecond: 1000, resumedShare: 0.9, fullMs: 1, resumedMs: 0.1, cores: 2 }] },
  { name: 'mathisThroughput', module: m, params: ['options'], args: [{ mssBytes: 1460, rttMs: 50, lossRate: 0.01 }] },
  { name: 'requestTime', module: m, params: ['opts'], args: [{ ...request, rng: rng(1) }] },
  { name: 'planRequest', module: m, params: ['opts'], args: [request], alsoNamed: { opts: ['requestTime'] } },
  { name: 'sampleRequest', module: m, params: ['plan', 'delayRng', 'lossRng'], args: [call('planRequest', request), rng(1), rng(2)] },
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
  { name: 'meanConcurrency', module: m, params: ['arrivalRate', 'meanRequestMs'], args: [200, 50] },
  { name: 'concurrencyQuantile', module: m, params: ['mean', 'p'], args: [10, 0.99] },
  { name: 'TtlCache', module: m, construct: true, args: [] },
  { name: 'dnsZone', module: m, params: ['opts'], args: [zone], records: ['records'], accepts: { address: ['null'] } },
  { name: 'dnsLookupBudget', module: m, params: ['opts'], args: [{ answeredBy: 'authoritative', walkFrom: 'root', resolverRttMs: 10, rootMs: 100, tldMs: 40, authoritativeMs: 70 }] },
  { name: 'DnsResolver', module: m, construct: true, params: ['opts'], args: [{ authority: call('dnsZone', zone), rootMs: 100, tldMs: 40, authoritativeMs: 70, referralTtlS: 50 }] },
  { name: 'DnsClient', module: m, construct: true, params: ['opts'], args: [{ resolver, resolverRttMs: 10, runtime: 'honour-ttl', stubCache: true, runtimeNegativeMs: 1000 }], accepts: { runtime: ['number'] } },
  {
    name: 'simulateDnsFailover', module: m, params: ['opts'],
    args: [{ clients: 200, resolvers: 4, ratePerClient: 0.5, durationMs: 120_000, changeAtMs: 30_000, ttlS: 60, runtime: 'honour-ttl', stubCache: true, warmStart: true, bucketMs: 10_000, resolverRttMs: 10, rootMs: 100, tldMs: 40, authoritativeMs: 70, rng: rng(1), onProgress: fn() }],
    accepts: { runtime: ['number'] },
  },
  { name: 'staleBound', module: m, params: ['changeAtMs', 'ttlMs', 'runtime'], args: [30_000, 60_000, 'honour-ttl'], accepts: { runtime: ['number'] } },
  { name: 'NewRenoWindow', module: m, construct: true, params: ['initialWindow'], args: [10] },
  { name: 'PacketLink', module: m, construct: true, params: ['path'], args: [call('createPath', path)] },
  { name: 'StreamLedger', module: m, construct: true, params: ['bytes', 'mssBytes'], args: [[3000, 1000], 1460] },
  { name: 'PacketTransfer', module: m, construct: true, params: ['path', 'streamBytes', 'settings', 'hooks', 'drops'], args: [call('createPath', path), [3000, 1000], settings, hooks], alsoNamed: { streamBytes: ['bytes'] } },
  { name: 'TransportConnection', module: m, construct: true, params: ['transfer', 'id', 'rules', 'rng'], args: [transfer, 0, call('transportRules', 'tcp', '1.3'), rng(1)] },
  { name: 'ConnectionTimer', module: m, construct: true, params: ['sim', 'kind', 'payload'], args: [make('Simulation'), 0, 0] },
  { name: 'StreamScheduler', module: m, construct: true, params: ['policy'], args: ['round-robin'] },
  {
    name: 'exchange', module: m, params: ['o'],
    args: [{ startMs: 0, roundTrip: true, link: make('PacketLink', call('createPath', path)), loss: fn('constant0'), rng: rng(1), timeoutMs: 1000, maxTimeoutMs: 60_000, maxRetries: 3, sampleAfterResend: false }],
  },
  { name: 'requestArrivals', module: m, params: ['headerBytes', 'mssBytes', 'packetArrivals', 'inConnectionOrder'], args: [[300, 300], 1460, typed('Float64Array', [10, 20]), true] },
  { name: 'handshake', module: m, params: ['connection', 'onReady'], args: [connection, fn()] },
  { name: 'requestStreams', module: m, params: ['connection', 'streams', 'headerBytes', 'serverMs'], args: [connection, [0], [300], 5] },
  { name: 'transportRules', module: m, params: ['kind', 'tls', 'rto'], args: ['tcp', '1.3', { minRtoMs: 200 }], alsoNamed: { kind: ['transport'] } },
];
