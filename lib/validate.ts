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

/** A plain options object (so that `simulateQueue()` without one fails clearly). */
export function options<T>(fn: string, value: T): T {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new TypeError(`${fn} expects an options object; got ${describe(value)}`);
  }
  return value;
}

/** An options object whose keys are all in `known`, so that a misspelt option fails instead of being ignored. */
export function knownOptions<T>(fn: string, value: T, known: readonly string[]): T {
  options(fn, value);
  for (const key of Object.keys(value as object)) {
    if (!known.includes(key)) throw new RangeError(`${fn} has no option ${JSON.stringify(key)}; known options: ${known.join(', ')}`);
  }
  return value;
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
