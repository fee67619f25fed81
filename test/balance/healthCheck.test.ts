import { strict as assert } from 'node:assert';
import { checkHealthCheck, detectionBoundMs, healthTransitions } from '../../lib/balance/cluster/healthCheck';

describe('health checks', () => {
  const hc = checkHealthCheck('healthCheck', { intervalMs: 1000, timeoutMs: 300, unhealthyThreshold: 3, healthyThreshold: 2 });

  it('takes a server out after the third failed probe times out, and back after two good probes', () => {
    // Probes at 100, 1100, 2100, …; down during [2500, 7000).
    const t = healthTransitions([{ fromMs: 2500, toMs: 7000 }], hc, 100, 20_000);
    // Failing probes at 3100, 4100, 5100 → out at 5100 + 300; good probes at 7100, 8100 → back at 8100.
    assert.deepEqual(t, [
      { atMs: 5400, healthy: false },
      { atMs: 8100, healthy: true },
    ]);
  });

  it('ignores a failure shorter than the threshold', () => {
    assert.deepEqual(healthTransitions([{ fromMs: 2500, toMs: 4500 }], hc, 100, 20_000), []);
  });

  it('a failure for good leaves the server out; detection never exceeds the bound', () => {
    for (let phase = 0; phase < 1000; phase += 37) {
      for (const at of [0, 10, 999, 12_345.6]) {
        const t = healthTransitions([{ fromMs: at, toMs: Infinity }], hc, phase, 100_000);
        assert.equal(t.length, 1);
        assert.equal(t[0].healthy, false);
        const delay = t[0].atMs - at;
        assert.ok(delay > 2 * hc.intervalMs && delay <= detectionBoundMs(hc), `delay ${delay} at phase ${phase}`);
      }
    }
  });

  it('only reports transitions whose probes were sent before the horizon', () => {
    assert.deepEqual(healthTransitions([{ fromMs: 2500, toMs: Infinity }], hc, 100, 4000), []);
  });

  it('names bad options', () => {
    assert.throws(() => checkHealthCheck('healthCheck', { intervalMs: 0 }), /healthCheck.intervalMs must be/);
    assert.throws(() => checkHealthCheck('healthCheck', { intervalMs: 1000, timeoutMs: 2000 }), /healthCheck.timeoutMs .*got 2000/);
    assert.throws(() => checkHealthCheck('healthCheck', { unhealthyThreshold: 0 }), /healthCheck.unhealthyThreshold/);
  });
});
