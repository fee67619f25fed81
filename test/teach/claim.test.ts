import assert from 'node:assert/strict';
import { ClaimError, claim, formatNumber, CLAIM_MIME } from '../../lib/teach';
import { setDisplayWriterForTests } from '../../lib/teach/display';
import { any, assertThrowsNaming, captureDisplays } from './helpers';

describe('teach: formatNumber', () => {
  it('rounds by the documented rule and groups thousands', () => {
    const cases: [number, string][] = [
      [12345.678, '12,346'], [1234567, '1,234,567'], [236.4, '236'], [99.96, '100'], [12.34, '12.3'], [10.7, '10.7'],
      [1.5, '1.5'], [1.234, '1.23'], [0.95, '0.95'], [0.012345, '0.0123'], [0, '0'], [-0, '0'], [-1234.5, '-1,235'],
      [-0.0004, '-0.0004'], [1e15, '1e+15'], [1.234e20, '1.23e+20'], [5e-7, '5e-7'], [Infinity, '∞'], [-Infinity, '-∞'], [3, '3'],
    ];
    for (const [v, text] of cases) assert.equal(formatNumber(v), text, `formatNumber(${v})`);
  });

  it('refuses NaN and non-numbers by name', () => {
    assertThrowsNaming(() => formatNumber(NaN), RangeError, 'formatNumber value', 'NaN');
    assertThrowsNaming(() => formatNumber(any('12')), TypeError, 'formatNumber value', '"12"');
  });
});

describe('teach: claim', () => {
  const sent = captureDisplays();

  it('renders placeholders from numbers and strings and returns the claim', () => {
    const c = claim('p99 rises from {low} ms to {high} ms under {protocol}', true, { low: 12.345, high: 1234.5, protocol: 'HTTP/2' });
    assert.deepEqual(c, { text: 'p99 rises from 12.3 ms to 1,235 ms under HTTP/2', passed: true, numbers: { low: 12.345, high: 1234.5, protocol: 'HTTP/2' } });
  });

  it('a claim without numbers is fine; braces that are not placeholders stay', () => {
    assert.equal(claim('HTTP/3 finishes first', true).text, 'HTTP/3 finishes first');
    assert.equal(claim('the set {a, b} is shown as written', true).text, 'the set {a, b} is shown as written');
  });

  it('displays one bundle with markdown, plain text and the claim record', () => {
    claim('p50 stays at {p50} ms', true, { p50: 7 });
    assert.equal(sent.length, 1);
    assert.deepEqual(sent[0].data, {
      'text/markdown': '✓ p50 stays at 7 ms',
      'text/plain': '✓ p50 stays at 7 ms',
      [CLAIM_MIME]: { text: 'p50 stays at 7 ms', passed: true, numbers: { p50: 7 } },
    });
    assert.equal(CLAIM_MIME, 'application/vnd.netlab.claim+json');
  });

  it('a claim that does not hold displays nothing and throws a ClaimError quoting text and numbers', () => {
    const err = assertThrowsNaming(() => claim('p99 stays under {limit} ms ({p99} ms)', false, { p99: 312.25, limit: 250 }), ClaimError,
      'p99 stays under 250 ms (312 ms)', 'p99 = 312.25', 'limit = 250') as ClaimError;
    assert.equal(err.name, 'ClaimError');
    assert.equal(err.text, 'p99 stays under 250 ms (312 ms)');
    assert.deepEqual(err.numbers, { p99: 312.25, limit: 250 });
    assert.ok(err instanceof Error);
    assert.equal(sent.length, 0);
  });

  it('a placeholder without a number is a named error, with the closest given name', () => {
    assertThrowsNaming(() => claim('p99 is {p99} ms', true), TypeError, 'placeholder {p99}', 'given: none');
    assertThrowsNaming(() => claim('p99 is {p99} ms', true, { p90: 3 }), TypeError, 'placeholder {p99}', 'did you mean numbers.p90');
    assertThrowsNaming(() => claim('p99 is {p99} ms', true, { p99: any(undefined) }), TypeError, 'placeholder {p99}');
    assert.equal(sent.length, 0);
  });

  it('a number never quoted is a named error, even when the claim holds', () => {
    assertThrowsNaming(() => claim('p99 is {p99} ms', true, { p99: 3, p50: 1 }), TypeError, 'numbers.p50', 'never quoted', '{p99}');
    // checked before the claim's truth, so a false claim with a stray number reports the stray number
    assertThrowsNaming(() => claim('no placeholders here', false, { x: 1 }), TypeError, 'numbers.x');
  });

  it('bad arguments are named', () => {
    assertThrowsNaming(() => claim(any(3), true), TypeError, 'claim: text');
    assertThrowsNaming(() => claim('  ', true), RangeError, 'claim: text');
    assertThrowsNaming(() => claim('x', any('yes')), TypeError, 'claim: holds', '"yes"');
    assertThrowsNaming(() => claim('x', any(undefined)), TypeError, 'claim: holds');
    assertThrowsNaming(() => claim('x', true, any(null)), TypeError, 'claim: numbers');
    assertThrowsNaming(() => claim('x', true, any([1])), TypeError, 'claim: numbers');
    assertThrowsNaming(() => claim('{a}', true, { a: NaN }), RangeError, 'numbers.a', 'NaN');
    assertThrowsNaming(() => claim('{a}', true, { a: Infinity }), RangeError, 'numbers.a');
    assertThrowsNaming(() => claim('{a}', true, { a: any(true) }), TypeError, 'numbers.a');
    assertThrowsNaming(() => claim('{a}', true, { a: any(null) }), TypeError, 'numbers.a', 'null');
  });

  it('outside a kernel nothing is displayed and nothing fails', () => {
    setDisplayWriterForTests(undefined);
    assert.equal(claim('ok', true).passed, true);
  });
});
