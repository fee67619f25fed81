/**
 * The loss a connection meets on one path, as three processes: its handshake
 * packets, its request packets and its response data each draw from their own
 * fork of the connection's stream. Two configurations given the same stream (HTTP/2
 * and HTTP/3, say) therefore lose the same data packets, whatever their handshakes
 * and requests did (common random numbers). After a migration the new path gets
 * fresh forks, labelled with the path's number.
 */
import type { Rng } from '../../random/rng';
import type { LossProcess } from './loss';
import type { PacketLink } from '../transport/packetLink';

export interface PathLosses {
  handshake: LossProcess;
  request: LossProcess;
  data: LossProcess;
}

/** The loss processes of `link` for a connection drawing from `rng`, on its path number `epoch` (0 first). */
export function startPathLosses(link: PacketLink, rng: Rng, epoch: number): PathLosses {
  const { loss } = link.path;
  const suffix = epoch === 0 ? '' : ` (path ${epoch + 1})`;
  return {
    handshake: loss.start(rng.fork(`handshake loss${suffix}`)),
    request: loss.start(rng.fork(`request loss${suffix}`)),
    data: loss.start(rng.fork(`data loss${suffix}`)),
  };
}
