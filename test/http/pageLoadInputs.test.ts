import { strict as assert } from 'node:assert';
import { pageLoad, pageLoadTable, type PageLoadOptions } from '../../lib/http';
import { createRng } from '../../lib/random';

const ok: PageLoadOptions = { protocol: 'http2', objects: [20_000, 20_000], path: { rttMs: 50 } };
const bad = (over: Record<string, unknown>, type: new (...a: never[]) => Error, message: RegExp) =>
  assert.throws(() => pageLoad({ ...ok, ...over } as PageLoadOptions), (e: unknown) => e instanceof type && message.test((e as Error).message));

describe('pageLoad: options by key and bounds', () => {
  it('names a misspelt option at the top and in migration', () => {
    bad({ connectionPerHost: 4 }, TypeError, /pageLoad: unknown option "connectionPerHost" \(did you mean "connectionsPerHost"\?\)/);
    bad({ migration: { atMS: 10, path: { rttMs: 50 } } }, TypeError, /unknown option "migration\.atMS" \(did you mean "migration\.atMs"\?\)/);
    bad({ serverMs: null }, TypeError, /option serverMs is null/);
  });

  it('an RTT beyond a minute is refused by name instead of answering NaN', () => {
    bad({ path: { rttMs: 1e12 } }, RangeError, /^path\.rttMs must be .*got 1000000000000$/);
    bad({ path: { rttMs: 1e6 } }, RangeError, /^path\.rttMs must be at most 60000 ms .*got 1000000$/);
    bad({ path: { rttMs: 50, lossrate: 0.1 } }, TypeError, /unknown option "path\.lossrate" \(did you mean "path\.lossRate"\?\)/);
    bad({ migration: { atMs: 10, path: { rttMs: 1e6 } } }, RangeError, /^migration\.path\.rttMs must be at most 60000/);
    bad({ path: { rttMs: 50, jitterMs: 1e6 } }, RangeError, /path\.jitterMs must be a number in \[0, 300000\]/);
    bad({ path: { rttMs: 50, jitterMs: 2e5 } }, RangeError, /path\.jitterMs must be at most 60000/);
    // At the bound the answer is finite and exact: three round trips for a small object over TLS 1.3.
    const r = pageLoad({ protocol: 'http2', objects: [1000], path: { rttMs: 60_000 } });
    assert.equal(r.failed, false);
    assert.equal(r.totalMs, 3 * 60_000);
  });

  it('bandwidth, header sizes, server time and packets are bounded, each by name', () => {
    bad({ path: { rttMs: 50, bandwidthMbps: 0.001 } }, RangeError, /path\.bandwidthMbps must be at least 0\.01/);
    bad({ requestHeaderBytes: 1e12 }, RangeError, /requestHeaderBytes must be a number in \[0, 1000000\]/);
    bad({ responseHeaderBytes: -1 }, RangeError, /responseHeaderBytes/);
    bad({ serverMs: 1e12 }, RangeError, /serverMs must be a number in \[0, 60000\]/);
    const started = Date.now();
    bad({ objects: [1e12] }, RangeError, /objects \(bytes \/ mssBytes\) imply 6\.85e\+8 data packets in one page load; the limit is 1\.00e\+7/);
    bad({ objects: [1e7], mssBytes: 1 }, RangeError, /data packets in one page load/);
    assert.ok(Date.now() - started < 1000);
  });
});

describe('pageLoadTable: seeds, streams and bounds', () => {
  const configurations = { h2: { ...ok, path: { rttMs: 50, lossRate: 0.05 } }, h3: { ...ok, protocol: 'http3' as const, path: { rttMs: 50, lossRate: 0.05 } } };

  it('refuses a NaN or infinite seed, and other bad options by key', () => {
    assert.throws(() => pageLoadTable({ configurations, runs: 2, seed: NaN }), (e: unknown) => e instanceof RangeError && /seed must be a finite number or a string; got NaN/.test((e as Error).message));
    assert.throws(() => pageLoadTable({ configurations, runs: 2, seed: Infinity }), RangeError);
    assert.throws(() => pageLoadTable({ configurations, runs: 2, seed: 1, perObjects: false } as never), /pageLoadTable: unknown option "perObjects" \(did you mean "perObject"\?\)/);
    assert.throws(() => pageLoadTable({ configurations: { h2: { ...ok, rng: createRng(1) } }, runs: 2, seed: 1 } as never), /configurations\.h2: rng does not apply here/);
    assert.throws(() => pageLoadTable({ configurations: { h2: { ...ok, protocl: 'http2' } }, runs: 2, seed: 1 } as never), /configurations\.h2: pageLoad: unknown option "protocl"/);
  });

  it('run i draws from the seed’s fork "run i", so no string seed made of slashes can collide with it', () => {
    const t = pageLoadTable({ configurations, runs: 3, seed: 'a', perObject: false });
    const totals = t.pages.array('totalMs') as number[];
    for (let run = 0; run < 3; run++) {
      assert.equal(totals[2 * run], pageLoad({ ...configurations.h2, rng: createRng('a').fork(`run ${run}`) }).totalMs);
    }
    // The old derivation `${seed}/${run}` made seed "a/1", run 0 the stream of seed "a", run "1/0".
    const long = { ...configurations.h2, objects: [300_000] };
    const slashed = pageLoadTable({ configurations: { long }, runs: 1, seed: 'a/1', perObject: false }).pages.array('totalMs') as number[];
    assert.notEqual(slashed[0], pageLoad({ ...long, rng: createRng('a/1/0') }).totalMs);
    assert.equal(slashed[0], pageLoad({ ...long, rng: createRng('a/1').fork('run 0') }).totalMs);
  });

  it('HTTP/2 and HTTP/3 of one run meet the same loss pattern (common random numbers)', () => {
    const t = pageLoadTable({ configurations: { h2: { ...configurations.h2, objects: [300_000] }, h3: { ...configurations.h3, objects: [300_000] } }, runs: 5, seed: 7, perObject: false });
    const lost = t.pages.array('retransmissions') as number[];
    for (let run = 0; run < 5; run++) assert.ok(lost[2 * run] > 0 && lost[2 * run] === lost[2 * run + 1], `run ${run}: ${lost[2 * run]} vs ${lost[2 * run + 1]}`);
  });

  it('refuses up front a table beyond its packet or row budget', () => {
    const big = { a: { ...ok, objects: Array<number>(1000).fill(1000) } };
    assert.throws(() => pageLoadTable({ configurations: big, runs: 100_000, seed: 1, perObject: false }), /runs × data packets of the configurations imply 1\.00e\+8/);
    assert.throws(() => pageLoadTable({ configurations: big, runs: 5000, seed: 1 }), /runs × objects of the configurations imply 5\.00e\+6 object rows/);
  });
});
