import assert from 'node:assert/strict';
import { ClaimError, EXERCISE_MIME, checkAnswer, mistakes, type CheckAnswerOptions } from '../../lib/teach';
import { any, assertThrowsNaming, captureDisplays } from './helpers';

const RTT = 40;
/** A handshake budget question: the run's answer is 120 ms, right within 5 %. */
function ask(answer: unknown, extra: Partial<CheckAnswerOptions> = {}) {
  return checkAnswer({
    id: 'budget', title: 'First byte over TLS 1.3', answer: any(answer), expected: 120, tolerance: { relative: 0.05 }, unit: 'ms',
    mistakes: [
      mistakes.factor(2, 'A round trip is there and back.'),
      mistakes.factor(8, 'Bits and bytes: 8 bits in a byte.'),
      mistakes.offset(RTT, 'The TCP handshake costs one round trip first.'),
      mistakes.value('unstable', 'The load stays below capacity here.'),
      mistakes.otherwise('Write the budget out round trip by round trip.'),
    ],
    ...extra,
  });
}

describe('teach: checkAnswer', () => {
  const sent = captureDisplays();

  it('a right answer within the tolerance, stated in the verdict', () => {
    const v = ask(123);
    assert.equal(v.correct, true);
    assert.equal(v.answered, true);
    assert.equal(v.hint, null);
    assert.match(v.message, /^right within 5 %: you answered 123 ms; the run gives 120 ms\.$/);
  });

  it('tolerance edges: bounds included, just outside is wrong; relative or absolute, the larger wins', () => {
    assert.equal(ask(126).correct, true);
    assert.equal(ask(114).correct, true);
    assert.equal(ask(126.01).correct, false);
    const rel = (a: number, e: number) => checkAnswer({ id: 'x', title: 't', answer: a, expected: e, tolerance: { relative: 0.05 } }).correct;
    assert.equal(rel(1.05, 1), true, 'floating point noise at the bound');
    assert.equal(rel(0.95, 1), true);
    assert.equal(rel(1.0501, 1), false);
    const both = (a: number) => checkAnswer({ id: 'x', title: 't', answer: a, expected: 10, tolerance: { relative: 0.05, absolute: 2 }, unit: 'ms' });
    assert.equal(both(12).correct, true);
    assert.match(both(12).message, /within 5 % or 2 ms/);
    assert.equal(both(12.1).correct, false);
    const exact = checkAnswer({ id: 'x', title: 't', answer: 3, expected: 3, tolerance: { absolute: 0 } });
    assert.equal(exact.correct, true);
    assert.match(exact.message, /right exactly/);
    assert.equal(checkAnswer({ id: 'x', title: 't', answer: 0.4, expected: 0, tolerance: { relative: 0.05, absolute: 0.5 } }).correct, true);
  });

  it('wrong answers get the hint of the first matching mistake', () => {
    assert.equal(ask(240).hint, 'A round trip is there and back.');
    assert.equal(ask(60).hint, 'A round trip is there and back.', 'factor matches ÷ k too');
    assert.equal(ask(960).hint, 'Bits and bytes: 8 bits in a byte.');
    assert.equal(ask(15).hint, 'Bits and bytes: 8 bits in a byte.');
    assert.equal(ask(160).hint, 'The TCP handshake costs one round trip first.');
    assert.equal(ask(80).hint, 'The TCP handshake costs one round trip first.');
    assert.equal(ask('unstable').hint, 'The load stays below capacity here.');
    assert.equal(ask('  Unstable ').hint, 'The load stays below capacity here.', 'words ignore case and spaces');
    assert.equal(ask(300).hint, 'Write the budget out round trip by round trip.');
    const v = ask(240);
    assert.equal(v.correct, false);
    assert.match(v.message, /^not yet \(not within 5 % of the run's answer\): you answered 240 ms\. Hint: A round trip/);
    assert.ok(!v.message.includes('120'), 'a wrong verdict does not give the answer away');
  });

  it('the mistake match uses the tolerance around the mistaken value', () => {
    assert.equal(ask(250).hint, 'A round trip is there and back.', '250 is within 5 % of 240');
    assert.equal(ask(260).hint, 'Write the budget out round trip by round trip.');
  });

  it('without a matching mistake, a generic hint says too high or too low', () => {
    const plain = (a: unknown) => checkAnswer({ id: 'x', title: 't', answer: any(a), expected: 120, tolerance: { relative: 0.05 }, unit: 'ms' });
    assert.match(plain(300).hint!, /higher than the run's/);
    assert.match(plain(30).hint!, /lower than the run's/);
    assert.match(plain('fast').hint!, /asks for a number in ms/);
    assert.equal(plain(Infinity).correct, false);
  });

  it('categorical answers: words and flags, with value mistakes', () => {
    const cat = (a: unknown) => checkAnswer({
      id: 'layer', title: 'Which layer saturates first?', answer: any(a), expected: 'L4',
      mistakes: [mistakes.value('L7', 'The workers have headroom; look at the port table.')],
    });
    assert.equal(cat('l4').correct, true);
    assert.equal(cat('L7').hint, 'The workers have headroom; look at the port table.');
    assert.match(cat('L1').hint!, /not the run's answer/);
    assert.match(cat(4).hint!, /asks for a word/);
    const flag = (a: unknown) => checkAnswer({ id: 'f', title: 'Stable?', answer: any(a), expected: false, mistakes: [mistakes.value(true, 'ρ passed 1.')] });
    assert.equal(flag(false).correct, true);
    assert.equal(flag(true).hint, 'ρ passed 1.');
    assert.match(flag('no').hint!, /true or false/);
    const num = checkAnswer({ id: 'n', title: 'rho', answer: 1.02, expected: 1.0, tolerance: { absolute: 0.01 }, mistakes: [mistakes.value(1.02, 'variability did not do this')] });
    assert.equal(num.hint, 'variability did not do this');
  });

  it('not answered yet: undefined or null, correct null, no throw', () => {
    for (const a of [undefined, null]) {
      const v = ask(a);
      assert.equal(v.answered, false);
      assert.equal(v.correct, null);
      assert.equal(v.answer, null);
      assert.match(v.message, /^not answered yet: set MY_ANSWER/);
    }
    const omitted = checkAnswer({ id: 'x', title: 't', expected: 1, tolerance: { relative: 0.1 } });
    assert.equal(omitted.correct, null);
  });

  it('displays a short verdict with the exercise record', () => {
    ask(240);
    ask(null);
    ask(121, { solution: true });
    assert.equal(sent.length, 3);
    assert.deepEqual(sent.map((s) => s.data[EXERCISE_MIME]), [
      { id: 'budget', title: 'First byte over TLS 1.3', kind: 'exercise', answered: true, correct: false, solution: false },
      { id: 'budget', title: 'First byte over TLS 1.3', kind: 'exercise', answered: false, correct: null, solution: false },
      { id: 'budget', title: 'First byte over TLS 1.3', kind: 'exercise', answered: true, correct: true, solution: true },
    ]);
    assert.match(sent[0].data['text/markdown'] as string, /^✗ \*\*Exercise: First byte over TLS 1\.3\*\*: not yet/);
    assert.match(sent[1].data['text/plain'] as string, /^… Exercise: First byte over TLS 1\.3: not answered yet/);
    assert.match(sent[2].data['text/markdown'] as string, /^✓ \*\*Solution: First byte over TLS 1\.3\*\*: right within 5 %: the solution gives 121 ms; the run gives 120 ms/);
    assert.equal(EXERCISE_MIME, 'application/vnd.netlab.exercise+json');
  });

  it('a solution that fails its own check throws a ClaimError and displays nothing', () => {
    const err = assertThrowsNaming(() => ask(240, { solution: true }), ClaimError, 'exercise "budget"', 'solution does not pass', '240 ms', '120 ms');
    assert.deepEqual((err as ClaimError).numbers, { expected: 120, answer: 240 });
    assertThrowsNaming(() => ask(null, { solution: true }), ClaimError, 'gives no answer');
    assertThrowsNaming(() => checkAnswer({ id: 'f', title: 't', answer: true, expected: false, solution: true }), ClaimError, 'true');
    assert.equal(sent.length, 0);
  });

  it('bad options are named, with the closest key for a misspelling', () => {
    const base = { id: 'x', title: 't', answer: 1, expected: 1, tolerance: { relative: 0.1 } };
    assertThrowsNaming(() => checkAnswer(any({ ...base, tolerence: 1 })), TypeError, '"tolerence"', 'did you mean "tolerance"');
    assertThrowsNaming(() => checkAnswer(any({ ...base, tolerance: { relativ: 0.1 } })), TypeError, 'tolerance.relativ', 'did you mean "tolerance.relative"');
    assertThrowsNaming(() => checkAnswer(any({ ...base, unit: null })), TypeError, 'unit', 'null');
    assertThrowsNaming(() => checkAnswer(any(null)), TypeError, 'checkAnswer');
    assertThrowsNaming(() => checkAnswer(any({ ...base, id: 3 })), TypeError, 'checkAnswer id');
    assertThrowsNaming(() => checkAnswer(any({ ...base, title: '' })), RangeError, 'checkAnswer title');
    assertThrowsNaming(() => checkAnswer(any({ ...base, expected: NaN })), RangeError, 'checkAnswer expected', 'NaN');
    assertThrowsNaming(() => checkAnswer(any({ ...base, expected: {} })), TypeError, 'checkAnswer expected');
    assertThrowsNaming(() => checkAnswer(any({ ...base, answer: NaN })), RangeError, 'answer (MY_ANSWER)', 'NaN');
    assertThrowsNaming(() => checkAnswer(any({ ...base, answer: [1] })), TypeError, 'answer (MY_ANSWER)');
    assertThrowsNaming(() => checkAnswer(any({ ...base, tolerance: undefined })), TypeError, 'tolerance is required');
    assertThrowsNaming(() => checkAnswer(any({ ...base, tolerance: {} })), RangeError, 'tolerance needs relative');
    assertThrowsNaming(() => checkAnswer(any({ ...base, tolerance: { relative: 5 } })), RangeError, 'tolerance.relative', 'in [0, 1]');
    assertThrowsNaming(() => checkAnswer(any({ ...base, tolerance: { absolute: -1 } })), RangeError, 'tolerance.absolute');
    assertThrowsNaming(() => checkAnswer(any({ ...base, expected: 'L4' })), TypeError, 'tolerance applies only when expected is a number');
    assertThrowsNaming(() => checkAnswer(any({ ...base, solution: 'yes' })), TypeError, 'checkAnswer solution');
    assertThrowsNaming(() => checkAnswer(any({ ...base, mistakes: 'x' })), TypeError, 'checkAnswer mistakes');
    assertThrowsNaming(() => checkAnswer(any({ ...base, mistakes: [null] })), TypeError, 'checkAnswer mistakes[0]');
    assertThrowsNaming(() => checkAnswer(any({ ...base, mistakes: [{ kind: 'factor', factr: 2, hint: 'h' }] })), TypeError, 'mistakes[0].factr', 'did you mean');
    assertThrowsNaming(() => checkAnswer(any({ ...base, mistakes: [{ kind: 'factor', delta: 2, hint: 'h' }] })), TypeError, 'mistakes[0].delta');
    assertThrowsNaming(() => checkAnswer(any({ ...base, mistakes: [{ kind: 'twice', hint: 'h' }] })), RangeError, 'mistakes[0].kind', '"twice"');
  });
});

describe('teach: mistakes helpers', () => {
  it('build plain data', () => {
    assert.deepEqual(mistakes.factor(2, 'h'), { kind: 'factor', factor: 2, hint: 'h' });
    assert.deepEqual(mistakes.offset(-40, 'h'), { kind: 'offset', delta: -40, hint: 'h' });
    assert.deepEqual(mistakes.value('unstable', 'h'), { kind: 'value', value: 'unstable', hint: 'h' });
    assert.deepEqual(mistakes.otherwise('h'), { kind: 'otherwise', hint: 'h' });
    assert.deepEqual(JSON.parse(JSON.stringify(mistakes.factor(8, 'h'))), mistakes.factor(8, 'h'));
  });

  it('refuse values that could not be a mistake, by name', () => {
    assertThrowsNaming(() => mistakes.factor(1, 'h'), RangeError, 'mistakes.factor.factor', 'differ from 1');
    assertThrowsNaming(() => mistakes.factor(0, 'h'), RangeError, 'mistakes.factor.factor');
    assertThrowsNaming(() => mistakes.factor(NaN, 'h'), RangeError, 'mistakes.factor.factor', 'NaN');
    assertThrowsNaming(() => mistakes.offset(0, 'h'), RangeError, 'mistakes.offset.delta');
    assertThrowsNaming(() => mistakes.offset(any('40'), 'h'), TypeError, 'mistakes.offset.delta');
    assertThrowsNaming(() => mistakes.value(any({}), 'h'), TypeError, 'mistakes.value.value');
    assertThrowsNaming(() => mistakes.value('', 'h'), RangeError, 'mistakes.value.value');
    assertThrowsNaming(() => mistakes.otherwise(''), RangeError, 'mistakes.otherwise.hint');
    assertThrowsNaming(() => mistakes.factor(2, any(undefined)), TypeError, 'mistakes.factor.hint');
  });
});

describe('checkAnswer answerName', () => {
  it('names the prediction constant of this exercise while it is unanswered', () => {
    const v = checkAnswer({ id: 'x', title: 'x', answer: undefined, expected: 3, tolerance: { relative: 0.1 }, answerName: 'MY_ANSWER_2' });
    assert.equal(v.correct, null);
    assert.match(v.message, /set MY_ANSWER_2 in the cell above/);
    assert.throws(() => checkAnswer({ id: 'x', title: 'x', answer: 3, expected: 3, tolerance: { relative: 0.1 }, answerName: '' }), /answerName/);
  });
});
