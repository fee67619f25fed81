/**
 * Judging and reporting hostile calls: each result is classified, then counted by module
 * (tried / named errors / returned normally / anything else / longest call) and the failures are
 * grouped by function, option path and what happened, one line each with a reproduction.
 */
import type { HostileCase } from './mutations';
import type { PoolResult } from './pool';

export type Verdict = 'named' | 'returned' | 'silent' | 'unnamed' | 'wrongError' | 'hang' | 'crash';

export const FAILING: ReadonlySet<Verdict> = new Set(['silent', 'unnamed', 'wrongError', 'hang', 'crash']);

const WHAT: Record<Verdict, string> = {
  named: 'named error',
  returned: 'returned normally',
  silent: 'accepted silently (returned normally; a named TypeError/RangeError is required)',
  unnamed: 'error does not name the option',
  wrongError: 'error is not a TypeError or RangeError',
  hang: 'hang (killed at the deadline)',
  crash: 'process died',
};

export interface Judged {
  testCase: HostileCase;
  verdict: Verdict;
  ms: number;
  detail: string;
}

/** The verdict on one hostile call. */
export function judge(testCase: HostileCase, result: PoolResult): Judged {
  if (result.kind === 'hang') return { testCase, verdict: 'hang', ms: result.ms, detail: `no answer within ${result.ms} ms` };
  if (result.kind === 'crash') {
    const tail = result.stderr.trim().split('\n').slice(-2).join(' | ').slice(0, 200);
    return { testCase, verdict: 'crash', ms: result.ms, detail: `exit code ${result.code}, signal ${result.signal}${tail ? `: ${tail}` : ''}` };
  }
  if (result.outcome === 'returned') {
    return { testCase, verdict: testCase.strict ? 'silent' : 'returned', ms: result.ms, detail: 'returned normally' };
  }
  const detail = `${result.errorName}: ${(result.message ?? '').replace(/\s+/g, ' ').slice(0, 160)}`;
  if (result.errorName === 'Error' && testCase.plainErrorOk) return { testCase, verdict: 'named', ms: result.ms, detail };
  if (result.errorName !== 'TypeError' && result.errorName !== 'RangeError') return { testCase, verdict: 'wrongError', ms: result.ms, detail };
  // A fake stream's impossible draws surface wherever they are used: any TypeError or RangeError will do.
  const anyName = testCase.kind === 'fakeRng' && !testCase.strict;
  const named = anyName || testCase.names.some((n) => (result.message ?? '').includes(n));
  return { testCase, verdict: named ? 'named' : 'unnamed', ms: result.ms, detail };
}

/** The table by module: tried, named errors, returned normally, anything else, longest call (ms). */
export function countTable(judged: readonly Judged[], moduleOf: (entry: string) => string): string {
  const rows = new Map<string, { tried: number; named: number; returned: number; other: number; longest: number; longestCase: string }>();
  for (const j of judged) {
    const m = moduleOf(j.testCase.entry);
    const r = rows.get(m) ?? { tried: 0, named: 0, returned: 0, other: 0, longest: 0, longestCase: '' };
    r.tried++;
    if (j.verdict === 'named') r.named++;
    else if (j.verdict === 'returned') r.returned++;
    else r.other++;
    if (j.verdict !== 'hang' && j.ms > r.longest) {
      r.longest = j.ms;
      r.longestCase = `${j.testCase.entry} ${j.testCase.path} = ${j.testCase.shown}`;
    }
    rows.set(m, r);
  }
  const total = { tried: 0, named: 0, returned: 0, other: 0, longest: 0 };
  const lines = ['module       tried  named  returned  other  longest (ms)', '-----------  -----  -----  --------  -----  ------------'];
  for (const [m, r] of [...rows].sort()) {
    lines.push(`${m.padEnd(11)}  ${String(r.tried).padStart(5)}  ${String(r.named).padStart(5)}  ${String(r.returned).padStart(8)}  ${String(r.other).padStart(5)}  ${r.longest.toFixed(0).padStart(6)}  ${r.longestCase.slice(0, 70)}`);
    total.tried += r.tried;
    total.named += r.named;
    total.returned += r.returned;
    total.other += r.other;
    total.longest = Math.max(total.longest, r.longest);
  }
  lines.push(`${'all'.padEnd(11)}  ${String(total.tried).padStart(5)}  ${String(total.named).padStart(5)}  ${String(total.returned).padStart(8)}  ${String(total.other).padStart(5)}  ${total.longest.toFixed(0).padStart(6)}`);
  lines.push('(other: accepted silently where a named error is required, unnamed error, wrong error type, hang, crash)');
  return lines.join('\n');
}

/**
 * Failures grouped by function, option path and verdict: one line each, with the first value
 * that showed it (a reproduction) and the other values that did the same.
 */
export function failureLines(judged: readonly Judged[]): string[] {
  const groups = new Map<string, Judged[]>();
  for (const j of judged) {
    if (!FAILING.has(j.verdict)) continue;
    const key = `${j.testCase.entry}  ${j.testCase.path}  [${j.verdict}]`;
    groups.set(key, [...(groups.get(key) ?? []), j]);
  }
  return [...groups].map(([key, js]) => {
    const first = js[0];
    const others = [...new Set(js.slice(1).map((j) => j.testCase.shown))].slice(0, 4);
    const call = `${first.testCase.construct ? 'new ' : ''}${first.testCase.entry}(…${first.testCase.path} = ${first.testCase.shown})`;
    return `${key} ${WHAT[first.verdict]}: ${call} → ${first.detail}${others.length ? ` (also: ${others.join(', ')})` : ''}`;
  });
}
