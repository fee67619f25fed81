/**
 * L7 path routing: the URL paths requests ask for, and the table that sends each
 * path to a pool of servers by its longest matching prefix, as an HTTP proxy's
 * `location` or route rules do (`/api/payments` → the payments pool). A path that
 * matches no route goes to the pool named "default".
 */
import { requireDistribution } from '../../random/requireDistribution';
import * as check from '../../validate';
import { DEFAULT_POOL } from './clusterServers';
import type { CheckedPath, PathSpec } from './requestMix';

/** Every key of `PathSpec`. */
export const PATH_SPEC_KEYS: readonly (keyof PathSpec & string)[] = ['path', 'share', 'serviceTime'];

/** Every request asks for "/" unless paths are given. */
const ROOT: CheckedPath[] = [{ path: '/', share: 1 }];

/** Checks the path mix: paths starting with "/", shares > 0 summing to 1. */
export function checkPaths(value: unknown): CheckedPath[] {
  if (value === undefined) return ROOT;
  if (!Array.isArray(value) || value.length === 0 || value.length > 1000) {
    throw new TypeError(`paths must be an array of 1 to 1000 { path, share, serviceTime? }; got ${check.describe(value)}`);
  }
  let total = 0;
  const paths = value.map((p: PathSpec, k) => {
    check.nestedOptions(`paths[${k}]`, p, PATH_SPEC_KEYS);
    if (typeof p.path !== 'string' || !p.path.startsWith('/')) throw new TypeError(`paths[${k}].path must be a string starting with "/"; got ${check.describe(p.path)}`);
    total += check.inRange(`paths[${k}].share`, p.share, 0, 1, '(]');
    return { path: p.path, share: p.share, serviceTime: p.serviceTime === undefined ? undefined : requireDistribution(`paths[${k}].serviceTime`, p.serviceTime) };
  });
  if (Math.abs(total - 1) > 1e-9) throw new RangeError(`paths shares must sum to 1; got ${total}`);
  return paths;
}

/** The pool (index into `poolNames`) each path is routed to. */
export function routePaths(paths: readonly PathSpec[], routes: Readonly<Record<string, string>> | undefined, poolNames: readonly string[]): Int32Array {
  // Route keys are the caller's path prefixes: any key is known, each is checked below.
  const table = Object.entries(routes === undefined ? {} : check.nestedOptions('routes', routes, Object.keys(routes ?? {})));
  if (table.length > 1000) throw new RangeError(`routes must hold at most 1000 prefixes; got ${table.length}`);
  for (const [prefix, pool] of table) {
    if (!prefix.startsWith('/')) throw new RangeError(`routes keys must be path prefixes starting with "/"; got ${JSON.stringify(prefix)}`);
    if (!poolNames.includes(pool)) {
      throw new RangeError(`routes["${prefix}"] must name a pool of servers (${poolNames.map((p) => JSON.stringify(p)).join(', ')}); got ${check.describe(pool)}`);
    }
  }
  return Int32Array.from(paths, ({ path }) => {
    let best = DEFAULT_POOL;
    let bestLength = -1;
    for (const [prefix, pool] of table) {
      if (path.startsWith(prefix) && prefix.length > bestLength) {
        best = pool;
        bestLength = prefix.length;
      }
    }
    const index = poolNames.indexOf(best);
    if (index < 0) throw new RangeError(`path "${path}" matches no route and there is no "${DEFAULT_POOL}" pool; add a route or a server in pool "${DEFAULT_POOL}"`);
    return index;
  });
}
