/**
 * Figures as images: plotly.js draws a figure to SVG or PNG in headless Chromium.
 *
 * Used by saveFigure() and by the workbook, which adds an SVG copy of every figure
 * to the executed notebooks. Nothing here is needed to build or show figures, so
 * its two outside pieces are looked up only when an image is asked for:
 *  - a Chromium or Chrome binary on the system (never downloaded): the path in the
 *    environment variable NETLAB_CHROMIUM, else the usual install places;
 *  - the `playwright-core` package that drives it, loaded with a lazy `require`, so
 *    it is not a runtime dependency of the library.
 * When either is missing the call fails with an Error naming it and how to install it.
 *
 * The page is blank and local: plotly.js comes from the `plotly.js-dist-min` package
 * and every request leaving it is refused. The same figure gives the same SVG bytes:
 * canonicalSvg replaces the random ids plotly.js gives each drawing (its clip paths
 * and definitions carry it) and each trace by fixed ones, and puts each element's
 * attributes in name order.
 */

import { existsSync } from 'fs';

/** Image formats a figure can be drawn to. */
export type ImageFormat = 'svg' | 'png';

/** Where Chromium or Chrome is usually installed, tried in order after NETLAB_CHROMIUM. */
export const CHROMIUM_PLACES: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

const INSTALL_CHROMIUM =
  'install Chromium (Debian/Ubuntu: `sudo apt-get install chromium`, or `bash scripts/setup.sh --browser` in a NetLab checkout) ' +
  'or set NETLAB_CHROMIUM to the path of a Chromium or Chrome binary';

/**
 * The Chromium binary to use: NETLAB_CHROMIUM when set (it must exist), else the
 * first of CHROMIUM_PLACES that exists.
 *
 * @throws Error naming the places looked at and how to install Chromium.
 */
export function findChromium(env: Record<string, string | undefined> = process.env, exists: (path: string) => boolean = existsSync): string {
  const chosen = env.NETLAB_CHROMIUM;
  if (chosen !== undefined && chosen !== '') {
    if (exists(chosen)) return chosen;
    throw new Error(`${WHO}: NETLAB_CHROMIUM is set to ${chosen}, which does not exist; ${INSTALL_CHROMIUM}`);
  }
  const found = CHROMIUM_PLACES.find((place) => exists(place));
  if (found !== undefined) return found;
  throw new Error(`${WHO}: no Chromium or Chrome found (looked at ${CHROMIUM_PLACES.join(', ')}); ${INSTALL_CHROMIUM}`);
}

const WHO = 'drawing a figure to an image needs Chromium';

/** The part of playwright-core's API used here. */
interface Playwright {
  chromium: {
    launch(options: { executablePath: string; headless: boolean; args: string[] }): Promise<PlaywrightBrowser>;
  };
}

interface PlaywrightBrowser {
  newPage(): Promise<PlaywrightPage>;
  close(): Promise<void>;
}

interface PlaywrightPage {
  route(url: string, handler: (route: { request(): { url(): string }; continue(): Promise<void>; abort(): Promise<void> }) => unknown): Promise<void>;
  setContent(html: string): Promise<void>;
  addScriptTag(options: { path: string }): Promise<unknown>;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
}

/**
 * playwright-core, loaded only now.
 *
 * @throws Error saying how to install it when it cannot be loaded.
 */
export function loadPlaywright(load: (id: string) => unknown = require): Playwright {
  let mod: unknown;
  try {
    mod = load('playwright-core');
  } catch (err) {
    throw new Error(
      'drawing a figure to an image needs the playwright-core package to drive Chromium, and it could not be loaded ' +
        `(${(err as Error).message.split('\n')[0]}); install it with \`npm install playwright-core\` ` +
        '(it downloads no browser; NetLab uses the Chromium installed on the system)',
    );
  }
  const chromium = (mod as Partial<Playwright> | null)?.chromium;
  if (!chromium || typeof chromium.launch !== 'function') {
    throw new Error('drawing a figure to an image needs playwright-core, but the module loaded has no chromium.launch; reinstall it with `npm install playwright-core`');
  }
  return mod as Playwright;
}

/** A figure as plain plotly JSON. */
export interface FigureJson {
  data: unknown[];
  layout: unknown;
}

/** Size of the image, in CSS pixels. */
export interface ImageSize {
  width: number;
  height: number;
}

/** A running headless Chromium with plotly.js loaded, drawing one figure at a time. */
export interface FigureRenderer {
  /** The figure as SVG text. */
  svg(figure: FigureJson, size: ImageSize): Promise<string>;
  /** The figure as PNG bytes, `scale` device pixels per CSS pixel. */
  png(figure: FigureJson, size: ImageSize, scale: number): Promise<Buffer>;
  close(): Promise<void>;
}

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Starts headless Chromium on a blank page with plotly.js loaded. Close it when done.
 *
 * @throws Error when Chromium or playwright-core is missing (see findChromium and loadPlaywright).
 */
export async function openFigureRenderer(opts: { chromium?: string } = {}): Promise<FigureRenderer> {
  const executablePath = opts.chromium ?? findChromium();
  const playwright = loadPlaywright();
  const browser = await playwright.chromium.launch({ executablePath, headless: true, args: ARGS });
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => {
      const url = route.request().url();
      return url.startsWith('data:') || url.startsWith('about:') ? route.continue() : route.abort();
    });
    await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
    await page.addScriptTag({ path: require.resolve('plotly.js-dist-min') });
    let queue: Promise<unknown> = Promise.resolve();
    const draw = (figure: FigureJson, size: ImageSize, format: ImageFormat, scale: number): Promise<string> => {
      const next = queue.then(() => page.evaluate(drawInPage, { figure, format, width: size.width, height: size.height, scale }));
      queue = next.catch(() => undefined);
      return next;
    };
    return {
      async svg(figure, size) {
        const url = await draw(figure, size, 'svg', 1);
        return canonicalSvg(decodeURIComponent(url.slice(url.indexOf(',') + 1)));
      },
      async png(figure, size, scale) {
        const url = await draw(figure, size, 'png', scale);
        return Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');
      },
      close: () => browser.close(),
    };
  } catch (err) {
    await browser.close();
    throw err;
  }
}

/** The random id plotly.js gives a drawing, read from its definitions element (`<defs id="defs-1a2b3c">`). */
const PLOTLY_UID = /<defs id="defs-([0-9a-z]+)"/;
/** The random id plotly.js gives each trace, found where it names the trace (`traceb10b27`) or its colour bar (`cbb10b27`); every use of it is replaced. */
const TRACE_UID = /\b(?:trace|cb)([0-9a-f]{6})\b/g;
/** What canonicalSvg writes in their place (traces numbered in order of appearance). */
const FIXED_UID = 'netlab';

/**
 * The SVG with plotly's random drawing and trace ids fixed and each element's attributes in
 * name order. plotly.js sets some
 * attributes in a different order depending on what the page drew before (text
 * sizes it has measured already, fonts still loading), which changes the text but
 * not the picture; sorting them makes the same figure give the same bytes however
 * many figures the page drew first. The SVG comes from the browser's serializer,
 * so every attribute value is double-quoted and holds no raw `"`, `<` or `>`.
 */
export function canonicalSvg(svg: string): string {
  const uid = PLOTLY_UID.exec(svg)?.[1];
  let fixed = uid === undefined ? svg : svg.split(uid).join(FIXED_UID);
  const traces = [...new Set(Array.from(fixed.matchAll(TRACE_UID), (m) => m[1]))];
  traces.forEach((id, i) => (fixed = fixed.split(id).join(`${FIXED_UID}${i}`)));
  return fixed.replace(START_TAG, (_tag, name: string, attributes: string, selfClosing: string) => {
    const list = Array.from(attributes.matchAll(ATTRIBUTE), (m) => [m[1], m[2]] as const);
    list.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return `<${name}${list.map(([key, value]) => ` ${key}="${value}"`).join('')}${selfClosing}>`;
  });
}

const START_TAG = /<([A-Za-z][\w:.-]*)((?:\s+[^\s="'<>\/]+="[^"]*")*)\s*(\/?)>/g;
const ATTRIBUTE = /\s+([^\s="'<>\/]+)="([^"]*)"/g;

interface DrawRequest {
  figure: FigureJson;
  format: ImageFormat;
  width: number;
  height: number;
  scale: number;
}

/** Runs in the page: asks plotly.js for the image as a data URL. */
function drawInPage(req: DrawRequest): Promise<string> {
  const page = globalThis as unknown as { Plotly: { toImage(fig: unknown, opts: unknown): Promise<string> } };
  return page.Plotly.toImage(
    { data: req.figure.data, layout: req.figure.layout },
    { format: req.format, width: req.width, height: req.height, scale: req.scale },
  );
}
