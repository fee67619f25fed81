/**
 * Option validation shared by every module.
 *
 * Each check returns the value it was given, so it can be used inline, and throws
 * a TypeError (wrong type) or RangeError (right type, wrong value) whose message
 * names the option, the value received and the allowed range. Nothing is clamped.
 */

/** A received value as messages print it: strings quoted, arrays by length, objects by kind. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value == null) return String(value);
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (typeof value === 'object') return 'an object';
  return `a value of type ${typeof value}`;
}

/** A finite number; the message names the option and the range the caller describes. */
function number(option: string, value: unknown, range: string): number {
  if (typeof value !== 'number') {
    throw new TypeError(`${option} must be a number ${range}; got ${describe(value)}`);
  }
  if (Number.isNaN(value)) throw new RangeError(`${option} must be a number ${range}; got NaN`);
  return value;
}

/** Any finite number. */
export function finite(option: string, value: unknown): number {
  const v = number(option, value, '(finite)');
  if (!Number.isFinite(v)) throw new RangeError(`${option} must be a finite number; got ${v}`);
  return v;
}

/** A whole number >= min, or Infinity (for limits that may be switched off). */
export function countOrInfinity(option: string, value: unknown, min: number): number {
  return value === Infinity ? Infinity : integer(option, value, min);
}

/** A number > 0 (Infinity allowed only when `allowInfinity`). */
export function positive(option: string, value: unknown, allowInfinity = false): number {
  const v = number(option, value, '> 0');
  if (!(v > 0) || (!allowInfinity && !Number.isFinite(v))) {
    throw new RangeError(`${option} must be a finite number > 0; got ${v}`);
  }
  return v;
}

/** A finite number ≥ 0. */
export function nonNegative(option: string, value: unknown): number {
  const v = number(option, value, '>= 0');
  if (!(v >= 0) || !Number.isFinite(v)) throw new RangeError(`${option} must be a finite number >= 0; got ${v}`);
  return v;
}

/** An integer in [min, max]. */
export function integer(option: string, value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `in [${min}, ${max}]`;
  const v = number(option, value, `(an integer ${range})`);
  if (!Number.isInteger(v) || v < min || v > max) {
    throw new RangeError(`${option} must be an integer ${range}; got ${v}`);
  }
  return v;
}

/** A number in [lo, hi], or (lo, hi) / [lo, hi) / (lo, hi] as `bounds` says. */
export function inRange(option: string, value: unknown, lo: number, hi: number, bounds: '[]' | '()' | '[)' | '(]' = '[]'): number {
  const range = `in ${bounds[0]}${lo}, ${hi}${bounds[1]}`;
  const v = number(option, value, range);
  const aboveLo = bounds[0] === '[' ? v >= lo : v > lo;
  const belowHi = bounds[1] === ']' ? v <= hi : v < hi;
  if (!aboveLo || !belowHi) throw new RangeError(`${option} must be a number ${range}; got ${v}`);
  return v;
}

/** A probability in [0, 1]. */
export function probability(option: string, value: unknown): number {
  return inRange(option, value, 0, 1, '[]');
}

/** One of a fixed set of strings. */
export function oneOf<T extends string>(option: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    const list = allowed.map((a) => JSON.stringify(a)).join(', ');
    const err = typeof value === 'string' ? RangeError : TypeError;
    throw new err(`${option} must be one of ${list}; got ${describe(value)}`);
  }
  return value as T;
}

/** A non-empty array of finite numbers. */
export function finiteArray(option: string, value: unknown, allowNaN = false): ArrayLike<number> {
  const isArray = Array.isArray(value) || ArrayBuffer.isView(value);
  if (!isArray) throw new TypeError(`${option} must be an array of finite numbers; got ${describe(value)}`);
  const arr = value as ArrayLike<number>;
  if (arr.length === 0) throw new RangeError(`${option} must be a non-empty array of finite numbers; got an empty array`);
  for (let i = 0; i < arr.length; i++) {
    const v = arr[i];
    if (typeof v !== 'number' || !(Number.isFinite(v) || (allowNaN && Number.isNaN(v)))) {
      throw new RangeError(`${option} must contain only finite numbers${allowNaN ? ' (or NaN for a gap)' : ''}; element ${i} is ${describe(v)}`);
    }
  }
  return arr;
}

/** true or false; `fallback` when undefined (required when no fallback is given). */
export function flag(option: string, value: unknown, fallback?: boolean): boolean {
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value !== 'boolean') throw new TypeError(`${option} must be true or false; got ${describe(value)}`);
  return value;
}

/** At least two finite numbers in strictly ascending order, e.g. histogram bin edges. */
export function ascending(option: string, value: unknown): ArrayLike<number> {
  const arr = finiteArray(option, value);
  if (arr.length < 2) throw new RangeError(`${option} needs at least 2 values; got ${arr.length}`);
  for (let i = 1; i < arr.length; i++) {
    if (!(arr[i] > arr[i - 1])) {
      throw new RangeError(`${option} must be strictly ascending; element ${i} (${arr[i]}) follows ${arr[i - 1]}`);
    }
  }
  return arr;
}

/** A plain object, or a TypeError naming `where` (so that `simulateQueue()` without one fails clearly). */
function plainObject(where: string, value: unknown): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new TypeError(`${where} expects an options object; got ${describe(value)}`);
  }
}

/** Edit distance between two strings, ignoring case (a misspelt key is often a mis-cased one). */
function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let row = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const next = [i];
    for (let j = 1; j <= t.length; j++) {
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (s[i - 1] === t[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[t.length];
}

/** The known key closest to `key`, when it is close enough to be a likely misspelling. */
export function closestKey(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = editDistance(key, k);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(Math.max(key.length, 1) / 3)) ? best : undefined;
}

/**
 * The one rule for options objects: `value` must be a plain object whose keys are all
 * in `known`, so that a misspelt option fails instead of being ignored. An unknown key
 * throws a TypeError naming it where it sits, the closest known key and every known key.
 * `null` is never "omitted": a key whose value is null throws a TypeError unless it is
 * listed in `nullable` (an option documented to take null). Omit an option, or pass
 * undefined, to take its default.
 *
 * `options` checks a function's own options object, named by the function
 * (`simulateQueue`); `nestedOptions` checks an object inside it, named by its path
 * (`path`, `servers[2]`, `l7.dns`), so its keys are reported as `path.lossrate`.
 */
export function options<T>(fn: string, value: T, known: readonly (keyof T & string)[] | readonly string[], nullable: readonly string[] = []): T {
  return keysWithin(fn, value, known, nullable, (key) => key, `${fn}: `, '');
}

/** `options` for an object nested in another one's options, named by its path (see `options`). */
export function nestedOptions<T>(path: string, value: T, known: readonly (keyof T & string)[] | readonly string[], nullable: readonly string[] = []): T {
  return keysWithin(path, value, known, nullable, (key) => `${path}.${key}`, '', ` of ${path}`);
}

/** Each known-key list as a Set, built once: the check runs on every call of hot functions. */
const KNOWN_SETS = new WeakMap<readonly string[], ReadonlySet<string>>();

function knownSet(known: readonly string[]): ReadonlySet<string> {
  let set = KNOWN_SETS.get(known);
  if (set === undefined) {
    set = new Set(known);
    KNOWN_SETS.set(known, set);
  }
  return set;
}

function keysWithin<T>(
  where: string,
  value: T,
  known: readonly string[],
  nullable: readonly string[],
  at: (key: string) => string,
  prefix: string,
  of: string,
): T {
  plainObject(where, value);
  const allowed = knownSet(known);
  const record = value as Record<string, unknown>;
  for (const key in record) {
    if (!Object.prototype.hasOwnProperty.call(record, key)) continue;
    if (!allowed.has(key)) {
      const close = closestKey(key, known);
      const hint = close === undefined ? '' : ` (did you mean ${JSON.stringify(at(close))}?)`;
      throw new TypeError(`${prefix}unknown option ${JSON.stringify(at(key))}${hint}; known options${of}: ${known.join(', ') || 'none'}`);
    }
    if (record[key] === null && !nullable.includes(key)) {
      throw new TypeError(`${prefix}option ${at(key)} is null; omit it (or pass undefined) to take its default`);
    }
  }
  return value;
}

/**
 * Refuses up front a call whose implied work would run past what one call may take
 * (about a minute and 2 GB on a 2-core machine): `work` is what the options imply
 * (e.g. requests × servers scanned), `limit` its ceiling. The RangeError names the
 * options involved, the work they imply, the limit and why it exists.
 */
export function workWithin(options: string, work: number, limit: number, why: string): void {
  if (!(work <= limit)) {
    throw new RangeError(`${options} imply ${formatCount(work)} ${why}; the limit is ${formatCount(limit)} per call (about a minute and 2 GB on a 2-core machine)`);
  }
}

/** A count as messages print it: 1.5e+9 rather than 1500000000. */
function formatCount(n: number): string {
  return Number.isFinite(n) && Math.abs(n) < 1e6 ? String(Math.round(n * 1000) / 1000) : n.toPrecision(3);
}

/**
 * Runs `fn` (which checks or builds something from a nested option) so that an error it
 * throws names where the value came from: "retry: baseMs must …". Same error type.
 */
export function within<T>(where: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof Error) e.message = `${where}: ${e.message}`;
    throw e;
  }
}
