/**
 * Cases travel to the runner as JSON, so values JSON cannot hold are written as markers and
 * built in the runner:
 *
 * | marker | becomes |
 * |---|---|
 * | `{ $rng: 42 }` | `createRng(42)` |
 * | `{ $dist: ['exponential', 10] }` | `exponential(10)` (any exported distribution factory) |
 * | `{ $call: ['createPath', { rttMs: 40 }] }` | the export called with its (marked) arguments |
 * | `{ $new: ['Simulation'] }` | the exported class constructed with its arguments |
 * | `{ $num: 'NaN' }` | NaN, Infinity, -Infinity or -0 |
 * | `{ $undefined: true }` | undefined (the key stays present) |
 * | `{ $fn: 'noop' }` | a function: noop, identity, constant0 |
 * | `{ $typed: ['Float64Array', [1, 2]] }` | a typed array |
 * | `{ $text: 'data/region-rtt.csv' }` | the file's text (read in the runner, relative to the repository) |
 * | `{ $fakeRng: 'noFork' }` | a fake stream: a function without fork, or one whose draws are NaN, 1 or -0.5 |
 * | `{ $fakeDist: 'nan' }` | a fake distribution: sample gives NaN, -1 or Infinity, or no sample at all |
 */
import fs from 'node:fs';
import path from 'node:path';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Marker keys; an object with one of them is a leaf for the mutation walk. */
export const MARKERS = ['$rng', '$dist', '$call', '$new', '$num', '$undefined', '$fn', '$typed', '$text', '$fakeRng', '$fakeDist'] as const;

/** The marker key of a value, if it is a marker. */
export function markerOf(value: unknown): (typeof MARKERS)[number] | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  return keys.length === 1 ? MARKERS.find((m) => m === keys[0]) : undefined;
}

export const FAKE_RNGS = ['noFork', 'nan', 'one', 'negative'] as const;
export const FAKE_DISTS = ['nan', 'negative', 'infinity', 'noSample'] as const;

const ROOT = path.resolve(__dirname, '..', '..');

function fakeRng(kind: string): unknown {
  if (kind === 'noFork') return () => 0.5;
  const value = kind === 'nan' ? NaN : kind === 'one' ? 1 : -0.5;
  const rng = (() => value) as (() => number) & { fork: (label: string) => unknown; labels: string[]; seed: string };
  rng.fork = () => rng;
  rng.labels = ['fake'];
  rng.seed = '["fake"]';
  return rng;
}

function fakeDist(kind: string): unknown {
  if (kind === 'noSample') return { label: 'no sample', mean: 1 };
  const value = kind === 'nan' ? NaN : kind === 'negative' ? -1 : Infinity;
  return { label: `fake(${value})`, sample: () => value };
}

/** Builds the value a marked JSON stands for, using the library's exports `api`. */
export function materialize(value: Json, api: Record<string, unknown>): unknown {
  if (Array.isArray(value)) return value.map((v) => materialize(v, api));
  if (value === null || typeof value !== 'object') return value;
  const marker = markerOf(value);
  const arg = marker ? (value as Record<string, Json>)[marker] : undefined;
  const fn = (name: Json): ((...a: unknown[]) => unknown) => {
    const f = api[name as string];
    if (typeof f !== 'function') throw new Error(`marker names no exported function: ${String(name)}`);
    return f as (...a: unknown[]) => unknown;
  };
  switch (marker) {
    case '$rng':
      return (api.createRng as (s: unknown) => unknown)(arg);
    case '$dist':
    case '$call': {
      const [name, ...args] = arg as Json[];
      return fn(name)(...args.map((a) => materialize(a, api)));
    }
    case '$new': {
      const [name, ...args] = arg as Json[];
      const Ctor = fn(name) as unknown as new (...a: unknown[]) => unknown;
      return new Ctor(...args.map((a) => materialize(a, api)));
    }
    case '$num':
      return Number(arg);
    case '$undefined':
      return undefined;
    case '$fn':
      return arg === 'identity' ? (x: unknown) => x : arg === 'constant0' ? () => 0 : () => undefined;
    case '$typed': {
      const [type, values] = arg as [string, number[]];
      const Typed = (globalThis as unknown as Record<string, new (v: number[]) => unknown>)[type];
      return new Typed(values);
    }
    case '$text':
      return fs.readFileSync(path.join(ROOT, arg as string), 'utf8');
    case '$fakeRng':
      return fakeRng(arg as string);
    case '$fakeDist':
      return fakeDist(arg as string);
    default: {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = materialize(v, api);
      return out;
    }
  }
}
