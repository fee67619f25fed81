import { strict as assert } from 'node:assert';
import { checkTimeoutMs, checkClock, Deadline, MAX_TIMEOUT_MS } from '../../lib/resilience/timeout';

describe('checkTimeoutMs', () => {
  it('accepts (0, one day] and returns the value', () => {
    assert.equal(checkTimeoutMs('timeoutMs', 0.5), 0.5);
    assert.equal(checkTimeoutMs('timeoutMs', MAX_TIMEOUT_MS), 86_400_000);
  });

  it('names the option and the range for bad values', () => {
    for (const bad of [0, -1, NaN, Infinity, MAX_TIMEOUT_MS + 1]) {
      assert.throws(() => checkTimeoutMs('connectTimeoutMs', bad), /connectTimeoutMs must be a number in \(0, 86400000\]/);
    }
    assert.throws(() => checkTimeoutMs('readTimeoutMs', '100'), (e: Error) => e instanceof TypeError && /readTimeoutMs.*\(0, 86400000\].*"100"/.test(e.message));
    assert.throws(() => checkTimeoutMs('readTimeoutMs', undefined), /readTimeoutMs/);
  });
});

describe('checkClock', () => {
  it('lets time stand still or advance, never go backwards or be non-finite', () => {
    assert.equal(checkClock('f', 5, 5), 5);
    assert.equal(checkClock('f', 6, 5), 6);
    assert.equal(checkClock('f', 0, -Infinity), 0);
    assert.throws(() => checkClock('f', 4, 5), /f: nowMs must not go backwards \(>= 5\); got 4/);
    assert.throws(() => checkClock('f', NaN, 0), /f: nowMs must be a finite number/);
    assert.throws(() => checkClock('f', Infinity, 0), /f: nowMs must be a finite number/);
    assert.throws(() => checkClock('f', -Infinity, -Infinity), /f: nowMs must be a finite number/);
    assert.throws(() => checkClock('f', '7' as unknown as number, 0), TypeError);
  });
});

describe('Deadline', () => {
  it('expires exactly at start + timeout; remaining never below zero', () => {
    const d = new Deadline(1000, 250);
    assert.equal(d.startMs, 1000);
    assert.equal(d.expiresAtMs, 1250);
    assert.equal(d.remainingMs(1100), 150);
    assert.equal(d.remainingMs(1250), 0);
    assert.equal(d.remainingMs(9999), 0);
    assert.equal(d.expired(1249.999), false);
    assert.equal(d.expired(1250), true);
  });

  it('a child deadline is the earlier of the parent and its own timeout', () => {
    const parent = new Deadline(0, 1000);
    assert.equal(parent.child(100, 300).expiresAtMs, 400, 'own timeout is shorter');
    assert.equal(parent.child(800, 500).expiresAtMs, 1000, 'parent expires first');
    assert.equal(parent.child(800, 500).remainingMs(900), 100);
    assert.equal(parent.child(100, 300).child(200, 1000).expiresAtMs, 400, 'grandchild inherits the tightest');
  });

  it('rejects bad inputs naming the option', () => {
    assert.throws(() => new Deadline(0, 0), /timeoutMs must be a number in \(0, 86400000\]; got 0/);
    assert.throws(() => new Deadline(0, -5), /timeoutMs/);
    assert.throws(() => new Deadline(NaN, 5), /startMs/);
    assert.throws(() => new Deadline(Infinity, 5), /startMs must be a finite number/);
  });
});
