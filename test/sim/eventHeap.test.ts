import { strict as assert } from 'node:assert';
import { EventHeap } from '../../lib/sim/eventHeap';
import { createRng } from '../../lib/random';

describe('EventHeap', () => {
  it('pops events in time order, growing past its initial capacity', () => {
    const heap = new EventHeap(4);
    const rng = createRng(3);
    const times = Array.from({ length: 5000 }, () => Math.floor(rng() * 1000));
    times.forEach((t, i) => heap.push(t, 0, i));
    const out: number[] = [];
    while (heap.pop()) out.push(heap.lastTime);
    assert.deepEqual(out, [...times].sort((a, b) => a - b));
  });

  it('runs events scheduled for the same instant first-in first-out', () => {
    const heap = new EventHeap(2);
    [5, 1, 5, 1, 5, 1].forEach((t, i) => heap.push(t, i, i * 10));
    const order: number[] = [];
    while (heap.pop()) order.push(heap.lastPayload);
    assert.deepEqual(order, [10, 30, 50, 0, 20, 40]);
  });
});
