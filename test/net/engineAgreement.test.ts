/**
 * NetLab's two TCP models on the same transfers: the round model (`requestTimes`) and
 * the packet engine (`pageLoad`, one object on HTTP/1.1, one connection), each held
 * to the other and to throughput theory.
 *
 * - Agreement: the mean time of a new TLS 1.3 connection's transfer, handshakes
 *   included, within 20 % for 100 KB–4 MB at RTT 20–150 ms and loss 0.1–5 %.
 *   Sample sizes keep each mean's sampling error near 5 %.
 * - Theory, NewReno under random loss: within 25 % of Mathis up to 1 % loss, and of
 *   PFTK (equation 31, the engines' RTO floor of 200 ms, one ACK per packet) above,
 *   at RTT 80 and 150 ms. At RTT 20 ms the floor is ten round trips and PFTK's
 *   timeout share, min(1, 3/W) of losses, is that of Reno without SACK or limited
 *   transmit; both models time out less often and run up to 1.8× faster there.
 * - Theory, CUBIC under RFC 9438 §5.1's deterministic loss (one loss every 1/p
 *   packets): within 30 % of the larger of the cubic average window and the
 *   Reno-friendly (Mathis) rate.
 */
import assert from 'node:assert/strict';
import { requestTimes } from '../../lib/net/tcp/requestTimes';
import { pageLoad } from '../../lib/http/pageLoad';
import { mathisThroughput } from '../../lib/net/tcp/mathis';
import { pftkThroughput } from '../../lib/net/tcp/pftk';
import { cubicAverageWindow } from '../../lib/net/congestion/cubic';
import type { CongestionControl } from '../../lib/net/congestion/congestionControl';
import type { LossModel } from '../../lib/net/path/loss';
import { createRng } from '../../lib/random/rng';

const MSS = 1460;

/** Mean completion time (ms) of a new connection's transfer under each model. */
function meanTimes(bytes: number, rttMs: number, lossRate: number, congestionControl: CongestionControl, pages: number) {
  const rounds = requestTimes({ rttMs, lossRate, bytes, tls: '1.3', samples: 4 * pages, congestionControl, rng: createRng(`round ${bytes} ${rttMs} ${lossRate}`) });
  let roundMs = 0;
  for (const ms of rounds.totalMs) roundMs += ms;
  const rng = createRng(`engine ${bytes} ${rttMs} ${lossRate}`);
  let engineMs = 0;
  for (let i = 0; i < pages; i++) {
    engineMs += pageLoad({ protocol: 'http1.1', objects: [bytes], path: { rttMs, lossRate }, tls: '1.3', congestionControl, rng: rng.fork(String(i)) }).totalMs;
  }
  return { round: roundMs / rounds.totalMs.length, engine: engineMs / pages };
}

/** Long-transfer throughput (bytes/s) of each model on a warm connection: the round model's transfer time, the engine's from its first request. */
function throughputs(path: { rttMs: number; lossRate?: number; loss?: LossModel }, segments: number, congestionControl: CongestionControl, runs: number, seed: string) {
  const bytes = segments * MSS;
  const rounds = requestTimes({ ...path, bytes, connection: 'reused', cwnd: 10, samples: runs, congestionControl, rng: createRng(`round ${seed}`) });
  let roundMs = 0;
  for (const ms of rounds.transferMs) roundMs += ms;
  const rng = createRng(`engine ${seed}`);
  let engineMs = 0;
  for (let i = 0; i < runs; i++) {
    const load = pageLoad({ protocol: 'http2', objects: [bytes], path, congestionControl, rng: rng.fork(String(i)) });
    engineMs += load.totalMs - load.connections[0].readyMs;
  }
  return { round: (runs * bytes * 1000) / roundMs, engine: (runs * bytes * 1000) / engineMs };
}

/** RFC 9438 §5.1's deterministic loss: exactly one packet in every 1/p is lost. */
function periodicLoss(lossRate: number): LossModel {
  const period = Math.round(1 / lossRate);
  return { label: `one in ${period}`, rate: lossRate, start: () => { let n = 0; return () => ++n % period === 0; } };
}

describe('the round model and the packet engine agree on one transfer', () => {
  const cases: [CongestionControl, number][] = [['newreno', 100_000], ['newreno', 1_000_000], ['newreno', 4_000_000], ['cubic', 100_000], ['cubic', 1_000_000], ['cubic', 4_000_000]];
  for (const [congestionControl, bytes] of cases) {
    it(`${congestionControl}, ${bytes / 1000} KB: mean completion within 20 % at RTT 20–150 ms and loss 0.1–5 %`, function () {
      this.timeout(120_000);
      const pages = bytes <= 100_000 ? 400 : bytes <= 1_000_000 ? 120 : 80;
      const off: string[] = [];
      for (const rttMs of [20, 60, 150]) {
        for (const lossRate of [0.001, 0.01, 0.05]) {
          const { round, engine } = meanTimes(bytes, rttMs, lossRate, congestionControl, pages);
          const ratio = round / engine;
          if (Math.abs(ratio - 1) > 0.2) off.push(`RTT ${rttMs} ms, loss ${lossRate}: round ${round.toFixed(0)} ms, engine ${engine.toFixed(0)} ms (${ratio.toFixed(2)})`);
        }
      }
      assert.deepEqual(off, []);
    });
  }
});

describe('both TCP models against throughput theory', () => {
  for (const rttMs of [20, 80, 150]) {
    it(`NewReno at RTT ${rttMs} ms: within 25 % of Mathis at 0.1–1 % loss${rttMs >= 80 ? ', of PFTK at 2–5 %' : ''}`, function () {
      this.timeout(60_000);
      const off: string[] = [];
      for (const lossRate of [0.001, 0.005, 0.01, 0.02, 0.05]) {
        if (lossRate > 0.01 && rttMs < 80) continue;
        const theory = lossRate <= 0.01
          ? mathisThroughput({ mssBytes: MSS, rttMs, lossRate })
          : pftkThroughput({ mssBytes: MSS, rttMs, lossRate, rtoMs: 200, ackRatio: 1 });
        const got = throughputs({ rttMs, lossRate }, Math.max(20_000, 200 / lossRate), 'newreno', 2, `${rttMs} ${lossRate}`);
        for (const [model, bps] of Object.entries(got)) {
          if (Math.abs(bps / theory - 1) > 0.25) off.push(`${model} at loss ${lossRate}: ${(bps / theory).toFixed(2)} × theory`);
        }
      }
      assert.deepEqual(off, []);
    });
  }

  it('CUBIC: within 30 % of RFC 9438 §5.1, in the cubic region and in the Reno-friendly one', function () {
    this.timeout(60_000);
    const off: string[] = [];
    const cells = [[150, 0.0002], [150, 0.0005], [150, 0.001], [20, 0.001], [20, 0.01], [80, 0.01]];
    for (const [rttMs, lossRate] of cells) {
      const cubic = (cubicAverageWindow(rttMs, lossRate) * MSS * 1000) / rttMs;
      const reno = mathisThroughput({ mssBytes: MSS, rttMs, lossRate });
      const got = throughputs({ rttMs, loss: periodicLoss(lossRate) }, Math.max(20_000, 200 / lossRate), 'cubic', 1, `cubic ${rttMs} ${lossRate}`);
      for (const [model, bps] of Object.entries(got)) {
        const ratio = bps / Math.max(cubic, reno);
        if (Math.abs(ratio - 1) > 0.3) off.push(`${model} at RTT ${rttMs} ms, loss ${lossRate}: ${ratio.toFixed(2)} × theory`);
      }
    }
    // The cells cover both regions: the cubic window is the larger at RTT 150 ms and 0.02 %, the Reno-friendly one at 20 ms and 1 %.
    assert.ok(cubicAverageWindow(150, 0.0002) * MSS * 1000 / 150 > 1.5 * mathisThroughput({ mssBytes: MSS, rttMs: 150, lossRate: 0.0002 }));
    assert.ok(cubicAverageWindow(20, 0.01) * MSS * 1000 / 20 < 0.5 * mathisThroughput({ mssBytes: MSS, rttMs: 20, lossRate: 0.01 }));
    assert.deepEqual(off, []);
  });
});
