/**
 * Normal distribution N(mean, sd), sampled by inversion (one draw per sample).
 * Draws can be negative: for jitter around a mean that is what you want; for a
 * duration that must stay positive, prefer `lognormal`.
 */
import * as check from '../validate';
import { checkP, type Distribution } from './distribution';
import { standardNormalDraw, standardNormalQuantile } from './standardNormal';

/**
 * The normal distribution N(mean, sd): `mean` finite, `sd` finite and > 0, with
 * |mean| + 10 sd finite (every draw lies within 6.5 sd). Draws may be negative.
 *
 * @throws TypeError when `mean` or `sd` is not a number; RangeError when one is out of range.
 *
 * @example
 * ```ts
 * import { createRng, normal } from 'netlab';
 *
 * const jitter = normal(0, 5);                 // ms around the base delay
 * jitter.sample(createRng(1));
 * ```
 */
export function normal(mean: number, sd: number): Distribution {
  check.finite('normal(mean)', mean);
  check.positive('normal(sd)', sd);
  if (!Number.isFinite(Math.abs(mean) + 10 * sd)) throw new RangeError(`normal(mean, sd) needs |mean| + 10 sd finite so that every draw is; got mean ${mean}, sd ${sd}`);
  return {
    label: `normal(${mean}, sd ${sd})`,
    mean,
    sample: (rng) => mean + sd * standardNormalDraw(rng()),
    quantile: (p) => mean + sd * standardNormalQuantile(checkP(p)),
  };
}
