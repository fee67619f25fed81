/** Baselines for lib/http. */
import { call, rng, type Entry } from './entry';

const m = 'http';
const page = {
  protocol: 'http2', objects: [30_000, 10_000, 5000], path: { rttMs: 70, jitterMs: 5, lossRate: 0.01, bandwidthMbps: 20 },
  connectionsPerHost: 6, tls: '1.3', initcwnd: 10, mssBytes: 1460, serverMs: 5, requestHeaderBytes: 500, responseHeaderBytes: 300,
  headerRatio: 0.1, scheduling: 'round-robin', migration: { atMs: 100, path: { rttMs: 90 } }, dropPackets: [3], maxRetries: 6, congestionControl: 'cubic',
};
const screen = { protocol: 'http2', objects: [1000, 1000, 1000], path: { rttMs: 70, lossRate: 0.05 } };
const tables = call('pageLoadTable', { configurations: { h2: screen, h3: { ...screen, protocol: 'http3' } }, runs: 3, seed: 1 });
export const HTTP: Entry[] = [
  { name: 'pageLoad', module: m, params: ['opts'], args: [{ ...page, rng: rng(1) }] },
  {
    name: 'pageLoadTable', module: m, params: ['opts'],
    args: [{ configurations: { h2: page, h3: { ...page, protocol: 'http3', migration: { atMs: 100, path: { rttMs: 90 } } } }, runs: 2, seed: 1, perObject: true }],
    accepts: { seed: ['string', 'negative', 'zero', 'huge', 'fraction'] },
    records: ['configurations'],
  },
  { name: 'pageLoadSamples', module: m, params: ['tables', 'opts'], args: [tables, { column: 'totalMs', rows: 'pages' }] },
  { name: 'callLatencies', module: m, params: ['tables'], args: [tables] },
  { name: 'slowCallCauses', module: m, params: ['tables', 'opts'], args: [tables, { slowMs: 100 }] },
  {
    name: 'pageLoadPhases', module: m, params: ['load', 'opts'],
    args: [call('pageLoad', { protocol: 'http2', objects: [3000, 3000], path: { rttMs: 50 } }), { names: ['a', 'b'], prefix: 'HTTP/2 · ' }],
  },
  { name: 'protocolColors', module: m, params: ['names', 'opts'], args: [['HTTP/2 p50', 'HTTP/3 p50', 'other'], { light: ['HTTP/3 p50'] }] },
];
