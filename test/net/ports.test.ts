import { strict as assert } from 'node:assert';
import { simulatePorts, type PortBucket } from '../../lib/net/connections/simulatePorts';
import { LINUX_EPHEMERAL_PORTS, LINUX_TIME_WAIT_MS } from '../../lib/net/connections/portsOptions';
import { createRng } from '../../lib/random';

const TEN_MINUTES = 600_000;

/** Mean of the time-averaged TIME_WAIT count over buckets starting at or after `fromMs`. */
function steadyTimeWait(series: PortBucket[], fromMs: number): number {
  const rows = series.filter((b) => b.tMs >= fromMs);
  return rows.reduce((sum, b) => sum + b.meanTimeWait, 0) / rows.length;
}

describe('simulatePorts: Little\'s law for TIME_WAIT', () => {
  it('evenly spaced closes: sockets in TIME_WAIT = close rate × TIME_WAIT, exactly, once the first ones expire', () => {
    const r = simulatePorts({ connectionsPerSecond: 400, durationMs: TEN_MINUTES });
    assert.equal(r.ports, LINUX_EPHEMERAL_PORTS);
    assert.equal(r.timeWaitMs, LINUX_TIME_WAIT_MS);
    assert.equal(r.portsDemanded, 24_000);
    for (const b of r.series.filter((row) => row.tMs >= 60_000)) {
      assert.ok(Math.abs(b.meanTimeWait - 24_000) < 1e-6, `bucket at ${b.tMs} ms: ${b.meanTimeWait}`);
      assert.equal(b.meanInUse, 0);
    }
    // Before the first expiry the population grows linearly: at 30 s it is 400 × 30.
    assert.equal(r.series[29].timeWait, 400 * 30); // attempts at 0, 2.5, …, 29,997.5 ms
    // At time s the count is ⌊s / 2.5⌋ + 1, a staircase half a step above 400 × s / 1000.
    assert.ok(Math.abs(r.series[29].meanTimeWait - (400 * 29.5 + 0.5)) < 1e-6, `${r.series[29].meanTimeWait}`);
  });

  it('open connections obey the same law: rate × connectionMs sockets in use', () => {
    const r = simulatePorts({ connectionsPerSecond: 400, connectionMs: 500, durationMs: 120_000 });
    const late = r.series.filter((b) => b.tMs >= 61_000);
    for (const b of late) {
      assert.ok(Math.abs(b.meanInUse - 200) < 1e-6, `in use ${b.meanInUse}`);
      assert.ok(Math.abs(b.meanTimeWait - 24_000) < 1e-6, `TIME_WAIT ${b.meanTimeWait}`);
    }
  });

  it('Poisson closes: the mean TIME_WAIT population is within 1% of rate × TIME_WAIT (seeds 1–4)', () => {
    // The count is Poisson(24,000), sd ≈ 155; averaged over nine 60-s windows the
    // estimate's sd is ≈ 0.2%, so 1% is about five standard deviations.
    for (const seed of [1, 2, 3, 4]) {
      const r = simulatePorts({ connectionsPerSecond: 400, durationMs: TEN_MINUTES, rng: createRng(seed) });
      assert.equal(r.arrivals, 'poisson');
      const mean = steadyTimeWait(r.series, 60_000);
      assert.ok(Math.abs(mean / 24_000 - 1) < 0.01, `seed ${seed}: ${mean}`);
    }
  });
});

describe('simulatePorts: exhaustion', () => {
  it("the course's 500/s × 120 s = 60,000 > 28,232: exhausted at 28,232 / 500 s = 56.464 s", () => {
    const r = simulatePorts({ connectionsPerSecond: 500, timeWaitMs: 120_000, durationMs: TEN_MINUTES });
    assert.equal(r.portsDemanded, 60_000);
    assert.equal(r.exhaustedAtMs, 56_464);
    assert.equal(r.predictedExhaustionMs, 56_464);
    // Afterwards the range sustains 28,232 / 120 s = 235 connections per second:
    // 1 − 28,232 / 60,000 ≈ 53% of attempts are refused.
    const late = r.series.filter((b) => b.tMs >= 120_000);
    const refused = late.reduce((s, b) => s + b.refused, 0);
    const attempts = late.reduce((s, b) => s + b.refused + b.opened, 0);
    assert.ok(Math.abs(refused / attempts - (1 - 28_232 / 60_000)) < 1e-3, `${refused / attempts}`);
  });

  it("with Linux's 60 s, 500/s still needs 30,000 > 28,232 ports: exhausted at the same moment", () => {
    const r = simulatePorts({ connectionsPerSecond: 500, durationMs: TEN_MINUTES });
    assert.equal(r.exhaustedAtMs, 56_464);
    assert.equal(r.exhaustedAtMs, r.predictedExhaustionMs);
    // Steady state: the range sustains 28,232 / 60 s = 470.5 connections per second, so
    // 1 − 28,232 / 30,000 ≈ 5.9% of attempts are refused.
    const late = r.series.filter((b) => b.tMs >= 60_000);
    const refused = late.reduce((s, b) => s + b.refused, 0);
    const attempts = late.reduce((s, b) => s + b.refused + b.opened, 0);
    assert.ok(Math.abs(refused / attempts - (1 - 28_232 / 30_000)) < 1e-3, `${refused / attempts}`);
    assert.equal(r.peakTimeWait, 28_232);
  });

  it('at 400/s with 60 s it never exhausts', () => {
    const r = simulatePorts({ connectionsPerSecond: 400, durationMs: TEN_MINUTES });
    assert.equal(r.exhaustedAtMs, null);
    assert.equal(r.predictedExhaustionMs, null);
    assert.equal(r.refused, 0);
    assert.ok(r.series.every((b) => b.free > 4_000));
  });

  it('a port is free again exactly connectionMs + timeWaitMs after it was taken (a small case by hand)', () => {
    // Two ports, one attempt a second at 0, 1000, 2000, … ms.
    const exact = simulatePorts({ connectionsPerSecond: 1, ports: 2, timeWaitMs: 2000, durationMs: 10_000, bucketMs: 1000 });
    assert.equal(exact.refused, 0, 'the port taken at 0 is free at 2000, in time for that attempt');
    const late = simulatePorts({ connectionsPerSecond: 1, ports: 2, timeWaitMs: 1500, connectionMs: 501, durationMs: 10_000, bucketMs: 1000 });
    // Refused at 2000 (ports free at 2001 and 3001); 3000 and 4000 open; 5000 refused (free at 5001); and so on.
    assert.deepEqual(late.series.map((b) => b.refused), [0, 0, 1, 0, 0, 1, 0, 0, 1, 0]);
    assert.equal(late.exhaustedAtMs, 2000);
    // Snapshots at 1000, 2000, 3000 ms, before that instant's attempt: each connection closes 501 ms after opening.
    assert.deepEqual(late.series.slice(0, 3).map((b) => [b.inUse, b.timeWait]), [[0, 1], [0, 2], [0, 1]]);
  });

  it('exhaustion moves with the range: ports / rate', () => {
    const r = simulatePorts({ connectionsPerSecond: 1000, ports: 5000, durationMs: 20_000 });
    assert.equal(r.exhaustedAtMs, 5000);
    const wide = simulatePorts({ connectionsPerSecond: 500, ports: 64_512, durationMs: TEN_MINUTES });
    assert.equal(wide.exhaustedAtMs, null, 'ip_local_port_range 1024–65535 holds 30,000');
  });
});

describe('simulatePorts: remedies', () => {
  it('keep-alive with k requests per connection divides the TIME_WAIT population by k', () => {
    const one = simulatePorts({ connectionsPerSecond: 400, durationMs: 300_000 });
    for (const k of [2, 4, 10]) {
      const r = simulatePorts({ connectionsPerSecond: 400, requestsPerConnection: k, durationMs: 300_000 });
      assert.equal(r.newConnectionsPerSecond, 400 / k);
      const ratio = steadyTimeWait(one.series, 60_000) / steadyTimeWait(r.series, 60_000);
      assert.ok(Math.abs(ratio - k) < 1e-9, `k = ${k}: ratio ${ratio}`);
      assert.equal(r.opened, one.opened / k);
    }
    const kept = simulatePorts({ connectionsPerSecond: 500, requestsPerConnection: 2, durationMs: TEN_MINUTES });
    assert.equal(kept.exhaustedAtMs, null, '500 requests/s on 250 connections/s fit');
  });

  it('tcp_tw_reuse removes exhaustion at 500/s', () => {
    const r = simulatePorts({ connectionsPerSecond: 500, durationMs: TEN_MINUTES, twReuse: true });
    assert.equal(r.exhaustedAtMs, null);
    assert.equal(r.refused, 0);
    assert.ok(r.reused > 200_000, `reused ${r.reused}`);
    assert.equal(r.opened, 300_000);
  });

  it('tcp_tw_reuse has its limit: a range of P ports serves at most P / (reuse delay) connections per second', () => {
    const fits = simulatePorts({ connectionsPerSecond: 5000, ports: 6000, durationMs: 30_000, twReuse: true });
    assert.equal(fits.refused, 0);
    const over = simulatePorts({ connectionsPerSecond: 5000, ports: 4000, durationMs: 30_000, twReuse: true });
    assert.equal(over.exhaustedAtMs, 800);
    const slow = simulatePorts({ connectionsPerSecond: 5000, ports: 6000, durationMs: 30_000, twReuse: true, twReuseAfterMs: 2000 });
    assert.ok(slow.refused > 0, 'a 2 s reuse delay needs 10,000 ports');
  });
});

describe('simulatePorts: bookkeeping and determinism', () => {
  it('counts add up: opened + refused = attempts, the series sums to the totals, ports are conserved', () => {
    for (const opts of [
      { connectionsPerSecond: 500, durationMs: 200_000 },
      { connectionsPerSecond: 700, durationMs: 200_000, rng: createRng('count'), connectionMs: 80, bucketMs: 3000 },
      { connectionsPerSecond: 900, durationMs: 100_000, twReuse: true, ports: 600, rng: createRng('reuse') },
    ]) {
      const r = simulatePorts(opts);
      assert.equal(r.opened + r.refused, r.attempts);
      assert.equal(r.series.reduce((s, b) => s + b.opened, 0), r.opened);
      assert.equal(r.series.reduce((s, b) => s + b.refused, 0), r.refused);
      assert.equal(r.series.length, Math.ceil(opts.durationMs / (opts.bucketMs ?? 1000)));
      for (const b of r.series) {
        assert.equal(b.inUse + b.timeWait + b.free, r.ports);
        assert.ok(b.free >= 0 && b.inUse >= 0 && b.timeWait >= 0);
      }
      if (!opts.rng) assert.equal(r.attempts, (opts.connectionsPerSecond * opts.durationMs) / 1000);
    }
  });

  it('is deterministic: evenly spaced without rng, the same seed gives the same run', () => {
    const opts = { connectionsPerSecond: 480, durationMs: 120_000 };
    assert.deepEqual(simulatePorts(opts), simulatePorts(opts));
    const a = simulatePorts({ ...opts, rng: createRng(9) });
    assert.deepEqual(a, simulatePorts({ ...opts, rng: createRng(9) }));
    assert.notDeepEqual(a.series, simulatePorts({ ...opts, rng: createRng(10) }).series);
  });

  it('simulates 500 connections/s for 10 minutes in well under a second', () => {
    // The model is O(attempts); this guards against an accidental O(attempts × ports).
    let best = Infinity;
    for (let i = 0; i < 5; i++) {
      const t0 = process.hrtime.bigint();
      simulatePorts({ connectionsPerSecond: 500, durationMs: TEN_MINUTES });
      best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
    }
    assert.ok(best < 200, `${best} ms`);
  });

  it('rejects bad options with the option, the value and the range named', () => {
    const base = { connectionsPerSecond: 100, durationMs: 10_000 };
    const bad: [object, ErrorConstructor, RegExp][] = [
      [{ ...base, ports: 0 }, RangeError, /ports must be an integer in \[1, 65535\]; got 0/],
      [{ ...base, ports: 70_000 }, RangeError, /ports.*70000/],
      [{ ...base, connectionsPerSecond: -5 }, RangeError, /connectionsPerSecond must be a finite number > 0; got -5/],
      [{ ...base, connectionsPerSecond: '500' }, TypeError, /connectionsPerSecond/],
      [{ ...base, durationMs: 0 }, RangeError, /durationMs must be a number in \(0, 10000000000\]; got 0/],
      [{ ...base, timeWaitMs: -1 }, RangeError, /timeWaitMs must be a number in \[0, 10000000000\]; got -1/],
      [{ ...base, requestsPerConnection: 0.5 }, RangeError, /requestsPerConnection.*\[1, .*got 0.5/],
      [{ ...base, connectionMs: NaN }, RangeError, /connectionMs/],
      [{ ...base, twReuse: 'yes' }, TypeError, /twReuse must be true or false; got "yes"/],
      [{ ...base, twReuseAfterMs: -1 }, RangeError, /twReuseAfterMs/],
      [{ ...base, bucketMs: 0 }, RangeError, /bucketMs/],
      [{ ...base, bucketMs: 0.01 }, RangeError, /bucketMs.*at most 100000 buckets/],
      [{ ...base, rng: Math.random }, TypeError, /rng/],
      [{ connectionsPerSecond: 1e6, durationMs: 1e9 }, RangeError, /durationMs/],
    ];
    for (const [opts, type, pattern] of bad) {
      assert.throws(() => simulatePorts(opts as never), (e: Error) => e instanceof type && pattern.test(e.message), JSON.stringify(opts));
    }
    assert.throws(() => simulatePorts(undefined as never), (e: Error) => e instanceof TypeError && /simulatePorts expects an options object/.test(e.message));
  });
});
