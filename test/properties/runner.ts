/**
 * The child side of the property pool (pool.ts): receives cases over IPC as JSON, builds their
 * arguments from markers (markers.ts), calls the export and replies with how the call ended.
 *
 * A case: `{ id, entry, construct?, args, hash? }`. `construct` calls the export with `new`.
 * With `hash`, the call is made twice from freshly built arguments and the reply carries the
 * sha256 of each serialised result (`hash`, and `extract: { repeat }` for the second). A call
 * that returns a promise is judged by what the promise settles to.
 */
import * as api from '../../lib/index';
import { materialize, type Json } from './markers';
import { resultHash } from './serialise';

interface Case {
  id: number;
  entry: string;
  construct?: boolean;
  args: Json[];
  hash?: boolean;
}

const exports = api as unknown as Record<string, unknown>;

function invoke(c: Case): unknown {
  const target = exports[c.entry] as (...a: unknown[]) => unknown;
  const args = c.args.map((a) => materialize(a, exports));
  if (c.construct) return new (target as unknown as new (...a: unknown[]) => unknown)(...args);
  return target(...args);
}

/** The call's result, or what its promise settles to (an async export is judged by how it settles). */
async function settle(c: Case): Promise<unknown> {
  const result = invoke(c);
  return result instanceof Promise ? await result : result;
}

process.on('message', (raw) => {
  const c = raw as Case;
  const started = performance.now();
  void (async () => {
    try {
      const result = await settle(c);
      const ms = performance.now() - started;
      if (c.hash) {
        const hash = resultHash(result);
        const repeat = resultHash(await settle(c));
        process.send!({ id: c.id, outcome: 'returned', ms, hash, extract: { repeat } });
      } else {
        process.send!({ id: c.id, outcome: 'returned', ms });
      }
    } catch (err) {
      const ms = performance.now() - started;
      const e = err as Error;
      const errorName = e && typeof e === 'object' ? (e.constructor?.name ?? 'unknown') : typeof e;
      const message = e && typeof e === 'object' ? String(e.message) : String(e);
      process.send!({ id: c.id, outcome: 'threw', errorName, message: message.slice(0, 600), ms });
    }
  })();
});

process.send!({ ready: true });
