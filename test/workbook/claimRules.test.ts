/** The claim rule: a claim quoting a tail states its interval over replications. */
import assert from 'node:assert/strict';
import { tailClaimsWithoutReplications } from '../../scripts/claimRules';

const entry = (text: string) => ({ notebook: 'x.ipynb', text, passed: true });

describe('workbook: claim rules', () => {
  it('flags a tail quoted from one run', () => {
    for (const text of ['p99 is 72 ms', 'the p99.9 doubles', 'P95 rises by 20 ms', 'the tail grows', 'both tails meet', 'the 99th percentile of concurrency', 'its 99.9th percentile']) {
      assert.equal(tailClaimsWithoutReplications([entry(text)]).length, 1, text);
    }
  });

  it('accepts a tail with its interval or held in every replication, and claims that quote no tail', () => {
    for (const text of [
      'p99 is 72.1 ms (95 % interval 70.3–73.9 ms, 10 runs)',
      'p99 rises in every run',
      'p99 of HTTP/2 is above HTTP/1.1 in all 8 seeds',
      'the median is 12 ms',
      'p50 rises first',
      'p9x is not a percentile',
      'the 50th percentile',
    ]) {
      assert.deepEqual(tailClaimsWithoutReplications([entry(text)]), [], text);
    }
  });

  it('names the notebook and the claim', () => {
    assert.match(tailClaimsWithoutReplications([entry('p99 is 72 ms')])[0], /^x\.ipynb: "p99 is 72 ms" quotes a tail from one run/);
  });
});
