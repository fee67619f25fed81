import { strict as assert } from 'node:assert';
import { simulateCluster } from '../../lib/balance/cluster/simulateCluster';
import type { ClusterResult } from '../../lib/balance/cluster/clusterReport';
import { exponential } from '../../lib/random';
import { createRng } from '../../lib/random/rng';
import { outcomesPerBucket } from '../../lib/balance/measures/outcomesPerBucket';

/** Four servers of 2 workers, round robin, 200 requests/s of 10 ms; server 1 dies at 20 s, checks every second. */
const run: ClusterResult = simulateCluster({
  servers: [{}, { failures: [{ atMs: 20_000 }] }, {}, {}], workers: 2, serviceTime: exponential(10), arrivalRate: 200,
  requests: 12_000, balancer: 'round-robin', healthCheck: { intervalMs: 1000, timeoutMs: 200, unhealthyThreshold: 2 },
  paths: [{ path: '/a', share: 0.3, serviceTime: exponential(30) }, { path: '/b', share: 0.7 }], rng: createRng(3),
});

describe('outcomesPerBucket', () => {
  it('sorts every request of the window into one bucket and one outcome', () => {
    const b = outcomesPerBucket(run, { fromMs: 15_000, toMs: 30_000, bucketMs: 1000 });
    assert.equal(b.startMs.length, 15);
    const inWindow = Array.from(run.arrivalMs).filter((t) => t >= 15_000 && t < 30_000).length;
    assert.equal(b.ok.reduce((a, x) => a + x, 0) + b.failed.reduce((a, x) => a + x, 0) + b.timedOut.reduce((a, x) => a + x, 0), inWindow);
    assert.deepEqual(b.failed.slice(0, 4), [0, 0, 0, 0], 'no error until a second before the failure at 20 s (the last second holds requests it will drop)');
    assert.ok(b.failed[5] > 0, 'errors once server 1 is down');
  });

  it('names wrong options', () => {
    assert.throws(() => outcomesPerBucket(run, { fromMs: 10, toMs: 5, bucketMs: 1 }), /toMs must be greater than fromMs/);
    assert.throws(() => outcomesPerBucket(run, { fromMs: 0, toMs: 1e9, bucketMs: 1 }), /fromMs, toMs and bucketMs imply/);
  });
});
