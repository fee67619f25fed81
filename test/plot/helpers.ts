import assert from 'node:assert/strict';
import type { Axis, Figure } from '../../lib/plot';

/** The figure survives a JSON round trip unchanged: no typed arrays, undefined, NaN or -0. */
export function assertJson(fig: Figure): void {
  assert.deepEqual(JSON.parse(JSON.stringify(fig)), fig);
}

/** The axis exists and its title contains `text`. */
export function assertTitle(axis: Axis | undefined, text: string): void {
  assert.ok(axis, 'axis missing');
  assert.ok(axis.title.text.includes(text), `axis title ${JSON.stringify(axis.title.text)} lacks ${JSON.stringify(text)}`);
}

/** `fn` throws an error of class `type` whose message contains every fragment. */
export function assertThrowsNaming(fn: () => unknown, type: typeof TypeError | typeof RangeError, ...fragments: string[]): void {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof type, `expected ${type.name}, got ${String(err)}`);
    for (const f of fragments) assert.ok((err as Error).message.includes(f), `message ${JSON.stringify((err as Error).message)} lacks ${JSON.stringify(f)}`);
    return true;
  });
}

/** Closeness for rounded output. */
export function assertClose(actual: unknown[], expected: number[], tol = 1e-6): void {
  assert.equal(actual.length, expected.length);
  actual.forEach((a, i) => assert.ok(Math.abs((a as number) - expected[i]) <= tol, `element ${i}: ${a} vs ${expected[i]}`));
}
