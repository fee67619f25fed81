/** Baselines for lib/teach (claims, exercise checks, per-student parameters, challenge grades). */
import type { Json } from '../markers';
import type { Entry } from './entry';

const m = 'teach';
const mistakeList: Json[] = [
  { kind: 'factor', factor: 2, hint: 'count the trip back as well as the trip out' },
  { kind: 'offset', delta: 40, hint: 'the handshake costs one round trip first' },
  { kind: 'value', value: 'unstable', hint: 'the load stays below capacity here' },
  { kind: 'otherwise', hint: 'write the budget out round trip by round trip' },
];
export const TEACH: Entry[] = [
  {
    name: 'claim', module: m, params: ['text', 'holds', 'numbers'],
    args: ['p99 stays under {limit} ms at {p99} ms', true, { p99: 231.4, limit: 250 }],
    // The quoted values are a free-form record; a value may be a number or a string.
    records: ['numbers'], accepts: { p99: ['string'], limit: ['string'] },
  },
  { name: 'ClaimError', module: m, construct: true, params: ['message', 'text', 'numbers'], noOptions: 'an Error subclass the teaching calls throw; not built from options' },
  {
    name: 'checkAnswer', module: m, params: ['opts'],
    args: [{ id: 'handshake-1', title: 'First byte', answer: 120, expected: 120, tolerance: { relative: 0.05, absolute: 1 }, unit: 'ms', mistakes: mistakeList, solution: false }],
    // An unanswered exercise is null; an answer or a listed mistake may be a word or a flag;
    // expected may be categorical (then tolerance is refused, naming both).
    accepts: { answer: ['null', 'string', 'boolean'], expected: ['string', 'boolean'], value: ['number', 'boolean'] },
  },
  { name: 'forStudent', module: m, params: ['student', 'exerciseId'], args: [7, 'handshake-1'], accepts: { student: ['string'] } },
  {
    name: 'grade', module: m, params: ['opts'],
    args: [{ id: 'challenge', title: 'p99 under 250 ms', limits: [{ name: 'p99 latency', measured: 231, atMost: 250, unit: 'ms' }, { name: 'goodput', measured: 0.97, atLeast: 0.95, atMost: 1 }], solution: false }],
  },
  { name: 'formatNumber', module: m, params: ['value'], args: [12345.678] },
  { name: 'formatInterval', module: m, params: ['interval', 'unit', 'range'], args: [{ mean: 42.1, ciLow: 40.3, ciHigh: 43.9, level: 0.95, runs: 10 }, 'ms', { min: 0 }], records: ['interval', 'range'] },
];
