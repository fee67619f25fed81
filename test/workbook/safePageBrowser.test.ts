/**
 * The exported pages in headless Chromium: a hostile notebook's page runs none of
 * its scripts and asks nothing of the network; figures still draw under the
 * Content-Security-Policy with no violation reported; and a script slipped into a
 * page after export is stopped by the policy itself.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { renderNotebookPage } from '../../scripts/page';
import { launchBrowser, openFile, waitForFigures, type Browser, type PageVisit } from './browser';
import { benignNotebook, EVIL_HOST, hostileNotebook } from './hostileNotebook';
import type { Notebook } from '../../scripts/notebook';

describe('workbook: exported pages in Chromium', function () {
  this.timeout(180_000);
  const tmp = mkdtempSync(join(tmpdir(), 'netlab-safe-page-'));
  let browser: Browser;

  before(async () => {
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  function write(name: string, html: string): string {
    const file = join(tmp, `${name}.html`);
    writeFileSync(file, html);
    return file;
  }

  const page = (nb: Notebook) => renderNotebookPage(nb, { title: 't', source: 'notebooks/t.ipynb' }).html;

  /** Opens `file`, waits for `figures` to draw and for late attacks to fire; returns the visit and what it asked of the network. */
  async function visit(file: string, figures: number): Promise<{ visit: PageVisit; drawn: number; pwned: unknown; offMachine: string[] }> {
    const before = browser.offMachine.length;
    const v = await openFile(browser, file);
    const drawn = await waitForFigures(v.page, figures);
    await v.page.waitForTimeout(300);
    const pwned = await v.page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
    return { visit: v, drawn, pwned, offMachine: browser.offMachine.slice(before) };
  }

  it('a hostile notebook’s page runs no injected script and makes no request off the machine', async () => {
    const r = await visit(write('hostile', page(hostileNotebook)), 1);
    try {
      assert.equal(r.pwned, undefined, 'an injected script ran');
      assert.deepEqual(r.offMachine, [], 'requests that would leave the machine');
      assert.equal(r.drawn, 1, 'the heatmap still draws');
      assert.deepEqual(r.visit.errors, [], 'console errors (a CSP violation would be one)');
    } finally {
      await r.visit.page.close();
    }
  });

  it('lines, bars and a heatmap draw under the policy with no violation reported', async () => {
    const r = await visit(write('benign', page(benignNotebook)), 3);
    try {
      assert.equal(r.drawn, 3);
      assert.deepEqual(r.visit.errors, []);
      assert.deepEqual(r.offMachine, []);
    } finally {
      await r.visit.page.close();
    }
  });

  it('the policy alone stops a script and a remote image slipped into the page after export', async () => {
    const tampered = page(benignNotebook).replace(
      '<main>',
      `<main><script>window.__pwned = 'tampered'; fetch('https://${EVIL_HOST}/x');</script><img src="https://${EVIL_HOST}/pixel.png">` +
        `<img src="x" onerror="window.__pwned = 'handler'">`,
    );
    const r = await visit(write('tampered', tampered), 3);
    try {
      assert.equal(r.pwned, undefined, 'the slipped-in script ran');
      // Chromium announces the image request, then the policy blocks it (the test's guard would abort it too).
      assert.deepEqual(r.offMachine, [`https://${EVIL_HOST}/pixel.png`], 'requests that would leave the machine');
      const blocked = (what: string) => r.visit.errors.some((e) => e.includes(what) && /Content Security Policy/i.test(e) && /blocked/i.test(e));
      assert.ok(blocked(`https://${EVIL_HOST}/pixel.png`), `the image was not blocked by the policy: ${JSON.stringify(r.visit.errors)}`);
      assert.ok(blocked('inline script') || blocked('script-src'), `no script blocked by the policy: ${JSON.stringify(r.visit.errors)}`);
      assert.equal(r.drawn, 3, 'the page’s own scripts still run');
    } finally {
      await r.visit.page.close();
    }
  });
});
