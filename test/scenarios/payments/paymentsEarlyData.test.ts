import { strict as assert } from 'node:assert';
import { simulateEarlyDataReplay, type EarlyDataReplayOptions } from '../../../lib/scenarios/payments/earlyDataReplay';
import { safeAsEarlyData } from '../../../lib/net/tcp/tls';
import { createRng } from '../../../lib/random/rng';

const run = (over: Partial<EarlyDataReplayOptions>): ReturnType<typeof simulateEarlyDataReplay> => simulateEarlyDataReplay({
  requests: 100_000, earlyData: 'always', replayRate: 0.01, idempotencyKeys: false, rng: createRng(5), ...over,
});

describe('simulateEarlyDataReplay', () => {
  it('keeps a POST out of early data under the rule, at one round trip per request', () => {
    assert.equal(safeAsEarlyData('POST'), false);
    const r = run({ earlyData: 'when-safe', replayRate: 1 });
    assert.deepEqual([r.sentAsEarlyData, r.replaysDelivered, r.duplicateCharges, r.handshakeRoundTrips], [0, 0, 0, 100_000]);
    const get = run({ earlyData: 'when-safe', method: 'GET', replayRate: 1 });
    assert.deepEqual([get.sentAsEarlyData, get.handshakeRoundTrips, get.duplicateCharges], [100_000, 0, 0]);
    assert.equal(get.executions, 200_000); // the GET ran twice, harmlessly
  });
  it('charges once more per replay without keys, at the replay rate', () => {
    // 100 000 requests, each replayed with probability 0.01 (3 copies): binomial, tolerance 4 standard errors.
    const r = run({ replays: 3 });
    const expected = 100_000 * 0.01;
    const se = Math.sqrt(100_000 * 0.01 * 0.99);
    assert.ok(Math.abs(r.replaysDelivered / 3 - expected) < 4 * se, `${r.replaysDelivered / 3}`);
    assert.equal(r.duplicateCharges, r.replaysDelivered);
    assert.equal(r.sentAsEarlyData, 100_000);
    assert.equal(r.handshakeRoundTrips, 0);
  });
  it('catches every replay with keys, and with anti-replay on a single server', () => {
    const keyed = run({ replays: 3 });
    const withKeys = run({ replays: 3, idempotencyKeys: true });
    assert.equal(withKeys.replaysDelivered, keyed.replaysDelivered); // same draws
    assert.deepEqual([withKeys.duplicateCharges, withKeys.caughtByKeys, withKeys.executions], [0, withKeys.replaysDelivered, 100_000]);
    const guarded = run({ replays: 3, antiReplay: true });
    assert.deepEqual([guarded.duplicateCharges, guarded.refusedByAntiReplay], [0, guarded.replaysDelivered]);
  });
  it('lets anti-replay limit replays to one per server instance (RFC 8446 §8), not to zero', () => {
    // 100 copies over 4 instances miss one with probability ≈ 3·(3/4)^100 ≈ 10^-12: every instance is hit.
    const r = run({ requests: 1000, replayRate: 1, replays: 100, antiReplay: true, serverInstances: 4 });
    assert.equal(r.duplicateCharges, 3000);
    assert.equal(r.refusedByAntiReplay, 1000 * 100 - 3000);
    const keyed = run({ requests: 1000, replayRate: 1, replays: 100, antiReplay: true, serverInstances: 4, idempotencyKeys: true });
    assert.deepEqual([keyed.duplicateCharges, keyed.caughtByKeys], [0, 3000]);
  });
  it('is deterministic and names bad input', () => {
    assert.deepEqual(run({ replays: 2, serverInstances: 3, antiReplay: true }), run({ replays: 2, serverInstances: 3, antiReplay: true }));
    assert.throws(() => run({ method: '' }), /method/);
    assert.throws(() => run({ earlyData: 'sometimes' as 'always' }), /earlyData/);
    assert.throws(() => run({ replayRate: 2 }), /replayRate/);
    assert.throws(() => run({ replays: 0 }), /replays/);
    assert.throws(() => run({ serverInstances: 0 }), /serverInstances/);
    assert.throws(() => run({ requests: 0 }), /requests/);
    assert.throws(() => run({ replay: 1 } as Partial<EarlyDataReplayOptions>), /simulateEarlyDataReplay: unknown option "replay" \(did you mean "replays"\?\)/);
    assert.throws(() => run({ antiReplay: null } as never), /simulateEarlyDataReplay: option antiReplay is null/);
    assert.throws(() => run({ method: 5 } as never), /method/);
  });
  it("keeps the replay draws when the deployment changes (one stream for replays, one for instances)", () => {
    const one = run({ replays: 3, serverInstances: 1 });
    const many = run({ replays: 3, serverInstances: 50, antiReplay: true });
    assert.equal(one.replaysDelivered, many.replaysDelivered);
    assert.ok(one.replaysDelivered > 0 && many.refusedByAntiReplay > 0);
  });
});
