import { strict as assert } from 'node:assert';
import { simulateStack, STACK_OUTCOME, STACK_LAYERS, type StackOptions, type StackResult, type StackLayer } from '../../../lib/scenarios';
import { createRng, exponential, constant } from '../../../lib/random';
import { mmc } from '../../../lib/sim';

/** A stack with every layer roomy; each test narrows one. */
const roomy = (seed: number, over: Partial<StackOptions> = {}): StackOptions => ({
  durationMs: 60_000,
  load: 100,
  responseBytes: 20_000,
  l1: { bandwidthMbps: 10_000 },
  l3: { rttMs: 20 },
  l4: { ports: 28_232, timeWaitMs: 60_000, requestsPerConnection: 1000 },
  l7: { workers: 64, serviceTime: exponential(20) },
  bucketMs: 1000,
  rng: createRng(seed),
  ...over,
});

/** Mean utilisation of a layer over buckets starting in [fromMs, toMs). */
function meanUtilisation(r: StackResult, layer: StackLayer, fromMs: number, toMs = r.durationMs): number {
  const rows = r.series.filter((s) => s.layer === layer && s.tMs >= fromMs && s.tMs < toMs);
  return rows.reduce((sum, s) => sum + s.utilisation, 0) / rows.length;
}

/** The narrowest layer in turn: capacity 800 rps at L7, 500 at L4, 125 at L1. */
const NARROW: Record<string, Partial<StackOptions>> = {
  L7: { l7: { workers: 16, serviceTime: exponential(20) } },
  L4: { l4: { ports: 1000, timeWaitMs: 2000, requestsPerConnection: 1 } },
  L1: { l1: { bandwidthMbps: 100 }, responseBytes: 100_000 },
};

describe('simulateStack: which layer saturates first', () => {
  // A ramp from 0 to twice the capacity over 60 s moves 3.3% of capacity per 1-s bucket. Near ρ = 1 a
  // queue's busy periods last seconds, so the first full bucket comes up to ~8% early or late
  // (seeds 1–4); L4 lags by Little's law, rate slope × TIME_WAIT / 2 = 3.3% here. Tolerance: 12%.
  for (const [layer, narrow] of Object.entries(NARROW)) {
    it(`finds ${layer} when it is the narrowest, at its capacity`, () => {
      for (const seed of [1, 2]) {
        const capacity = simulateStack(roomy(0, { ...narrow, durationMs: 1000 })).capacityRps[layer as StackLayer];
        const r = simulateStack(roomy(seed, { ...narrow, load: { startRps: 0, endRps: 2 * capacity } }));
        assert.equal(r.firstSaturated?.layer, layer, `seed ${seed}: ${JSON.stringify(r.firstSaturated)}`);
        const rps = r.firstSaturated?.rps as number;
        assert.ok(Math.abs(rps / capacity - 1) < 0.12, `seed ${seed}: ${layer} saturated at ${rps} rps; capacity ${capacity}`);
      }
    });
  }

  it('reports the capacities: workers / mean service, ports × requests per connection / TIME_WAIT, bandwidth / size', () => {
    const r = simulateStack(roomy(1, { ...NARROW.L7, ...NARROW.L4, ...NARROW.L1, durationMs: 1000 }));
    assert.deepEqual(r.capacityRps, { L7: 800, L4: 500, L3: Infinity, L1: 125 });
  });

  it('returns null when no layer saturates', () => {
    assert.equal(simulateStack(roomy(1)).firstSaturated, null);
  });
});

describe('simulateStack: utilisation below capacity = offered load / capacity', () => {
  it('at half of each capacity, each layer is half busy (within 0.03)', () => {
    const opts = roomy(5, { ...NARROW.L7, ...NARROW.L4, l1: { bandwidthMbps: 400 }, responseBytes: 100_000, load: 250 });
    const r = simulateStack(opts);
    // L7 800 rps, L4 500 rps, L1 500 rps at 250 rps: 0.31, 0.5, 0.5. Ports fill over the first TIME_WAIT (2 s).
    assert.ok(Math.abs(meanUtilisation(r, 'L7', 5000) - 250 / 800) < 0.03, `L7 ${meanUtilisation(r, 'L7', 5000)}`);
    // Little's law for ports: each connection holds one while open (its request's latency) and through TIME_WAIT.
    const latencies = r.attempts.latencyMs.filter((_, a) => r.attempts.outcome[a] === STACK_OUTCOME.ok);
    const openMs = latencies.reduce((sum, v) => sum + v, 0) / latencies.length;
    const portsExpected = (250 * (2000 + openMs)) / 1000 / 1000;
    assert.ok(Math.abs(meanUtilisation(r, 'L4', 5000) - portsExpected) < 0.01, `L4 ${meanUtilisation(r, 'L4', 5000)} vs ${portsExpected}`);
    assert.ok(Math.abs(portsExpected - 0.5) < 0.03, 'the open time adds a little to the paper figure');
    assert.ok(Math.abs(meanUtilisation(r, 'L1', 5000) - 0.5) < 0.03, `L1 ${meanUtilisation(r, 'L1', 5000)}`);
    assert.ok(r.series.filter((s) => s.layer === 'L3').every((s) => s.utilisation === 0));
    assert.equal(r.counts.ok, r.counts.attempts - r.counts.unfinished);
  });

  it('L7 time is an M/M/c sojourn (Erlang C; mean of three runs within 5%)', () => {
    // 4 workers, exponential 10 ms, 320 rps: ρ = 0.8. DNS lookups cost nothing, so L7 time is queue + service.
    // Near ρ = 0.8 waits are strongly correlated: one 300-s run's mean L7 time has a standard deviation of
    // 0.46 ms, 2.6% of Erlang C's 17.46 ms (12 seeds). The mean of three independent runs has a standard
    // error of 1.5%: the 5% tolerance is 3.3 standard errors.
    const theory = mmc({ workers: 4, arrivalRate: 320, meanServiceMs: 10 });
    const runMean = (seed: number): number => {
      const r = simulateStack(roomy(seed, { load: 320, durationMs: 300_000, l7: { workers: 4, serviceTime: exponential(10), dns: { lookupMs: 0 } } }));
      const l7 = r.attempts.layerMs.L7.filter((_, a) => r.attempts.outcome[a] === STACK_OUTCOME.ok && r.attempts.startMs[a] > 10_000);
      return l7.reduce((s, v) => s + v, 0) / l7.length;
    };
    const means = [1, 2, 3].map(runMean);
    const mean = means.reduce((s, v) => s + v, 0) / means.length;
    assert.ok(Math.abs(mean / theory.meanLatencyMs - 1) < 0.05, `L7 means ${means.join(', ')} vs Erlang C ${theory.meanLatencyMs}`);
  });
});

describe('simulateStack: latency by layer', () => {
  it('adds up the budget exactly on a quiet stack: lookup + handshake + RTT + service + serialisation', () => {
    // One request per connection, 14 kB fits the initial window of 10 segments: one data round.
    const r = simulateStack(roomy(2, {
      load: 5, durationMs: 20_000, responseBytes: 14_000, l1: { bandwidthMbps: 100 },
      l4: { requestsPerConnection: 1 }, l7: { workers: 64, serviceTime: constant(7), dns: { ttlMs: 0, lookupMs: 15 } },
    }));
    const serialise = (14_000 * 8) / 100_000;
    for (let a = 0; a < r.attempts.request.length; a++) {
      if (r.attempts.outcome[a] !== STACK_OUTCOME.ok) continue;
      const at = (layer: StackLayer): number => r.attempts.layerMs[layer][a];
      assert.ok(Math.abs(at('L7') - (15 + 7)) < 1e-9, `L7 ${at('L7')}`);
      assert.ok(Math.abs(at('L4') - 20) < 1e-9, `L4 ${at('L4')}`);
      assert.ok(Math.abs(at('L3') - 20) < 1e-9, `L3 ${at('L3')}`);
      assert.ok(at('L1') >= serialise - 1e-9 && at('L1') < serialise + 2, `L1 ${at('L1')}`);
      const sum = STACK_LAYERS.reduce((s, layer) => s + at(layer), 0);
      assert.ok(Math.abs(sum - r.attempts.latencyMs[a]) < 1e-9);
    }
    assert.ok(r.counts.ok > 50);
  });

  it('reuses keep-alive connections: a new connection every k requests', () => {
    const r = simulateStack(roomy(4, { load: 200, durationMs: 20_000, l4: { requestsPerConnection: 10 } }));
    const fresh = r.attempts.newConnection.reduce((s, v) => s + v, 0);
    assert.ok(fresh >= r.counts.attempts / 10 && fresh < r.counts.attempts / 10 + 200, `${fresh} new connections for ${r.counts.attempts} attempts`);
  });
});

describe('simulateStack: faults', () => {
  it('a withdrawn route turns every request into a timeout within one timeout period', () => {
    const r = simulateStack(roomy(6, { durationMs: 30_000, load: 200, client: { timeoutMs: 1000 }, faults: [{ kind: 'route-withdrawal', atMs: 10_000 }] }));
    const { startMs, endMs, outcome, failedLayer } = r.attempts;
    let after = 0;
    for (let a = 0; a < startMs.length; a++) {
      if (outcome[a] === STACK_OUTCOME.ok) assert.ok(endMs[a] <= 10_000 + 10 + 1e-9, `success at ${endMs[a]} ms`);
      if (startMs[a] >= 10_000 && startMs[a] + 1000 < 30_000) {
        after++;
        assert.equal(outcome[a], STACK_OUTCOME.timedOut);
        assert.equal(endMs[a], startMs[a] + 1000);
        assert.equal(STACK_LAYERS[failedLayer[a]], 'L3');
      }
    }
    assert.ok(after > 3000);
    for (const g of r.goldenSignals.filter((s) => s.tMs >= 11_000 && s.tMs < 29_000)) {
      assert.equal(g.throughputRps, 0);
      assert.ok(g.errorRps > 150);
    }
    const l3 = r.series.filter((s) => s.layer === 'L3');
    assert.deepEqual([l3[9].lossRate, l3[10].lossRate], [0, 1]);
  });

  it('a route that returns lets TCP deliver on its next retransmission', () => {
    const r = simulateStack(roomy(6, { durationMs: 20_000, load: 50, client: { timeoutMs: Infinity }, faults: [{ kind: 'route-withdrawal', atMs: 5000, untilMs: 8000 }] }));
    assert.equal(r.counts.timedOut, 0);
    // Only attempts sent in the last moments are still in flight when the run ends.
    assert.ok(r.attempts.outcome.every((o, a) => o !== STACK_OUTCOME.unfinished || r.attempts.startMs[a] > 19_000));
    const stuck = Array.from(r.attempts.startMs).map((s, a) => [s, r.attempts.endMs[a]]).filter(([s]) => s >= 5000 && s < 8000);
    assert.ok(stuck.every(([, end]) => end > 8000));
  });

  it('retries multiply the traffic during an outage: (1 + retries) attempts per request', () => {
    const r = simulateStack(roomy(6, { durationMs: 30_000, load: 100, client: { timeoutMs: 500, retries: 3 }, faults: [{ kind: 'route-withdrawal', atMs: 5000 }] }));
    const inside = Array.from(r.requests.arrivalMs).map((t, u) => [t, r.requests.attempts[u]]).filter(([t]) => t > 5000 && t < 25_000);
    assert.ok(inside.every(([, n]) => n === 4));
    const steady = r.goldenSignals.filter((s) => s.tMs >= 7000 && s.tMs < 25_000);
    const traffic = steady.reduce((sum, s) => sum + s.offeredRps, 0);
    const fresh = steady.reduce((sum, s) => sum + s.requestRps, 0);
    assert.ok(Math.abs(traffic / fresh - 4) < 0.1, `traffic ${traffic} for ${fresh} new requests`);
  });

  it('a DNS misconfiguration ramps errors up over one TTL as cached records expire', () => {
    const r = simulateStack(roomy(8, { durationMs: 60_000, load: 400, clients: 400, l7: { workers: 64, serviceTime: exponential(20), dns: { ttlMs: 20_000 } }, faults: [{ kind: 'dns-misconfiguration', atMs: 20_000 }] }));
    const share = (from: number, to: number): number => {
      let n = 0;
      let failed = 0;
      for (let a = 0; a < r.attempts.startMs.length; a++) {
        if (r.attempts.startMs[a] < from || r.attempts.startMs[a] >= to) continue;
        n++;
        if (r.attempts.outcome[a] === STACK_OUTCOME.error) failed++;
      }
      return failed / n;
    };
    assert.equal(share(0, 20_000), 0);
    assert.ok(Math.abs(share(24_000, 26_000) - 0.25) < 0.06, `${share(24_000, 26_000)} at a quarter TTL`);
    assert.ok(Math.abs(share(29_000, 31_000) - 0.5) < 0.06, `${share(29_000, 31_000)} at half a TTL`);
    // A lookup that began just before the fault caches a good record until atMs + lookup + TTL.
    assert.equal(share(40_100, 59_000), 1);
    assert.ok(r.counts.failuresByLayer.L7 > 0 && r.counts.failuresByLayer.L4 === 0);
  });

  it('port exhaustion: without keep-alive TIME_WAIT fills the range after ports / rate seconds, then connections are refused', () => {
    const r = simulateStack(roomy(9, { durationMs: 40_000, load: 500, l4: { ports: 5000, timeWaitMs: 60_000, requestsPerConnection: 1000 }, faults: [{ kind: 'port-exhaustion', atMs: 10_000 }] }));
    const refused = Array.from(r.attempts.startMs).filter((_, a) => r.attempts.failedLayer[a] === 1);
    // 5000 ports at 500 new connections per second: full about 10 s after the fault.
    assert.ok(refused.length > 1000);
    assert.ok(Math.abs(Math.min(...refused) - 20_000) < 1000, `first refusal at ${Math.min(...refused)} ms`);
    assert.equal(r.connections.refusedNoPort, refused.length);
    assert.equal(r.series.find((s) => s.layer === 'L4' && s.tMs === 30_000)?.resource, 'ports');
  });

  it('a server connection limit queues in the backlog and refuses beyond it', () => {
    // Slow responses hold connections: 200 rps × ~250 ms ≈ 50 busy connections against a limit of 20.
    const r = simulateStack(roomy(10, { durationMs: 10_000, load: 200, l4: { requestsPerConnection: 1, maxConnections: 20, backlog: 5 }, l7: { workers: 64, serviceTime: constant(200) } }));
    assert.ok(r.connections.peakServerConnections === 20);
    assert.ok(r.connections.refusedBacklog > 0);
    assert.equal(r.counts.failuresByLayer.L4, r.connections.refusedBacklog + r.attempts.failedLayer.filter((l, a) => l === 1 && r.attempts.outcome[a] === STACK_OUTCOME.timedOut).length);
    assert.equal(r.series.find((s) => s.layer === 'L4' && s.tMs === 5000)?.resource, 'server connections');
  });

  it('link degradation: a slower L1 link is busier in proportion; L3 loss shows in loss rate and tail latency', () => {
    const l1 = simulateStack(roomy(11, { durationMs: 20_000, load: 100, l1: { bandwidthMbps: 100 }, faults: [{ kind: 'link-degradation', layer: 'L1', atMs: 10_000, bandwidthMbps: 25 }] }));
    // 100 rps × 20 kB = 16 Mbit/s: 0.16 of 100 Mbit/s, 0.64 of 25.
    assert.ok(Math.abs(meanUtilisation(l1, 'L1', 1000, 10_000) - 0.16) < 0.03);
    assert.ok(Math.abs(meanUtilisation(l1, 'L1', 11_000) - 0.64) < 0.06);
    const l3 = simulateStack(roomy(11, { durationMs: 20_000, load: 100, faults: [{ kind: 'link-degradation', layer: 'L3', atMs: 10_000, lossRate: 0.05 }] }));
    const rows = l3.series.filter((s) => s.layer === 'L3');
    assert.deepEqual([rows[9].lossRate, rows[10].lossRate], [0, 0.05]);
    const p99 = (from: number): number => l3.goldenSignals.filter((g) => g.tMs >= from && g.tMs < from + 10_000).reduce((m, g) => Math.max(m, g.p99Ms), 0);
    assert.ok(p99(10_000) > 3 * p99(0), `p99 ${p99(0)} → ${p99(10_000)}`);
  });
});

describe('simulateStack: determinism and bad input', () => {
  it('gives identical results for one seed, different ones for another', () => {
    const opts = (seed: number): StackOptions => roomy(seed, { durationMs: 10_000, load: 300, client: { timeoutMs: 100, retries: 1 } });
    assert.deepEqual(simulateStack(opts(1)), simulateStack(opts(1)));
    assert.notDeepEqual(simulateStack(opts(1)).attempts.latencyMs, simulateStack(opts(2)).attempts.latencyMs);
  });

  it('names the option, the value and the range', () => {
    const bad: [Partial<StackOptions> | Record<string, unknown>, RegExp][] = [
      [{ durationMs: 0 }, /durationMs must be a number in \(0, 604800000\]; got 0/],
      [{ load: { startRps: -1, endRps: 5 } }, /load\.startRps/],
      [{ responseBytes: -5 }, /responseBytes/],
      [{ l1: { bandwidthMbps: 0 } }, /l1\.bandwidthMbps must be a finite number > 0; got 0/],
      [{ l1: { bandwidthMBps: 10 } }, /TypeError: unknown option "l1.bandwidthMBps" \(did you mean "l1.bandwidthMbps"\?\); known options of l1: bandwidthMbps$/],
      [{ l3: { rttMs: 20, lossRate: 1 } }, /l3\.lossRate/],
      [{ l4: { ports: 70_000 } }, /l4\.ports/],
      [{ l4: { requestsPerConnection: 0 } }, /l4\.requestsPerConnection/],
      [{ l4: { maxConnections: 2.5 } }, /l4\.maxConnections/],
      [{ l7: { workers: 0, serviceTime: exponential(10) } }, /l7\.workers/],
      [{ l7: { workers: 2 } }, /l7\.serviceTime/],
      [{ client: { retries: 11 } }, /client\.retries/],
      [{ clients: 0 }, /clients/],
      [{ bucketMs: 1 }, /bucketMs must leave at most 10000 buckets/],
      [{ load: 1e6, durationMs: 1e6 }, /load × durationMs imply 1.00e\+9 user requests \(mean load × durationMs \/ 1000\); the limit is 1.00e\+7/],
      [{ faults: [{ kind: 'meteor', atMs: 0 }] }, /faults\[0\]\.kind must be one of/],
      [{ faults: [{ kind: 'route-withdrawal', atMs: 5, untilMs: 5 }] }, /faults\[0\]\.untilMs must be > atMs \(5\); got 5/],
      [{ faults: [{ kind: 'link-degradation', layer: 'L1', atMs: 0 }] }, /changes nothing: give lossRate or bandwidthMbps/],
      [{ faults: [{ kind: 'link-degradation', layer: 'L3', atMs: 0, bandwidthMbps: 5 }] }, /bandwidthMbps belongs to an L1 degradation/],
      [{ faults: [{ kind: 'link-degradation', layer: 'L2', atMs: 0, lossRate: 0.1 }] }, /faults\[0\]\.layer must be one of/],
      [{ faults: [{ kind: 'route-withdrawal', atMs: 0, lossRate: 0.1 }] }, /TypeError: unknown option "faults\[0\].lossRate"; known options of faults\[0\]: kind, atMs, untilMs$/],
      [{ faults: [{ kind: 'route-withdrawal', atMs: 0, untilMs: 10 }, { kind: 'route-withdrawal', atMs: 5 }] }, /faults\[0\] and faults\[1\].*overlap/],
      [{ rng: undefined }, /rng/],
      [{ colour: 'red' }, /TypeError: simulateStack: unknown option "colour"; known options: /],
    ];
    for (const [over, message] of bad) assert.throws(() => simulateStack(roomy(1, over as Partial<StackOptions>)), message);
  });
});
