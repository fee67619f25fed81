/** Baselines for lib/random. */
import { dist, rng, type Entry } from './entry';

const m = 'random';
export const RANDOM: Entry[] = [
  { name: 'createRng', module: m, params: ['seed'], args: [42], accepts: { seed: ['string', 'negative', 'zero', 'huge', 'fraction'] } },
  { name: 'constant', module: m, params: ['value'], args: [5] },
  { name: 'uniform', module: m, params: ['lo', 'hi'], args: [2, 6] },
  { name: 'exponential', module: m, params: ['meanMs'], args: [10] },
  { name: 'normal', module: m, params: ['mean', 'sd'], args: [50, 5] },
  { name: 'lognormal', module: m, params: ['opts'], args: [{ median: 20, p99: 200 }] },
  { name: 'pareto', module: m, params: ['opts'], args: [{ scale: 1, shape: 2 }] },
  { name: 'empirical', module: m, params: ['values'], args: [[5, 1, 3, 2, 4]] },
  { name: 'standardNormalQuantile', module: m, params: ['p'], args: [0.975] },
  { name: 'requireRng', module: m, params: ['option', 'value'], args: ['rng', rng(1)], skip: ['option'], alsoNamed: { value: ['rng'] } },
  { name: 'requireDistribution', module: m, params: ['option', 'value'], args: ['serviceTime', dist('exponential', 10)], skip: ['option'], alsoNamed: { value: ['serviceTime'] } },
  { name: 'distributionFromSpec', module: m, params: ['spec', 'option'], args: [{ kind: 'exponential', meanMs: 10 }, 'serviceTime'], skip: ['option'], alsoNamed: { spec: ['serviceTime'] } },
  { name: 'isDistributionSpec', module: m, params: ['value'], noOptions: 'a predicate on any value' },
];
