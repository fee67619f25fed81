/**
 * CUBIC's window (RFC 9438) on its own: the curve's shape, fast convergence, and the
 * average window of a long flow held to §5.1's formula in the cubic region and to the
 * Reno-friendly rate √(3/2p) where that one is larger. The flow is driven by a fluid
 * ACK clock (one window per round trip) with one loss every 1/p packets, the loss model
 * the formulas assume; tolerance 10 % for the window's whole-packet steps and the
 * first epochs.
 */
import assert from 'node:assert/strict';
import { CUBIC_BETA, CUBIC_C, CubicWindow, cubicAverageWindow, cubicWindowAt } from '../../lib/net/congestion/cubic';

/** Average cwnd of a long flow with a loss every 1/p packets, after the first tenth of the rounds. */
function averageWindow(rttMs: number, lossRate: number, rounds: number): number {
  const w = new CubicWindow(10);
  const every = Math.round(1 / lossRate);
  let now = 0, sinceLoss = 0, sum = 0, counted = 0;
  for (let r = 0; r < rounds; r++) {
    const window = w.window;
    let lost = false;
    for (let i = 0; i < window; i++) {
      w.onAck(1, now, rttMs);
      if (++sinceLoss >= every) { sinceLoss = 0; lost = true; }
    }
    now += rttMs;
    if (lost) w.onCongestionEvent(now);
    if (r >= rounds / 10) { sum += w.cwnd; counted++; }
  }
  return sum / counted;
}

describe('net: CUBIC window (RFC 9438)', () => {
  it('W_cubic starts at the reduced window and regains W_max after K seconds', () => {
    const k = Math.cbrt((100 - 70) / CUBIC_C);
    assert.ok(Math.abs(cubicWindowAt(0, 100, 70) - 70) < 1e-9);
    assert.ok(Math.abs(cubicWindowAt(k, 100, 70) - 100) < 1e-9);
    assert.ok(cubicWindowAt(2 * k, 100, 70) > 100, 'probes beyond W_max');
  });

  it('a congestion event cuts by β, and fast convergence lowers a falling W_max', () => {
    const w = new CubicWindow(100);
    w.ssthresh = 50; // in congestion avoidance
    w.onCongestionEvent(0);
    assert.equal(w.cwnd, 100 * CUBIC_BETA);
    assert.equal(w.wMax, 100);
    w.onCongestionEvent(10);
    assert.ok(Math.abs(w.wMax - (70 * (1 + CUBIC_BETA)) / 2) < 1e-9, 'W_max = W·(1 + β)/2 when W < W_max');
    w.onTimeout();
    assert.equal(w.cwnd, 1);
  });

  it('grows as the cubic curve after a loss: concave up to W_max, then probing', () => {
    const w = new CubicWindow(100);
    w.ssthresh = 50;
    w.onCongestionEvent(0);
    const k = Math.cbrt((100 - 70) / CUBIC_C) * 1000;
    let now = 0;
    while (now < k) { for (let i = 0; i < w.window; i++) w.onAck(1, now, 100); now += 100; }
    assert.ok(w.cwnd > 95 && w.cwnd < 105, `near W_max after K: ${w.cwnd}`);
  });

  it('before the RTT is measured it follows the curve now rather than a round trip ahead, and never turns NaN', () => {
    const w = new CubicWindow(10);
    w.onAck(30, 0, NaN);
    w.onCongestionEvent(0);
    for (let t = 100; t <= 5000; t += 100) w.onAck(w.window, t, NaN);
    assert.ok(Number.isFinite(w.cwnd) && w.cwnd >= 28, String(w.cwnd));
  });

  it('a long flow averages §5.1\'s window in the cubic region (long RTT, low loss)', () => {
    const measured = averageWindow(100, 1e-4, 20_000);
    const formula = cubicAverageWindow(100, 1e-4);
    assert.ok(Math.abs(measured / formula - 1) < 0.1, `measured ${measured.toFixed(1)} against ${formula.toFixed(1)} packets`);
  });

  it('and the Reno-friendly window √(3/2p) where that one is larger (short RTT or high loss)', () => {
    for (const [rttMs, p] of [[10, 1e-2], [20, 1e-3]]) {
      const measured = averageWindow(rttMs, p, 20_000);
      const reno = Math.sqrt(3 / (2 * p));
      assert.ok(reno > cubicAverageWindow(rttMs, p));
      assert.ok(Math.abs(measured / reno - 1) < 0.1, `RTT ${rttMs} ms, p ${p}: measured ${measured.toFixed(1)} against ${reno.toFixed(1)} packets`);
    }
  });
});
