import { strict as assert } from 'node:assert';
import { CLUSTER_OUTCOME, simulateCluster } from '../../lib/balance/cluster/simulateCluster';
import type { ClusterResult } from '../../lib/balance/cluster/clusterReport';
import { exponential } from '../../lib/random';
import { createRng } from '../../lib/random/rng';
import { failureExposure } from '../../lib/balance/measures/failureExposure';

/** Four servers of 2 workers, round robin, 200 requests/s of 10 ms; server 1 dies at 20 s, checks every second. */
const run: ClusterResult = simulateCluster({
  servers: [{}, { failures: [{ atMs: 20_000 }] }, {}, {}], workers: 2, serviceTime: exponential(10), arrivalRate: 200,
  requests: 12_000, balancer: 'round-robin', healthCheck: { intervalMs: 1000, timeoutMs: 200, unhealthyThreshold: 2 },
  paths: [{ path: '/a', share: 0.3, serviceTime: exponential(30) }, { path: '/b', share: 0.7 }], rng: createRng(3),
});

describe('failureExposure', () => {
  it('finds the detection, the last error and the errors', () => {
    const e = failureExposure(run, { failAtMs: 20_000, server: 1 });
    const failed = Array.from(run.outcome).filter((o) => o === CLUSTER_OUTCOME.failed).length;
    assert.equal(e.errors, failed);
    assert.ok(e.detectedAfterMs > 1000 && e.detectedAfterMs <= 2 * 1000 + 200, `detected after ${e.detectedAfterMs} ms`);
    // Round robin obeys the checks at once: the last error arrives before detection.
    assert.ok(e.lastErrorAfterMs <= e.detectedAfterMs);
    assert.equal(e.errorsAfterDetection, 0);
  });

  it('says NaN for a server that was never taken out', () => {
    const e = failureExposure(run, { failAtMs: 20_000, server: 0 });
    assert.ok(Number.isNaN(e.detectedAfterMs));
    assert.throws(() => failureExposure(run, { failAtMs: 20_000, server: 4 }), /server must be an integer in \[0, 3\]/);
  });
});
