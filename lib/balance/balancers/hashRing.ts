/**
 * A consistent-hashing ring with virtual nodes (Karger et al. 1997).
 *
 * Each server owns `vnodes` points on a 32-bit circle, at hash32(vnode, hash32(server)),
 * so points of different servers and of different vnodes are unrelated. A key
 * hashed onto the circle belongs to the first point clockwise from it (wrapping
 * past 2^32 − 1 to 0) whose server is in rotation. Taking a server out hands only
 * its arcs to the servers that follow them; every other key stays put. With v
 * points per server each server's share of the circle varies by about 1/√v of
 * the mean (about 8% for the usual 160).
 *
 * Points are kept sorted in typed arrays; a lookup is a binary search plus a walk
 * past out-of-rotation servers, and allocates nothing. Two servers whose points
 * collide (rare at 32 bits) keep both points, the lower member first.
 */
import { lowerBound } from '../../stats/sortedSearch';
import { hash32 } from './hash32';

/** Members are packed below the point in one float: point · 2^21 + member position < 2^53. */
const MEMBER_BITS = 2097152;
/** Most points a ring holds (members × vnodes), to keep memory in bounds (~ 256 MB while building). */
export const MAX_RING_POINTS = 1 << 24;

/**
 * A consistent-hashing ring over a pool's members, `vnodes` points each; `owner`
 * maps a 32-bit key to the first in-rotation server clockwise from it.
 */
export class HashRing {
  /** Ring positions, ascending. */
  readonly points: Uint32Array;
  /** The server (global index) owning each point. */
  readonly owners: Int32Array;

  /** A ring of `vnodes` points for each of `members` (global server indices). */
  constructor(members: Int32Array, vnodes: number) {
    const n = members.length;
    if (n === 0) throw new RangeError('HashRing needs at least one member');
    if (n > MEMBER_BITS) throw new RangeError(`HashRing supports at most ${MEMBER_BITS} members; got ${n}`);
    if (!Number.isInteger(vnodes) || vnodes < 1) throw new RangeError(`HashRing vnodes must be an integer >= 1; got ${vnodes}`);
    const total = n * vnodes;
    if (total > MAX_RING_POINTS) {
      throw new RangeError(`HashRing holds at most ${MAX_RING_POINTS} points (members × vnodes); got ${n} × ${vnodes} = ${total}`);
    }
    const packed = new Float64Array(total);
    let p = 0;
    for (let m = 0; m < n; m++) {
      const serverSeed = hash32(members[m]);
      for (let v = 0; v < vnodes; v++) packed[p++] = hash32(v, serverSeed) * MEMBER_BITS + m;
    }
    packed.sort();
    this.points = new Uint32Array(total);
    this.owners = new Int32Array(total);
    for (let i = 0; i < total; i++) {
      const m = packed[i] % MEMBER_BITS;
      this.points[i] = (packed[i] - m) / MEMBER_BITS;
      this.owners[i] = members[m];
    }
  }

  /**
   * The server owning `keyHash` (an unsigned 32-bit hash): the owner of the first
   * point at or after it, clockwise, with `inRotation[owner] === 1` (indexed by
   * global server index). Returns −1 when no member is in rotation.
   */
  owner(keyHash: number, inRotation: Uint8Array): number {
    const points = this.points;
    const owners = this.owners;
    const n = points.length;
    const lo = lowerBound(points, keyHash);
    for (let step = 0; step < n; step++) {
      const i = lo + step < n ? lo + step : lo + step - n;
      const server = owners[i];
      if (inRotation[server] === 1) return server;
    }
    return -1;
  }
}
