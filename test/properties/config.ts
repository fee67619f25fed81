/**
 * Run sizes of the property suite. A normal run (`npm run test:lib`) uses a fixed seed and draws
 * 2 lenient mutations per leaf beside every strict kind (about 10 000 hostile calls). The longer
 * fuzz (`npm run fuzz`) reads:
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
export const GENERATE = { seed: SEED, lenientPerLeaf: 2 * RUNS, strictRepeats: RUNS - 1 };
