/**
 * The path from a user to a site: the user's access network (last mile) followed
 * by the distance from there to wherever the site is served, as one `PathOptions`
 * that `pageLoad` takes.
 *
 * - Round trip: the access profile's RTT (to a nearby server) plus `distanceRttMs`,
 *   e.g. a backbone round trip from the user's region to an origin far away (Seoul
 *   to Virginia is 187 ms in data/region-rtt.csv; the course rounds it to 150 ms),
 *   or a few ms of metro network to an edge server in the user's city (the course's
 *   "~5 ms RTT").
 * - Jitter, loss (bursty when the profile says so, as `accessPath` builds it) and
 *   bandwidth are the access network's: the last mile is where they come from.
 *
 * Approximated: the long haul adds delay only. Region-to-region figures are
 * medians over a provider's backbone; the public Internet between a user's
 * provider and a distant origin adds some jitter and loss of its own, not modelled.
 */
import * as check from '../../validate';
import { accessPath, type AccessProfile } from '../../net/path/accessProfiles';
import type { PathOptions } from '../../net/path/path';

/** The access profile's path with `distanceRttMs` (ms, ≥ 0) added to its round trip. */
export function sitePath(profile: AccessProfile, distanceRttMs: number): PathOptions {
  const access = accessPath(profile);
  const path: PathOptions = {
    rttMs: access.rttMs + check.nonNegative('distanceRttMs', distanceRttMs),
    loss: access.loss,
    bandwidthMbps: access.bandwidthMbps,
  };
  if (access.jitter !== null) path.jitter = access.jitter;
  return path;
}
