import { strict as assert } from 'node:assert';
import { Simulation } from '../../lib/sim/simulation';
import { StationBank } from '../../lib/sim/queues/stationBank';

describe('StationBank', () => {
  it('serves FIFO over each station’s workers and measures utilisation', () => {
    const sim = new Simulation();
    const done: [number, number, number][] = [];
    const bank = new StationBank(sim, [1, 2], (job, s, now) => done.push([job, s, now]));
    sim.call(0, () => {
      bank.submit(0, 0, 10);
      bank.submit(0, 1, 10);
      bank.submit(1, 2, 5);
      bank.submit(1, 3, 5);
      bank.submit(1, 4, 5);
    });
    const { nowMs } = sim.run();
    assert.deepEqual(done, [
      [2, 1, 5],
      [3, 1, 5],
      [0, 0, 10],
      [4, 1, 10],
      [1, 0, 20],
    ]);
    assert.equal(nowMs, 20);
    assert.equal(bank.utilisation(0, 20), 1);
    assert.equal(bank.utilisation(1, 20), 15 / 40);
    assert.equal(bank.maxQueue[0], 1);
    assert.deepEqual(Array.from(bank.served), [2, 3]);
  });

  it('a failed station loses its queued and in-service jobs, and their completions never fire', () => {
    const sim = new Simulation();
    const done: number[] = [];
    const lost: number[] = [];
    const bank = new StationBank(sim, [2], (job) => done.push(job));
    sim.call(0, () => {
      for (let j = 0; j < 4; j++) bank.submit(0, j, 10);
    });
    sim.call(5, () => bank.fail(0, (job) => lost.push(job)));
    sim.call(6, () => bank.submit(0, 4, 10));
    sim.run();
    assert.deepEqual(lost, [0, 1, 2, 3]);
    assert.deepEqual(done, [4]);
    assert.equal(bank.utilisation(0, 16), (2 * 5 + 10) / (2 * 16));
  });

  it('a lost completion due at the same time as a later job in its slot is the one ignored', () => {
    const sim = new Simulation();
    const done: [number, number][] = [];
    const bank = new StationBank(sim, [1], (job, _s, now) => done.push([job, now]));
    sim.call(0, () => bank.submit(0, 0, 10));
    sim.call(5, () => bank.fail(0, () => {}));
    sim.call(6, () => bank.submit(0, 1, 4)); // due at 10, like the lost job 0
    sim.call(7, () => bank.submit(0, 2, 1)); // queued behind job 1
    sim.run();
    assert.deepEqual(done, [[1, 10], [2, 11]]);
  });
});
