import { strict as assert } from 'node:assert';
import { pageLoad, pageLoadPhases, PAGE_LOAD_PHASE_COLORS } from '../../lib/http';

describe('pageLoadPhases', () => {
  const three = { objects: [3_000, 3_000, 3_000], path: { rttMs: 100 }, responseHeaderBytes: 0, dropPackets: [0] };

  it('shows HTTP/2\'s head-of-line blocking as held bars, and none on HTTP/3', () => {
    const h2 = pageLoadPhases(pageLoad({ ...three, protocol: 'http2' }), { names: ['R1', 'R2', 'R3'], prefix: 'H2 · ' });
    const h3 = pageLoadPhases(pageLoad({ ...three, protocol: 'http3' }), { names: ['R1', 'R2', 'R3'] });
    assert.deepEqual(h2.filter((r) => r.group === 'held behind a lost packet').map((r) => r.lane), ['H2 · R2', 'H2 · R3']);
    assert.equal(h3.filter((r) => r.group === 'held behind a lost packet').length, 0);
    assert.equal(h2[0].lane, 'H2 · connection 0');
    assert.equal(h2[0].group, 'handshake');
  });

  it('tiles each object\'s lane from 0 to its end, with known groups only', () => {
    const load = pageLoad({ protocol: 'http1.1', connectionsPerHost: 2, objects: [5_000, 20_000, 1_000, 8_000], path: { rttMs: 40 } });
    const rows = pageLoadPhases(load);
    for (const o of load.objects) {
      const lane = rows.filter((r) => r.lane === `object ${o.index + 1}`);
      assert.equal(lane[0].startMs, 0);
      for (let i = 1; i < lane.length; i++) assert.equal(lane[i].startMs, lane[i - 1].endMs);
      assert.equal(lane[lane.length - 1].endMs, o.endMs);
    }
    assert.ok(rows.every((r) => r.group in PAGE_LOAD_PHASE_COLORS && r.endMs > r.startMs));
  });

  it('refuses names that do not match the objects', () => {
    const load = pageLoad({ protocol: 'http2', objects: [1_000, 1_000], path: { rttMs: 40 } });
    assert.throws(() => pageLoadPhases(load, { names: ['a'] }), /one name per object \(2\)/);
    assert.throws(() => pageLoadPhases(load, { name: ['a', 'b'] } as never), /did you mean "names"/);
    assert.throws(() => pageLoadPhases({} as never), /load must be the result of pageLoad/);
  });
});
