import assert from 'node:assert/strict';
import { pageLoad, type PageLoad } from '../../lib/http/pageLoad';
import { pageLoadTable } from '../../lib/http/pageLoadTable';
import { HTTP_PROTOCOLS, type HttpProtocol } from '../../lib/http/protocols';
import { requestTime } from '../../lib/net/tcp/requestTime';
import { mathisThroughput } from '../../lib/net/tcp/mathis';
import { TLS_MODES } from '../../lib/net/tcp/tls';
import type { LossModel } from '../../lib/net/path/loss';
import { createRng } from '../../lib/random/rng';
import { quantileSorted } from '../../lib/stats/quantile';

const RTT = 100;
const clean = { rttMs: RTT };

function ends(r: PageLoad): number[] {
  return r.objects.map((o) => o.endMs);
}

describe('pageLoad: budget arithmetic without loss or jitter', () => {
  for (const bytes of [0, 1000, 14_600, 30_000, 100_000, 1_000_000]) {
    for (const tls of TLS_MODES) {
      it(`one ${bytes}-byte object over TCP + TLS '${tls}' takes requestTime's budget`, () => {
        const budget = requestTime({ bytes: bytes + 400, rttMs: RTT, tls }).totalMs;
        for (const protocol of ['http1.1', 'http2'] as const) {
          assert.equal(pageLoad({ protocol, objects: [bytes], path: clean, tls }).totalMs, budget, protocol);
        }
      });
    }
  }

  it('HTTP/3 takes one RTT less than HTTP/2 over TLS 1.3, two with 0-RTT', () => {
    for (const bytes of [1000, 30_000, 1_000_000]) {
      const h2 = pageLoad({ protocol: 'http2', objects: [bytes], path: clean, tls: '1.3' }).totalMs;
      assert.equal(pageLoad({ protocol: 'http3', objects: [bytes], path: clean, tls: '1.3' }).totalMs, h2 - RTT);
      assert.equal(pageLoad({ protocol: 'http3', objects: [bytes], path: clean, tls: 'resumed' }).totalMs, h2 - RTT);
      assert.equal(pageLoad({ protocol: 'http3', objects: [bytes], path: clean, tls: '0-rtt' }).totalMs, h2 - 2 * RTT);
    }
  });

  it('HTTP/2 and HTTP/3 move the same packets in the same rounds, HTTP/3 one RTT earlier', () => {
    const objects = Array.from({ length: 30 }, (_, i) => 2000 + 1500 * i);
    const h2 = pageLoad({ protocol: 'http2', objects, path: clean });
    const h3 = pageLoad({ protocol: 'http3', objects, path: clean });
    assert.equal(h3.packets, h2.packets);
    assert.deepEqual(ends(h3), ends(h2).map((t) => t - RTT));
    assert.equal(h2.retransmissions + h3.retransmissions, 0);
  });

  it('with a bottleneck, a large transfer takes at least its serialisation time and not much more', () => {
    const r = pageLoad({ protocol: 'http2', objects: [2_000_000], path: { rttMs: 20, bandwidthMbps: 10 } });
    const wire = (2_000_400 * 8) / 10_000;
    assert.ok(r.totalMs >= wire + 2 * 20, `${r.totalMs} ms`);
    assert.ok(r.totalMs < wire + 12 * 20, `${r.totalMs} ms`);
  });

  it('HTTP/1.1 opens one connection per object up to connectionsPerHost, each with its own handshake', () => {
    const r = pageLoad({ protocol: 'http1.1', objects: Array(20).fill(1000), path: clean });
    assert.equal(r.connections.length, 6);
    for (const c of r.connections) assert.equal(c.readyMs, 2 * RTT);
    assert.equal(pageLoad({ protocol: 'http1.1', objects: [1, 2, 3], path: clean, connectionsPerHost: 2 }).connections.length, 2);
    // Keep-alive: 20 one-packet objects over 6 connections take ceil(20 / 6) = 4 request rounds after the handshakes.
    assert.equal(r.totalMs, 2 * RTT + 4 * RTT);
  });

  it('with many small objects on a clean path HTTP/2 beats HTTP/1.1', () => {
    const objects = Array(80).fill(2000);
    const h1 = pageLoad({ protocol: 'http1.1', objects, path: clean }).totalMs;
    const h2 = pageLoad({ protocol: 'http2', objects, path: clean }).totalMs;
    assert.ok(h2 < h1 / 2, `HTTP/2 ${h2} ms, HTTP/1.1 ${h1} ms`);
  });
});

describe('pageLoad: head-of-line blocking', () => {
  // Three responses of 3 packets each, interleaved round robin: all nine fit the first window.
  const base = { objects: [3000, 3000, 3000], path: clean, responseHeaderBytes: 0 };

  it('one lost packet on HTTP/2 delays every stream; on HTTP/3 only its own', () => {
    const h2 = pageLoad({ ...base, protocol: 'http2', dropPackets: [0] });
    const h2clean = pageLoad({ ...base, protocol: 'http2' });
    const h3 = pageLoad({ ...base, protocol: 'http3', dropPackets: [0] });
    const h3clean = pageLoad({ ...base, protocol: 'http3' });
    assert.equal(h2.retransmissions, 1);
    assert.equal(h3.retransmissions, 1);
    // HTTP/2: the two innocent streams had all their bytes but waited a round trip for packet 0's resend.
    assert.deepEqual(ends(h2), ends(h2clean).map((t) => t + RTT));
    assert.deepEqual(h2.objects.map((o) => o.blockedMs), [0, RTT, RTT]);
    // HTTP/3: only stream 0 is late; the others end exactly as without the loss.
    assert.deepEqual(ends(h3), [h3clean.objects[0].endMs + RTT, h3clean.objects[1].endMs, h3clean.objects[2].endMs]);
    assert.deepEqual(h3.objects.map((o) => o.blockedMs), [0, 0, 0]);
    assert.equal(h3.objects[0].retransmissions, 1);
  });

  it('a lost last packet waits for TCP’s 200 ms RTO floor but only QUIC’s probe timer', () => {
    const h2 = pageLoad({ ...base, protocol: 'http2', dropPackets: [8] });
    const h3 = pageLoad({ ...base, protocol: 'http3', dropPackets: [8] });
    const h2clean = pageLoad({ ...base, protocol: 'http2' }).totalMs;
    const h3clean = pageLoad({ ...base, protocol: 'http3' }).totalMs;
    assert.ok(h2.totalMs - h2clean >= 200 + RTT / 2, `${h2.totalMs - h2clean} ms`);
    assert.ok(h3.totalMs - h3clean < h2.totalMs - h2clean, `${h3.totalMs - h3clean} ms`);
  });

  it('under sustained loss HTTP/3’s p99 request latency is below HTTP/2’s (fixed seed, margin 5%)', () => {
    const { objects } = pageLoadTable({
      configurations: Object.fromEntries((['http2', 'http3'] as const).map((protocol) => [protocol, {
        protocol, objects: Array(10).fill(1000), path: { rttMs: 70, jitterMs: 20, lossRate: 0.01, bandwidthMbps: 20 },
      }])),
      runs: 400,
      seed: 11,
    });
    const p99 = (protocol: string) => {
      const xs = Float64Array.from(objects!.filter(`d => d.configuration === '${protocol}'`).array('latencyMs') as number[]).sort();
      return quantileSorted(xs, 0.99);
    };
    assert.ok(p99('http3') < 0.95 * p99('http2'), `HTTP/3 ${p99('http3')} ms, HTTP/2 ${p99('http2')} ms`);
    const blocked = (protocol: string) => objects!.filter(`d => d.configuration === '${protocol}'`).rollup({ b: 'd => op.sum(d.blockedMs)' }).get('b', 0);
    assert.equal(blocked('http3'), 0);
    assert.ok(blocked('http2') > 0);
  });
});

describe('pageLoad: loss recovery against theory', () => {
  it("a tail loss on HTTP/3 costs RFC 9002 §6.2's probe timeout, doubled for a lost probe", () => {
    // RTT 100 ms without jitter: smoothed_rtt 100, rttvar decayed below 0.25 ms, so
    // PTO = 100 + max(4·rttvar, 1) + max_ack_delay 25 = 126 ms after the last packet was sent;
    // the probe takes the lost data, and a lost probe waits twice as long again.
    const opts = { protocol: 'http3' as const, objects: [40_000], path: { rttMs: 100 } };
    const clean = pageLoad(opts);
    const last = clean.packets - 1;
    assert.equal(pageLoad({ ...opts, dropPackets: [last] }).totalMs - clean.totalMs, 126);
    assert.equal(pageLoad({ ...opts, dropPackets: [last, last + 1] }).totalMs - clean.totalMs, 126 + 2 * 126);
    // TCP's timer restarts with the last acknowledgement (100 ms after the send) and has a 200 ms floor.
    const tcp = { ...opts, protocol: 'http2' as const };
    assert.equal(pageLoad({ ...tcp, dropPackets: [last] }).totalMs - pageLoad(tcp).totalMs, 100 + 200);
  });

  it('a long transfer under random loss runs near the Mathis throughput (±25%)', () => {
    for (const lossRate of [0.005, 0.01, 0.02]) {
      const rng = createRng(3);
      let ms = 0;
      const runs = 12;
      for (let i = 0; i < runs; i++) {
        const r = pageLoad({ protocol: 'http2', objects: [5e6], path: { rttMs: RTT, lossRate }, rng: rng.fork(String(i)) });
        ms += r.totalMs - r.connections[0].readyMs;
      }
      const kBps = (runs * 5e6) / ms;
      const theory = mathisThroughput({ mssBytes: 1460, rttMs: RTT, lossRate }) / 1000;
      assert.ok(Math.abs(kBps / theory - 1) < 0.25, `loss ${lossRate}: ${kBps.toFixed(1)} kB/s against ${theory.toFixed(1)}`);
    }
  });

  it('same seed, same page load; another seed, another', () => {
    const opts = { objects: Array(20).fill(20_000), path: { rttMs: 60, jitterMs: 10, lossRate: 0.02 } };
    const a = pageLoad({ ...opts, protocol: 'http2', rng: createRng(5) });
    assert.deepEqual(pageLoad({ ...opts, protocol: 'http2', rng: createRng(5) }), a);
    assert.notDeepEqual(pageLoad({ ...opts, protocol: 'http2', rng: createRng(6) }), a);
  });

  it('HTTP/2 and HTTP/3 draw the same loss pattern for their data packets (common random numbers)', () => {
    const logs = new Map<string, boolean[][]>();
    const recording = (protocol: string): LossModel => ({
      label: 'recorded 2%',
      rate: 0.02,
      start(rng) {
        const log: boolean[] = [];
        if (!logs.has(protocol)) logs.set(protocol, []);
        logs.get(protocol)!.push(log);
        return () => {
          const lost = rng() < 0.02;
          log.push(lost);
          return lost;
        };
      },
    });
    for (const protocol of ['http2', 'http3'] as const) {
      pageLoad({ protocol, objects: Array(20).fill(20_000), path: { rttMs: 60, jitterMs: 10, loss: recording(protocol) }, rng: createRng(5) });
    }
    // Processes start per connection in the order handshake, requests, data.
    const h2 = logs.get('http2')![2];
    const h3 = logs.get('http3')![2];
    assert.ok(h2.length > 250 && h3.length > 250);
    assert.deepEqual(h3.slice(0, 250), h2.slice(0, 250));
    assert.ok(h2.slice(0, 250).includes(true));
  });

  it('a path that loses almost everything ends the load as failed, bounded', () => {
    const r = pageLoad({ protocol: 'http2', objects: [1000], path: { rttMs: 50, lossRate: 0.95 }, maxRetries: 3, rng: createRng(1) });
    assert.equal(r.failed, true);
    assert.ok(Number.isFinite(r.totalMs));
  });
});

describe('pageLoad: header compression and migration', () => {
  it('HTTP/2 and HTTP/3 send later header blocks compressed; HTTP/1.1 sends them all in full', () => {
    const objects = Array(80).fill(1000);
    const full = 80 * (700 + 400);
    const compressed = 700 + 79 * Math.ceil(700 * 0.15) + 400 + 79 * Math.ceil(400 * 0.15);
    for (const protocol of HTTP_PROTOCOLS) {
      const r = pageLoad({ protocol, objects, path: clean });
      assert.equal(r.headerBytes.uncompressed, full, protocol);
      assert.equal(r.headerBytes.sent, protocol === 'http1.1' ? full : compressed, protocol);
    }
  });

  it('an address change kills TCP connections but QUIC migrates in one round trip', () => {
    const opts = { objects: Array(20).fill(50_000), path: { rttMs: 30, bandwidthMbps: 20 }, migration: { atMs: 200, path: { rttMs: 80, bandwidthMbps: 20 } } };
    const h1 = pageLoad({ ...opts, protocol: 'http1.1' });
    const h2 = pageLoad({ ...opts, protocol: 'http2' });
    const h3 = pageLoad({ ...opts, protocol: 'http3' });
    for (const r of [h1, h2, h3]) assert.ok(r.objects.every((o) => Number.isFinite(o.endMs)), r.protocol);
    assert.equal(h2.connections.length, 2);
    assert.equal(h2.connections[0].closedMs, 200);
    assert.equal(h2.connections[1].openedMs, 200);
    assert.ok(h2.wastedBytes > 0);
    assert.ok(h1.connections.length > 6);
    assert.equal(h3.connections.length, 1);
    assert.equal(h3.wastedBytes, 0);
    assert.ok(h3.totalMs < h2.totalMs, `HTTP/3 ${h3.totalMs} ms, HTTP/2 ${h2.totalMs} ms`);
  });
});

describe('pageLoad: bad input names the option', () => {
  const ok = { protocol: 'http2' as const, objects: [1000], path: clean };
  const cases: [string, object, RegExp][] = [
    ['unknown protocol', { protocol: 'spdy' }, /protocol must be one of "http1.1", "http2", "http3"; got "spdy"/],
    ['empty object list', { objects: [] }, /objects must be a non-empty array/],
    ['negative size', { objects: [10, -1] }, /objects\[1\] must be a number ≥ 0; got -1|objects\[1\].*-1/],
    ['HTTP/3 without TLS 1.3', { protocol: 'http3', tls: '1.2' }, /tls must be one of '1.3', 'resumed', '0-rtt' for http3/],
    ['zero connections', { connectionsPerHost: 0 }, /connectionsPerHost must be an integer in \[1, 64\]; got 0/],
    ['negative packet to drop', { dropPackets: [-1] }, /dropPackets\[0\]/],
    ['migration at 0', { migration: { atMs: 0, path: clean } }, /migration.atMs must be a finite number > 0; got 0/],
    ['negative RTT', { path: { rttMs: -5 } }, /rttMs must be a number ≥ 0; got -5|rttMs.*-5/],
    ['unknown scheduling', { scheduling: 'fifo' }, /scheduling must be one of "round-robin", "sequential"; got "fifo"/],
  ];
  for (const [what, patch, message] of cases) {
    it(what, () => assert.throws(() => pageLoad({ ...ok, ...patch } as never), message));
  }
  it('loss without an rng', () => assert.throws(() => pageLoad({ ...ok, path: { rttMs: 50, lossRate: 0.01 } }), /rng/));
  it('pageLoadTable names the configuration', () => {
    assert.throws(() => pageLoadTable({ configurations: { broken: { ...ok, objects: [] } }, runs: 1, seed: 1 }), /configurations\.broken: objects/);
  });
});

describe('pageLoad: requests and migration details', () => {
  it('requests sent together arrive in order under jitter, so HTTP/2 waits no longer than HTTP/3 without loss', () => {
    const opts = { objects: Array(40).fill(1000), path: { rttMs: 70, jitterMs: 20 }, requestHeaderBytes: 700, headerRatio: 0.5 };
    let h2 = 0;
    let h3 = 0;
    for (let i = 0; i < 50; i++) {
      const last = (protocol: HttpProtocol) => {
        const r = pageLoad({ ...opts, protocol, rng: createRng(`order/${i}`) });
        return Math.max(...r.objects.map((o) => o.endMs - o.startMs));
      };
      h2 += last('http2');
      h3 += last('http3');
    }
    assert.ok(Math.abs(h2 - h3) / h3 < 0.03, `HTTP/2 ${h2 / 50} ms, HTTP/3 ${h3 / 50} ms`);
  });

  it('streams whose requests arrive together share the first window', () => {
    const r = pageLoad({ protocol: 'http2', objects: [30_000, 30_000], path: clean });
    assert.equal(r.objects[0].endMs, r.objects[1].endMs);
  });

  it('after migrating, a QUIC connection meets the new path’s loss, not the old one’s', () => {
    const resent = (lossRate: number) => {
      let sum = 0;
      for (let i = 0; i < 20; i++) {
        sum += pageLoad({
          protocol: 'http3', objects: Array(20).fill(50_000), path: { rttMs: 30 },
          migration: { atMs: 100, path: { rttMs: 80, lossRate } }, rng: createRng(`migrate/${i}`),
        }).retransmissions;
      }
      return sum / 20;
    };
    assert.ok(resent(0.05) > resent(0) + 20, `${resent(0.05)} against ${resent(0)}`);
  });
});
