import assert from 'node:assert/strict';
import { NewRenoWindow, MIN_WINDOW_PACKETS } from '../../lib/net/congestion/newReno';
import { CubicWindow } from '../../lib/net/congestion/cubic';
import { congestionController } from '../../lib/net/congestion/congestionControl';
import { RecoveryPeriod } from '../../lib/net/congestion/recoveryPeriod';
import { ProbeTimeout } from '../../lib/net/transport/probeTimeout';
import { PacketLink } from '../../lib/net/transport/packetLink';
import { createPath } from '../../lib/net/path/path';
import { transportRules, PACKET_THRESHOLD } from '../../lib/net/transport/transportRules';
import { createRng } from '../../lib/random/rng';
import { slowStartRounds } from '../../lib/net/tcp/slowStart';

describe('NewRenoWindow', () => {
  it('doubles per round in slow start, as the slow-start arithmetic counts', () => {
    // Sending a window and acknowledging all of it is one round.
    for (const segments of [1, 10, 11, 30, 70, 71, 500]) {
      const w = new NewRenoWindow(10);
      let sent = 0;
      let rounds = 0;
      while (sent < segments) {
        const flight = Math.min(w.window, segments - sent);
        for (let i = 0; i < flight; i++) w.onAck(1);
        sent += flight;
        rounds++;
      }
      assert.equal(rounds, slowStartRounds(segments, 10), `${segments} segments`);
    }
  });

  it('grows the same whether a round is acknowledged at once or packet by packet, across ssthresh', () => {
    const whole = new NewRenoWindow(10);
    const single = new NewRenoWindow(10);
    for (const w of [whole, single]) {
      w.onAck(20);
      w.onCongestionEvent();
    }
    whole.onAck(25);
    for (let i = 0; i < 25; i++) single.onAck(1);
    assert.ok(Math.abs(whole.cwnd / single.cwnd - 1) < 0.01, `${whole.cwnd} against ${single.cwnd}`); // within 1 %
  });

  it('halves on a congestion event and grows one packet per window after', () => {
    const w = new NewRenoWindow(10);
    w.onAck(30); // cwnd 40
    w.onCongestionEvent();
    assert.equal(w.cwnd, 20);
    for (let i = 0; i < 20; i++) w.onAck(1);
    assert.ok(Math.abs(w.cwnd - 21) < 0.03, String(w.cwnd));
    w.onCongestionEvent();
    assert.ok(Math.abs(w.cwnd - 10.5) < 0.02, String(w.cwnd));
  });

  it('collapses to one packet on a timeout with ssthresh from the flight, and never below the minimum after a loss', () => {
    const w = new NewRenoWindow(2);
    w.onCongestionEvent();
    assert.equal(w.cwnd, MIN_WINDOW_PACKETS);
    w.onTimeout(8);
    assert.equal(w.cwnd, 1);
    assert.equal(w.ssthresh, 4);
    w.reset();
    assert.equal(w.cwnd, 2);
  });
});

describe('ProbeTimeout (RFC 9002 §6.2.1)', () => {
  it('is 999 ms before a sample, then srtt + max(4·rttvar, 1) + max_ack_delay, doubling per probe until an acknowledgement', () => {
    const pto = new ProbeTimeout(60_000);
    assert.equal(pto.rtoMs, 999);
    pto.sample(100); // srtt 100, rttvar 50
    assert.equal(pto.rtoMs, 100 + 200 + 25);
    pto.backOff();
    pto.backOff();
    assert.equal(pto.rtoMs, 4 * 325);
    pto.onAcknowledged();
    assert.equal(pto.rtoMs, 325);
    for (let i = 0; i < 30; i++) pto.backOff();
    assert.equal(pto.rtoMs, 60_000);
    const short = new ProbeTimeout(60_000);
    for (let i = 0; i < 40; i++) short.sample(10); // rttvar decays: the granularity term takes over
    assert.ok(Math.abs(short.rtoMs - (10 + 1 + 25)) < 0.01, String(short.rtoMs));
  });
});

describe('RecoveryPeriod', () => {
  it('lets one loss per period through, and only acknowledgements of packets sent in or after it', () => {
    const r = new RecoveryPeriod();
    assert.ok(r.counts(0));
    assert.equal(r.onLoss(30, 70), true);
    assert.equal(r.onLoss(45, 70), false); // sent before the period began: no second cut
    assert.equal(r.counts(50), false); // nor growth from its acknowledgement
    assert.ok(r.counts(70));
    assert.equal(r.onLoss(75, 100), true); // sent in the period: a new one
    r.onTimeout(120);
    assert.equal(r.onLoss(110, 130), false);
    r.reset();
    assert.ok(r.counts(0));
  });
});

describe('congestionController', () => {
  it('builds NewReno or CUBIC and names the option when the kind is unknown', () => {
    assert.ok(congestionController('newreno', 10) instanceof NewRenoWindow);
    assert.ok(congestionController('cubic', 10) instanceof CubicWindow);
    assert.throws(() => congestionController('bbr' as never, 10), (e: Error) => e instanceof RangeError && /congestionControl must be one of "newreno", "cubic"; got "bbr"/.test(e.message));
  });
});

describe('transportRules', () => {
  it('counts handshake round trips: TCP 1 + TLS, QUIC 1 or 0', () => {
    assert.equal(transportRules('tcp', 'none').handshakeRounds, 1);
    assert.equal(transportRules('tcp', '1.2').handshakeRounds, 3);
    assert.equal(transportRules('tcp', '1.3').handshakeRounds, 2);
    assert.equal(transportRules('tcp', '0-rtt').handshakeRounds, 1);
    assert.equal(transportRules('quic', '1.3').handshakeRounds, 1);
    assert.equal(transportRules('quic', 'resumed').handshakeRounds, 1);
    assert.equal(transportRules('quic', '0-rtt').handshakeRounds, 0);
    assert.equal(PACKET_THRESHOLD, 3);
  });
  it('orders TCP by connection and QUIC by stream', () => {
    assert.equal(transportRules('tcp', '1.3').ordering, 'connection');
    assert.equal(transportRules('quic', '1.3').ordering, 'stream');
    assert.equal(transportRules('tcp', '1.3').timerBounds.minRtoMs, 200);
  });
  it('refuses QUIC without TLS 1.3 and unknown transports', () => {
    assert.throws(() => transportRules('quic', 'none'), /tls must be one of/);
    assert.throws(() => transportRules('sctp' as never, '1.3'), /transport must be one of/);
  });
});

describe('PacketLink', () => {
  it('serialises packets at the bottleneck and delivers them half an RTT later', () => {
    const link = new PacketLink(createPath({ rttMs: 40, bandwidthMbps: 12 }));
    const rng = createRng(1);
    // 1500 bytes at 12 Mbit/s take 1 ms on the wire.
    assert.equal(link.down(1500, 0, rng), 21);
    assert.equal(link.down(1500, 0, rng), 22);
    link.occupy(1500, 0);
    assert.equal(link.down(1500, 0, rng), 24);
    assert.equal(link.up(5, rng), 25);
  });
  it('keeps packets in order under jitter', () => {
    const link = new PacketLink(createPath({ rttMs: 40, jitterMs: 30 }));
    const rng = createRng(2);
    let last = 0;
    for (let t = 0; t < 200; t += 0.5) {
      const at = link.down(1000, t, rng);
      assert.ok(at >= last && at >= t + 20);
      last = at;
    }
  });
});
