/**
 * Binomial(n, p) probabilities for order-statistic intervals. The mass function is
 * built by its term ratio, walking out from the mode (where the largest term is set
 * to 1) until terms fall below 1e-40 of the peak, then normalised. No factorials,
 * no under/overflow, O(√(n·p·(1−p)) + a few) work; the dropped terms sum to far
 * less than any confidence level used in practice. Not a general binomial library.
 */

const NEGLIGIBLE = 1e-40;

/** P(B = k) for k = from … from + pmf.length − 1; outside that range P ≈ 0. */
export interface BinomialMasses {
  from: number;
  pmf: Float64Array;
}

/** Probabilities of Binomial(n, p), n a positive integer and 0 < p < 1 (not re-checked). */
export function binomialMasses(n: number, p: number): BinomialMasses {
  const odds = p / (1 - p);
  const mode = Math.min(n, Math.floor((n + 1) * p));
  const below: number[] = [];
  for (let k = mode, t = 1; k > 0; k--) {
    t *= k / (n - k + 1) / odds; // P(k − 1) / P(k)
    if (t < NEGLIGIBLE) break;
    below.push(t);
  }
  const above: number[] = [];
  for (let k = mode, t = 1; k < n; k++) {
    t *= ((n - k) / (k + 1)) * odds; // P(k + 1) / P(k)
    if (t < NEGLIGIBLE) break;
    above.push(t);
  }
  const pmf = new Float64Array(below.length + 1 + above.length);
  below.reverse().forEach((t, i) => (pmf[i] = t));
  pmf[below.length] = 1;
  above.forEach((t, i) => (pmf[below.length + 1 + i] = t));
  // Sum smallest first for accuracy, then normalise.
  let total = 0;
  for (const t of Float64Array.from(pmf).sort()) total += t;
  for (let i = 0; i < pmf.length; i++) pmf[i] /= total;
  return { from: mode - below.length, pmf };
}
