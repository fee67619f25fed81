import assert from 'node:assert/strict';
import { assignedColors, colorFor, ecdfFigure, histogramFigure, PALETTE, resetColors } from '../../lib/plot';

describe('plot/palette', () => {
  beforeEach(() => resetColors());

  it('hands out palette colours in order of first use and repeats them for the same name', () => {
    assert.equal(colorFor('HTTP/1.1'), PALETTE[0]);
    assert.equal(colorFor('HTTP/2'), PALETTE[1]);
    assert.equal(colorFor('HTTP/1.1'), PALETTE[0]);
    assert.deepEqual(assignedColors(), { 'HTTP/1.1': PALETTE[0], 'HTTP/2': PALETTE[1] });
  });

  it('resetColors starts again from the first colour', () => {
    colorFor('a');
    colorFor('b');
    resetColors();
    assert.equal(colorFor('b'), PALETTE[0]);
  });

  it('cycles after the palette is used up', () => {
    for (let i = 0; i < PALETTE.length; i++) colorFor(`c${i}`);
    assert.equal(colorFor('one more'), PALETTE[0]);
  });

  it('palette colours are distinct hex colours', () => {
    assert.equal(new Set(PALETTE).size, PALETTE.length);
    for (const c of PALETTE) assert.match(c, /^#[0-9A-F]{6}$/);
  });

  it('keeps the same colour for a configuration across two different figures', () => {
    const a = ecdfFigure([{ name: 'origin', values: [1, 2] }, { name: 'CDN', values: [3, 4] }]);
    const b = histogramFigure([{ name: 'CDN', values: [1, 2] }, { name: 'origin', values: [3, 4] }]);
    const color = (fig: typeof a, name: string) => {
      const t = fig.data.find((d) => d.name === name) as { line?: { color?: string }; marker?: { color?: unknown } };
      return t.line?.color ?? t.marker?.color;
    };
    assert.equal(color(a, 'origin'), PALETTE[0]);
    assert.equal(color(b, 'origin'), PALETTE[0]);
    assert.equal(color(a, 'CDN'), color(b, 'CDN'));
    assert.notEqual(color(a, 'CDN'), color(a, 'origin'));
  });

  it('a colors override wins and takes no slot in the registry', () => {
    const fig = ecdfFigure([{ name: 'x', values: [1] }, { name: 'y', values: [2] }], { colors: { x: '#123456' } });
    assert.equal((fig.data[0] as { line: { color: string } }).line.color, '#123456');
    assert.equal((fig.data[1] as { line: { color: string } }).line.color, PALETTE[0]);
  });
});
