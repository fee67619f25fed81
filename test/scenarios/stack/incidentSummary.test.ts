import { strict as assert } from 'node:assert';
import { incidentSummary } from '../../../lib/scenarios/stack/incidentSummary';
import { simulateStack } from '../../../lib/scenarios/stack/simulateStack';
import type { StackResult } from '../../../lib/scenarios/stack/stackReport';
import { createRng } from '../../../lib/random/rng';

const run = (faults: Parameters<typeof simulateStack>[0]['faults'], ttlMs = 1_000): StackResult => simulateStack({
  durationMs: 8_000, load: 100, responseBytes: 10_000, bucketMs: 500,
  l1: { bandwidthMbps: 1000 }, l3: { rttMs: 20 }, l4: { requestsPerConnection: 100 },
  l7: { workers: 4, serviceTime: { kind: 'exponential', meanMs: 5 }, dns: { ttlMs } },
  client: { timeoutMs: 500, retries: 1, retryDelayMs: 50 }, faults, rng: createRng(11),
});

describe('scenarios/incidentSummary', () => {
  it('reports a healthy run with no fault and NaN times', () => {
    const s = incidentSummary(run([]));
    assert.equal(s.fault, null);
    assert.equal(s.layer, null);
    assert.ok(Number.isNaN(s.firstFailureS) && Number.isNaN(s.lastSuccessS));
    // A few requests are still in flight when the run stops: they count as not succeeded.
    assert.ok(s.requestsOkShare > 0.98 && s.requestsOkShare <= 1, `share ${s.requestsOkShare}`);
    assert.equal(s.attemptsPerRequest, 1);
    assert.deepEqual(s.failuresByLayer, { L7: 0, L4: 0, L3: 0, L1: 0 });
  });

  it('times a DNS fault by its TTL: the last success starts within one TTL, failures charged to L7', () => {
    const ttlMs = 2_000;
    const s = incidentSummary(run([{ kind: 'dns-misconfiguration', atMs: 2_000, untilMs: 6_000 }], ttlMs));
    assert.equal(s.layer, 'L7');
    assert.ok(s.lastSuccessS > 0 && s.lastSuccessS <= ttlMs / 1000, `last success ${s.lastSuccessS} s`);
    assert.ok(s.firstFailureS >= 0 && s.firstFailureS < ttlMs / 1000);
    assert.equal(s.firstFailureByLayerS.L7, s.firstFailureS);
    assert.ok(Number.isNaN(s.firstFailureByLayerS.L1));
    assert.ok(s.failuresByLayer.L7 > 0 && s.requestsOkShare < 1 && s.attemptsPerRequest > 1);
  });

  it('refuses what is not a stack result', () => {
    assert.throws(() => incidentSummary({} as StackResult), /incidentSummary: result must be what simulateStack returned/);
    assert.throws(() => incidentSummary(null as unknown as StackResult), TypeError);
  });
});
