/**
 * The client's messages before and around the data: handshake round trips and
 * request packets, computed ahead of the event loop (nothing else happens on a
 * connection while it sets up, and requests are a few small packets). The
 * request rides on the last handshake message (TCP's final ACK, RFC 9293 §3.5;
 * QUIC's Finished, or its first flight with 0-RTT).
 *
 * A message lost on the way out, or whose reply is lost on the way back, is
 * re-sent when the timer expires, and the timer doubles each time (RFC 6298 §5.5,
 * RFC 9002 §6.2.1). Karn's rule: a round trip that needed a resend gives no RTT
 * sample over TCP; QUIC's packet numbers make every sample unambiguous.
 */
import type { Rng } from '../../random/rng';
import * as check from '../../validate';
import type { LossProcess } from '../path/loss';
import type { PacketLink } from './packetLink';
import type { PacketConnection } from './packetConnection';

export interface Exchange {
  /** When the reply (or, one way, the message) arrived (ms); NaN if it gave up. */
  doneMs: number;
  /** Messages sent again. */
  resends: number;
  /** A clean round-trip sample (ms), or NaN. */
  rttMs: number;
}

export interface ExchangeOptions {
  startMs: number;
  /** True for a message that needs a reply (a handshake round). */
  roundTrip: boolean;
  link: PacketLink;
  loss: LossProcess;
  rng: Rng;
  /** First timeout (ms), and its cap after doubling. */
  timeoutMs: number;
  maxTimeoutMs: number;
  /** Resends before giving up. */
  maxRetries: number;
  /** Whether a round trip with resends still gives an RTT sample (QUIC). */
  sampleAfterResend: boolean;
}

/** Every key of `ExchangeOptions`. */
export const EXCHANGE_KEYS: readonly (keyof ExchangeOptions & string)[] = [
  'startMs', 'roundTrip', 'link', 'loss', 'rng', 'timeoutMs', 'maxTimeoutMs', 'maxRetries', 'sampleAfterResend',
];

/** One message and its resends until it gets through or `maxRetries` resends are spent. */
export function exchange(o: ExchangeOptions): Exchange {
  check.options('exchange', o, EXCHANGE_KEYS);
  let t = o.startMs;
  let timeoutMs = o.timeoutMs;
  for (let tries = 0; tries <= o.maxRetries; tries++) {
    const lost = o.loss(tries > 0) || (o.roundTrip && o.loss(false));
    if (!lost) {
      const oneWay = o.link.oneWayMs(o.rng);
      if (!o.roundTrip) return { doneMs: t + oneWay, resends: tries, rttMs: NaN };
      const rtt = oneWay + o.link.oneWayMs(o.rng);
      return { doneMs: t + rtt, resends: tries, rttMs: tries === 0 || o.sampleAfterResend ? rtt : NaN };
    }
    t += timeoutMs;
    timeoutMs = Math.min(2 * timeoutMs, o.maxTimeoutMs);
  }
  return { doneMs: NaN, resends: o.maxRetries + 1, rttMs: NaN };
}

/**
 * When each request is complete at the server, given the arrival times of the
 * packets that carry the requests' header blocks back to back: a request needs
 * every packet holding its bytes and, in connection order (TCP), every packet before.
 */
export function requestArrivals(headerBytes: readonly number[], mssBytes: number, packetArrivals: ArrayLike<number>, inConnectionOrder: boolean): number[] {
  const packets = packetArrivals.length;
  const usable = new Float64Array(packets);
  let sofar = 0;
  for (let k = 0; k < packets; k++) {
    sofar = Math.max(sofar, packetArrivals[k]);
    usable[k] = inConnectionOrder ? sofar : packetArrivals[k];
  }
  let offset = 0;
  return headerBytes.map((bytes) => {
    const first = Math.min(packets - 1, Math.floor(offset / mssBytes));
    offset += bytes;
    const last = Math.min(packets - 1, Math.max(first, Math.ceil(offset / mssBytes) - 1));
    let at = 0;
    for (let k = first; k <= last; k++) at = Math.max(at, usable[k]);
    return at;
  });
}

/** One message of `connection` from `startMs`, with its timer and retry limit. */
function send(connection: PacketConnection, startMs: number, loss: LossProcess, roundTrip: boolean): Exchange {
  return exchange({
    startMs, roundTrip, loss,
    link: connection.transfer.link,
    rng: connection.messageDelayRng,
    timeoutMs: connection.timeoutMs,
    maxTimeoutMs: connection.rules.timerBounds.maxRtoMs,
    maxRetries: connection.transfer.settings.maxRetries,
    sampleAfterResend: connection.rules.unambiguousRetransmissions,
  });
}

/**
 * Runs `connection`'s handshake from now and calls `onReady` when the first
 * request can go; the connection fails after `maxRetries` losses of one message.
 */
export function handshake(connection: PacketConnection, onReady: () => void): void {
  const { sim } = connection.transfer;
  connection.openedMs = sim.now;
  let t = sim.now;
  for (let round = 0; round < connection.rules.handshakeRounds; round++) {
    const step = send(connection, t, connection.losses.handshake, true);
    connection.handshakeRetransmissions += step.resends;
    if (Number.isNaN(step.doneMs)) {
      sim.call(t - sim.now, () => connection.fail());
      return;
    }
    if (!Number.isNaN(step.rttMs)) connection.sampleRtt(step.rttMs);
    t = step.doneMs;
  }
  connection.readyMs = t;
  sim.call(t - sim.now, () => {
    if (!connection.closed) onReady();
  });
}

/**
 * Sends the request headers of `streams` (sizes in `headerBytes`) on
 * `connection` now; each stream becomes ready at the server `serverMs` after its
 * request has arrived (in connection order for TCP, on its own for QUIC).
 */
export function requestStreams(connection: PacketConnection, streams: readonly number[], headerBytes: readonly number[], serverMs: number): void {
  const { sim, streams: ledger, settings } = connection.transfer;
  const total = headerBytes.reduce((a, b) => a + b, 0);
  const packetArrivals = new Float64Array(Math.max(1, Math.ceil(total / settings.mssBytes)));
  let lastInQueue = 0;
  for (let k = 0; k < packetArrivals.length; k++) {
    const step = send(connection, sim.now, connection.losses.request, false);
    connection.requestRetransmissions += step.resends;
    if (Number.isNaN(step.doneMs)) {
      connection.fail();
      return;
    }
    // Packets sent together queue together: one not re-sent arrives after the ones before it.
    packetArrivals[k] = step.resends === 0 ? (lastInQueue = Math.max(lastInQueue, step.doneMs)) : step.doneMs;
  }
  const arrivals = requestArrivals(headerBytes, settings.mssBytes, packetArrivals, connection.rules.ordering === 'connection');
  const epoch = connection.epoch;
  streams.forEach((stream) => {
    if (Number.isNaN(ledger.requestMs[stream])) ledger.requestMs[stream] = sim.now;
    ledger.connection[stream] = connection.id;
  });
  // Requests that arrive together become ready together, so the server interleaves them from the first packet.
  for (const at of [...new Set(arrivals)].sort((a, b) => a - b)) {
    const ready = streams.filter((_, i) => arrivals[i] === at);
    sim.call(at + serverMs - sim.now, () => {
      if (connection.closed || connection.epoch !== epoch) return;
      for (const stream of ready) ledger.readyMs[stream] = sim.now;
      connection.startStreams(ready);
    });
  }
}
