import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { parseSweepArgs } from '../../scripts/sweep';

const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const SPEC = {
  model: 'simulateCluster', seed: 'shards', runs: 3,
  options: { servers: 4, serviceTime: { kind: 'exponential', meanMs: 10 }, arrivalRate: 300, requests: 3_000 },
  grid: { balancer: ['random', 'round-robin', 'power-of-two', 'least-connections'], arrivalRate: [200, 300] },
  metrics: ['summary.p99'],
};

function sweepCommand(args: string[]): string {
  const r = spawnSync(TSX, [join(ROOT, 'scripts', 'sweep.ts'), ...args], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

describe('sweep command line: shards and merge', function () {
  this.timeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'netlab-sweep-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('runs a sweep 3 ways as shards and merges them into the one-process table, byte for byte', () => {
    const spec = join(dir, 'spec.json');
    writeFileSync(spec, JSON.stringify(SPEC));
    const whole = sweepCommand([spec]);
    for (const i of [0, 1, 2]) sweepCommand([spec, '--shard', `${i}/3`, '--out', join(dir, `shard-${i}.json`)]);
    sweepCommand(['merge', ...[2, 0, 1].map((i) => join(dir, `shard-${i}.json`)), '--out', join(dir, 'table.csv')]);
    assert.equal(readFileSync(join(dir, 'table.csv'), 'utf8'), whole);
    assert.equal(whole.trim().split('\n').length, 1 + 8);
    const provenance = JSON.parse(readFileSync(join(dir, 'table.provenance.json'), 'utf8'));
    assert.equal(JSON.parse(provenance.spec).seed, 'shards');
  });

  it('refuses a command it does not understand, with the usage', () => {
    assert.throws(() => parseSweepArgs(['spec.json', '--shard', '1of3', '--out', 'x.json']), /--shard takes I\/N/);
    assert.throws(() => parseSweepArgs(['spec.json', '--wokers', '2']), /unknown option --wokers/);
    assert.throws(() => parseSweepArgs(['spec.json', '--shard', '0/2']), /--shard needs a spec and --out/);
    assert.throws(() => parseSweepArgs(['merge']), /name the shard files/);
  });
});
