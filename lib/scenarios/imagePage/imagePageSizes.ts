/**
 * The images of an image-heavy page: a few large hero images followed by many
 * thumbnails, each size drawn from a distribution (bytes).
 *
 * Defaults (NetLab's choices, not measurements): thumbnails log-normal with a
 * median of 30 KB and a 99th percentile of 120 KB (mean about 36 KB), the size of
 * a product photo a few hundred pixels wide as JPEG or WebP; one hero image
 * log-normal with a median of 500 KB and a 99th percentile of 1.2 MB (mean about
 * 537 KB), a full-width high-resolution photo. With the course's 80 images that
 * is about 3.4 MB per page on average.
 *
 * The heroes come first in request order, as the large photo at the top of a
 * product page does. Not modelled: images discovered late (lazy loading, CSS
 * backgrounds), responsive variants, compression choices.
 */
import * as check from '../../validate';
import { constant } from '../../random/constant';
import { lognormal } from '../../random/lognormal';
import { type Distribution } from '../../random/distribution';
import { requireDistribution } from '../../random/requireDistribution';
import type { DistributionLike } from '../../random/spec';
import type { Rng } from '../../random/rng';

/** Default thumbnail size (bytes): log-normal, median 30 KB, p99 120 KB. */
export const DEFAULT_THUMBNAIL_BYTES: Distribution = lognormal({ median: 30_000, p99: 120_000 });
/** Default hero image size (bytes): log-normal, median 500 KB, p99 1.2 MB. */
export const DEFAULT_HERO_BYTES: Distribution = lognormal({ median: 500_000, p99: 1_200_000 });
/** The course's page: 80 images. */
export const DEFAULT_IMAGES = 80;
/** Most images one page may hold. */
export const MAX_IMAGES = 1000;

export interface ImageSizeOptions {
  /** Images on the page, heroes included (integer in [1, 1000], default 80). */
  images?: number;
  /** How many of them are hero images, requested first (integer in [0, images], default 1). */
  heroImages?: number;
  /** Thumbnail size (bytes): a number or a Distribution (default DEFAULT_THUMBNAIL_BYTES). */
  thumbnailBytes?: number | DistributionLike;
  /** Hero image size (bytes): a number or a Distribution (default DEFAULT_HERO_BYTES). */
  heroBytes?: number | DistributionLike;
}

/** Validated size options. */
export interface ImageSizes {
  images: number;
  heroImages: number;
  thumbnailBytes: Distribution;
  heroBytes: Distribution;
}

/** The keys of `ImageSizeOptions`. */
export const IMAGE_SIZE_KEYS: readonly (keyof ImageSizeOptions)[] = ['images', 'heroImages', 'thumbnailBytes', 'heroBytes'];

/** Checks the size options (the caller checks for unknown keys and nulls). */
export function checkImageSizes(opts: ImageSizeOptions): ImageSizes {
  const images = check.integer('images', opts.images ?? DEFAULT_IMAGES, 1, MAX_IMAGES);
  return {
    images,
    heroImages: check.integer('heroImages', opts.heroImages ?? 1, 0, images),
    thumbnailBytes: sizeDistribution('thumbnailBytes', opts.thumbnailBytes, DEFAULT_THUMBNAIL_BYTES),
    heroBytes: sizeDistribution('heroBytes', opts.heroBytes, DEFAULT_HERO_BYTES),
  };
}

/**
 * One page's image sizes (whole bytes), heroes first, drawn from `rng`. A draw that
 * is NaN, negative or infinite throws a RangeError naming the option at that draw.
 */
export function drawImagePage(sizes: ImageSizes, rng: Rng): number[] {
  const out: number[] = [];
  for (let i = 0; i < sizes.images; i++) {
    const hero = i < sizes.heroImages;
    out.push(drawBytes(hero ? 'heroBytes' : 'thumbnailBytes', hero ? sizes.heroBytes : sizes.thumbnailBytes, rng));
  }
  return out;
}

/** One page drawn from `rng` (see `ImageSizeOptions` for the defaults). */
export function imagePageObjects(opts: ImageSizeOptions, rng: Rng): number[] {
  check.options('imagePageObjects', opts, IMAGE_SIZE_KEYS);
  return drawImagePage(checkImageSizes(opts), rng);
}

/** The average page: every image at its distribution's mean (whole bytes), heroes first, for paper arithmetic. */
export function meanImagePage(opts: ImageSizeOptions = {}): number[] {
  check.options('meanImagePage', opts, IMAGE_SIZE_KEYS);
  const sizes = checkImageSizes(opts);
  const mean = (option: string, d: Distribution): number => {
    if (d.mean === undefined || !Number.isFinite(d.mean) || d.mean < 0) {
      throw new RangeError(`${option} needs a finite mean for meanImagePage; ${d.label} has ${d.mean === undefined ? 'none' : d.mean}`);
    }
    return Math.round(d.mean);
  };
  const hero = mean('heroBytes', sizes.heroBytes);
  const thumbnail = mean('thumbnailBytes', sizes.thumbnailBytes);
  return Array.from({ length: sizes.images }, (_, i) => (i < sizes.heroImages ? hero : thumbnail));
}

function sizeDistribution(option: string, value: number | DistributionLike | undefined, fallback: Distribution): Distribution {
  if (value === undefined) return fallback;
  if (typeof value === 'number') return constant(check.nonNegative(option, value));
  return requireDistribution(option, value);
}

function drawBytes(option: string, d: Distribution, rng: Rng): number {
  const v = d.sample(rng);
  if (!(v >= 0) || !Number.isFinite(v)) throw new RangeError(`${option} must yield sizes >= 0 bytes; ${d.label} gave ${v}`);
  return Math.round(v);
}
