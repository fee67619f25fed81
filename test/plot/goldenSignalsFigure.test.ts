import assert from 'node:assert/strict';
import { figureProblems, goldenSignalsFigure, resetColors, type GoldenSignalBucket, type ScatterTrace } from '../../lib/plot';
import { assertJson } from './helpers';

const bucket = (i: number, p99Ms: number): GoldenSignalBucket => ({
  tMs: i * 1000, offeredRps: 100 + i, throughputRps: 100, errorRps: i > 2 ? 5 : 0, p50Ms: 10, p99Ms, saturation: i / 10,
});

describe('plot/goldenSignalsFigure', () => {
  beforeEach(() => resetColors());

  it('draws latency, traffic, errors and saturation in four panels, at bucket middles in seconds', () => {
    const fig = goldenSignalsFigure([0, 1, 2, 3].map((i) => bucket(i, 40)), { bucketMs: 1000, title: 'run' });
    assertJson(fig);
    assert.deepEqual(figureProblems(fig), []);
    const byName = (name: string): ScatterTrace => fig.data.find((t) => t.name === name) as ScatterTrace;
    assert.deepEqual(byName('p50').x, [0.5, 1.5, 2.5, 3.5]);
    assert.equal(byName('p99').line?.dash, 'dash');
    assert.deepEqual(byName('offered').y, [100, 101, 102, 103]);
    assert.deepEqual(byName('errors').y, [0, 0, 0, 5]);
    assert.equal(byName('busiest resource').yaxis, 'y4');
    assert.equal(fig.layout.yaxis?.type, 'linear');
  });

  it('turns the latency axis logarithmic only when the values span more than two decades', () => {
    const narrow = goldenSignalsFigure([0, 1, 2].map((i) => bucket(i, 500)));
    assert.notEqual(narrow.layout.yaxis?.type, 'log');
    const wide = goldenSignalsFigure([0, 1, 2].map((i) => bucket(i, 5000)));
    assert.equal(wide.layout.yaxis?.type, 'log');
    assert.deepEqual(figureProblems(wide), []);
  });

  it('replaces the saturation line and adds traffic lines when given; drops the succeeded line on null', () => {
    const b = [0, 1, 2].map((i) => bucket(i, 40));
    const fig = goldenSignalsFigure(b, {
      succeededName: null, offeredName: 'attempts',
      traffic: [{ name: 'new requests', x: [0, 1, 2], y: [90, 90, 90] }],
      saturation: [{ name: 'app', x: [0, 1, 2], y: [0.1, 0.2, 0.3] }, { name: 'db', x: [0, 1, 2], y: [0.2, 0.2, 0.2] }],
      saturationTitle: 'utilisation ρ',
    });
    const names = fig.data.map((t) => t.name);
    assert.ok(!names.includes('succeeded') && !names.includes('busiest resource'));
    assert.ok(names.includes('attempts') && names.includes('new requests') && names.includes('app') && names.includes('db'));
  });

  it('accepts buckets with more fields, refuses bad input by name', () => {
    const extra = [0, 1].map((i) => ({ ...bucket(i, 40), requestRps: 3 }));
    assert.doesNotThrow(() => goldenSignalsFigure(extra));
    assert.throws(() => goldenSignalsFigure([bucket(0, 40)]), /goldenSignalsFigure buckets must be a list of at least 2/);
    assert.throws(() => goldenSignalsFigure([bucket(0, 40), { ...bucket(1, 40), p99Ms: '4' as unknown as number }]), /buckets\[1\]\.p99Ms must be a number/);
    assert.throws(() => goldenSignalsFigure([bucket(0, 40), bucket(1, 40)], { bucketMs: -1 }), RangeError);
    assert.throws(() => goldenSignalsFigure([bucket(0, 40), bucket(1, 40)], { bucketms: 1 } as never), /did you mean "bucketMs"/);
  });
});
