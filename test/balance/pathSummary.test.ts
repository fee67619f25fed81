import { strict as assert } from 'node:assert';
import { CLUSTER_OUTCOME, simulateCluster } from '../../lib/balance/cluster/simulateCluster';
import type { ClusterResult } from '../../lib/balance/cluster/clusterReport';
import { exponential } from '../../lib/random';
import { createRng } from '../../lib/random/rng';
import { pathSummary } from '../../lib/balance/measures/pathSummary';
import { summarize } from '../../lib/stats/summarize';

/** Four servers of 2 workers, round robin, 200 requests/s of 10 ms; server 1 dies at 20 s, checks every second. */
const run: ClusterResult = simulateCluster({
  servers: [{}, { failures: [{ atMs: 20_000 }] }, {}, {}], workers: 2, serviceTime: exponential(10), arrivalRate: 200,
  requests: 12_000, balancer: 'round-robin', healthCheck: { intervalMs: 1000, timeoutMs: 200, unhealthyThreshold: 2 },
  paths: [{ path: '/a', share: 0.3, serviceTime: exponential(30) }, { path: '/b', share: 0.7 }], rng: createRng(3),
});

describe('pathSummary', () => {
  it('summarises the answered requests of one path', () => {
    const xs: number[] = [];
    for (let i = 0; i < run.path.length; i++) if (run.path[i] === 0 && run.outcome[i] === CLUSTER_OUTCOME.ok) xs.push(run.latencyMs[i]);
    assert.deepEqual(pathSummary(run, { path: 0 }), summarize(xs));
    assert.ok(pathSummary(run, { path: 0 }).p50 > pathSummary(run, { path: 1 }).p50, '30 ms work beats 10 ms');
    assert.equal(pathSummary(run, { path: 7 }).count, 0);
    assert.throws(() => pathSummary(run, { path: -1 }), /path must be an integer/);
  });
});
