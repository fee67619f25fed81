/**
 * Headless Chromium for the page checks: Debian's /usr/bin/chromium driven by
 * playwright-core (no browser is ever downloaded), a fresh profile per launch, and
 * a guard that blocks and records every request leaving the machine.
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { pathToFileURL } from 'url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  /** Every URL that was neither file: nor data:, in request order (all were blocked). */
  offMachine: string[];
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'netlab-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1200, height: 900 },
  });
  const offMachine: string[] = [];
  const local = (url: string): boolean => url.startsWith('file:') || url.startsWith('data:');
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (local(url)) return route.continue();
    offMachine.push(url);
    return route.abort();
  });
  context.on('request', (request) => {
    const url = request.url();
    if (!local(url) && !offMachine.includes(url)) offMachine.push(url);
  });
  return {
    context,
    offMachine,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface PageVisit {
  page: Page;
  /** Console errors and uncaught page errors. */
  errors: string[];
}

/** Opens a file in a new tab, collecting its console errors. */
export async function openFile(browser: Browser, file: string): Promise<PageVisit> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { page, errors };
}

/** Plotly figures on the page that plotly has drawn (a .js-plotly-plot holding an svg). */
export async function drawnFigures(page: Page): Promise<number> {
  return page.evaluate(
    () => Array.from(document.querySelectorAll('.js-plotly-plot')).filter((el) => el.querySelector('svg') !== null).length,
  );
}

/** Waits until `expected` figures are drawn or `timeoutMs` passes; returns how many are drawn. */
export async function waitForFigures(page: Page, expected: number, timeoutMs = 30_000): Promise<number> {
  if (expected > 0) {
    await page
      .waitForFunction(
        (n) => Array.from(document.querySelectorAll('.js-plotly-plot')).filter((el) => el.querySelector('svg')).length >= n,
        expected,
        { timeout: timeoutMs },
      )
      .catch(() => undefined);
  }
  return drawnFigures(page);
}

/** How the page leads with its story: code visible outside a closed <details>, and whether it has the part header and contents. */
export async function storyLayout(page: Page): Promise<{ openCode: number; header: boolean; toc: boolean }> {
  return page.evaluate(() => ({
    openCode: Array.from(document.querySelectorAll('.cell.code pre code')).filter((el) => {
      const fold = el.closest('details');
      return fold === null || fold.open;
    }).length,
    header: document.querySelector('header.part') !== null,
    toc: document.querySelector('nav.toc li') !== null,
  }));
}
