import { strict as assert } from 'node:assert';
import { keepAliveCosts } from '../../lib/net/connections/keepAliveCosts';
import { handshakeCpu } from '../../lib/net/tcp/handshakeCpu';
import { simulatePorts } from '../../lib/net/connections/simulatePorts';

const BASE = { requestRate: 500, coldRequestMs: 750, warmRequestMs: 190 };

describe('keepAliveCosts: connection costs divided by the requests per connection', () => {
  it('opens requestRate / k connections per second and shares the cold request among k', () => {
    for (const k of [1, 2, 5, 10, 100]) {
      const c = keepAliveCosts({ ...BASE, requestsPerConnection: k });
      assert.equal(c.requestsPerConnection, k);
      assert.ok(Math.abs(c.newConnectionsPerSecond - 500 / k) < 1e-9, `k=${k}: ${c.newConnectionsPerSecond}`);
      assert.ok(Math.abs(c.meanRequestMs - (750 + (k - 1) * 190) / k) < 1e-9, `k=${k}: ${c.meanRequestMs}`);
      assert.ok(Math.abs(c.handshakeCores - (500 / k) / 1000) < 1e-12, `k=${k}: ${c.handshakeCores}`);
    }
  });

  it('matches simulatePorts and handshakeCpu for the same connection rate', () => {
    const c = keepAliveCosts({ ...BASE, requestsPerConnection: 1, fullHandshakeMs: 2 });
    const ports = simulatePorts({ connectionsPerSecond: 500, durationMs: 120_000 });
    assert.equal(c.refusedShare, ports.refused / ports.attempts);
    assert.equal(c.timeWaitSockets, ports.series[ports.series.length - 1].meanTimeWait);
    assert.equal(c.handshakeCores, handshakeCpu({ connectionsPerSecond: 500, fullMs: 2 }).coreMsPerSecond / 1000);
  });

  it('one request per connection at 500/s exhausts Linux\'s range; two per connection fit, and TIME_WAIT follows Little\'s law', () => {
    const one = keepAliveCosts({ ...BASE, requestsPerConnection: 1 });
    const two = keepAliveCosts({ ...BASE, requestsPerConnection: 2 });
    const ten = keepAliveCosts({ ...BASE, requestsPerConnection: 10 });
    assert.ok(one.refusedShare > 0);
    assert.equal(two.refusedShare, 0);
    assert.ok(Math.abs(two.timeWaitSockets - 250 * 60) < 1, `${two.timeWaitSockets}`);
    assert.ok(Math.abs(ten.timeWaitSockets - 50 * 60) < 1, `${ten.timeWaitSockets}`);
  });

  it('a wider range or a shorter TIME_WAIT removes the refusals', () => {
    assert.equal(keepAliveCosts({ ...BASE, requestsPerConnection: 1, ports: 64_512 }).refusedShare, 0);
    assert.equal(keepAliveCosts({ ...BASE, requestsPerConnection: 1, timeWaitMs: 30_000 }).refusedShare, 0);
  });

  it('refuses unknown keys and out-of-range values, naming the option', () => {
    assert.throws(() => keepAliveCosts({ ...BASE, requestsPerConnection: 2, requestRat: 5 } as never), (e: Error) => e instanceof TypeError && /requestRat/.test(e.message) && /requestRate/.test(e.message));
    assert.throws(() => keepAliveCosts({ ...BASE, requestsPerConnection: 0.5 }), (e: Error) => e instanceof RangeError && /requestsPerConnection/.test(e.message));
    assert.throws(() => keepAliveCosts({ ...BASE, requestRate: 0, requestsPerConnection: 1 }), (e: Error) => e instanceof RangeError && /requestRate/.test(e.message));
    assert.throws(() => keepAliveCosts({ ...BASE, requestsPerConnection: 1, coldRequestMs: -1 }), (e: Error) => e instanceof RangeError && /coldRequestMs/.test(e.message));
    assert.throws(() => keepAliveCosts({ ...BASE, requestsPerConnection: 1, ports: 70_000 }), (e: Error) => e instanceof RangeError && /ports/.test(e.message));
    assert.throws(() => keepAliveCosts({ ...BASE, requestsPerConnection: '2' as never }), (e: Error) => e instanceof TypeError && /requestsPerConnection/.test(e.message));
  });
});
