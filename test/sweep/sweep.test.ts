import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { exponential } from '../../lib/random/exponential';
import { mm1 } from '../../lib/sim/queues/queueTheory';
import { simulateQueue } from '../../lib/sim/queues/simulateQueue';
import { replicate } from '../../lib/stats/replicate';
import { mergeShards, sweepShard } from '../../lib/sweep/shards';
import { sweep, type SweepOptions } from '../../lib/sweep/sweep';
import { sweepPool } from '../../lib/sweep/sweepPool';
import type { SweepSpec } from '../../lib/sweep/sweepSpec';

const SPEC: SweepSpec = {
  model: 'simulateQueue',
  seed: 7,
  runs: 4,
  options: { workers: 1, serviceTime: { kind: 'exponential', meanMs: 10 }, requests: 5_000 },
  grid: { arrivalRate: [40, 60, 80], 'serviceTime.meanMs': [8, 10] },
  metrics: ['summary.mean', 'summary.p99'],
};

describe('sweep', function () {
  this.timeout(120_000);

  it('gives one row per grid point (last key fastest), each metric a replicated mean with its interval', async () => {
    const table = await sweep(SPEC);
    const rows = table.objects() as Record<string, number>[];
    assert.deepEqual(rows.map((r) => [r.arrivalRate, r['serviceTime.meanMs']]), [[40, 8], [40, 10], [60, 8], [60, 10], [80, 8], [80, 10]]);
    const same = replicate({ runs: 4, seed: 7, run: (rng) => simulateQueue({ workers: 1, serviceTime: exponential(10), requests: 5_000, arrivalRate: 60, rng }).summary.p99 });
    assert.equal(rows[3]['summary.p99'], same.mean);
    assert.equal(rows[3]['summary.p99 ciLow'], same.ciLow);
    assert.equal(rows[3]['summary.p99 ciHigh'], same.ciHigh);
    assert.equal(rows[3]['summary.p99 sd'], same.sd);
    assert.equal(table.provenance.library, 'netlab');
    assert.equal(JSON.parse(table.provenance.spec).runs, 4);
  });

  it('holds M/M/1 theory: the mean latency lies in each point\'s interval (ρ = 0.4–0.8, 8 runs of 20,000)', async () => {
    const rates = [40, 60, 80];
    const table = await sweep({ ...SPEC, runs: 8, options: { ...SPEC.options, requests: 20_000 }, grid: { arrivalRate: rates }, metrics: ['summary.mean'] });
    (table.objects() as Record<string, number>[]).forEach((r, i) => {
      const truth = mm1({ arrivalRate: rates[i], meanServiceMs: 10 }).meanLatencyMs;
      assert.ok(r['summary.mean ciLow'] <= truth && truth <= r['summary.mean ciHigh'], `ρ ${rates[i] / 100}: ${truth} outside [${r['summary.mean ciLow']}, ${r['summary.mean ciHigh']}]`);
    });
  });

  it('gives a byte-identical table on 1 and 2 worker threads, and reports progress', async () => {
    const progress: number[] = [];
    const one = await sweep({ ...SPEC, workers: 1 });
    const two = await sweep({ ...SPEC, workers: 2, onProgress: (done) => progress.push(done) });
    assert.equal(two.toCSV(), one.toCSV());
    assert.deepEqual(progress, [1, 2, 3, 4, 5, 6]);
  });

  it('keeps its worker threads for the next sweep, after an error too, and never keeps the process alive', async () => {
    await sweep({ ...SPEC, workers: 2 });
    const threadIds = () => sweepPool().threads.map((t) => t.threadId).sort();
    const first = threadIds();
    assert.equal(first.length, 2);
    await sweep({ ...SPEC, workers: 2, seed: 8 });
    assert.deepEqual(threadIds(), first, 'the second sweep ran on the first one\'s threads');
    await assert.rejects(sweep({ ...SPEC, workers: 2, grid: { arrivalRate: [-1, 40, 60] } }), /grid point 0 \(arrivalRate = -1\)/);
    const after = await sweep({ ...SPEC, workers: 2 });
    assert.equal(after.toCSV(), (await sweep(SPEC)).toCSV());
    // A script that sweeps on threads ends when its work does, not when idle threads time out (a minute).
    const script = `require(${JSON.stringify(join(__dirname, '../../lib/sweep/sweep.ts'))}).sweep(${JSON.stringify({ ...SPEC, workers: 2 })}).then((t) => console.log(t.numRows()))`;
    const started = process.hrtime.bigint();
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '-e', script], { timeout: 30_000 });
    assert.equal(stdout.trim(), '6');
    assert.ok(Number(process.hrtime.bigint() - started) / 1e9 < 30, 'the script ended on its own');
  });

  it('merges three shards into the one-process table, and refuses a missing or foreign shard', async () => {
    const whole = await sweep(SPEC);
    const shards = [0, 1, 2].map((shard) => JSON.parse(JSON.stringify(sweepShard(SPEC, { shard, of: 3 }))));
    assert.equal(mergeShards([shards[2], shards[0], shards[1]]).toCSV(), whole.toCSV());
    assert.throws(() => mergeShards(shards.slice(0, 2)), /2 of 6 grid points are missing/);
    const foreign = sweepShard({ ...SPEC, seed: 8 }, { shard: 2, of: 3 });
    assert.throws(() => mergeShards([shards[0], shards[1], foreign]), /another sweep/);
    assert.throws(() => mergeShards([shards[0], shards[0]]), /appears twice/);
  });

  it('refuses a bad spec at once, naming the option', () => {
    const bad = (o: object, pattern: RegExp, type: ErrorConstructor = TypeError): void => {
      assert.throws(() => sweep({ ...SPEC, ...o } as SweepOptions), (e: Error) => e instanceof type && pattern.test(e.message), `${JSON.stringify(o)}`);
    };
    bad({ model: 'simulateQeue' }, /sweep model must be one of .*"simulateQueue"/, RangeError);
    bad({ worker: 2 }, /unknown option "worker" \(did you mean "workers"\?\)/);
    bad({ workers: 0 }, /workers must be an integer in \[1, 64\]/, RangeError);
    bad({ grid: {} }, /grid must name at least one option/, RangeError);
    bad({ grid: { arrivalRate: [] } }, /grid.arrivalRate must be a non-empty array/);
    bad({ metrics: ['summary p99'] }, /metrics\[0\] must be a dotted path/);
    bad({ metrics: ['summary.p99', 'summary.p99'] }, /metrics\[1\] repeats "summary.p99"/, RangeError);
    bad({ runs: 1 }, /runs must be an integer in \[2, 10000\]/, RangeError);
    bad({ options: { ...SPEC.options, rng: 1 } }, /options.rng/);
    assert.throws(() => sweepShard(SPEC, { shard: 3, of: 3 }), /shard must be an integer in \[0, 2\]/);
  });

  it('names a metric the model does not report, and a model error with its grid point', async () => {
    await assert.rejects(sweep({ ...SPEC, metrics: ['summary.men'] }), /simulateQueue's result has no "summary.men" \(did you mean "summary.mean"\?\)/);
    await assert.rejects(sweep({ ...SPEC, workers: 2, metrics: ['summary.p98'] }), /has no "summary.p98"/);
    await assert.rejects(sweep({ ...SPEC, grid: { arrivalRate: [40, -1] } }), /grid point 1 \(arrivalRate = -1\)/);
  });
});
