/**
 * Fork independence: changing one component's parameters leaves every other component's draws
 * identical. For each `simulate*` a pair (component changed → quantity observed) that depends on
 * the observed component's stream alone:
 *
 * | function | changed | observed (must be identical) |
 * |---|---|---|
 * | simulateQueue | workers 2 → 3 | each request's service time (latency − wait, to 1e-9 ms) |
 * | simulatePipeline | stage 0's serviceTime exponential(2) → constant(2) | arrival times |
 * | simulateCluster | servers[0].serviceTime exponential(10) → constant(10), round robin | arrivals; latencies of requests on server 1 |
 * | simulatePool | poolSize 10 → 12, 'open-extra' (no waiting) | each request's duration (latency − handshake) |
 * | simulatePorts | timeWaitMs 60 s → 30 s | connection attempts |
 * | simulateDnsFailover | resolverRttMs 10 → 30 | requests before and after the change |
 * | simulateStack | l7.serviceTime lognormal → constant(10) | request arrival times |
 * | simulatePayments | serverMs lognormal → constant(300) | payment arrival times |
 * | simulateEarlyDataReplay | serverInstances 2 → 3 | replays delivered |
 * | simulateImagePage | site a's rttMs 150 → 40 | site b's page loads |
 * | simulateGlobalRouting | edge rttMs 10 → 30 | request times and user regions |
 * | simulateRetryStorm | serviceTime exponential(20) → constant(20) | request arrival times |
 * | simulateRealtime | rttMs 50 → 80 | messages generated (server and client) |
 * | requestTimes | jitterMs 5 → 20 | retransmissions per sample (the loss stream) |
 */
import assert from 'node:assert/strict';
import * as api from '../../lib/index';
import { MANIFEST } from './manifest';
import { materialize, type Json } from './markers';

const exports = api as unknown as Record<string, unknown>;

/** The baseline options of an entry (its first argument), built, with `over` merged in. */
function baseline(name: string, over: Record<string, Json> = {}): Record<string, unknown> {
  const entry = MANIFEST.find((e) => e.name === name)!;
  return materialize({ ...(entry.args![0] as Record<string, Json>), ...over }, exports) as Record<string, unknown>;
}

function run<T>(name: string, opts: Record<string, unknown>): T {
  return (exports[name] as (o: unknown) => T)(opts);
}

const dist = (name: string, ...args: Json[]): Json => ({ $dist: [name, ...args] });
const pick = (xs: ArrayLike<number>, keep: (i: number) => boolean): number[] => Array.from(xs).filter((_, i) => keep(i));
const near = (a: ArrayLike<number>, b: ArrayLike<number>, tol: number, what: string): void => {
  assert.equal(a.length, b.length, `${what}: lengths`);
  for (let i = 0; i < a.length; i++) assert.ok(Math.abs(a[i] - b[i]) <= tol, `${what}[${i}]: ${a[i]} vs ${b[i]}`);
};

describe('properties: fork independence of every simulate*', () => {
  it('simulateQueue: workers 2 → 3 leaves every service time as it was', () => {
    type Q = { latencyMs: Float64Array; waitMs: Float64Array };
    const a = run<Q>('simulateQueue', baseline('simulateQueue', { queueLimit: { $undefined: true }, keep: 'columns' }));
    const b = run<Q>('simulateQueue', baseline('simulateQueue', { workers: 3, queueLimit: { $undefined: true }, keep: 'columns' }));
    near(a.latencyMs.map((l, i) => l - a.waitMs[i]), b.latencyMs.map((l, i) => l - b.waitMs[i]), 1e-9, 'service');
    assert.notDeepEqual(b.waitMs, a.waitMs, 'the change reaches the waits');
  });

  it("simulatePipeline: stage 0's service distribution leaves the arrivals as they were", () => {
    type P = { requests: { arrivalMs: Float64Array } };
    const o = baseline('simulatePipeline', { keep: 'columns' });
    const stages = o.stages as Record<string, unknown>[];
    const changed = { ...o, stages: [{ ...stages[0], serviceTime: api.constant(2) }, stages[1]] };
    assert.deepEqual(run<P>('simulatePipeline', changed).requests.arrivalMs, run<P>('simulatePipeline', o).requests.arrivalMs);
  });

  it("simulateCluster: server 0's service distribution leaves server 1's latencies as they were (round robin)", () => {
    type C = { arrivalMs: Float64Array; latencyMs: Float64Array; server: Int32Array };
    const servers = (st: Json): Json => [{ serviceTime: st }, {}, {}];
    const common = { balancer: 'round-robin', burst: { $undefined: true }, paths: { $undefined: true }, routes: { $undefined: true }, proxies: { $undefined: true }, healthCheck: { $undefined: true }, keep: 'columns' };
    const a = run<C>('simulateCluster', baseline('simulateCluster', { ...common, servers: servers(dist('exponential', 10)) }));
    const b = run<C>('simulateCluster', baseline('simulateCluster', { ...common, servers: servers(dist('constant', 10)) }));
    assert.deepEqual(b.arrivalMs, a.arrivalMs, 'arrivals');
    assert.deepEqual(pick(b.latencyMs, (i) => b.server[i] === 1), pick(a.latencyMs, (i) => a.server[i] === 1), 'latencies on server 1');
    assert.notDeepEqual(pick(b.latencyMs, (i) => b.server[i] === 0), pick(a.latencyMs, (i) => a.server[i] === 0), 'the change reaches server 0');
  });

  it('simulatePool: poolSize 10 → 12 leaves every request duration as it was', () => {
    type R = { latencyMs: Float64Array; handshake: Uint8Array };
    const durations = (r: R): number[] => Array.from(r.latencyMs, (l, i) => l - 30 * r.handshake[i]);
    near(durations(run<R>('simulatePool', baseline('simulatePool', { poolSize: 12 }))), durations(run<R>('simulatePool', baseline('simulatePool'))), 1e-9, 'duration');
  });

  it('simulatePorts: timeWaitMs leaves the connection attempts as they were', () => {
    type R = { attempts: number };
    assert.equal(run<R>('simulatePorts', baseline('simulatePorts', { timeWaitMs: 30_000 })).attempts, run<R>('simulatePorts', baseline('simulatePorts')).attempts);
  });

  it("simulateDnsFailover: the resolver's RTT leaves the clients' requests as they were", () => {
    type R = { requests: number; requestsAfterChange: number };
    const a = run<R>('simulateDnsFailover', baseline('simulateDnsFailover'));
    const b = run<R>('simulateDnsFailover', baseline('simulateDnsFailover', { resolverRttMs: 30 }));
    assert.deepEqual([b.requests, b.requestsAfterChange], [a.requests, a.requestsAfterChange]);
  });

  it("simulateStack: L7's service distribution leaves the request arrivals as they were", () => {
    type R = { requests: { arrivalMs: Float64Array } };
    const o = baseline('simulateStack');
    const changed = { ...o, l7: { ...(o.l7 as object), serviceTime: api.constant(10) } };
    assert.deepEqual(run<R>('simulateStack', changed).requests.arrivalMs, run<R>('simulateStack', o).requests.arrivalMs);
  });

  it("simulatePayments: the server's time leaves the payment arrivals as they were", () => {
    type R = { records: { arrivalMs: Float64Array } };
    const a = run<R>('simulatePayments', baseline('simulatePayments'));
    const b = run<R>('simulatePayments', baseline('simulatePayments', { serverMs: dist('constant', 300) }));
    assert.deepEqual(b.records.arrivalMs, a.records.arrivalMs);
  });

  it('simulateEarlyDataReplay: serverInstances leaves the replays delivered as they were', () => {
    type R = { replaysDelivered: number; sentAsEarlyData: number };
    const a = run<R>('simulateEarlyDataReplay', baseline('simulateEarlyDataReplay'));
    const b = run<R>('simulateEarlyDataReplay', baseline('simulateEarlyDataReplay', { serverInstances: 3 }));
    assert.deepEqual([b.sentAsEarlyData, b.replaysDelivered], [a.sentAsEarlyData, a.replaysDelivered]);
  });

  it("simulateImagePage: site a's path leaves site b's page loads as they were", () => {
    type R = { loads: { site: string }[] };
    const sites = (rttMs: number): Json => [{ name: 'a', path: { rttMs, lossRate: 0.01 } }, { name: 'b', path: { rttMs: 100, jitterMs: 10, lossRate: 0.01 } }];
    const a = run<R>('simulateImagePage', baseline('simulateImagePage', { sites: sites(150), pages: 2 }));
    const b = run<R>('simulateImagePage', baseline('simulateImagePage', { sites: sites(40), pages: 2 }));
    assert.deepEqual(b.loads.filter((l) => l.site === 'b'), a.loads.filter((l) => l.site === 'b'));
  });

  it("simulateGlobalRouting: the edge's RTT leaves the users' request times as they were", () => {
    type R = { requests: { tMs: number; userRegion: string }[] };
    const shape = (r: R): string[] => r.requests.map((q) => `${q.userRegion}@${q.tMs}`);
    const a = run<R>('simulateGlobalRouting', baseline('simulateGlobalRouting'));
    const b = run<R>('simulateGlobalRouting', baseline('simulateGlobalRouting', { edge: { share: 0.5, rttMs: 30 } }));
    assert.deepEqual(shape(b), shape(a));
  });

  it("simulateRetryStorm: the downstream's service distribution leaves the request arrivals as they were", () => {
    type R = { requests: { arrivalMs: Float64Array } };
    const a = run<R>('simulateRetryStorm', baseline('simulateRetryStorm'));
    const b = run<R>('simulateRetryStorm', baseline('simulateRetryStorm', { serviceTime: dist('constant', 20) }));
    assert.deepEqual(b.requests.arrivalMs, a.requests.arrivalMs);
  });

  it('simulateRealtime: the RTT leaves the messages generated as they were', () => {
    type R = { messages: { generated: number }; clientMessages: { generated: number } };
    const a = run<R>('simulateRealtime', baseline('simulateRealtime'));
    const b = run<R>('simulateRealtime', baseline('simulateRealtime', { rttMs: 80 }));
    assert.deepEqual([b.messages.generated, b.clientMessages.generated], [a.messages.generated, a.clientMessages.generated]);
  });

  it('requestTimes: jitter leaves the loss stream (retransmissions per sample) as it was', () => {
    type R = { retransmissions: Int32Array };
    const a = run<R>('requestTimes', baseline('requestTimes'));
    const b = run<R>('requestTimes', baseline('requestTimes', { jitterMs: 20 }));
    assert.deepEqual(b.retransmissions, a.retransmissions);
  });
});
