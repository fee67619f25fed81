/**
 * When a stack run's clients saw failed attempts: the end of the first and of the last
 * attempt that failed, at any layer or at one. It reads the attempt records of
 * `simulateStack` (each failure is charged to one layer, see its `attempts.failedLayer`).
 * Not done: gaps inside the span (a run may fail, recover and fail again in between).
 */
import * as check from '../../validate';
import type { StackResult } from './stackReport';
import { STACK_LAYERS, type StackLayer } from './stackLayers';

/** The first and last failure a client saw (ms from the start of the run). */
export interface FailureSpan {
  firstMs: number;
  lastMs: number;
}

/** Options of `failureSpan`. */
export interface FailureSpanOptions {
  /** Count only failures charged to this layer (default: every layer). */
  layer?: StackLayer;
}

const KEYS: readonly (keyof FailureSpanOptions)[] = ['layer'];

/** Checks that `result` holds a stack run's attempt records; returns them. */
export function stackAttemptsOf(fn: string, result: StackResult): StackResult['attempts'] {
  const attempts = (result as { attempts?: StackResult['attempts'] } | null)?.attempts;
  if (!attempts || !(attempts.endMs instanceof Float64Array) || !(attempts.failedLayer instanceof Int8Array) || !(attempts.startMs instanceof Float64Array)) {
    throw new TypeError(`${fn}: result must be what simulateStack returned (with attempts.startMs, attempts.endMs and attempts.failedLayer)`);
  }
  return attempts;
}

/**
 * The span of failed attempts in `result` (at `options.layer` only, when given), by when
 * the client saw them fail; null when none failed. Throws a TypeError for a result that is
 * not a `simulateStack` result or an unknown option, a RangeError for an unknown layer.
 */
export function failureSpan(result: StackResult, options?: FailureSpanOptions): FailureSpan | null {
  const FN = 'failureSpan';
  const attempts = stackAttemptsOf(FN, result);
  const opts = options === undefined ? {} : check.options(FN, options, KEYS);
  const only = opts.layer === undefined ? -1 : STACK_LAYERS.indexOf(check.oneOf(`${FN} layer`, opts.layer, STACK_LAYERS));
  let first = Infinity;
  let last = -Infinity;
  for (let a = 0; a < attempts.endMs.length; a++) {
    const k = attempts.failedLayer[a];
    if (k < 0 || (only >= 0 && k !== only)) continue;
    const t = attempts.endMs[a];
    if (t < first) first = t;
    if (t > last) last = t;
  }
  return first === Infinity ? null : { firstMs: first, lastMs: last };
}
