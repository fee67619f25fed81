/**
 * Run sizes of the property suite. A normal run (`npm run test:lib`) uses a fixed seed and tries,
 * at every leaf, two wrong types (chosen by fast-check), null, NaN and the other strict kinds,
 * plus one lenient mutation (about 6 000 hostile calls, under a minute on 2 cores). The longer
 * fuzz (`npm run fuzz`, NETLAB_FUZZ_RUNS defaulting to 8 there) tries every wrong type, repeats
 * each strict kind RUNS times with fresh values and draws 2·RUNS lenient mutations per leaf. It reads:
 *   NETLAB_FUZZ_RUNS  — draws per leaf and strict repeats scale with it (default 1: the normal run);
 *   NETLAB_FUZZ_SEED  — the fast-check seed (default the fixed seed below).
 */
export const FIXED_SEED = 20_251_116;

/** Per-call deadline in the child (ms). */
export const DEADLINE_MS = 2000;

/** Children in the pool (one per core of the 2-core reference machine). */
export const POOL_SIZE = 2;

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const v = Number(raw);
  if (!Number.isSafeInteger(v)) throw new RangeError(`${name} must be an integer; got ${JSON.stringify(raw)}`);
  return v;
}

export const RUNS = Math.max(1, envInt('NETLAB_FUZZ_RUNS', 1));
export const SEED = envInt('NETLAB_FUZZ_SEED', FIXED_SEED);

/** The generator's settings for this run. */
export const GENERATE = { seed: SEED, lenientPerLeaf: RUNS === 1 ? 1 : 2 * RUNS, strictRepeats: RUNS - 1, wrongTypesPerLeaf: RUNS === 1 ? 2 : 5 };
