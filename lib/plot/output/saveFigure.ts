/**
 * saveFigure(figure, path): a figure as an SVG or PNG file, for papers and slides.
 *
 * plotly.js draws the figure in headless Chromium (figureImage.ts): the Chromium
 * installed on the system and the playwright-core package, both looked up only
 * when saveFigure is called, so the rest of the library needs neither.
 */

import { writeFileSync } from 'fs';
import { extname, resolve } from 'path';
import * as check from '../../validate';
import { openFigureRenderer, type ImageSize } from './figureImage';
import { figureJson, type ShowableFigure } from './show';

export interface SaveFigureOptions {
  /** Width of the image in CSS pixels, an integer in [100, 4000]; default the figure's layout.width, else 900. */
  width?: number;
  /** Height of the image in CSS pixels, an integer in [100, 4000]; default the figure's layout.height, else 450. */
  height?: number;
}

const SAVE_KEYS: readonly (keyof SaveFigureOptions)[] = ['width', 'height'];

/** Default image size when neither the options nor the figure's layout give one. */
export const DEFAULT_IMAGE_SIZE: Readonly<ImageSize> = { width: 900, height: 450 };

/** Smallest and largest image side, in CSS pixels. */
export const IMAGE_SIDE_RANGE: readonly [number, number] = [100, 4000];

/** Device pixels per CSS pixel in a saved PNG: sharp on paper and on high-density screens. */
export const PNG_SCALE = 2;

const FORMATS = { '.svg': 'svg', '.png': 'png' } as const;

/**
 * Writes `figure` to `path` as an image: SVG for a path ending in `.svg`, PNG
 * (at PNG_SCALE device pixels per CSS pixel) for `.png`. Resolves to the absolute
 * path written.
 *
 * Needs Chromium or Chrome on the system (NETLAB_CHROMIUM, else the usual install
 * places) and the playwright-core package (`npm install playwright-core`); both are
 * looked up only here, and the promise rejects with an Error naming what is missing
 * and how to install it. Each call starts and stops its own browser (about a second).
 *
 * @example
 * ```ts
 * // not run: needs Chromium, which the test machines may lack
 * import { ecdfFigure, saveFigure } from 'netlab';
 *
 * const fig = ecdfFigure([{ name: 'latency', values: [12, 15, 15, 18, 40] }], { title: 'Latency' });
 * await saveFigure(fig, 'latency.svg', { width: 800 });
 * ```
 * @throws (rejects) TypeError when `figure` is not a plotly figure, `path` is not a string or an option is unknown (naming the closest).
 * @throws (rejects) RangeError when the extension is neither .svg nor .png, or width/height is out of range.
 * @throws (rejects) Error when Chromium or playwright-core is missing.
 */
export async function saveFigure(figure: ShowableFigure, path: string, options: SaveFigureOptions = {}): Promise<string> {
  const plain = figureJson('saveFigure', figure);
  if (typeof path !== 'string' || path === '') {
    throw new TypeError(`saveFigure(figure, path): path must be a file name ending in .svg or .png; got ${check.describe(path)}`);
  }
  const format = FORMATS[extname(path).toLowerCase() as keyof typeof FORMATS];
  if (format === undefined) {
    throw new RangeError(`saveFigure: cannot tell the image format of ${path}; end the path with ${Object.keys(FORMATS).join(' or ')}`);
  }
  const size = imageSize(plain.layout, check.options('saveFigure', options, SAVE_KEYS));
  const file = resolve(path);
  const renderer = await openFigureRenderer();
  try {
    if (format === 'svg') writeFileSync(file, await renderer.svg(plain, size));
    else writeFileSync(file, await renderer.png(plain, size, PNG_SCALE));
  } finally {
    await renderer.close();
  }
  return file;
}

/** The image size: the options', else the layout's (when in range), else the default. */
export function imageSize(layout: unknown, options: SaveFigureOptions = {}): ImageSize {
  const [lo, hi] = IMAGE_SIDE_RANGE;
  const fromLayout = (key: 'width' | 'height'): number => {
    const v = (layout as Record<string, unknown> | null)?.[key];
    return typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi ? v : DEFAULT_IMAGE_SIZE[key];
  };
  return {
    width: options.width === undefined ? fromLayout('width') : check.integer('saveFigure width', options.width, lo, hi),
    height: options.height === undefined ? fromLayout('height') : check.integer('saveFigure height', options.height, lo, hi),
  };
}
