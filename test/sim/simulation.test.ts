import { strict as assert } from 'node:assert';
import { Simulation, Station, startProcess, type Process } from '../../lib/sim';

describe('Simulation', () => {
  it('advances the clock event by event and stops at `until`', () => {
    const sim = new Simulation();
    const seen: [number, number][] = [];
    const TICK = sim.on((payload, now) => {
      seen.push([now, payload]);
      if (payload < 10) sim.after(10, TICK, payload + 1);
    });
    sim.schedule(5, TICK, 0);
    const result = sim.run({ until: 40 });
    assert.deepEqual(seen, [[5, 0], [15, 1], [25, 2], [35, 3]]);
    assert.equal(result.endedBy, 'until');
    assert.equal(result.nowMs, 40);
    assert.equal(sim.run().endedBy, 'empty');
    assert.equal(sim.now, 105);
  });

  it('stops after maxEvents and on stop()', () => {
    const sim = new Simulation();
    const LOOP = sim.on(() => sim.after(1, LOOP));
    sim.after(0, LOOP);
    assert.deepEqual(sim.run({ maxEvents: 100 }), { nowMs: 99, events: 100, endedBy: 'maxEvents' });
    sim.call(0.5, () => sim.stop());
    assert.equal(sim.run().endedBy, 'stop');
    assert.equal(sim.now, 99.5);
  });

  it('runs closures and generator processes, with a station as a Waitable', () => {
    const sim = new Simulation();
    const station = new Station(sim, { workers: 1 });
    const log: string[] = [];
    function* client(name: string, thinkMs: number): Process {
      yield thinkMs;
      const latency = yield station.serve(10);
      log.push(`${name} done at ${sim.now} after ${latency}`);
    }
    startProcess(sim, client('a', 0));
    startProcess(sim, client('b', 5));
    sim.call(1, () => log.push('tick at 1'));
    sim.run();
    assert.deepEqual(log, ['tick at 1', 'a done at 10 after 10', 'b done at 20 after 15']);
  });

  it('rejects events in the past and bad run bounds', () => {
    const sim = new Simulation();
    const K = sim.on(() => {});
    sim.schedule(10, K);
    sim.run();
    assert.throws(() => sim.schedule(5, K), (e: Error) => e instanceof RangeError && /schedule time/.test(e.message));
    assert.throws(() => sim.after(-1, K), (e: Error) => e instanceof RangeError && /delayMs/.test(e.message));
    assert.throws(() => sim.run({ maxEvents: 0 }), (e: Error) => e instanceof RangeError && /maxEvents/.test(e.message));
    assert.throws(() => sim.run({ until: -5 }), (e: Error) => e instanceof RangeError && /until/.test(e.message));
  });
});

describe('Station', () => {
  it('serves FIFO with c workers, drops beyond the queue limit, and accounts busy time', () => {
    const sim = new Simulation();
    const done: [number, number][] = [];
    const station = new Station(sim, { workers: 2, queueLimit: 1, bucketMs: 10 }, (job, now) => done.push([job, now]));
    const ARRIVE = sim.on((job) => station.submit(job, 10));
    for (let j = 0; j < 5; j++) sim.schedule(0, ARRIVE, j);
    sim.run();
    // Jobs 0 and 1 start at once, job 2 waits, jobs 3 and 4 find the queue full.
    assert.deepEqual(done, [[0, 10], [1, 10], [2, 20]]);
    assert.equal(station.dropped, 2);
    assert.equal(station.served, 3);
    assert.equal(station.utilisation(20), 30 / 40);
    assert.deepEqual(Array.from(station.busyByBucket.slice(0, 2)), [20, 10]);
    assert.equal(station.maxQueueByBucket[0], 1);
  });

  it('rejects bad options naming them', () => {
    const sim = new Simulation();
    assert.throws(() => new Station(sim, { workers: 0 }), (e: Error) => e instanceof RangeError && /workers/.test(e.message));
    assert.throws(() => new Station(sim, { workers: 1, queueLimit: -1 }), (e: Error) => e instanceof RangeError && /queueLimit/.test(e.message));
    assert.throws(() => new Station(sim, { workers: 1.5 }), (e: Error) => e instanceof RangeError && /workers/.test(e.message));
  });
});
