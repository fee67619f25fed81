import { strict as assert } from 'node:assert';
import { failureSpan } from '../../../lib/scenarios/stack/failureSpan';
import { simulateStack } from '../../../lib/scenarios/stack/simulateStack';
import type { StackResult } from '../../../lib/scenarios/stack/stackReport';
import { createRng } from '../../../lib/random/rng';

const run = (faults: Parameters<typeof simulateStack>[0]['faults']): StackResult => simulateStack({
  durationMs: 6_000, load: 100, responseBytes: 10_000, bucketMs: 500,
  l1: { bandwidthMbps: 1000 }, l3: { rttMs: 20 }, l4: { requestsPerConnection: 100 },
  l7: { workers: 4, serviceTime: { kind: 'exponential', meanMs: 5 }, dns: { ttlMs: 1_000 } },
  client: { timeoutMs: 500, retries: 0 }, faults, rng: createRng(7),
});

describe('scenarios/failureSpan', () => {
  it('is null for a healthy run', () => {
    assert.equal(failureSpan(run([])), null);
  });

  it('spans the failures of a route withdrawal, within one timeout of its window, and at L3 only', () => {
    const r = run([{ kind: 'route-withdrawal', atMs: 2_000, untilMs: 4_000 }]);
    const all = failureSpan(r);
    assert.ok(all !== null);
    assert.ok(all.firstMs > 2_000 && all.firstMs < 2_600, `first ${all.firstMs}`);
    assert.ok(all.lastMs > 3_500 && all.lastMs < 4_600, `last ${all.lastMs}`);
    const l3 = failureSpan(r, { layer: 'L3' });
    assert.deepEqual(l3, all);
    assert.equal(failureSpan(r, { layer: 'L1' }), null);
  });

  it('refuses what is not a stack result, and bad options by name', () => {
    const r = run([]);
    assert.throws(() => failureSpan({} as StackResult), /failureSpan: result must be what simulateStack returned/);
    assert.throws(() => failureSpan(r, { layer: 'L2' as never }), /layer/);
    assert.throws(() => failureSpan(r, { layr: 'L3' } as never), /did you mean "layer"/);
  });
});
