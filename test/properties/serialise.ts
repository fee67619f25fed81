/**
 * A byte-exact serialisation of any result, for determinism checks: typed arrays as the hex of
 * their bytes, numbers as their shortest round-trip text (with -0, NaN and ±Infinity spelt out),
 * objects in their own key order (an order that changes between runs is a difference too),
 * Maps and Sets as entry lists, functions by name, cycles marked.
 */
import { createHash } from 'node:crypto';

function encode(value: unknown, seen: WeakSet<object>, depth: number): unknown {
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function') return `[function ${value.name}]`;
  if (value === undefined) return '[undefined]';
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[cycle]';
  if (depth > 40) return '[deep]';
  seen.add(value);
  try {
    if (ArrayBuffer.isView(value)) {
      const bytes = Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex');
      return { [value.constructor.name]: bytes };
    }
    if (Array.isArray(value)) return value.map((v) => encode(v, seen, depth + 1));
    if (value instanceof Map) return { Map: [...value].map(([k, v]) => [encode(k, seen, depth + 1), encode(v, seen, depth + 1)]) };
    if (value instanceof Set) return { Set: [...value].map((v) => encode(v, seen, depth + 1)) };
    const out: Record<string, unknown> = {};
    const name = value.constructor?.name;
    if (name && name !== 'Object') out['[class]'] = name;
    for (const k of Object.keys(value)) out[k] = encode((value as Record<string, unknown>)[k], seen, depth + 1);
    return out;
  } finally {
    seen.delete(value);
  }
}

/** The serialised text of a result. */
export function serialise(value: unknown): string {
  return JSON.stringify(encode(value, new WeakSet(), 0));
}

/** sha256 (hex) of the serialised result. */
export function resultHash(value: unknown): string {
  return createHash('sha256').update(serialise(value)).digest('hex');
}
