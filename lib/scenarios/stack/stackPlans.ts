/**
 * The transport timings of the layered stack's connections: a plan per setting of the
 * path (round trip, loss, connection new or reused), each timed per response size.
 */
import type { Rng } from '../../random/rng';
import { sampleRequest } from '../../net/tcp/requestTime';
import { planRequest, type RequestPlan } from '../../net/tcp/requestPlan';
import { DEFAULT_MSS_BYTES, segmentsFor } from '../../net/tcp/slowStart';
import type { StackConfig } from './stackOptions';

/**
 * The transport model's plans, made once per setting (round trip, loss, connection new or
 * reused) and adapted to each response size: only its segments (and the window, which follows
 * them) change. A plan that draws nothing (no loss) times the same on every call, so its
 * timing is sampled once per segment count; a plan that draws is sampled on every call,
 * consuming the streams as `sampleRequest` does.
 */
export class PlanCache {
  /** The last timing's handshake and transfer (ms). */
  tcpMs = 0;
  transferMs = 0;
  private readonly entries: (CachedPlan | null)[] = [null, null];

  constructor(private readonly cfg: StackConfig) {}

  time(rttMs: number, lossRate: number, bytes: number, fresh: boolean, delayRng: Rng, lossRng: Rng): void {
    const k = fresh ? 1 : 0;
    let e = this.entries[k];
    if (e === null || !Object.is(e.rttMs, rttMs) || !Object.is(e.lossRate, lossRate)) {
      const plan = planRequest({ rttMs, lossRate, bytes, connection: fresh ? 'new' : 'reused', congestionControl: this.cfg.congestionControl });
      e = this.entries[k] = { plan, rttMs, lossRate, segments: NaN, tcpMs: NaN, transferMs: NaN, timings: new Map() };
    }
    const segments = segmentsFor(bytes, DEFAULT_MSS_BYTES);
    if (segments === e.segments) {
      this.tcpMs = e.tcpMs;
      this.transferMs = e.transferMs;
      return;
    }
    const known = e.timings.get(segments);
    if (known !== undefined) {
      this.tcpMs = known[0];
      this.transferMs = known[1];
    } else {
      const plan = segments === e.plan.segments ? e.plan : { ...e.plan, segments, cwnd: segments };
      const timing = sampleRequest(plan, delayRng, lossRng);
      this.tcpMs = timing.breakdown.tcpMs;
      this.transferMs = timing.breakdown.transferMs;
      if (plan.random) return;
      e.timings.set(segments, [this.tcpMs, this.transferMs]);
    }
    e.segments = segments;
    e.tcpMs = this.tcpMs;
    e.transferMs = this.transferMs;
  }
}

interface CachedPlan {
  plan: RequestPlan;
  rttMs: number;
  lossRate: number;
  /** A plan that draws nothing: the last segment count timed and its timing, and every timing by segment count. */
  segments: number;
  tcpMs: number;
  transferMs: number;
  timings: Map<number, [number, number]>;
}
