/**
 * Hostile cases: one option path of one baseline mutated at a time.
 *
 * The walk visits every leaf of a baseline's arguments (numbers, strings, booleans, arrays,
 * marked rngs, distributions, functions and built objects; the first two elements of an array)
 * and every options object (for misspelt and unknown keys). For each leaf it lists the mutation
 * kinds that fit its type; fast-check, seeded, picks the values (which string, which huge number,
 * which fake rng). Paths read like the library's own error messages: `path.lossRate`,
 * `servers[0].failures[0].atMs`, `l7.dns.ttlMs`; a positional argument is named by its parameter.
 *
 * Classification (what a mutation must end in) — see `strictness`:
 *   strict  — must throw a TypeError or RangeError whose message names the option: a misspelt or
 *             unknown key (the message names that key), a value of the wrong type (string, boolean,
 *             number, object, array, function where another type is expected), null (never a synonym
 *             for "omitted"), NaN, an unknown string where the baseline's value is one of the
 *             library's enumerations, an array holding NaN or null, a fake rng without fork, a fake
 *             distribution without sample or whose sample is NaN.
 *   lenient — may also return normally (the value can be legitimate): undefined (the option may be
 *             optional), ±Infinity, negatives, zero, huge values (1e12, 1e300, 2^53), non-integers,
 *             empty arrays, other unknown strings, fake rngs returning NaN, 1 or -0.5, fake
 *             distributions returning -1 or Infinity.
 *   Either way the call must end within the deadline, without killing its process, and an error
 *   must be a TypeError or RangeError naming the option. A manifest entry may widen a key
 *   (`accepts`), skip it, or declare a free-form record (no key mutations there).
 */
import fc from 'fast-check';
import type { Entry, MutationKind } from './manifest';
import { FAKE_DISTS, FAKE_RNGS, markerOf, type Json } from './markers';

export type Segment = string | number;

/** One hostile call. */
export interface HostileCase {
  entry: string;
  construct?: boolean;
  args: Json[];
  /** The mutated path, as an error message would name it (`servers[0].workers`). */
  path: string;
  kind: MutationKind;
  /** A short readable form of the bad value. */
  shown: string;
  /** Must be a named error (no normal return). */
  strict: boolean;
  /** Any of these in the message counts as naming the option. */
  names: string[];
  /** A plain Error is a correct end (see Entry.plainErrorFor). */
  plainErrorOk?: boolean;
}

type LeafType = 'number' | 'string' | 'boolean' | 'array' | 'object' | 'rng' | 'dist' | 'fn' | 'built';

interface Leaf {
  segments: Segment[];
  type: LeafType;
  value: Json;
  /** The name an error should use: the nearest key, or the parameter's name. */
  names: string[];
}

const WRONG_TYPES: Record<LeafType, MutationKind[]> = {
  number: ['string', 'boolean', 'object', 'array', 'function'],
  string: ['number', 'boolean', 'object', 'array', 'function'],
  boolean: ['string', 'number', 'object', 'array', 'function'],
  array: ['string', 'number', 'boolean', 'object', 'function'],
  object: ['string', 'number', 'boolean', 'array', 'function'],
  rng: ['string', 'number', 'object'],
  dist: ['string', 'number', 'object', 'function'],
  fn: ['string', 'number', 'object'],
  built: ['string', 'number', 'boolean', 'array'],
};

const EXTRA: Record<LeafType, MutationKind[]> = {
  number: ['NaN', 'Infinity', '-Infinity', 'negative', 'zero', 'huge', 'fraction'],
  string: ['unknownEnum'],
  boolean: [],
  array: ['emptyArray', 'badElement'],
  object: [],
  rng: ['fakeRng'],
  dist: ['fakeDist'],
  fn: [],
  built: [],
};

/** Strings that belong to one of the library's enumerations (exported lists, plus option unions kept private). */
export function enumStrings(api: Record<string, unknown>): Set<string> {
  const skip = new Set(['PALETTE', 'ACCESS_PROFILE_COLUMNS', 'REGION_RTT_COLUMNS', 'IDEMPOTENT_METHODS']);
  const out = new Set<string>([
    'Viridis', 'Cividis', 'bars', 'ladder', 'linear', 'log', 'count', 'probability', 'percent', 'solid', 'dot', 'dash',
    'longdash', 'dashdot', 'longdashdot', 'value', 'category', 'tcp', 'quic', 'L4', 'L7', 'L1', 'L3', 'client', 'session',
    'sequential', 'root', 'tld', 'authoritative', 'runtime', 'stub', 'resolver',
  ]);
  for (const [k, v] of Object.entries(api)) {
    if (!skip.has(k) && Array.isArray(v) && v.every((x) => typeof x === 'string')) for (const s of v) out.add(s);
  }
  return out;
}

function typeOf(value: Json): LeafType | 'options' {
  const marker = markerOf(value);
  if (marker === '$rng' || marker === '$fakeRng') return 'rng';
  if (marker === '$dist' || marker === '$fakeDist') return 'dist';
  if (marker === '$fn') return 'fn';
  if (marker === '$num') return 'number';
  if (marker) return 'built';
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'object';
  if (typeof value === 'object') return 'options';
  return typeof value as 'number' | 'string' | 'boolean';
}

/** The path as the library writes it: `servers[0].failures[1].untilMs`; positional args by parameter name. */
export function pathText(entry: Entry, segments: readonly Segment[]): string {
  const [first, ...rest] = segments;
  let out = entry.params?.[first as number]?.split('|')[0] ?? `arg${first}`;
  for (const s of rest) out += typeof s === 'number' ? `[${s}]` : `.${s}`;
  return out;
}

/** The key (or parameter) a leaf sits under: its own name first, then the object holding it. */
function keysAt(entry: Entry, segments: readonly Segment[]): string[] {
  const out: string[] = [];
  for (let i = segments.length - 1; i >= 1 && out.length < 2; i--) if (typeof segments[i] === 'string') out.push(segments[i] as string);
  if (out.length < 2) {
    const param = entry.params?.[segments[0] as number];
    out.push(...(param ? param.split('|') : [entry.name]));
  }
  return out;
}

function namesAt(entry: Entry, segments: readonly Segment[]): string[] {
  const keys = keysAt(entry, segments);
  return [...keys, ...keys.flatMap((k) => entry.alsoNamed?.[k] ?? [])];
}

/** Every leaf and every options object of a baseline. */
export function walk(entry: Entry): { leaves: Leaf[]; objects: { segments: Segment[]; keys: string[] }[] } {
  const leaves: Leaf[] = [];
  const objects: { segments: Segment[]; keys: string[] }[] = [];
  const skip = new Set(entry.skip ?? []);
  const records = new Set(entry.records ?? []);
  const visit = (value: Json, segments: Segment[]): void => {
    const names = namesAt(entry, segments);
    if (skip.has(names[0])) return;
    const type = typeOf(value);
    if (type === 'options') {
      const obj = value as Record<string, Json>;
      const isRecord = records.has(names[0]);
      if (segments.length > 1 || !isRecord) leaves.push({ segments, type: 'object', value, names });
      if (!isRecord && Object.keys(obj).length > 0) objects.push({ segments, keys: Object.keys(obj) });
      for (const [k, v] of Object.entries(obj)) visit(v, [...segments, k]);
      return;
    }
    leaves.push({ segments, type, value, names });
    if (type === 'array') (value as Json[]).slice(0, 2).forEach((v, i) => visit(v, [...segments, i]));
  };
  (entry.args ?? []).forEach((a, i) => visit(a, [i]));
  return { leaves, objects };
}

/** A near miss of a key: a letter dropped, or the case of one letter swapped. */
function nearMisses(key: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i < key.length; i++) {
    if (key.length > 2) out.add(key.slice(0, i) + key.slice(i + 1));
    const c = key[i];
    const swapped = c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase();
    if (swapped !== c) out.add(key.slice(0, i) + swapped + key.slice(i + 1));
  }
  return [...out].filter((k) => k !== key);
}

const num = (text: string): Json => ({ $num: text });

/** An arbitrary for the bad value of one mutation kind at one leaf. */
function valueArb(kind: MutationKind, leaf: Leaf): fc.Arbitrary<{ value: Json; shown: string; strict?: boolean }> {
  const of = (...values: [Json, string][]): fc.Arbitrary<{ value: Json; shown: string }> => fc.constantFrom(...values.map(([value, shown]) => ({ value, shown })));
  const base = typeof leaf.value === 'number' ? leaf.value : 10;
  switch (kind) {
    case 'string': return of(['5', '"5"'], ['', '""'], ['abc', '"abc"'], ['1e3', '"1e3"']);
    case 'boolean': return of([true, 'true'], [false, 'false']);
    case 'number': return of([5, '5'], [0, '0'], [-1, '-1']);
    case 'object': return of([{}, '{}'], [{ value: 1 }, '{ value: 1 }']);
    case 'array': return of([[], '[]'], [[1], '[1]'], [['x'], '["x"]']);
    case 'function': return of([{ $fn: 'noop' }, '() => {}'], [{ $fn: 'constant0' }, '() => 0']);
    case 'null': return of([null, 'null']);
    case 'undefined': return of([{ $undefined: true }, 'undefined']);
    case 'NaN': return of([num('NaN'), 'NaN']);
    case 'Infinity': return of([num('Infinity'), 'Infinity']);
    case '-Infinity': return of([num('-Infinity'), '-Infinity']);
    case 'negative':
      return fc.oneof(of([-1, '-1'], [num('-0'), '-0']), fc.double({ min: -1e9, max: -1e-6, noNaN: true }).map((v) => ({ value: v, shown: String(v) })), fc.constant({ value: -Math.abs(base) || -1, shown: String(-Math.abs(base) || -1) }));
    case 'zero': return of([0, '0']);
    case 'huge': return of([1e12, '1e12'], [1e300, '1e300'], [2 ** 53, '2**53'], [Number.MAX_VALUE, 'Number.MAX_VALUE']);
    case 'fraction':
      return fc.oneof(fc.constant({ value: base + 0.5, shown: String(base + 0.5) }), fc.double({ min: 0.01, max: 0.99, noNaN: true }).map((v) => ({ value: v, shown: String(v) })));
    case 'unknownEnum': {
      const s = String(leaf.value);
      const cased = s === s.toUpperCase() ? s.toLowerCase() : s.toUpperCase();
      const flipped = cased === s ? `${s}x` : cased;
      return of(['bogus', '"bogus"'], [flipped, JSON.stringify(flipped)], [`${s} `, JSON.stringify(`${s} `)]);
    }
    case 'emptyArray': return of([[], '[]']);
    case 'badElement':
      return fc.constantFrom<[Json, string, boolean]>([num('NaN'), 'NaN', true], [null, 'null', true], ['x', '"x"', false], [{}, '{}', false], [num('-Infinity'), '-Infinity', false])
        .map(([bad, shown, strict]) => ({ value: [bad, ...((leaf.value as Json[]).slice(1))], shown: `[${shown}, …]`, strict }));
    case 'fakeRng':
      return fc.constantFrom(...FAKE_RNGS).map((k) => ({ value: { $fakeRng: k }, shown: `fake rng (${k})`, strict: k === 'noFork' }));
    case 'fakeDist':
      return fc.constantFrom(...FAKE_DISTS).map((k) => ({ value: { $fakeDist: k }, shown: `fake distribution (${k})`, strict: k === 'noSample' || k === 'nan' }));
    default:
      throw new Error(`no value arbitrary for ${kind}`);
  }
}

/** Kinds tried at every leaf in every run, their values drawn by fast-check (some values strict, some not). */
const ALWAYS_TRIED = new Set<MutationKind>(['fakeRng', 'fakeDist', 'badElement', 'unknownEnum']);

const STRICT_KINDS = new Set<MutationKind>(['string', 'boolean', 'number', 'object', 'array', 'function', 'null', 'NaN', 'misspeltKey', 'unknownKey']);

/** Whether a mutation must end in a named error (see the header). */
export function strictness(kind: MutationKind, leaf: Leaf | null, entry: Entry, enums: Set<string>, valueStrict?: boolean): boolean {
  const accepted = leaf && entry.accepts?.[leaf.names[0]]?.includes(kind);
  if (accepted) return false;
  if (valueStrict !== undefined) return valueStrict;
  if (kind === 'unknownEnum') return leaf !== null && enums.has(leaf.value as string);
  return STRICT_KINDS.has(kind);
}

function setAt(args: Json[], segments: readonly Segment[], value: Json): Json[] {
  const copy = structuredClone(args);
  let target = copy as unknown as Record<Segment, Json>;
  for (const s of segments.slice(0, -1)) target = target[s] as unknown as Record<Segment, Json>;
  target[segments[segments.length - 1]] = value;
  return copy;
}

function renameAt(args: Json[], segments: readonly Segment[], from: string, to: string | null, extra?: [string, Json]): Json[] {
  const copy = structuredClone(args);
  let target = copy as unknown as Record<Segment, Json>;
  for (const s of segments) target = target[s] as unknown as Record<Segment, Json>;
  const obj = target as unknown as Record<string, Json>;
  if (to !== null) {
    obj[to] = obj[from];
    delete obj[from];
  }
  if (extra) obj[extra[0]] = extra[1];
  return copy;
}

/** Options for generating cases. */
export interface GenerateOptions {
  seed: number;
  /** Lenient mutations drawn per leaf (strict kinds are each tried once per leaf). */
  lenientPerLeaf: number;
  /** Extra draws of every strict kind per leaf (0 in a normal run; the fuzz raises it). */
  strictRepeats: number;
  /** Wrong types tried per leaf, chosen by fast-check (all of them when at least 5). */
  wrongTypesPerLeaf: number;
}

function hashText(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** The hostile cases of one entry. */
export function hostileCases(entry: Entry, enums: Set<string>, opts: GenerateOptions): HostileCase[] {
  if (!entry.args) return [];
  const out: HostileCase[] = [];
  const seen = new Set<string>();
  const { leaves, objects } = walk(entry);
  const push = (c: HostileCase): void => {
    const key = `${c.path}|${c.kind}|${JSON.stringify(c.args)}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(c);
    }
  };
  for (const obj of objects) {
    const seed = opts.seed ^ hashText(`${entry.name}:${pathText(entry, obj.segments)}`);
    const picks = fc.sample(fc.record({ key: fc.constantFrom(...obj.keys), miss: fc.nat(), unknown: fc.constantFrom('bogus', 'colour', 'extra', 'rngSeed') }), { seed, numRuns: 1 + opts.strictRepeats });
    for (const p of picks) {
      const misses = nearMisses(p.key).filter((k) => !obj.keys.includes(k));
      if (misses.length > 0) {
        const miss = misses[p.miss % misses.length];
        push({ entry: entry.name, construct: entry.construct, args: renameAt(entry.args, obj.segments, p.key, miss), path: pathText(entry, [...obj.segments, miss]), kind: 'misspeltKey', shown: `key "${miss}" for "${p.key}"`, strict: true, names: [miss] });
      }
      push({ entry: entry.name, construct: entry.construct, args: renameAt(entry.args, obj.segments, p.key, null, [p.unknown, 1]), path: pathText(entry, [...obj.segments, p.unknown]), kind: 'unknownKey', shown: `extra key "${p.unknown}"`, strict: true, names: [p.unknown] });
    }
  }
  for (const leaf of leaves) {
    const seed = opts.seed ^ hashText(`${entry.name}:${pathText(entry, leaf.segments)}`);
    const wrong = WRONG_TYPES[leaf.type];
    const wrongTried = wrong.length <= opts.wrongTypesPerLeaf ? wrong : fc.sample(fc.shuffledSubarray(wrong, { minLength: opts.wrongTypesPerLeaf, maxLength: opts.wrongTypesPerLeaf }), { seed: seed + 2, numRuns: 1 })[0];
    const kinds = [...wrongTried, 'null' as const, 'undefined' as const, ...EXTRA[leaf.type]];
    const always = kinds.filter((k) => strictness(k, leaf, entry, enums) || ALWAYS_TRIED.has(k));
    const lenientKinds = kinds.filter((k) => !always.includes(k));
    const chosen: MutationKind[] = [...always];
    for (let r = 0; r < opts.strictRepeats; r++) chosen.push(...always);
    if (lenientKinds.length > 0) chosen.push(...fc.sample(fc.constantFrom(...lenientKinds), { seed: seed + 1, numRuns: opts.lenientPerLeaf }));
    chosen.forEach((kind, i) => {
      const [v] = fc.sample(valueArb(kind, leaf), { seed: seed + 7 * i + 3, numRuns: 1 });
      push({
        entry: entry.name, construct: entry.construct, args: setAt(entry.args!, leaf.segments, v.value), path: pathText(entry, leaf.segments),
        kind, shown: v.shown, strict: strictness(kind, leaf, entry, enums, (v as { strict?: boolean }).strict), names: [...leaf.names, ...(leaf.segments.length === 1 ? [entry.name] : [])],
        plainErrorOk: entry.plainErrorFor?.includes(kind),
      });
    });
  }
  return out;
}
