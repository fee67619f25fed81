/**
 * EventHeap pops exactly the order of a plain reference, a list kept sorted by
 * (time, sequence): for any interleaving of pushes, pops and peeks, with many equal
 * times or none, from one event to more than 10^5 (past the depth where the heap
 * switches from branch-free to branching child choice), growing from capacity 1,
 * with the heap's own sequence numbers or the caller's.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { EventHeap } from '../../lib/sim/eventHeap';

const SEED = 20_260_511;

/** An event as the reference holds it. */
interface Ev {
  t: number;
  seq: number;
  kind: number;
  payload: number;
}

/** The reference: an array sorted by (time, sequence) from `head` on, binary insertion. */
class SortedReference {
  private readonly items: Ev[] = [];
  private head = 0;
  get size(): number {
    return this.items.length - this.head;
  }
  first(): Ev | undefined {
    return this.items[this.head];
  }
  shift(): Ev | undefined {
    return this.head < this.items.length ? this.items[this.head++] : undefined;
  }
  push(e: Ev): void {
    let lo = this.head;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const m = this.items[mid];
      if (m.t < e.t || (m.t === e.t && m.seq < e.seq)) lo = mid + 1;
      else hi = mid;
    }
    this.items.splice(lo, 0, e);
  }
  /** Adds many events at once (one sort, for deep heaps). */
  pushAll(es: Ev[]): void {
    this.items.push(...es);
    const rest = this.items.splice(this.head).sort((a, b) => a.t - b.t || a.seq - b.seq);
    for (const e of rest) this.items.push(e);
  }
}

/** Pops one event from both and asserts they agree. */
function popBoth(heap: EventHeap, ref: SortedReference, where: string): void {
  const expected = ref.shift();
  const popped = heap.pop();
  assert.equal(popped, expected !== undefined, `${where}: pop() result`);
  if (expected === undefined) return;
  assert.deepEqual(
    { t: heap.lastTime, kind: heap.lastKind, payload: heap.lastPayload },
    { t: expected.t, kind: expected.kind, payload: expected.payload },
    `${where}: popped event`,
  );
}

/** Asserts the heap's size and earliest event agree with the reference. */
function peekBoth(heap: EventHeap, ref: SortedReference, where: string): void {
  assert.equal(heap.size, ref.size, `${where}: size`);
  const head = ref.first();
  assert.equal(heap.peekTime(), head === undefined ? Infinity : head.t, `${where}: peekTime`);
  assert.equal(heap.peekSeq(), head === undefined ? Infinity : head.seq, `${where}: peekSeq`);
}

type Op = { op: 'push'; dt: number; kind: number } | { op: 'pop' } | { op: 'peek' };

/** Delays after the clock: few distinct values (many ties), continuous ones, zero, Infinity. */
const delay = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 3 }) },
  { weight: 4, arbitrary: fc.double({ min: 0, max: 1000, noNaN: true }) },
  { weight: 1, arbitrary: fc.constant(Infinity) },
);
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('push' as const), dt: delay, kind: fc.integer({ min: 0, max: 9 }) }) },
  { weight: 4, arbitrary: fc.constant({ op: 'pop' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'peek' as const }) },
);

/**
 * Runs `ops` on a heap and the reference as a simulation would (times ≥ the clock, the
 * clock at the last popped finite time), after `initial` events pushed at once; then
 * drains both.
 */
function runOps(ops: Op[], capacity: number, callerSeq: boolean, initial: number[] = []): void {
  const heap = new EventHeap(capacity);
  const ref = new SortedReference();
  let now = 0;
  let seq = 0;
  // Caller-given sequence numbers: increasing, with gaps (as when shared with other queues).
  const nextSeq = (k: number): number => (callerSeq ? (seq += 1 + (k % 3)) : seq++);
  const push = (t: number, kind: number, payload: number, s: number): void => {
    if (callerSeq) heap.push(t, kind, payload, s);
    else heap.push(t, kind, payload);
  };
  const bulk = initial.map((t, k) => ({ t, seq: nextSeq(k), kind: k % 10, payload: -k }));
  for (const e of bulk) push(e.t, e.kind, e.payload, e.seq);
  ref.pushAll(bulk);
  ops.forEach((o, k) => {
    const where = `op ${k} (${o.op})`;
    if (o.op === 'push') {
      const e = { t: now + o.dt, seq: nextSeq(k), kind: o.kind, payload: k };
      push(e.t, e.kind, e.payload, e.seq);
      ref.push(e);
    } else if (o.op === 'pop') {
      const head = ref.first();
      popBoth(heap, ref, where);
      if (head !== undefined && head.t !== Infinity) now = head.t;
    } else peekBoth(heap, ref, where);
  });
  while (ref.size > 0) popBoth(heap, ref, 'drain');
  peekBoth(heap, ref, 'empty');
  assert.equal(heap.pop(), false);
}

describe('EventHeap order against a sorted reference', () => {
  it('any interleaving of pushes, pops and peeks, ties included, growing from a small capacity', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), fc.integer({ min: 1, max: 8 }), fc.boolean(), (ops, capacity, callerSeq) =>
        runOps(ops, capacity, callerSeq),
      ),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('many events at Infinity (scheduled but never due) among a few finite ones', () => {
    const farOp: fc.Arbitrary<Op> = fc.oneof(
      { weight: 5, arbitrary: fc.record({ op: fc.constant('push' as const), dt: fc.constantFrom(0, 1, Infinity, Infinity, Infinity), kind: fc.integer({ min: 0, max: 9 }) }) },
      { weight: 3, arbitrary: fc.constant({ op: 'pop' as const }) },
    );
    fc.assert(
      fc.property(fc.array(farOp, { maxLength: 300 }), fc.boolean(), (ops, callerSeq) => runOps(ops, 1, callerSeq)),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('shallow heaps: one or two events pending, each pop followed by a push', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 }), fc.array(delay, { minLength: 1, maxLength: 200 }), (pending, delays) => {
        const ops: Op[] = [];
        for (let i = 0; i < pending; i++) ops.push({ op: 'push', dt: delays[i % delays.length], kind: i });
        delays.forEach((dt, i) => ops.push({ op: 'pop' }, { op: 'push', dt, kind: i % 10 }, ...(i % 7 === 0 ? [{ op: 'peek' as const }] : [])));
        runOps(ops, 1, false);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('deep heaps (up to 1.2·10^5 events, past the branch-free depth) in the hold model, then drained', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 33_000, max: 120_000 }),
        fc.constantFrom(4, 1000, 1e9),
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        (pending, spread, start) => {
          // A small linear congruential generator: spread 4 gives ties everywhere, 1e9 almost none.
          let x = start;
          const next = (): number => ((x = (x * 48271) % 2147483647), x % spread);
          const initial = Array.from({ length: pending }, next);
          const ops: Op[] = [];
          for (let i = 0; i < 3000; i++) ops.push({ op: 'pop' }, { op: 'push', dt: next(), kind: i % 10 });
          runOps(ops, 1024, false, initial);
        },
      ),
      { seed: SEED, numRuns: 6 },
    );
  });
});
