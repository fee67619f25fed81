import { strict as assert } from 'node:assert';
import { callLatencies, pageLoad, pageLoadTable } from '../../lib/http';
import { createRng } from '../../lib/random';

describe('callLatencies', () => {
  it('counts each call from its screen\'s first request, so a clean HTTP/2 call takes the data round trip', () => {
    const calls = Array<number>(4).fill(1_000);
    const tables = pageLoadTable({ configurations: { h2: { protocol: 'http2', objects: calls, path: { rttMs: 80 } } }, runs: 2, seed: 1 });
    const latencies = callLatencies(tables).get('h2')!;
    assert.equal(latencies.length, 2 * 4);
    // One round trip from the requests to the responses on a clean path.
    for (const l of latencies) assert.ok(l >= 80 && l < 100, `latency ${l}`);
  });

  it('includes HTTP/1.1\'s wait for a free connection, matching pageLoad run by run', () => {
    const options = { protocol: 'http1.1' as const, connectionsPerHost: 2, objects: Array<number>(6).fill(1_000), path: { rttMs: 50, jitterMs: 5 } };
    const tables = pageLoadTable({ configurations: { h1: options }, runs: 3, seed: 9 });
    const latencies = callLatencies(tables).get('h1')!;
    const expected = [0, 1, 2].flatMap((run) => {
      const load = pageLoad({ ...options, rng: createRng(9).fork(`run ${run}`) });
      const first = Math.min(...load.objects.map((o) => o.startMs));
      return load.objects.map((o) => o.endMs - first);
    });
    assert.deepEqual(latencies, expected);
    assert.ok(Math.max(...latencies) > 2 * 50, 'the later calls wait for a connection');
  });

  it('refuses tables without object rows', () => {
    const pagesOnly = pageLoadTable({ configurations: { a: { protocol: 'http2', objects: [1000], path: { rttMs: 50 } } }, runs: 1, seed: 1, perObject: false });
    assert.throws(() => callLatencies(pagesOnly), RangeError);
    assert.throws(() => callLatencies('tables' as never), /tables must be the result of pageLoadTable/);
  });
});
