/**
 * What the DNS service believes about a failed region, and when: its health
 * checks probe the region every `intervalMs` and change their verdict after a
 * run of `unhealthyThreshold` failed (or `healthyThreshold` successful) probes
 * (`healthTransitions` of part 4's balancer checks, one checker). The first probe
 * falls at a phase drawn uniformly within one interval, since an outage begins at
 * an arbitrary moment relative to the probes.
 *
 * The DNS stops handing the region out at `detectedAtMs` and hands it out again
 * at `restoredAtMs`; an outage shorter than the detection delay may never be
 * noticed (both null). Without health checks the DNS never notices.
 *
 * Approximations: one checker stands for the provider's fleet of checkers in
 * several places (Route 53 aggregates them); the verdict reaches the answers at
 * once (no propagation delay inside the DNS provider).
 */
import { healthTransitions, type HealthCheck } from '../../balance/cluster/healthCheck';
import type { Rng } from '../../random/rng';

export interface DnsHealthView {
  /** When the DNS stopped answering the failed region (ms), or null if it never did. */
  detectedAtMs: number | null;
  /** When it answered the region again (ms), or null if it never did after detecting the failure. */
  restoredAtMs: number | null;
  /** True when the DNS would hand out `region` at `tMs`. */
  healthy(region: number, tMs: number): boolean;
}

/** Every region is always healthy: no failure, or no health checks. */
const ALWAYS_HEALTHY: DnsHealthView = { detectedAtMs: null, restoredAtMs: null, healthy: () => true };

/**
 * What the DNS service's health checks conclude about the failed region: when it
 * stops handing it out and when it hands it out again (ms, null when never), and
 * whether a region counts as healthy at a given time. Without a failure or without
 * health checks every region is always healthy.
 */
export function dnsHealthView(
  failure: { regionIndex: number; atMs: number; untilMs: number } | null,
  healthCheck: HealthCheck | null,
  phaseRng: Rng,
  horizonMs: number,
): DnsHealthView {
  if (failure === null || healthCheck === null) return ALWAYS_HEALTHY;
  const phaseMs = phaseRng() * healthCheck.intervalMs;
  const transitions = healthTransitions([{ fromMs: failure.atMs, toMs: failure.untilMs }], healthCheck, phaseMs, horizonMs);
  const down = transitions.find((t) => !t.healthy);
  if (down === undefined) return ALWAYS_HEALTHY;
  const up = transitions.find((t) => t.healthy && t.atMs >= down.atMs);
  const from = down.atMs;
  const to = up === undefined ? Infinity : up.atMs;
  return {
    detectedAtMs: from,
    restoredAtMs: up === undefined ? null : to,
    healthy: (region, tMs) => region !== failure.regionIndex || tMs < from || tMs >= to,
  };
}
