import { strict as assert } from 'node:assert';
import { StackEvents } from '../../../lib/scenarios/stack/stackEvents';
import { simulateStack, STACK_LAYERS, type StackOptions } from '../../../lib/scenarios';
import { EventHeap } from '../../../lib/sim/eventHeap';
import { createRng, exponential } from '../../../lib/random';

describe('StackEvents: lanes and heaps in one heap\'s order', () => {
  it('pops (time, sequence) order as one heap would, ties and out-of-order lane events included', () => {
    for (const seed of [1, 2, 3]) {
      const rng = createRng(seed);
      const events = new StackEvents(4);
      const heap = new EventHeap(4);
      let now = 0;
      let payload = 0;
      const popped: string[] = [];
      const expected: string[] = [];
      // Each step pops one event (if any) and schedules a few: lane kinds mostly after a fixed delay
      // (in order), sometimes earlier than their lane's last (to a heap); heap kinds at random times;
      // delays of whole milliseconds, so equal times are common.
      for (let step = 0; step < 20_000; step++) {
        for (let k = Math.floor(rng() * 3); k > 0; k--) {
          const kind = Math.floor(rng() * 6);
          const t = now + (kind < 4 && rng() < 0.9 ? kind * 3 : Math.floor(rng() * 10));
          const p = payload++;
          if (kind < 4 && rng() < 0.95) events.schedule(t, kind, p);
          else if (kind === 4) events.scheduleSmall(t, kind, p);
          else events.scheduleLarge(t, kind, p);
          heap.push(t, kind, p);
        }
        if (events.pop(Infinity)) {
          assert.ok(heap.pop());
          now = events.now;
          popped.push(`${events.now}/${events.kind}/${events.payload}`);
          expected.push(`${heap.lastTime}/${heap.lastKind}/${heap.lastPayload}`);
        }
      }
      while (events.pop(Infinity)) {
        heap.pop();
        popped.push(`${events.now}/${events.kind}/${events.payload}`);
        expected.push(`${heap.lastTime}/${heap.lastKind}/${heap.lastPayload}`);
      }
      assert.equal(heap.size, 0);
      assert.deepEqual(popped, expected, `seed ${seed}`);
    }
  });

  it('puts an event of two lanes in the one whose last event is latest but not after it', () => {
    const events = new StackEvents(2);
    events.scheduleEither(20, 0, 1, 1);
    events.scheduleEither(60, 0, 1, 2);
    events.scheduleEither(25, 0, 1, 3);
    events.scheduleEither(65, 0, 1, 4);
    const order: number[] = [];
    while (events.pop(Infinity)) order.push(events.payload);
    assert.deepEqual(order, [1, 3, 2, 4]);
  });

  it('stops before the first event after `until`, changing nothing', () => {
    const events = new StackEvents(1);
    events.schedule(5, 0, 7);
    events.scheduleSmall(10, 3, 8);
    assert.ok(events.pop(5));
    assert.equal(events.pop(9.5), false);
    assert.equal(events.now, 5);
    assert.ok(events.pop(10));
    assert.equal(events.payload, 8);
  });

  it('refuses a time before now', () => {
    const events = new StackEvents(1);
    events.schedule(5, 0, 0);
    events.pop(Infinity);
    assert.throws(() => events.schedule(4, 0, 0), /schedule time must be a number >= now \(5 ms\); got 4/);
    assert.throws(() => events.scheduleLarge(NaN, 0, 0), /got NaN/);
  });
});

describe('simulateStack: columns built on first read', () => {
  const opts = (): StackOptions => ({
    durationMs: 20_000, load: 200, responseBytes: 20_000, bucketMs: 1000,
    l1: { bandwidthMbps: 1000 }, l3: { rttMs: 20 }, l4: { requestsPerConnection: 5 },
    l7: { workers: 8, serviceTime: exponential(20) },
    client: { timeoutMs: 300, retries: 2, retryDelayMs: 50 },
    faults: [{ kind: 'route-withdrawal', atMs: 5000, untilMs: 8000 }], rng: createRng(12),
  });

  it('derives attempt, client, latencyMs, layerMs.L4 and the per-request columns from the kept ones', () => {
    const r = simulateStack(opts());
    const { attempts, requests } = r;
    const n = attempts.request.length;
    assert.ok(r.counts.retries > 0 && attempts.newConnection.some((v) => v === 1));
    const seen = new Map<number, number>();
    const last = new Map<number, number>();
    const clientOf = new Map<number, number>();
    for (let a = 0; a < n; a++) {
      const u = attempts.request[a];
      assert.equal(attempts.attempt[a], seen.get(u) ?? 0);
      seen.set(u, (seen.get(u) ?? 0) + 1);
      last.set(u, a);
      assert.ok(Object.is(attempts.latencyMs[a], attempts.endMs[a] - attempts.startMs[a]));
      if (attempts.newConnection[a] === 0) assert.equal(attempts.layerMs.L4[a], 0);
      // Every attempt of a request comes from its client, one of the 100.
      if (!clientOf.has(u)) clientOf.set(u, attempts.client[a]);
      assert.equal(attempts.client[a], clientOf.get(u));
      assert.ok(attempts.client[a] >= 0 && attempts.client[a] < 100);
    }
    for (let u = 0; u < requests.arrivalMs.length; u++) {
      const a = last.get(u)!;
      assert.equal(requests.attempts[u], seen.get(u));
      assert.equal(requests.outcome[u], attempts.outcome[a]);
      assert.ok(Object.is(requests.latencyMs[u], attempts.endMs[a] - requests.arrivalMs[u]));
    }
    assert.ok(attempts.layerMs.L4.some((v) => v > 0));
  });

  it('keeps its keys in order, enumerable, and each derived column once built', () => {
    const r = simulateStack(opts());
    assert.deepEqual(Object.keys(r.attempts), ['request', 'attempt', 'client', 'startMs', 'endMs', 'latencyMs', 'outcome', 'failedLayer', 'layerMs', 'newConnection']);
    assert.deepEqual(Object.keys(r.attempts.layerMs), [...STACK_LAYERS]);
    assert.deepEqual(Object.keys(r.requests), ['arrivalMs', 'latencyMs', 'outcome', 'attempts']);
    assert.equal(r.attempts.latencyMs, r.attempts.latencyMs);
    assert.equal(r.attempts.layerMs.L4, r.attempts.layerMs.L4);
    assert.equal(r.requests.outcome, r.requests.outcome);
    assert.ok('value' in Object.getOwnPropertyDescriptor(r.attempts, 'latencyMs')!);
    const replaced = new Float64Array(1);
    r.attempts.client = replaced as unknown as Int32Array;
    assert.equal(r.attempts.client, replaced);
  });

  it('builds a column once even on a result frozen before it was read', () => {
    const r = simulateStack(opts());
    Object.freeze(r.attempts);
    const latency = r.attempts.latencyMs;
    assert.equal(r.attempts.latencyMs, latency);
    assert.equal(latency.length, r.counts.attempts);
  });

  it('keeps columns cut to the attempts made, in buffers of their own', () => {
    const r = simulateStack(opts());
    const n = r.counts.attempts;
    for (const column of [r.attempts.request, r.attempts.startMs, r.attempts.endMs, r.attempts.outcome, r.attempts.failedLayer, r.attempts.newConnection, ...STACK_LAYERS.map((l) => r.attempts.layerMs[l])]) {
      assert.equal(column.length, n);
      assert.equal(column.buffer.byteLength, column.byteLength);
    }
  });
});
