import { strict as assert } from 'node:assert';
import { mergeIdenticalSeries } from '../../lib/plot/mergeIdenticalSeries';
import { comparisonPanels } from '../../lib/plot/figures/comparisonPanels';

describe('mergeIdenticalSeries', () => {
  const x = [1, 2, 3];
  it('draws identical lines once, labelled together, in input order', () => {
    const out = mergeIdenticalSeries([
      { name: 'long polling', x, y: [5, 6, 7] }, { name: 'SSE', x, y: [1, NaN, 1] }, { name: 'WebSocket', x, y: [1, NaN, 1] }, { name: 'other', x, y: [5, 6, 7], dash: 'dot' },
    ]);
    assert.deepEqual(out.map((s) => s.name), ['long polling = other', 'SSE = WebSocket']);
    assert.deepEqual(Array.from(out[1].y), [1, NaN, 1]);
    assert.equal(out[0].dash, undefined);
  });

  it('keeps lines apart that differ anywhere, in x or in y, or in where they have gaps', () => {
    const out = mergeIdenticalSeries([{ name: 'a', x, y: [1, 2, 3] }, { name: 'b', x, y: [1, 2, 3.0001] }, { name: 'c', x: [1, 2, 4], y: [1, 2, 3] }, { name: 'd', x, y: [1, NaN, 3] }]);
    assert.equal(out.length, 4);
  });

  it('merges near lines only within the stated share of the y range', () => {
    const lines = [{ name: 'a', x, y: [0, 50, 100] }, { name: 'b', x, y: [1, 51, 99] }];
    assert.equal(mergeIdenticalSeries(lines, { within: 0.01 }).length, 1);
    assert.equal(mergeIdenticalSeries(lines, { within: 0.005 }).length, 2);
    assert.equal(mergeIdenticalSeries(lines, { within: 0.01, joiner: ' & ' })[0].name, 'a & b');
  });

  it('refuses wrong input with named errors', () => {
    assert.throws(() => mergeIdenticalSeries([{ name: 'a', x, y: [1, 2] }]), /series\[0\]/);
    assert.throws(() => mergeIdenticalSeries([], { within: 0.5 }), /within/);
    assert.throws(() => mergeIdenticalSeries([], { withn: 0.1 } as never), /within/);
  });
});

describe('comparisonPanels', () => {
  type B = { t: number; a: number; b: number };
  const buckets = (k: number): B[] => [0, 1, 2].map((t) => ({ t, a: t * k, b: 7 }));
  it('gives one panel per signal and one line per run, coinciding runs merged per panel', () => {
    const panels = comparisonPanels<B>([{ name: 'one', buckets: buckets(1) }, { name: 'two', buckets: buckets(2) }],
      [{ title: 'A', yTitle: 'a (ms)', value: (q) => q.a, logY: true }, { title: 'B', yTitle: 'b (ms)', value: (q) => q.b }], { x: (q) => q.t * 10 });
    assert.equal(panels.length, 2);
    assert.deepEqual(panels[0].series.map((s) => s.name), ['one', 'two']);
    assert.deepEqual(Array.from(panels[0].series[1].y), [0, 2, 4]);
    assert.deepEqual(Array.from(panels[0].series[0].x), [0, 10, 20]);
    assert.equal(panels[0].logY, true);
    assert.deepEqual(panels[1].series.map((s) => s.name), ['one = two']);
  });

  it('refuses wrong input with named errors', () => {
    const runs = [{ name: 'one', buckets: buckets(1) }];
    assert.throws(() => comparisonPanels<B>(runs, [{ title: 'A', yTitle: 'a', value: 3 as never }], { x: (q) => q.t }), /panels\[0\]\.value/);
    assert.throws(() => comparisonPanels<B>(runs, [{ title: 'A', ytitle: 'a', value: (q) => q.a } as never], { x: (q) => q.t }), /yTitle/);
    assert.throws(() => comparisonPanels<B>(runs, [{ title: 'A', yTitle: 'a', value: (q) => q.a }], {} as never), /x must be/);
  });
});
