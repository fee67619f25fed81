/**
 * progress(label, total): a progress bar for long runs in a notebook that leaves
 * no trace in the saved outputs.
 *
 *   const p = progress('simulating', requests);
 *   const result = simulateQueue({ ...options, onProgress: p.update });
 *   p.done();
 *
 * or, so the bar is cleared even when the run throws:
 *
 *   const result = withProgress('simulating', (onProgress) => simulateQueue({ ...options, onProgress }));
 *
 * Mechanism (tslab kernel): the bar is one display with a Jupyter display_id
 * (carried in the message's `transient` part, which is never saved). The first
 * update sends display_data; later ones send update_display_data, so the bar
 * changes in place — the kernel's messages leave while a synchronous simulation
 * is still running, so it moves live. done() replaces it with an empty text, so an
 * executed notebook saves only an empty output where the bar was: no progress text
 * and identical bytes on every run. Updates are sent only when the whole percent
 * changes (at most 101 messages per bar), with no clock involved.
 *
 * Outside a kernel the bar is written to stderr when stderr is a terminal, and is
 * silent otherwise (tests, pipes).
 *
 * Not done: time estimates (lib/ does not read the clock) and nested bars.
 */

import type { ProgressCallback } from '../../sim/progress';
import { kernelDisplayWriter, type DisplayWriter } from './show';
import { escapeHtml } from './escapeHtml';
import { nonNegative, positive } from '../../validate';

export interface Progress {
  /** Reports `done` units of work out of `total` (given here or to progress()). Fits an `onProgress` option. */
  readonly update: (done: number, total?: number) => void;
  /** Removes the bar (blanks it in the notebook). Further updates are ignored. */
  readonly done: () => void;
}

let barsCreated = 0;

/**
 * Creates a progress bar. Nothing is shown before the first update.
 *
 * @param label what is running, e.g. 'simulating HTTP/2'.
 * @param total the amount of work, > 0; may instead come with each update (as an onProgress callback gives it).
 */
export function progress(label: string, total?: number): Progress {
  if (typeof label !== 'string') throw new TypeError(`progress(label): label must be a string; got ${typeof label}`);
  let fixedTotal = total === undefined ? undefined : positive('progress total', total);
  barsCreated += 1;
  // Unique per kernel process so that a bar never updates an output left on the page by an earlier kernel.
  const displayId = `netlab-progress-${process.pid}-${barsCreated}`;
  let shownPercent = -1;
  let finished = false;
  let sink: Sink | null = null;

  const update = (done: number, totalNow?: number): void => {
    if (finished) return;
    if (totalNow !== undefined) fixedTotal = positive('progress total', totalNow);
    if (fixedTotal === undefined) throw new RangeError(`progress(${JSON.stringify(label)}): no total given to progress() or to update()`);
    nonNegative('progress done', done);
    const percent = Math.min(100, Math.floor((100 * done) / fixedTotal));
    if (percent === shownPercent) return;
    shownPercent = percent;
    sink ??= openSink(displayId);
    sink.show(label, percent, done, fixedTotal);
  };

  const done = (): void => {
    if (finished) return;
    finished = true;
    sink?.clear();
  };

  return { update, done };
}

/**
 * Runs `run` with an onProgress callback wired to a progress bar, and removes the
 * bar when `run` returns, throws, or (for a promise) settles.
 */
export function withProgress<T>(label: string, run: (onProgress: ProgressCallback) => T): T {
  const bar = progress(label);
  let result: T;
  try {
    result = run((done, total) => bar.update(done, total));
  } catch (err) {
    bar.done();
    throw err;
  }
  if (result instanceof Promise) {
    return result.finally(() => bar.done()) as unknown as T;
  }
  bar.done();
  return result;
}

interface Sink {
  show(label: string, percent: number, done: number, total: number): void;
  clear(): void;
}

function openSink(displayId: string): Sink {
  const write = kernelDisplayWriter();
  if (write !== null) return kernelSink(write, displayId);
  if (process.stderr.isTTY) return terminalSink();
  return { show: () => {}, clear: () => {} };
}

function kernelSink(write: DisplayWriter, displayId: string): Sink {
  let sent = false;
  const send = (data: Record<string, unknown>): void => {
    write({ data, metadata: {}, transient: { display_id: displayId } }, sent);
    sent = true;
  };
  return {
    show(label, percent, done, total) {
      const text = `${label}: ${percent}% (${done} of ${total})`;
      send({
        'text/html': `<div style="font-family:sans-serif;font-size:13px"><progress value="${percent}" max="100" style="width:240px;vertical-align:middle"></progress> ${escapeHtml(text)}</div>`,
        'text/plain': text,
      });
    },
    clear() {
      if (sent) send({ 'text/plain': '' });
    },
  };
}

function terminalSink(): Sink {
  return {
    show(label, percent) {
      process.stderr.write(`\r${label}: ${percent}%\x1b[K`);
    },
    clear() {
      process.stderr.write('\r\x1b[K');
    },
  };
}
