/**
 * The time one HTTP-style request takes, first DNS lookup to last response byte,
 * split into DNS, TCP handshake, TLS handshake, transfer and server time.
 *
 * Without jitter and loss the answer is the course's budget arithmetic, exactly:
 *
 *   new connection:    dns + (1 + TLS round trips + slow-start rounds) × RTT + server
 *   reused connection: dns + (slow-start rounds from its window) × RTT + server
 *
 * where slow-start rounds come from `slowStartRounds` (RFC 5681, RFC 6928) and a
 * reused connection with no `cwnd` given is warm enough to send the whole
 * response in one round. HPBN's example (Grigorik, *High Performance Browser
 * Networking*, ch. 2): 20 KB, initcwnd 4, RTT 56 ms, server 40 ms → 264 ms new,
 * 96 ms reused.
 *
 * With jitter or loss (pass `rng`) every round trip is sampled and losses are
 * recovered as `RoundTcpConnection` describes. A cold DNS lookup is one round trip
 * to the resolver (`dnsRttMs`, default the path's RTT, as the course counts it)
 * over a path with the same jitter and loss; a lost query is re-sent after
 * `dnsTimeoutMs` (5 s, the glibc resolver's default). A warm lookup is answered
 * from a local cache at no cost.
 *
 * Random streams (with jitter or loss): `rng.fork('delay')` for the connection's
 * round trips, `rng.fork('loss')` for its losses, and for a cold lookup, which
 * crosses another path, `rng.fork('dns delay')` and `rng.fork('dns loss')`. The
 * parent stream is never drawn from, so a lookup never moves the connection's draws.
 *
 * Options, their bounds and the plan a request is sampled from: requestPlan.ts.
 *
 * Not modelled: TCP Fast Open, QUIC (see the HTTP models), the request's own size
 * (it fits the first packet), header and TLS record overheads.
 */
import type { Rng } from '../../random/rng';
import { requireRng } from '../../random/rng';
import { roundTripMs, type Path } from '../path/path';
import { isMemoryless } from '../path/loss';
import { NO_PACKET_LOSS, packetLoss, type PacketLoss } from '../path/packetLoss';
import { ConnectionAborted, RoundTcpConnection } from './roundTcpConnection';
import { planOnce, type RequestOptions, type RequestPlan } from './requestPlan';

export interface RequestBreakdown {
  dnsMs: number;
  tcpMs: number;
  tlsMs: number;
  transferMs: number;
  serverMs: number;
}

export interface RequestTiming {
  /** First lookup to last response byte (ms); the time until giving up when `failed`. */
  totalMs: number;
  /** Data rounds, recovery rounds included. */
  rounds: number;
  breakdown: RequestBreakdown;
  /** Segments and handshake messages sent again. */
  retransmissions: number;
  /** Retransmission timeouts that fired. */
  timeouts: number;
  /** True when the request went as TLS 0-RTT early data (replayable: idempotent requests only). */
  replayable: boolean;
  /** True when the server performed a full TLS handshake (see `handshakeCpu`). */
  fullHandshake: boolean;
  /** True when the connection gave up after too many timeouts. */
  failed: boolean;
}

/** The streams of one sampled request (see the module header). */
export interface RequestStreams {
  /** The connection's round trips. */
  delay: Rng;
  /** The connection's losses. */
  loss: Rng;
  /** The resolver path's round trips (cold lookups). */
  dnsDelay: Rng;
  /** The resolver path's losses (cold lookups). */
  dnsLoss: Rng;
}

/** The streams already forked from each rng, so that successive requests continue them. */
const STREAMS = new WeakMap<Rng, RequestStreams>();

/**
 * The forks of `rng` sampled requests draw from: 'delay', 'loss', 'dns delay', 'dns loss'.
 * They are forked once per rng and then continued: successive `requestTime` calls with
 * one rng draw successive requests (the first n calls equal `requestTimes` with n samples),
 * never the same request again, and cost no fork after the first.
 */
export function requestStreams(rng: Rng): RequestStreams {
  let streams = STREAMS.get(rng);
  if (streams === undefined) {
    streams = { delay: rng.fork('delay'), loss: rng.fork('loss'), dnsDelay: rng.fork('dns delay'), dnsLoss: rng.fork('dns loss') };
    STREAMS.set(rng, streams);
  }
  return streams;
}

/** The phase a request is in, to which a give-up's elapsed time is charged. */
const DNS_PHASE = 0;
const TCP_PHASE = 1;
const TLS_PHASE = 2;
const TRANSFER_PHASE = 3;

/**
 * Successive requests under one plan, each on a new connection, drawing the connection's
 * delays from `delayRng` and its losses from `lossRng`; a cold lookup draws from `dns`
 * (the resolver path's own streams), or without it from the connection's streams.
 * `sample()` times the next request and leaves its breakdown in the fields.
 *
 * Written for speed (`requestTimes` runs it millions of times): one connection object is
 * reopened for each request, and a memoryless loss process is started once for all of
 * them; the draws are exactly those of a new connection and process per request.
 */
export class RequestSampler {
  /** The last request's phases (ms); its server time is the plan's `serverMs`. */
  dnsMs = 0;
  tcpMs = 0;
  tlsMs = 0;
  transferMs = 0;
  /** The last request's total (ms), as `sample()` returned it. */
  totalMs = 0;
  /** True when the last request's connection gave up. */
  failed = false;
  /** The last request's connection: its retransmissions, timeouts and rounds. */
  readonly connection: RoundTcpConnection;
  /** The connection's loss process when it can serve every request, else null (one is started per request). */
  private readonly sharedLost: PacketLoss | null;
  private readonly sharedDnsLost: PacketLoss | null;

  constructor(
    private readonly plan: RequestPlan,
    private readonly delayRng: Rng,
    private readonly lossRng: Rng,
    private readonly dns?: { delay: Rng; loss: Rng },
  ) {
    const model = plan.path.loss;
    this.sharedLost = isMemoryless(model) ? packetLoss(model, lossRng) : null;
    const dnsModel = plan.dnsPath?.loss;
    this.sharedDnsLost = dns !== undefined && dnsModel !== undefined && isMemoryless(dnsModel) ? packetLoss(dnsModel, dns.loss) : null;
    this.connection = new RoundTcpConnection(plan.path, delayRng, this.sharedLost ?? NO_PACKET_LOSS, plan.settings);
  }

  /** Times the next request (ms), first lookup to last byte, or until giving up. */
  sample(): number {
    const plan = this.plan;
    const lost = this.sharedLost ?? packetLoss(plan.path.loss, this.lossRng);
    const tcp = this.connection.reopen(lost);
    this.dnsMs = 0;
    this.tcpMs = 0;
    this.tlsMs = 0;
    this.transferMs = 0;
    this.failed = false;
    let phase = DNS_PHASE;
    try {
      if (plan.dnsPath !== null) {
        const dns = this.dns;
        const dnsLost = dns === undefined ? lost : (this.sharedDnsLost ?? packetLoss(plan.dnsPath.loss, dns.loss));
        this.dnsMs = lookupMs(plan, dns === undefined ? this.delayRng : dns.delay, dnsLost);
      }
      if (plan.reused) {
        tcp.warm(plan.cwnd);
      } else {
        phase = TCP_PHASE;
        this.tcpMs = tcp.connect(plan.initcwnd);
        phase = TLS_PHASE;
        for (let i = 0; i < plan.tls.roundTrips; i++) this.tlsMs += tcp.exchange();
      }
      phase = TRANSFER_PHASE;
      this.transferMs = tcp.respond(plan.segments, plan.serverMs) - plan.serverMs;
    } catch (err) {
      if (!(err instanceof ConnectionAborted)) throw err;
      this.failed = true;
      if (phase === DNS_PHASE) this.dnsMs += err.elapsedMs;
      else if (phase === TCP_PHASE) this.tcpMs += err.elapsedMs;
      else if (phase === TLS_PHASE) this.tlsMs += err.elapsedMs;
      else this.transferMs += err.elapsedMs;
    }
    return (this.totalMs = this.dnsMs + this.tcpMs + this.tlsMs + this.transferMs + plan.serverMs);
  }

  /** The last request's timing as a fresh record. */
  timing(): RequestTiming {
    const plan = this.plan;
    const tcp = this.connection;
    return {
      totalMs: this.totalMs,
      rounds: tcp.rounds,
      breakdown: { dnsMs: this.dnsMs, tcpMs: this.tcpMs, tlsMs: this.tlsMs, transferMs: this.transferMs, serverMs: plan.serverMs },
      retransmissions: tcp.retransmissions,
      timeouts: tcp.timeouts,
      replayable: !plan.reused && plan.tls.replayable,
      fullHandshake: !plan.reused && plan.tls.fullHandshake,
      failed: this.failed,
    };
  }
}

/**
 * One request's timing under a plan, drawing the connection's delays from `delayRng`
 * and its losses from `lossRng`. A cold lookup draws from `dns` (the resolver path's
 * own streams); without it, from the connection's streams.
 */
export function sampleRequest(plan: RequestPlan, delayRng: Rng, lossRng: Rng, dns?: { delay: Rng; loss: Rng }): RequestTiming {
  const sampler = new RequestSampler(plan, delayRng, lossRng, dns);
  sampler.sample();
  return sampler.timing();
}

/** A cold lookup: one resolver round trip, re-sent after the DNS timeout while lost. */
function lookupMs(plan: RequestPlan, delayRng: Rng, lost: PacketLoss): number {
  const dnsPath = plan.dnsPath as Path;
  let elapsed = 0;
  for (let attempt = 0; ; attempt++) {
    if (!lost.next(attempt > 0) && !lost.next(false)) return elapsed + roundTripMs(dnsPath, delayRng);
    if (attempt >= plan.settings.maxRetries) throw new ConnectionAborted(elapsed, 'DNS query lost too many times');
    elapsed += plan.dnsTimeoutMs;
  }
}

/**
 * One request's time to last byte (ms) on a new or warm connection, with its
 * breakdown into DNS, TCP, TLS, transfer and server time (ms), retransmissions
 * and timeouts. Needs `rng` only when the path has jitter or loss.
 *
 * @throws TypeError or RangeError naming a wrong option.
 *
 * @example
 * ```ts
 * import { createRng, requestTime } from 'netlab';
 *
 * const clean = requestTime({ rttMs: 50, bytes: 100_000 });
 * clean.totalMs;                               // handshakes plus slow-start rounds, in ms
 * clean.breakdown;                             // { dnsMs, tcpMs, tlsMs, transferMs, serverMs }
 * const lossy = requestTime({ rttMs: 50, bytes: 100_000, lossRate: 0.02, rng: createRng(1) });
 * ```
 */
export function requestTime(opts: RequestOptions): RequestTiming {
  const plan = planOnce(opts);
  if (plan.random) {
    const streams = requestStreams(requireRng('rng (needed because the path has jitter or loss)', opts.rng));
    return sampleRequest(plan, streams.delay, streams.loss, { delay: streams.dnsDelay, loss: streams.dnsLoss });
  }
  const none = NO_DRAWS;
  return sampleRequest(plan, none, none);
}

/** A stream that must never be drawn from: a deterministic plan draws nothing. */
const NO_DRAWS: Rng = Object.assign(
  () => {
    throw new Error('internal: a path without jitter or loss drew a random number');
  },
  { seed: 'none', fork: (): Rng => NO_DRAWS },
) as unknown as Rng;
