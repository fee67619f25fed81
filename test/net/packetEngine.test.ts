import assert from 'node:assert/strict';
import { NewRenoWindow, MIN_WINDOW_PACKETS } from '../../lib/net/transport/newReno';
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
        for (let i = 0; i < flight; i++) w.onAck(sent + i);
        sent += flight;
        rounds++;
      }
      assert.equal(rounds, slowStartRounds(segments, 10), `${segments} segments`);
    }
  });

  it('halves once per recovery period and grows one packet per window after', () => {
    const w = new NewRenoWindow(10);
    for (let pn = 0; pn < 30; pn++) w.onAck(pn); // cwnd 40
    w.onLoss(30, 70);
    assert.equal(w.cwnd, 20);
    w.onLoss(45, 70); // sent before the period began: no second cut
    assert.equal(w.cwnd, 20);
    w.onAck(50); // acknowledgements of earlier packets do not grow it either
    assert.equal(w.cwnd, 20);
    for (let i = 0; i < 20; i++) w.onAck(70 + i);
    assert.ok(Math.abs(w.cwnd - 21) < 0.03, String(w.cwnd));
    w.onLoss(75, 100); // a packet sent during the old period's successor: a new cut
    assert.ok(Math.abs(w.cwnd - 10.5) < 0.02, String(w.cwnd));
  });

  it('collapses to one packet on a timeout, and never below the minimum after a loss', () => {
    const w = new NewRenoWindow(2);
    w.onLoss(0, 1);
    assert.equal(w.cwnd, MIN_WINDOW_PACKETS);
    w.onTimeout(8, 2);
    assert.equal(w.cwnd, 1);
    assert.equal(w.ssthresh, 4);
    w.reset();
    assert.equal(w.cwnd, 2);
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
