import { strict as assert } from 'node:assert';
import { CircuitBreaker, circuitBreaker, type BreakerState } from '../../lib/resilience/circuitBreaker';
import { createRng } from '../../lib/random/rng';

const T = (atMs: number, from: BreakerState, to: BreakerState): { atMs: number; from: BreakerState; to: BreakerState } => ({ atMs, from, to });

describe('CircuitBreaker', () => {
  it('follows the handbook diagram with exact times: open, cooldown, failed probe, successful probe', () => {
    const b = circuitBreaker({ failureRate: 0.5, minimumRequests: 4, cooldownMs: 1000 });
    b.record(0, false);
    b.record(10, false);
    b.record(20, false);
    assert.equal(b.state(20), 'closed', '3/3 failures but minimumRequests 4 not reached');
    assert.equal(b.allow(25), true);
    b.record(30, true); // 3 failures of 4 = 0.75 ≥ 0.5
    assert.equal(b.state(30), 'open');
    assert.equal(b.allow(500), false);
    b.record(600, false); // late answer of a call allowed before: ignored, no new cooldown
    assert.equal(b.ignored, 1);
    assert.equal(b.state(1029.5), 'open');
    assert.equal(b.allow(1500), true, 'the probe (half-open noticed lazily)');
    assert.equal(b.allow(1501), false, 'only one probe');
    b.record(1600, false); // probe fails: open again, cooldown from 1600
    assert.equal(b.allow(2599), false);
    assert.equal(b.state(2600), 'half-open');
    assert.equal(b.allow(2700), true);
    b.record(2750, true); // probe succeeds: closed, window cleared
    assert.equal(b.state(2750), 'closed');
    assert.deepEqual(b.windowCounts(), { failures: 0, outcomes: 0 });
    assert.deepEqual(b.transitions, [
      T(30, 'closed', 'open'),
      T(1030, 'open', 'half-open'),
      T(1600, 'half-open', 'open'),
      T(2600, 'open', 'half-open'),
      T(2750, 'half-open', 'closed'),
    ]);
    assert.equal(b.rejected, 3);
    // After closing, old failures are forgotten: three new failures are below minimumRequests again.
    for (let t = 2800; t < 2830; t += 10) b.record(t, false);
    assert.equal(b.state(2830), 'closed');
    b.record(2840, false);
    assert.deepEqual(b.transitions[5], T(2840, 'closed', 'open'));
  });

  it("does not take a late answer of a call started before it opened for the probe's", () => {
    const b = circuitBreaker({ failureRate: 0.5, minimumRequests: 2, cooldownMs: 100 });
    b.record(0, false);
    b.record(10, false); // open at 10, half-open from 110
    assert.equal(b.allow(120), true, 'the probe');
    b.record(150, true, 5); // a call started at 5, answered late: not the probe
    assert.equal(b.state(150), 'half-open');
    assert.equal(b.ignored, 1);
    b.record(160, true, 120); // the probe itself
    assert.equal(b.state(160), 'closed');
    b.record(170, false, 100); // started while open (impossible for an allowed call) or before: ignored
    assert.deepEqual(b.windowCounts(), { failures: 0, outcomes: 0 });
    assert.throws(() => b.record(180, true, 190), /startedMs must be a number <= nowMs \(180\); got 190/);
  });

  it('counts only the last windowRequests outcomes and opens exactly at the threshold', () => {
    const b = new CircuitBreaker({ failureRate: 0.6, minimumRequests: 5, windowRequests: 5, cooldownMs: 100 });
    const outcomes = [false, false, true, true, true, false, false];
    outcomes.forEach((ok, i) => b.record(i, ok));
    // Windows: FFOOO 2/5, FOOOF 2/5, OOOFF 2/5: still closed.
    assert.equal(b.state(6), 'closed');
    assert.deepEqual(b.windowCounts(), { failures: 2, outcomes: 5 });
    b.record(7, false); // OOFFF = 3/5 = 0.6
    assert.deepEqual(b.transitions, [T(7, 'closed', 'open')]);
  });

  it('a larger window needs minimumRequests before it may open', () => {
    const b = new CircuitBreaker({ failureRate: 0.5, minimumRequests: 10, windowRequests: 20, cooldownMs: 100 });
    for (let i = 0; i < 9; i++) b.record(i, false);
    assert.equal(b.state(9), 'closed', '9 failures of 9, below minimumRequests 10');
    b.record(9, false);
    assert.equal(b.state(9), 'open');
    const never = new CircuitBreaker({ failureRate: 1, minimumRequests: 3, cooldownMs: 100 });
    for (let i = 0; i < 300; i++) never.record(i, i % 3 !== 0);
    assert.equal(never.state(300), 'closed', 'failureRate 1 needs every outcome in the window to fail');
  });

  it('with several probes: all must succeed to close, any failure re-opens, extra calls are rejected', () => {
    const b = new CircuitBreaker({ failureRate: 0.5, minimumRequests: 2, cooldownMs: 50, halfOpenProbes: 3 });
    b.record(0, false);
    b.record(1, false);
    assert.equal(b.state(51), 'half-open');
    b.record(52, true); // no probe out yet: a late answer, ignored
    assert.equal(b.ignored, 1);
    assert.deepEqual([b.allow(53), b.allow(53), b.allow(53), b.allow(53)], [true, true, true, false]);
    b.record(60, true);
    b.record(61, true);
    assert.equal(b.state(61), 'half-open', 'two of three probes back');
    b.record(62, true);
    assert.equal(b.state(62), 'closed');
    b.record(70, false);
    b.record(71, false);
    assert.deepEqual([b.allow(121), b.allow(121)], [true, true]);
    b.record(122, true);
    b.record(123, false); // the second probe fails: open again, the third is never asked for
    assert.deepEqual(b.transitions.slice(3), [T(71, 'closed', 'open'), T(121, 'open', 'half-open'), T(123, 'half-open', 'open')]);
    assert.equal(b.rejected, 1);
  });

  it('same outcomes, same transitions over a million calls', () => {
    const run = (): unknown => {
      const rng = createRng('breaker');
      const b = new CircuitBreaker({ failureRate: 0.3, minimumRequests: 20, windowRequests: 100, cooldownMs: 500 });
      for (let t = 0; t < 1_000_000; t++) if (b.allow(t)) b.record(t + 0.5, rng() > 0.25);
      return { transitions: b.transitions, rejected: b.rejected };
    };
    const a = run();
    assert.deepEqual(a, run());
    assert.ok((a as { transitions: unknown[] }).transitions.length > 10, 'a 25 % failure rate flaps around a 30 % threshold');
  });

  it('rejects bad options naming them and the range', () => {
    const ok = { failureRate: 0.5, minimumRequests: 10, cooldownMs: 1000 };
    assert.throws(() => circuitBreaker({ ...ok, failureRate: 0 }), /failureRate must be a number in \(0, 1\]; got 0/);
    assert.throws(() => circuitBreaker({ ...ok, failureRate: 1.5 }), /failureRate must be a number in \(0, 1\]; got 1.5/);
    assert.throws(() => circuitBreaker({ ...ok, minimumRequests: 0 }), /minimumRequests must be an integer in \[1, 1000000\]; got 0/);
    assert.throws(() => circuitBreaker({ ...ok, minimumRequests: 2.5 }), /minimumRequests must be an integer/);
    assert.throws(() => circuitBreaker({ ...ok, windowRequests: 5 }), /windowRequests must be an integer in \[10, 1000000\]; got 5/);
    assert.throws(() => circuitBreaker({ ...ok, cooldownMs: 0 }), /cooldownMs must be a number in \(0, 86400000\]; got 0/);
    assert.throws(() => circuitBreaker({ ...ok, halfOpenProbes: 0 }), /halfOpenProbes must be an integer in \[1, 1000\]; got 0/);
    assert.throws(() => circuitBreaker({ ...ok, threshold: 3 } as unknown as typeof ok), { name: 'TypeError', message: /^circuitBreaker: unknown option "threshold"; known options: failureRate, / });
    assert.throws(() => circuitBreaker({ ...ok, cooldownMS: 5 } as unknown as typeof ok), { name: 'TypeError', message: /unknown option "cooldownMS" \(did you mean "cooldownMs"\?\)/ });
    assert.throws(() => circuitBreaker({ ...ok, windowRequests: null } as unknown as typeof ok), { name: 'TypeError', message: /option windowRequests is null/ });
    const b = circuitBreaker(ok);
    b.record(10, true);
    assert.throws(() => b.allow(5), /CircuitBreaker.allow: nowMs must not go backwards \(>= 10\); got 5/);
    assert.throws(() => b.record(11, 1 as unknown as boolean), /ok must be true or false/);
    assert.throws(() => b.state(NaN), /CircuitBreaker.state: nowMs must be a finite number/);
  });
});
