/**
 * Loads NetLab's place tables from disk: the one module of the library that
 * reads files. Each loader reads a UTF-8 CSV file and hands its text to the pure
 * parser, which validates every cell.
 *
 * A relative path is resolved from the current working directory; a notebook in
 * `notebooks/` reads `loadRegionRtts('../data/region-rtt.csv')`.
 *
 * Not done here: downloading, caching, watching files for changes.
 */
import { readFileSync } from 'node:fs';
import { parseAccessProfiles, type AccessProfile } from './accessProfiles';
import { parseRegionRtts, type RegionRtts } from './regionRtts';
import { describe } from '../../validate';

/** Reads a region round-trip table (`from,to,rttMs[,source]`). */
export function loadRegionRtts(path: string): RegionRtts {
  return parseRegionRtts(readText('loadRegionRtts', path), path);
}

/** Reads an access-profile table (`name,rttMs,jitterMs,lossRate,meanLossBurst,bandwidthMbps,source`). */
export function loadAccessProfiles(path: string): readonly AccessProfile[] {
  return parseAccessProfiles(readText('loadAccessProfiles', path), path);
}

function readText(fn: string, path: string): string {
  if (typeof path !== 'string' || path === '') throw new TypeError(`${fn} expects a file path; got ${describe(path)}`);
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (e as Error).message;
    throw new Error(`${fn}: cannot read ${JSON.stringify(path)} (resolved from ${process.cwd()}): ${why}`);
  }
}
