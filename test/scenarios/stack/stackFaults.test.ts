import { strict as assert } from 'node:assert';
import { FaultTimeline } from '../../../lib/scenarios/stack/faultTimeline';
import { checkFaults as checkFaultsWithin, faultLayer } from '../../../lib/scenarios/stack/stackFaults';

/** Faults whose windows may reach a day. */
const checkFaults = (faults: unknown): ReturnType<typeof checkFaultsWithin> => checkFaultsWithin(faults, 86_400_000);

describe('scenarios/FaultTimeline', () => {
  const base = { rttMs: 20, l3LossRate: 0.01, bandwidthMbps: 1000, requestsPerConnection: 100 };

  it('applies each fault inside its window only, end exclusive', () => {
    const t = new FaultTimeline(checkFaults([
      { kind: 'link-degradation', layer: 'L1', atMs: 100, untilMs: 200, bandwidthMbps: 10, lossRate: 0.1 },
      { kind: 'link-degradation', layer: 'L3', atMs: 150, untilMs: 300, rttMs: 80 },
      { kind: 'port-exhaustion', atMs: 50, untilMs: 60 },
    ]), base);
    assert.deepEqual([t.bandwidthMbps(99), t.bandwidthMbps(100), t.bandwidthMbps(200)], [1000, 10, 1000]);
    assert.deepEqual([t.rttMs(149), t.rttMs(150), t.rttMs(299)], [20, 80, 80]);
    assert.deepEqual([t.requestsPerConnection(49), t.requestsPerConnection(50), t.requestsPerConnection(60)], [100, 1, 100]);
    // Independent drops: 1 − 0.9 × 0.99.
    assert.ok(Math.abs(t.lossRate(120) - (1 - 0.9 * 0.99)) < 1e-12);
    assert.equal(t.l3LossRate(120), 0.01);
    assert.deepEqual(t.changes(), [50, 60, 100, 150, 200, 300]);
  });

  it('finds when a withdrawn route returns, across back-to-back withdrawals', () => {
    const t = new FaultTimeline(checkFaults([
      { kind: 'route-withdrawal', atMs: 10, untilMs: 20 },
      { kind: 'route-withdrawal', atMs: 20, untilMs: 35 },
      { kind: 'route-withdrawal', atMs: 50 },
    ]), base);
    assert.equal(t.routeUpFrom(5), 5);
    assert.equal(t.routeUpFrom(12), 35);
    assert.equal(t.routeUpFrom(60), Infinity);
    assert.equal(t.routeDown(35), false);
  });

  it('names the layer of each fault', () => {
    assert.deepEqual(
      checkFaults([
        { kind: 'dns-misconfiguration', atMs: 0 },
        { kind: 'port-exhaustion', atMs: 0 },
        { kind: 'route-withdrawal', atMs: 0 },
        { kind: 'link-degradation', layer: 'L1', atMs: 0, lossRate: 0.01 },
      ]).map((f) => [f.layer, f.untilMs]),
      [['L7', Infinity], ['L4', Infinity], ['L3', Infinity], ['L1', Infinity]],
    );
    assert.equal(faultLayer({ kind: 'link-degradation', layer: 'L3', atMs: 0, lossRate: 0.1 }), 'L3');
  });

  it('faultLayer takes a fault as given or as a result reports it, and checks it as simulateStack does', () => {
    const [placed] = checkFaultsWithin([{ kind: 'port-exhaustion', atMs: 10, untilMs: 20 }], 1000);
    assert.equal(faultLayer(placed), 'L4');
    assert.equal(faultLayer({ kind: 'route-withdrawal', atMs: 0 }), 'L3');
    assert.throws(() => faultLayer({ ...placed, layer: 'L7' }), (e: Error) => e instanceof RangeError && /fault\.layer must be "L4"/.test(e.message));
    assert.throws(() => faultLayer({ kind: 'route-withdrawal', atMS: 0 } as never), (e: Error) => e instanceof TypeError && /unknown option "fault\.atMS" \(did you mean "fault\.atMs"\?\)/.test(e.message));
    assert.throws(() => faultLayer({ kind: 'dns-misconfiguration', atMs: NaN }), (e: Error) => e instanceof RangeError && /fault\.atMs/.test(e.message));
  });
});
