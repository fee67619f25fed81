import { strict as assert } from 'node:assert';
import { simulateStack, type StackOptions } from '../../../lib/scenarios';
import { MAX_STACK_DURATION_MS } from '../../../lib/scenarios/stack/stackOptions';
import { createRng, exponential, constant } from '../../../lib/random';
import type { Distribution } from '../../../lib/random/distribution';

const stack = (over: Partial<StackOptions> = {}): StackOptions => ({
  durationMs: 10_000,
  load: 200,
  responseBytes: 20_000,
  l1: { bandwidthMbps: 1000 },
  l3: { rttMs: 20 },
  l7: { workers: 16, serviceTime: exponential(20) },
  rng: createRng(1),
  ...over,
});

const typeError = (message: RegExp): { name: string; message: RegExp } => ({ name: 'TypeError', message });
const rangeError = (message: RegExp): { name: string; message: RegExp } => ({ name: 'RangeError', message });

/** Milliseconds `fn` takes. */
function timed(fn: () => void): number {
  const started = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

describe('simulateStack: nested options are checked where they sit', () => {
  it('names a misspelt nested key with its path and the closest known key', () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ l3: { rttMs: 20, lossrate: 0.1 } }, /^unknown option "l3.lossrate" \(did you mean "l3.lossRate"\?\)/],
      [{ l4: { port: 100 } }, /^unknown option "l4.port" \(did you mean "l4.ports"\?\)/],
      [{ l7: { worker: 4, serviceTime: exponential(10) } }, /^unknown option "l7.worker" \(did you mean "l7.workers"\?\)/],
      [{ l7: { workers: 4, serviceTime: exponential(10), dns: { ttl: 5 } } }, /^unknown option "l7.dns.ttl" \(did you mean "l7.dns.ttlMs"\?\)/],
      [{ client: { timeout: 100 } }, /^unknown option "client.timeout" \(did you mean "client.timeoutMs"\?\)/],
      [{ load: { startRps: 1, endrps: 5 } }, /^unknown option "load.endrps" \(did you mean "load.endRps"\?\)/],
      [{ faults: [{ kind: 'route-withdrawal', atMs: 0, untilMS: 5 }] }, /^unknown option "faults\[0\].untilMS" \(did you mean "faults\[0\].untilMs"\?\)/],
      [{ faults: [{ kind: 'link-degradation', layer: 'L1', atMs: 0, bandwithMbps: 5 }] }, /^unknown option "faults\[0\].bandwithMbps" \(did you mean "faults\[0\].bandwidthMbps"\?\)/],
    ];
    for (const [over, message] of cases) assert.throws(() => simulateStack(stack(over as Partial<StackOptions>)), typeError(message));
  });

  it('refuses null for any option, nested ones included, before reading it', () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ l4: null }, /option l4 is null/],
      [{ client: null }, /option client is null/],
      [{ faults: null }, /option faults is null/],
      [{ l7: { workers: 4, serviceTime: exponential(10), dns: null } }, /option l7.dns is null/],
      [{ l7: { workers: 4, serviceTime: exponential(10), dns: { ttlMs: null } } }, /option l7.dns.ttlMs is null/],
      [{ client: { retries: null } }, /option client.retries is null/],
      [{ l3: { rttMs: 20, lossRate: null } }, /option l3.lossRate is null/],
      [{ faults: [{ kind: 'route-withdrawal', atMs: 0, untilMs: null }] }, /option faults\[0\].untilMs is null/],
      [{ faults: [null] }, /faults\[0\] expects an options object; got null/],
    ];
    for (const [over, message] of cases) assert.throws(() => simulateStack(stack(over as Partial<StackOptions>)), typeError(message));
  });

  it('names the option at the first bad draw of a distribution', () => {
    let i = 0;
    const late: Distribution = { label: 'late', mean: 10, sample: () => (i++ < 50 ? 10 : -3) };
    assert.throws(() => simulateStack(stack({ l7: { workers: 16, serviceTime: late } })), rangeError(/l7.serviceTime must yield durations >= 0 ms; late gave -3/));
    const nan: Distribution = { label: 'nan', mean: 10, sample: () => NaN };
    assert.throws(() => simulateStack(stack({ l7: { workers: 16, serviceTime: nan } })), rangeError(/l7.serviceTime must yield durations >= 0 ms; nan gave NaN/));
    const huge: Distribution = { label: 'huge', mean: 1000, sample: () => Infinity };
    assert.throws(() => simulateStack(stack({ responseBytes: huge })), rangeError(/responseBytes must yield sizes in \[0, 1000000000\] bytes; huge gave Infinity/));
  });
});

describe('simulateStack: bounded work', () => {
  it('returns quickly for 10 s at 200 rps with 16 workers, 20 kB responses and the default buckets', () => {
    let counted = 0;
    const ms = timed(() => (counted = simulateStack(stack()).counts.requests));
    assert.ok(counted > 1800 && counted < 2200, `${counted} requests`);
    assert.ok(ms < 5000, `${ms} ms`);
  });

  it('refuses a fault window ending beyond a week, saying how to make a fault last the run', () => {
    const ms = timed(() => assert.throws(
      () => simulateStack(stack({ faults: [{ kind: 'route-withdrawal', atMs: 5000, untilMs: 1e12 }] })),
      rangeError(new RegExp(`faults\\[0\\].untilMs must be at most ${MAX_STACK_DURATION_MS} ms .*omit it, or pass Infinity, for a fault that lasts the run`)),
    ));
    assert.ok(ms < 1000);
  });

  it('re-sends a SYN on the doubling timer, then at the maximum RTO, through a long outage, without a step per re-send', () => {
    // SYN timers 1, 2, 4, …, 64 s (127 s in all), then Linux's 120-s maximum: a SYN first sent at t goes through at
    // t + 127 s + k × 120 s, the first such moment after the route returns. A 14-kB response fits the first
    // window, so L3 time is that wait plus one 20-ms round trip.
    const untilMs = 1_000_000;
    const r = simulateStack(stack({
      durationMs: 2_000_000, load: 0.05, responseBytes: 14_000, client: { timeoutMs: Infinity }, l4: { requestsPerConnection: 1 },
      l7: { workers: 16, serviceTime: exponential(20), dns: { lookupMs: 0 } }, faults: [{ kind: 'route-withdrawal', atMs: 1000, untilMs }],
    }));
    let checked = 0;
    for (let a = 0; a < r.attempts.startMs.length; a++) {
      const t = r.attempts.startMs[a];
      if (t < 1000 || t + 127_000 >= untilMs) continue;
      const sent = t + 127_000 + Math.ceil((untilMs - t - 127_000) / 120_000) * 120_000;
      assert.ok(Math.abs(r.attempts.layerMs.L3[a] - (sent - t + 20)) < 1e-6, `attempt at ${t}: L3 ${r.attempts.layerMs.L3[a]}`);
      checked++;
    }
    assert.ok(checked > 25, `${checked} attempts checked`);
    // A week-long run with the route gone all week takes no longer than a day's.
    const week = 7 * 86_400_000;
    const ms = timed(() => simulateStack(stack({ durationMs: week, load: 0.01, client: { timeoutMs: Infinity }, faults: [{ kind: 'route-withdrawal', atMs: 1000, untilMs: week }] })));
    assert.ok(ms < 3000, `${ms} ms`);
  });

  it('refuses runs whose size implies more than a minute of work, naming the limit', () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ durationMs: 1e12, load: 1e-6 }, new RegExp(`durationMs must be a number in \\(0, ${MAX_STACK_DURATION_MS}\\]`)],
      [{ durationMs: 1e6, load: 5000, client: { retries: 3 } }, /load × durationMs × \(1 \+ client.retries\) imply 2.00e\+7 attempts if every request were retried; the limit is 1.00e\+7/],
      [{ durationMs: 1e6, load: 1000, responseBytes: 1e8 }, /imply 6.85e\+10 TCP segments of 1460 bytes .*the limit is 2.00e\+9/],
      [{ responseBytes: 2e9 }, /responseBytes must be a number in \[0, 1000000000\]/],
      [{ faults: Array.from({ length: 101 }, (_, k) => ({ kind: 'route-withdrawal', atMs: k * 10, untilMs: k * 10 + 5 })) }, /faults may hold at most 100 faults/],
    ];
    for (const [over, message] of cases) assert.throws(() => simulateStack(stack(over as Partial<StackOptions>)), rangeError(message));
  });
});

describe('simulateStack: overload is reported', () => {
  it('offered load per layer = peak rate / capacity; unstable once a layer reaches 1', () => {
    // L7: 16 workers / 20 ms = 800 rps. A ramp to 1000 rps offers 1.25 of it at its peak.
    const over = simulateStack(stack({ durationMs: 2000, load: { startRps: 0, endRps: 1000 }, client: { timeoutMs: 500 } }));
    assert.equal(over.offeredLoad.L7, 1.25);
    assert.equal(over.offeredLoad.L3, 0);
    assert.equal(over.unstable, true);
    const under = simulateStack(stack({ durationMs: 2000 }));
    assert.equal(under.offeredLoad.L7, 0.25);
    assert.equal(under.unstable, false);
  });
});

describe('simulateStack: each component draws from its own stream', () => {
  /** One request per connection and no loss: requests reach the workers in the order they start. */
  const quiet = (over: Partial<StackOptions>): StackOptions => stack({ l4: { requestsPerConnection: 1 }, l7: { workers: 64, serviceTime: exponential(20) }, ...over });
  const firstAttempts = (r: ReturnType<typeof simulateStack>): { start: number[]; client: number[] } => {
    const keep = (a: number): boolean => r.attempts.attempt[a] === 0;
    return {
      start: Array.from(r.attempts.startMs).filter((_, a) => keep(a)),
      client: Array.from(r.attempts.client).filter((_, a) => keep(a)),
    };
  };

  it('changing the service time, the link, the path, the retries or a fault leaves arrivals and clients identical', () => {
    const base = simulateStack(quiet({}));
    const variants: Partial<StackOptions>[] = [
      { l7: { workers: 4, serviceTime: constant(30) } },
      { l1: { bandwidthMbps: 50 } },
      { l3: { rttMs: 80, lossRate: 0.02 } },
      { client: { timeoutMs: 100, retries: 2 } },
      { faults: [{ kind: 'route-withdrawal', atMs: 3000, untilMs: 4000 }] },
    ];
    for (const over of variants) {
      const r = simulateStack(quiet(over));
      assert.deepEqual(r.requests.arrivalMs, base.requests.arrivalMs, JSON.stringify(over));
      assert.deepEqual(firstAttempts(r), firstAttempts(base), JSON.stringify(over));
    }
  });

  it("changing the response size leaves L7's service draws identical", () => {
    // 64 workers at 250 rps × 20 ms: almost never a queue, so each attempt's L7 time is its service draw.
    const small = simulateStack(quiet({ responseBytes: 20_000 }));
    const large = simulateStack(quiet({ responseBytes: exponential(80_000) }));
    assert.deepEqual(large.attempts.layerMs.L7, small.attempts.layerMs.L7);
    assert.notDeepEqual(large.attempts.layerMs.L1, small.attempts.layerMs.L1);
  });
});
