/**
 * Provenance of a result: which library version made it, from which spec and seed,
 * so a table in a write-up can be traced back to the call that produced it.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import type { CheckedSweepSpec } from './sweepSpec';

/** Where a sweep's numbers came from. */
export interface Provenance {
  /** Always 'netlab'. */
  library: string;
  /** The library's version (package.json). */
  version: string;
  /** The spec, as JSON text (defaults filled in). */
  spec: string;
  /** The root seed. */
  seed: number | string;
}

let version: string | undefined;

/** The library's version, read once from its package.json. */
export function libraryVersion(): string {
  if (version === undefined) {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version?: string };
    version = pkg.version ?? 'unknown';
  }
  return version;
}

/** The provenance of a checked sweep spec. */
export function provenanceOf(spec: CheckedSweepSpec): Provenance {
  return { library: 'netlab', version: libraryVersion(), spec: JSON.stringify(spec), seed: spec.seed };
}
