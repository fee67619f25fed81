/**
 * Normal distribution N(mean, sd), sampled by inversion (one draw per sample).
 * Draws can be negative: for jitter around a mean that is what you want; for a
 * duration that must stay positive, prefer `lognormal`.
 */
import * as check from '../validate';
import { checkP, type Distribution } from './distribution';
import { standardNormalQuantile } from './standardNormal';

export function normal(mean: number, sd: number): Distribution {
  check.finite('normal(mean)', mean);
  check.positive('normal(sd)', sd);
  return {
    label: `normal(${mean}, sd ${sd})`,
    mean,
    sample: (rng) => mean + sd * standardNormalQuantile(rng()),
    quantile: (p) => mean + sd * standardNormalQuantile(checkP(p)),
  };
}
