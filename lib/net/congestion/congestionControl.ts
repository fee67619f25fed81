/**
 * The congestion controllers a connection can run, by name, and the one place
 * that builds them: 'newreno' (RFC 5681, RFC 9002 §7) or 'cubic' (RFC 9438).
 * What a controller does is the contract in congestionController.ts.
 */
import * as check from '../../validate';
import { NewRenoWindow } from './newReno';
import { CubicWindow } from './cubic';
import type { CongestionController } from './congestionController';

/** The congestion controllers NetLab models: 'newreno' (the default) or 'cubic' (Linux's default). */
export type CongestionControl = 'newreno' | 'cubic';

/** Every congestion controller name. */
export const CONGESTION_CONTROLS: readonly CongestionControl[] = ['newreno', 'cubic'];

/**
 * A new controller of kind `kind` starting from `initialWindow` packets.
 *
 * @throws RangeError naming `congestionControl` when `kind` is not one of CONGESTION_CONTROLS.
 */
export function congestionController(kind: CongestionControl, initialWindow: number): CongestionController {
  // Called once per connection on hot paths (every sampled request): the plans have checked
  // the option, so the two names are compared directly and only a stray value takes the check.
  if (kind === 'newreno') return new NewRenoWindow(initialWindow);
  if (kind === 'cubic') return new CubicWindow(initialWindow);
  throw new RangeError(`congestionControl must be one of ${CONGESTION_CONTROLS.map((k) => JSON.stringify(k)).join(', ')}; got ${check.describe(kind)}`);
}
