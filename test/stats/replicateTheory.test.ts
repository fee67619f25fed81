/**
 * replicate held to queueing theory: intervals over replicated M/M/1 and M/M/c runs
 * cover the exact mean latency and p99 at about their nominal rate. Each interval is
 * 10 runs of 10,000 requests at ρ = 0.5 (a short warm-up, so the bias of a finite
 * run is small against the interval); 60 intervals per case, each from its own seed.
 * Tolerance: 60 trials at p = 0.95 have sd ≈ 1.7; coverage must be at least 50 of 60
 * (about −5 sd would still pass only at 48, so a systematically short interval fails).
 */
import assert from 'node:assert/strict';
import { exponential } from '../../lib/random/exponential';
import { replicate } from '../../lib/stats/replicate';
import { quantiles } from '../../lib/stats/quantile';
import { mm1, mmc } from '../../lib/sim/queues/queueTheory';
import { simulateQueue } from '../../lib/sim/queues/simulateQueue';

const INTERVALS = 60;

function coverage(workers: number, arrivalRate: number): { mean: number; p99: number } {
  const theory = workers === 1 ? mm1({ arrivalRate, meanServiceMs: 10 }) : mmc({ workers, arrivalRate, meanServiceMs: 10 });
  const truth = { mean: theory.meanLatencyMs, p99: theory.latencyQuantile(0.99) };
  const covered = { mean: 0, p99: 0 };
  for (let k = 0; k < INTERVALS; k++) {
    const r = replicate({
      runs: 10,
      seed: `mm${workers}-${k}`,
      run: (rng) => {
        const q = simulateQueue({ workers, arrivalRate, serviceTime: exponential(10), requests: 10_000, rng });
        let sum = 0;
        for (let i = 0; i < q.latencyMs.length; i++) sum += q.latencyMs[i];
        return { mean: sum / q.latencyMs.length, p99: quantiles(q.latencyMs, [0.99])[0] };
      },
    });
    for (const key of ['mean', 'p99'] as const) if (r[key].ciLow <= truth[key] && truth[key] <= r[key].ciHigh) covered[key]++;
  }
  return covered;
}

describe('stats: replicate against queueing theory', function () {
  this.timeout(120_000);

  it('covers the M/M/1 mean and p99 at about 95 % (ρ = 0.5)', () => {
    const c = coverage(1, 50);
    assert.ok(c.mean >= 50 && c.p99 >= 50, `covered mean ${c.mean}/60, p99 ${c.p99}/60`);
  });

  it('covers the M/M/4 mean and p99 at about 95 % (ρ = 0.5)', () => {
    const c = coverage(4, 200);
    assert.ok(c.mean >= 50 && c.p99 >= 50, `covered mean ${c.mean}/60, p99 ${c.p99}/60`);
  });
});
