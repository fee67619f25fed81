/**
 * saveFigure(): SVG and PNG files of a small figure drawn in headless Chromium, the
 * same bytes for the same figure, and the errors for wrong arguments and for a
 * missing Chromium or playwright-core. The drawing tests are skipped, saying why,
 * when no Chromium is installed (bash scripts/setup.sh --browser installs it).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { lineFigure, saveFigure } from '../../lib/plot';
import { canonicalSvg, findChromium, loadPlaywright, openFigureRenderer, CHROMIUM_PLACES } from '../../lib/plot/output/figureImage';
import { imageSize } from '../../lib/plot/output/saveFigure';

const figure = lineFigure([{ name: 'queue', x: [1, 2, 3, 4], y: [2, 3, 5, 9] }], { title: 'Delay', xTitle: 'load (rps)', yTitle: 'delay (ms)', height: 300 });
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chromiumInstalled(): boolean {
  try {
    findChromium();
    return true;
  } catch {
    return false;
  }
}

describe('plot/saveFigure', function () {
  this.timeout(60_000);
  const dir = mkdtempSync(join(tmpdir(), 'netlab-savefigure-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  describe('drawing (needs Chromium)', () => {
    before(function () {
      if (!chromiumInstalled()) this.skip();
    });

    it('writes an SVG file for a .svg path and resolves to its absolute path', async () => {
      const file = await saveFigure(figure, join(dir, 'delay.svg'), { width: 640 });
      assert.equal(file, join(dir, 'delay.svg'));
      const svg = readFileSync(file, 'utf8');
      assert.match(svg, /^<svg [^>]*\bheight="300"[^>]* width="640"/);
      assert.match(svg, /Delay/);
      assert.match(svg, /<\/svg>$/);
    });

    it('writes a PNG file for a .png path, at twice the CSS pixels', async () => {
      const file = await saveFigure(figure, join(dir, 'delay.PNG'), { width: 400, height: 200 });
      const png = readFileSync(file);
      assert.deepEqual(png.subarray(0, 8), PNG_MAGIC);
      // The IHDR chunk holds width and height as big-endian integers at bytes 16 and 20.
      assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [800, 400]);
    });

    it('gives the same SVG bytes for the same figure, in one browser and in two', async () => {
      const renderer = await openFigureRenderer();
      let inOne: string[];
      try {
        const plain = JSON.parse(JSON.stringify(figure)) as { data: unknown[]; layout: unknown };
        const other = lineFigure([{ name: 'queue', x: [1, 2], y: [4, 1] }, { name: 'link', x: [1, 2], y: [1, 4] }], { title: 'Other', yTitle: 'delay (ms)' });
        // The page's history differs between the two drawings: another figure with the same legend text in between.
        inOne = [await renderer.svg(plain, { width: 500, height: 300 }), await renderer.svg(other as never, { width: 500, height: 300 })];
        inOne[1] = await renderer.svg(plain, { width: 500, height: 300 });
      } finally {
        await renderer.close();
      }
      assert.equal(inOne[0], inOne[1]);
      const a = await saveFigure(figure, join(dir, 'a.svg'), { width: 500 });
      const b = await saveFigure(figure, join(dir, 'b.svg'), { width: 500 });
      assert.equal(readFileSync(a, 'utf8'), readFileSync(b, 'utf8'));
      assert.equal(readFileSync(a, 'utf8'), inOne[0]);
    });

    it('requests nothing from the network: a figure with a remote image still draws', async () => {
      const remote = { data: figure.data, layout: { ...figure.layout, images: [{ source: 'https://example.org/x.png', x: 0, y: 0 }] } };
      const file = await saveFigure(remote, join(dir, 'remote.svg'));
      assert.match(readFileSync(file, 'utf8'), /^<svg/);
    });
  });

  it('puts each SVG element\'s attributes in name order, leaving text and values alone', () => {
    assert.equal(
      canonicalSvg('<svg width="2" height="1" xmlns:xlink="x"><rect style="a: 1;" class="bg" x="0"/><text y="1" x="2">a &lt;b&gt; "c"</text><g/></svg>'),
      '<svg height="1" width="2" xmlns:xlink="x"><rect class="bg" style="a: 1;" x="0"/><text x="2" y="1">a &lt;b&gt; "c"</text><g/></svg>',
    );
  });

  it('replaces plotly\'s random drawing and trace ids by fixed ones, traces numbered in order', () => {
    const svg = '<svg><defs id="defs-1a2b3c"><clipPath id="clip1a2b3cxyplot"/></defs><g class="trace scatter tracef00d01"/><g class="trace scatter traceabc123"/><g class="trace scatter tracef00d01"/></svg>';
    assert.equal(
      canonicalSvg(svg),
      '<svg><defs id="defs-netlab"><clipPath id="clipnetlabxyplot"/></defs><g class="trace scatter tracenetlab0"/><g class="trace scatter tracenetlab1"/><g class="trace scatter tracenetlab0"/></svg>',
    );
  });

  describe('errors', () => {
    it('rejects an unknown extension with a RangeError naming the path and the formats', async () => {
      await assert.rejects(saveFigure(figure, join(dir, 'delay.jpg')), (err: Error) => {
        assert.ok(err instanceof RangeError);
        assert.match(err.message, /delay\.jpg/);
        assert.match(err.message, /\.svg or \.png/);
        return true;
      });
      await assert.rejects(saveFigure(figure, join(dir, 'noextension')), RangeError);
    });

    it('rejects a misspelt option with a TypeError naming the closest one', async () => {
      await assert.rejects(saveFigure(figure, join(dir, 'x.svg'), { widht: 500 } as never), (err: Error) => {
        assert.ok(err instanceof TypeError);
        assert.match(err.message, /"widht"/);
        assert.match(err.message, /did you mean "width"/);
        return true;
      });
    });

    it('rejects a size out of range or not an integer with a RangeError, a non-number with a TypeError', async () => {
      await assert.rejects(saveFigure(figure, join(dir, 'x.svg'), { width: 50 }), /RangeError: saveFigure width must be an integer in \[100, 4000\]; got 50/);
      await assert.rejects(saveFigure(figure, join(dir, 'x.svg'), { height: 5000 }), RangeError);
      await assert.rejects(saveFigure(figure, join(dir, 'x.svg'), { height: 300.5 }), RangeError);
      await assert.rejects(saveFigure(figure, join(dir, 'x.svg'), { width: '500' as never }), TypeError);
    });

    it('rejects what is not a figure, or a path that is not a string, with a TypeError', async () => {
      await assert.rejects(saveFigure({ layout: {} } as never, join(dir, 'x.svg')), /TypeError: saveFigure\(figure\) expects a plotly figure/);
      await assert.rejects(saveFigure(figure, 42 as never), /TypeError: saveFigure\(figure, path\): path must be a file name/);
    });

    it('sizes the image from the options, else the layout, else 900 × 450', () => {
      assert.deepEqual(imageSize({ height: 300 }), { width: 900, height: 300 });
      assert.deepEqual(imageSize({ width: 700, height: 300 }, { height: 250 }), { width: 700, height: 250 });
      assert.deepEqual(imageSize({}), { width: 900, height: 450 });
      assert.deepEqual(imageSize({ width: 10, height: 'x' }), { width: 900, height: 450 });
    });

    it('names the missing Chromium and how to install it', async () => {
      assert.throws(() => findChromium({}, () => false), (err: Error) => {
        assert.match(err.message, /no Chromium or Chrome found/);
        assert.ok(CHROMIUM_PLACES.every((place) => err.message.includes(place)), 'names every place looked at');
        assert.match(err.message, /apt-get install chromium/);
        assert.match(err.message, /NETLAB_CHROMIUM/);
        return true;
      });
      assert.equal(findChromium({}, (p) => p === '/usr/bin/google-chrome'), '/usr/bin/google-chrome');
      assert.equal(findChromium({ NETLAB_CHROMIUM: '/opt/c/chrome' }, () => true), '/opt/c/chrome');
      const saved = process.env.NETLAB_CHROMIUM;
      process.env.NETLAB_CHROMIUM = join(dir, 'no-such-chromium');
      try {
        await assert.rejects(saveFigure(figure, join(dir, 'x.svg')), (err: Error) => {
          assert.equal(err.constructor, Error);
          assert.match(err.message, /NETLAB_CHROMIUM is set to .*no-such-chromium, which does not exist/);
          return true;
        });
      } finally {
        if (saved === undefined) delete process.env.NETLAB_CHROMIUM;
        else process.env.NETLAB_CHROMIUM = saved;
      }
    });

    it('names the missing playwright-core and how to install it', () => {
      const missing = (id: string): never => {
        throw new Error(`Cannot find module '${id}'`);
      };
      assert.throws(() => loadPlaywright(missing), /needs the playwright-core package .*Cannot find module 'playwright-core'.*npm install playwright-core/);
      assert.throws(() => loadPlaywright(() => ({})), /no chromium\.launch/);
      assert.equal(typeof loadPlaywright().chromium.launch, 'function');
    });
  });
});
