import assert from 'node:assert/strict';
import { requestTime } from '../../lib/net/tcp/requestTime';
import { mathisThroughput } from '../../lib/net/tcp/mathis';
import { RtoEstimator, rtoBounds } from '../../lib/net/tcp/rto';
import { burstyLoss, gilbertElliott, independentLoss, type LossModel } from '../../lib/net/path/loss';
import { createPath, roundTripMs } from '../../lib/net/path/path';
import { createRng } from '../../lib/random/rng';
import { countLost, packetLoss } from '../../lib/net/path/packetLoss';

/** A loss model that drops exactly the packets at the given positions: 0 is the first packet (the SYN on a new connection, the request on a reused one). */
function dropPackets(...positions: number[]): LossModel {
  return {
    label: `drop ${positions.join(', ')}`,
    rate: 0.5,
    start: () => {
      let n = 0;
      return () => positions.includes(n++);
    },
  };
}

describe('TCP loss recovery (constructed losses)', () => {
  const warm = { rttMs: 100, bytes: 14_600, connection: 'reused' as const, cwnd: 10, rng: createRng(1) };

  it('recovers a loss followed by three or more segments by fast retransmit: one extra round', () => {
    const r = requestTime({ ...warm, loss: dropPackets(2) });
    assert.equal(r.totalMs, 200);
    assert.equal(r.retransmissions, 1);
    assert.equal(r.timeouts, 0);
  });

  it('waits for the retransmission timeout when too few segments follow a loss at the end of the transfer', () => {
    // warm estimator: SRTT 100, RTTVAR 50 → RTO = 100 + 4·50 = 300 ms (RFC 6298 §2.2–2.4). The timer
    // restarts with the round's last acknowledgement (100 ms), fires 300 ms later, and the resent
    // segment takes one more round trip.
    const r = requestTime({ ...warm, loss: dropPackets(8) });
    assert.equal(r.totalMs, 100 + 300 + 100);
    assert.equal(r.timeouts, 1);
  });

  it('recovers a loss near the end of a round by fast retransmit when acknowledgements release new data (RFC 3042)', () => {
    // 20 segments, window 10: segment 8 is lost with one segment behind it in its round, but the
    // nine acknowledgements release new segments that supply the duplicate ACKs.
    const r = requestTime({ ...warm, bytes: 20 * 1460, loss: dropPackets(9) });
    assert.equal(r.timeouts, 0);
    assert.equal(r.retransmissions, 1);
    assert.equal(r.totalMs, 300);
  });

  it('finds a lost retransmission only by the timer, once the acknowledgements stop', () => {
    // Segment 2 is lost (packet 3; packet 0 is the request) and found by duplicate ACKs; its
    // retransmission, the first packet of the next round (packet 11), is lost too. Duplicate ACKs
    // cannot tell it from the original, so the rest of the transfer goes on around it and the
    // timer resends it after the last acknowledgement.
    const once = requestTime({ ...warm, bytes: 20 * 1460, loss: dropPackets(3) });
    const twice = requestTime({ ...warm, bytes: 20 * 1460, loss: dropPackets(3, 11) });
    assert.equal(once.timeouts, 0);
    assert.equal(twice.timeouts, 1);
    assert.equal(twice.retransmissions, 2);
    assert.ok(twice.totalMs > once.totalMs + 300, `${twice.totalMs} against ${once.totalMs}`);
  });

  it('retransmits a lost SYN after the initial 1 s timeout (RFC 6298 §2.1)', () => {
    const r = requestTime({ rttMs: 100, bytes: 1000, loss: dropPackets(0), rng: createRng(1) });
    assert.equal(r.breakdown.tcpMs, 1000 + 100);
    assert.equal(r.totalMs, 1000 + 200);
  });

  it('honours the minimum RTO: on a 10 ms path a tail loss waits 200 ms, not 30', () => {
    const r = requestTime({ ...warm, rttMs: 10, loss: dropPackets(9) });
    assert.equal(r.totalMs, 10 + 200 + 10);
    const rfc = requestTime({ ...warm, rttMs: 10, loss: dropPackets(9), minRtoMs: 1000 });
    assert.equal(rfc.totalMs, 10 + 1000 + 10);
  });
});

describe('RtoEstimator (RFC 6298)', () => {
  it('follows the smoothing rules and backs off by doubling to the maximum', () => {
    const rto = new RtoEstimator(rtoBounds({ minRtoMs: 1, maxRtoMs: 5000 }));
    assert.equal(rto.rtoMs, 1000);
    rto.sample(100);
    assert.equal(rto.srttMs, 100);
    assert.equal(rto.rttvarMs, 50);
    assert.equal(rto.rtoMs, 300);
    rto.sample(200);
    assert.equal(rto.rttvarMs, 0.75 * 50 + 0.25 * 100);
    assert.equal(rto.srttMs, 0.875 * 100 + 0.125 * 200);
    assert.equal(rto.rtoMs, 112.5 + 4 * 62.5);
    for (let i = 0; i < 10; i++) rto.backOff();
    assert.equal(rto.rtoMs, 5000);
    assert.throws(() => rtoBounds({ minRtoMs: 500, maxRtoMs: 100 }), /maxRtoMs must be >= minRtoMs/);
  });
});

describe('long transfers under random loss: the Mathis formula', () => {
  // Tolerance 25%: the formula is itself an approximation (see lib/net/tcp/mathis.ts).
  for (const lossRate of [0.001, 0.003, 0.01, 0.02]) {
    it(`throughput within 25% of (MSS/RTT)·√(3/2)/√p at p = ${lossRate}`, () => {
      const rttMs = 80;
      const bytes = 1460 * 150_000;
      const r = requestTime({ rttMs, bytes, lossRate, connection: 'reused', cwnd: 10, rng: createRng(`mathis-${lossRate}`) });
      const throughput = bytes / (r.breakdown.transferMs / 1000);
      const ratio = throughput / mathisThroughput({ mssBytes: 1460, rttMs, lossRate });
      assert.ok(ratio > 0.75 && ratio < 1.25, `ratio ${ratio}`);
    });
  }
});

describe('loss models', () => {
  it('a PacketLoss asked by runs loses the packets its process loses, with the same draws', () => {
    const models: LossModel[] = [independentLoss(0.2), independentLoss(0), burstyLoss({ rate: 0.1, meanBurst: 3 }), gilbertElliott({ goodToBad: 0.05, badToGood: 0.4, lossInGood: 0.02, lossInBad: 0.6 })];
    for (const model of models) {
      const byPacket = model.start(createRng('runs').fork('loss'));
      const byRun = packetLoss(model, createRng('runs').fork('loss'));
      const expected: boolean[] = [];
      const got: boolean[] = [];
      for (let run = 0; run < 400; run++) {
        const n = run % 13;
        const silence = run % 7 === 0;
        expected.push(byPacket(silence));
        got.push(byRun.next(silence));
        const outcomes = Array.from({ length: n }, (_, i) => byPacket(silence && i === 0));
        if (run % 2 === 0) {
          const first = byRun.firstLost(n, silence);
          assert.equal(first, outcomes.indexOf(true) === -1 ? n : outcomes.indexOf(true), `${model.label}, run ${run}`);
          // The packets after the first lost one are asked about next.
          if (first < n) assert.equal(countLost(byRun, n - first - 1, false), outcomes.slice(first + 1).filter(Boolean).length);
        } else {
          assert.equal(countLost(byRun, n, silence), outcomes.filter(Boolean).length, `${model.label}, run ${run}`);
        }
      }
      assert.deepEqual(got, expected, model.label);
      assert.equal(byRun.lossless, model.rate === 0);
    }
  });

  function measure(model: LossModel, packets: number, seed: number) {
    const lost = model.start(createRng(seed));
    let losses = 0;
    let bursts = 0;
    let previous = false;
    for (let i = 0; i < packets; i++) {
      const l = lost();
      if (l) losses++;
      if (l && !previous) bursts++;
      previous = l;
    }
    return { rate: losses / packets, meanBurst: losses / bursts };
  }

  it('independent loss hits its rate (±5% at 10^6 packets, p = 0.01)', () => {
    const m = measure(independentLoss(0.01), 1_000_000, 1);
    assert.ok(Math.abs(m.rate / 0.01 - 1) < 0.05, String(m.rate));
  });

  it('bursty loss keeps its long-run rate and mean burst length (±5% at 2·10^6 packets)', () => {
    const model = burstyLoss({ rate: 0.01, meanBurst: 4 });
    assert.ok(Math.abs(model.rate - 0.01) < 1e-12);
    const m = measure(model, 2_000_000, 2);
    assert.ok(Math.abs(m.rate / 0.01 - 1) < 0.05, String(m.rate));
    assert.ok(Math.abs(m.meanBurst / 4 - 1) < 0.05, String(m.meanBurst));
  });

  it('Gilbert–Elliott’s rate is the stationary mix of its states', () => {
    const model = gilbertElliott({ goodToBad: 0.01, badToGood: 0.09, lossInGood: 0.001, lossInBad: 0.5 });
    assert.ok(Math.abs(model.rate - (0.9 * 0.001 + 0.1 * 0.5)) < 1e-12);
  });

  it('rejects impossible parameters by name', () => {
    assert.throws(() => independentLoss(1), /lossRate must be a number in \[0, 1\); got 1/);
    assert.throws(() => gilbertElliott({ goodToBad: 0, badToGood: 0.5 }), /goodToBad must be a number in \(0, 1\]; got 0/);
    assert.throws(() => burstyLoss({ rate: 0.6, meanBurst: 1 }), /goodToBad/);
    assert.throws(() => burstyLoss({ rate: 0.01, meanBurst: 0.5 }), /meanBurst must be a number in \[1, Infinity\); got 0.5/);
  });
});

describe('paths', () => {
  it('jitterMs is the mean extra delay per round trip (±2% over 10^5 draws)', () => {
    const path = createPath({ rttMs: 100, jitterMs: 20 });
    const rng = createRng(9);
    let sum = 0;
    for (let i = 0; i < 100_000; i++) sum += roundTripMs(path, rng);
    assert.ok(Math.abs(sum / 100_000 / 120 - 1) < 0.02);
  });

  it('refuses negative jitter draws and bad bandwidths', () => {
    const path = createPath({ rttMs: 100, jitter: { label: 'bad', sample: () => -1 } });
    assert.throws(() => roundTripMs(path, createRng(1)), /jitter must yield durations >= 0 ms; bad gave -1/);
    assert.throws(() => createPath({ rttMs: 10, bandwidthMbps: 0 }), /bandwidthMbps must be a finite number > 0; got 0/);
  });
});
