/**
 * The manifest of the public API: one entry per function and class exported from lib/index.ts.
 * manifest.test.ts fails when an export has no entry, so a new export cannot go untested.
 */
import type { Entry } from './entry';
import { BALANCE } from './balance';
import { HTTP } from './http';
import { NET } from './net';
import { PLOT } from './plot';
import { RANDOM } from './random';
import { RESILIENCE } from './resilience';
import { SCENARIOS } from './scenarios';
import { SIM } from './sim';
import { STATS } from './stats';
import { SWEEP } from './sweep';
import { TEACH } from './teach';

export type { Entry, MutationKind } from './entry';

export const MANIFEST: readonly Entry[] = [...RANDOM, ...SIM, ...STATS, ...PLOT, ...NET, ...HTTP, ...BALANCE, ...RESILIENCE, ...SCENARIOS, ...TEACH, ...SWEEP];

/** The entry of an export, by name. */
export function entryOf(name: string): Entry | undefined {
  return MANIFEST.find((e) => e.name === name);
}
