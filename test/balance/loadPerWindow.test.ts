import { strict as assert } from 'node:assert';
import { simulateCluster } from '../../lib/balance/cluster/simulateCluster';
import type { ClusterResult } from '../../lib/balance/cluster/clusterReport';
import { exponential } from '../../lib/random';
import { createRng } from '../../lib/random/rng';
import { loadPerWindow } from '../../lib/balance/measures/loadPerWindow';

/** Four servers of 2 workers, round robin, 200 requests/s of 10 ms; server 1 dies at 20 s, checks every second. */
const run: ClusterResult = simulateCluster({
  servers: [{}, { failures: [{ atMs: 20_000 }] }, {}, {}], workers: 2, serviceTime: exponential(10), arrivalRate: 200,
  requests: 12_000, balancer: 'round-robin', healthCheck: { intervalMs: 1000, timeoutMs: 200, unhealthyThreshold: 2 },
  paths: [{ path: '/a', share: 0.3, serviceTime: exponential(30) }, { path: '/b', share: 0.7 }], rng: createRng(3),
});

describe('loadPerWindow', () => {
  it('counts each server\'s requests per window as work over capacity', () => {
    const w = loadPerWindow(run, { windowMs: 5000, workMs: 10, workers: 2 });
    const start = run.arrivalMs[0];
    assert.equal(w.startMs[0], start);
    assert.equal(w.startMs.length, Math.floor((run.arrivalMs[run.arrivalMs.length - 1] - start) / 5000));
    let n = 0;
    for (let i = 0; i < run.arrivalMs.length; i++) if (run.server[i] === 2 && run.arrivalMs[i] >= start + 5000 && run.arrivalMs[i] < start + 10_000) n++;
    assert.ok(Math.abs(w.load[2][1] - (n * 10) / (2 * 5000)) < 1e-12);
    // Round robin over four servers at 200/s: each server gets 50/s × 10 ms over 2 workers = 0.25 while all are in rotation.
    assert.ok(Math.abs(w.load[0][0] - 0.25) < 0.03, `load ${w.load[0][0]}`);
  });

  it('takes one worker count per server, and names wrong options', () => {
    const w = loadPerWindow(run, { windowMs: 5000, workMs: 10, workers: [1, 2, 2, 2] });
    const v = loadPerWindow(run, { windowMs: 5000, workMs: 10, workers: 2 });
    assert.ok(Math.abs(w.load[0][0] - 2 * v.load[0][0]) < 1e-12);
    assert.throws(() => loadPerWindow(run, { windowMs: 5000, workMs: 10, workers: [1, 2] }), /workers must hold one count per server \(4\)/);
    assert.throws(() => loadPerWindow(run, { windowMs: 0, workMs: 10, workers: 2 }), /windowMs/);
    assert.throws(() => loadPerWindow(run, { window: 5, workMs: 10, workers: 2 } as never), /unknown option "window"/);
    assert.throws(() => loadPerWindow({} as ClusterResult, { windowMs: 5000, workMs: 10, workers: 2 }), /loadPerWindow: result must be/);
  });
});
