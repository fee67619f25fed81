/**
 * Active health checks, as a balancer runs them: a probe to each server every
 * `intervalMs`; a probe to a server that is down fails when its `timeoutMs` runs out,
 * one to a server that is up succeeds at once. After `unhealthyThreshold` failures
 * in a row the balancer takes the server out of rotation; after `healthyThreshold`
 * successes in a row it puts it back (HAProxy's `inter`, `fall` and `rise`; AWS
 * target groups' interval, timeout and thresholds). Defaults are HAProxy's: 2 s, 3, 2.
 *
 * Because probes depend only on when servers are down, the whole timeline is
 * computed before the run (`healthTransitions`), a pure function. A failure is
 * detected at most `unhealthyThreshold × intervalMs + timeoutMs` after it happens
 * (`detectionBoundMs`): the failing probe that completes the count is sent at most
 * that many intervals after the failure, and reports after its timeout.
 *
 * Not modelled: probes that fail because a live server is overloaded (probes here
 * never queue), passive checks (outlier detection on real responses), probe traffic.
 */
import * as check from '../../validate';

export interface HealthCheckOptions {
  /** Time between probes to one server (ms in [1, 10^9]; default 2000). */
  intervalMs?: number;
  /** How long a probe waits for an answer (ms, in (0, intervalMs]; default 1000). */
  timeoutMs?: number;
  /** Failed probes in a row that take a server out of rotation (integer in [1, 1000]; default 3). */
  unhealthyThreshold?: number;
  /** Successful probes in a row that put it back (integer in [1, 1000]; default 2). */
  healthyThreshold?: number;
}

/** Every key of `HealthCheckOptions`. */
export const HEALTH_CHECK_KEYS: readonly (keyof HealthCheckOptions & string)[] = ['intervalMs', 'timeoutMs', 'unhealthyThreshold', 'healthyThreshold'];

export type HealthCheck = Required<HealthCheckOptions>;

/** A period during which a server is down: [fromMs, toMs). */
export interface Downtime {
  fromMs: number;
  toMs: number;
}

/** A change in the balancer's view of one server. */
export interface HealthTransition {
  atMs: number;
  healthy: boolean;
}

/** Checks health-check options, filling in the defaults. */
export function checkHealthCheck(option: string, value: HealthCheckOptions): HealthCheck {
  check.nestedOptions(option, value, HEALTH_CHECK_KEYS);
  const intervalMs = value.intervalMs === undefined ? 2000 : check.inRange(`${option}.intervalMs`, value.intervalMs, 1, 1e9);
  const timeoutMs = value.timeoutMs === undefined ? Math.min(1000, intervalMs) : check.inRange(`${option}.timeoutMs`, value.timeoutMs, 0, intervalMs, '(]');
  return {
    intervalMs,
    timeoutMs,
    unhealthyThreshold: value.unhealthyThreshold === undefined ? 3 : check.integer(`${option}.unhealthyThreshold`, value.unhealthyThreshold, 1, 1000),
    healthyThreshold: value.healthyThreshold === undefined ? 2 : check.integer(`${option}.healthyThreshold`, value.healthyThreshold, 1, 1000),
  };
}

/** The longest a failure can go unnoticed (ms), for health-check options (defaults filled in). */
export function detectionBoundMs(options: HealthCheckOptions = {}): number {
  const hc = checkHealthCheck('healthCheck', options);
  return hc.unhealthyThreshold * hc.intervalMs + hc.timeoutMs;
}

/**
 * When the balancer takes one server out of rotation and puts it back, given the
 * server's downtimes (sorted, not overlapping) and its first probe at `phaseMs`
 * (in [0, intervalMs)), over probes sent up to `horizonMs`. The server starts healthy.
 */
export function healthTransitions(downtimes: readonly Downtime[], hc: HealthCheck, phaseMs: number, horizonMs: number): HealthTransition[] {
  const out: HealthTransition[] = [];
  const probeAt = (k: number): number => phaseMs + k * hc.intervalMs;
  const firstProbeFrom = (t: number): number => Math.max(0, Math.ceil((t - phaseMs) / hc.intervalMs));
  let healthy = true;
  let streak = 0; // failures in a row while healthy, successes in a row while not
  let d = 0;
  for (let k = 0; probeAt(k) <= horizonMs; k++) {
    const t = probeAt(k);
    while (d < downtimes.length && downtimes[d].toMs <= t) d++;
    if (healthy && (d === downtimes.length || downtimes[d].fromMs > t)) {
      // Healthy and up: nothing changes until the next downtime begins.
      streak = 0;
      if (d === downtimes.length) break;
      k = firstProbeFrom(downtimes[d].fromMs) - 1;
      continue;
    }
    const up = d === downtimes.length || downtimes[d].fromMs > t;
    if (!up && !healthy) {
      // Down and known to be: nothing changes until it recovers.
      streak = 0;
      if (downtimes[d].toMs === Infinity) break;
      k = firstProbeFrom(downtimes[d].toMs) - 1;
      continue;
    }
    streak++;
    if (streak === (healthy ? hc.unhealthyThreshold : hc.healthyThreshold)) {
      healthy = !healthy;
      streak = 0;
      out.push({ atMs: healthy ? t : t + hc.timeoutMs, healthy });
    }
  }
  return out;
}
