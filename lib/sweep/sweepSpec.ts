/**
 * A sweep as data, and one grid point of it evaluated. The grid is the Cartesian
 * product of its keys' values, in the order written (the last key varies fastest);
 * a key may name a nested option with dots (`'l7.workers'`). Grid point p, run i
 * draws from `createRng(seed).fork('run-<i>')` whatever p is, so every grid point
 * sees the same random numbers (common random numbers: differences between points
 * are sharper than either point alone), and a point's row depends on the spec and p
 * alone: which thread, process or machine computes it cannot change it.
 */
import { replicate } from '../stats/replicate';
import * as check from '../validate';
import { SWEEP_MODEL_NAMES, SWEEP_MODELS, type SweepModelName } from './sweepModels';

/** One grid value: a finite number, a string or a boolean. */
export type GridValue = number | string | boolean;

/** A sweep written as data (JSON): what `sweep`, the shard command line and a worker all read. */
export interface SweepSpec {
  /** The model to run, by name (SWEEP_MODEL_NAMES), e.g. 'simulateQueue'. */
  model: SweepModelName;
  /** The options every run shares, as data (distributions as specs, e.g. `{ kind: 'exponential', meanMs: 10 }`); no `rng`. */
  options: Record<string, unknown>;
  /** The values to sweep per option (dotted keys reach nested options), e.g. `{ arrivalRate: [50, 80, 95] }`. */
  grid: Record<string, GridValue[]>;
  /** The numbers to report, as dotted paths into the model's result, e.g. `['summary.mean', 'summary.p99']`. */
  metrics: string[];
  /** Root seed of every run (required). */
  seed: number | string;
  /** Runs per grid point, an integer in [2, 10_000] (default 10). */
  runs?: number;
  /** Confidence level of the intervals, in (0, 1) (default 0.95). */
  level?: number;
}

/** The spec with its defaults filled in. */
export type CheckedSweepSpec = Required<SweepSpec>;

/** One row of a sweep: the grid values, then per metric its mean, sd and interval (`<metric> ciLow`, …). */
export type SweepRow = Record<string, GridValue>;

const FN = 'sweep';
export const SWEEP_SPEC_KEYS: readonly (keyof SweepSpec)[] = ['model', 'options', 'grid', 'metrics', 'seed', 'runs', 'level'];
/** Most grid points one sweep makes. */
export const MAX_GRID_POINTS = 100_000;

/** Checks a sweep spec key by key (unknown keys, types, ranges), naming the option. */
export function checkSweepSpec(spec: SweepSpec, fn = FN): CheckedSweepSpec {
  const s = check.options(fn, spec, SWEEP_SPEC_KEYS);
  const model = check.oneOf(`${fn} model`, s.model, SWEEP_MODEL_NAMES);
  const options = plainRecord(`${fn} options`, s.options);
  if ('rng' in options) throw new TypeError(`${fn} options.rng: a sweep makes each run's rng from seed; remove it`);
  checkData(`${fn} options`, options);
  const grid = plainRecord(`${fn} grid`, s.grid) as Record<string, GridValue[]>;
  const keys = Object.keys(grid);
  if (keys.length === 0) throw new RangeError(`${fn} grid must name at least one option to sweep; got {}`);
  let points = 1;
  for (const key of keys) {
    const values = grid[key];
    if (!Array.isArray(values) || values.length === 0) throw new TypeError(`${fn} grid.${key} must be a non-empty array of values; got ${check.describe(values)}`);
    values.forEach((v, i) => {
      if (!(typeof v === 'number' && Number.isFinite(v)) && typeof v !== 'string' && typeof v !== 'boolean') {
        throw new TypeError(`${fn} grid.${key}[${i}] must be a finite number, a string or a boolean; got ${check.describe(v)}`);
      }
    });
    points *= values.length;
  }
  if (points > MAX_GRID_POINTS) throw new RangeError(`${fn} grid has ${points} points; at most ${MAX_GRID_POINTS}`);
  if (!Array.isArray(s.metrics) || s.metrics.length === 0) throw new TypeError(`${fn} metrics must be a non-empty array of dotted paths such as 'summary.p99'; got ${check.describe(s.metrics)}`);
  s.metrics.forEach((m, i) => {
    if (typeof m !== 'string' || !/^[A-Za-z_$][\w$]*(\.[\w$]+)*$/.test(m)) throw new TypeError(`${fn} metrics[${i}] must be a dotted path such as 'summary.p99'; got ${check.describe(m)}`);
    if (s.metrics.indexOf(m) !== i) throw new RangeError(`${fn} metrics[${i}] repeats "${m}"`);
  });
  if (typeof s.seed !== 'number' && typeof s.seed !== 'string') throw new TypeError(`${fn} seed must be a number or a string (required); got ${check.describe(s.seed)}`);
  const runs = s.runs === undefined ? 10 : check.integer(`${fn} runs`, s.runs, 2, 10_000);
  const level = s.level === undefined ? 0.95 : check.inRange(`${fn} level`, s.level, 0, 1, '()');
  return { model, options, grid, metrics: [...s.metrics], seed: s.seed, runs, level };
}

/** Number of grid points of a checked spec. */
export function gridSize(spec: CheckedSweepSpec): number {
  return Object.values(spec.grid).reduce((n, values) => n * values.length, 1);
}

/** The grid values of point `index` (0-based, last key fastest). */
export function gridPoint(spec: CheckedSweepSpec, index: number): Record<string, GridValue> {
  const point: Record<string, GridValue> = {};
  let rest = index;
  const keys = Object.keys(spec.grid);
  for (let k = keys.length - 1; k >= 0; k--) {
    const values = spec.grid[keys[k]];
    point[keys[k]] = values[rest % values.length];
    rest = Math.floor(rest / values.length);
  }
  return Object.fromEntries(keys.map((key) => [key, point[key]]));
}

/** Runs grid point `index`: `replicate` over `runs` runs, each metric's mean, sd and Student-t interval. */
export function sweepPointRow(spec: CheckedSweepSpec, index: number): SweepRow {
  const point = gridPoint(spec, index);
  const options = structuredClone(spec.options);
  for (const [key, value] of Object.entries(point)) setPath(options, key, value);
  const model = SWEEP_MODELS[spec.model] as (o: object) => unknown;
  const replicated = replicate({
    runs: spec.runs,
    seed: spec.seed,
    level: spec.level,
    run: (rng) => {
      const result = check.within(`${FN} ${spec.model} at grid point ${index} (${describePoint(point)})`, () => model({ ...options, rng }));
      return Object.fromEntries(spec.metrics.map((m) => [m, metricOf(result, m, spec.model)]));
    },
  });
  const row: SweepRow = { ...point };
  for (const m of spec.metrics) {
    const iv = replicated[m];
    row[m] = iv.mean;
    row[`${m} sd`] = iv.sd;
    row[`${m} ciLow`] = iv.ciLow;
    row[`${m} ciHigh`] = iv.ciHigh;
  }
  return row;
}

function describePoint(point: Record<string, GridValue>): string {
  return Object.entries(point).map(([k, v]) => `${k} = ${JSON.stringify(v)}`).join(', ');
}

/** Refuses anything JSON cannot carry (functions, class instances, NaN, ±Infinity): a sweep's options travel as data. */
function checkData(path: string, value: unknown): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`${path} must be data (JSON); got ${check.describe(value)}`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => checkData(`${path}[${i}]`, v));
    return;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [k, v] of Object.entries(value)) checkData(`${path}.${k}`, v);
    return;
  }
  throw new TypeError(`${path} must be data (numbers, strings, booleans, null, arrays, plain objects; distributions as specs such as { kind: 'exponential', meanMs: 10 }); got ${check.describe(value)}`);
}

function plainRecord(option: string, value: unknown): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new TypeError(`${option} must be an object; got ${check.describe(value)}`);
  return value as Record<string, unknown>;
}

/** Sets `options.a.b` for key 'a.b', making the objects on the way (copies, so a spec is never changed). */
function setPath(options: Record<string, unknown>, key: string, value: GridValue): void {
  const parts = key.split('.');
  let at = options;
  for (const part of parts.slice(0, -1)) {
    const next = at[part];
    if (next === undefined) at[part] = {};
    else if (next === null || typeof next !== 'object' || Array.isArray(next)) throw new TypeError(`${FN} grid key "${key}": options.${part} is not an object`);
    at = at[part] as Record<string, unknown>;
  }
  at[parts[parts.length - 1]] = value;
}

function metricOf(result: unknown, path: string, model: string): number {
  let at: unknown = result;
  for (const part of path.split('.')) {
    if (at === null || typeof at !== 'object' || !(part in at)) {
      const known = at !== null && typeof at === 'object' ? Object.keys(at).filter((k) => typeof (at as Record<string, unknown>)[k] !== 'function') : [];
      const near = check.closestKey(part, known);
      throw new TypeError(`${FN} metrics: ${model}'s result has no "${path}"${near ? ` (did you mean "${path.slice(0, path.lastIndexOf(part))}${near}"?)` : ''}`);
    }
    at = (at as Record<string, unknown>)[part];
  }
  if (typeof at !== 'number' || !Number.isFinite(at)) throw new TypeError(`${FN} metrics: ${model}'s "${path}" is ${check.describe(at)}, not a finite number`);
  return at;
}
