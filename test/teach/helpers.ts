/** Shared test helpers: a capturing display writer and a named-error assertion. */
import assert from 'node:assert/strict';
import type { DisplayContent } from '../../lib/plot/output/show';
import { setDisplayWriterForTests } from '../../lib/teach/display';

/** Captures what the teaching calls would display in a kernel, for the duration of a suite. */
export function captureDisplays(): DisplayContent[] {
  const sent: DisplayContent[] = [];
  beforeEach(() => {
    sent.length = 0;
    setDisplayWriterForTests((content) => sent.push(content));
  });
  afterEach(() => setDisplayWriterForTests(undefined));
  return sent;
}

/** `fn` throws an error of class `type` whose message contains every fragment. */
export function assertThrowsNaming(fn: () => unknown, type: new (...a: never[]) => Error, ...fragments: string[]): Error {
  let caught: Error | undefined;
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof type, `expected ${type.name}, got ${String(err)}`);
    for (const f of fragments) assert.ok((err as Error).message.includes(f), `message ${JSON.stringify((err as Error).message)} lacks ${JSON.stringify(f)}`);
    caught = err as Error;
    return true;
  });
  return caught!;
}

/** Calls that bypass the static types, the way a notebook cell with a typo would. */
export const any = (v: unknown): never => v as never;
