/**
 * A path seen packet by packet: the one-way delays, jitter and bottleneck
 * bandwidth of a `Path`, shared by every connection of one client.
 *
 * - Downstream (server → client) packets queue at the bottleneck: each leaves
 *   when the link has finished the one before it, `bytes × 8 / bandwidth` later.
 * - Each packet then travels half the base RTT plus a jitter draw (`jitterDraw`).
 * - Packets in one direction arrive in the order they were sent: jitter is queueing,
 *   and queues do not reorder, so a slow packet holds the ones behind it.
 * - Upstream packets (requests, acknowledgements) are small: they are delayed and
 *   jittered but not serialised.
 *
 * Loss is decided by the sender (each connection owns its loss processes), so
 * this module only moves packets in time. Time in ms, sizes in bytes.
 */
import type { Rng } from '../../random/rng';
import { jitterDraw, serialisationMs, type Path } from '../path/path';

/**
 * A client's path packet by packet: downstream packets serialised at the
 * bottleneck, every packet delayed by half the RTT plus jitter, in order (ms, bytes).
 */
export class PacketLink {
  private linkFreeAtMs = 0;
  private lastDownMs = 0;
  private lastUpMs = 0;

  constructor(readonly path: Path) {}

  /** One one-way trip without queueing at the bottleneck (ms). */
  oneWayMs(rng: Rng): number {
    return this.path.rttMs / 2 + jitterDraw(this.path, rng);
  }

  /** Arrival time at the client of `bytes` handed to the bottleneck at `nowMs`. */
  down(bytes: number, nowMs: number, rng: Rng): number {
    const departs = Math.max(nowMs, this.linkFreeAtMs) + serialisationMs(bytes, this.path.bandwidthMbps);
    this.linkFreeAtMs = departs;
    const arrives = Math.max(departs + this.oneWayMs(rng), this.lastDownMs);
    this.lastDownMs = arrives;
    return arrives;
  }

  /** The bottleneck's time for `bytes` that never arrive (lost after the queue): it is still busy sending them. */
  occupy(bytes: number, nowMs: number): void {
    this.linkFreeAtMs = Math.max(nowMs, this.linkFreeAtMs) + serialisationMs(bytes, this.path.bandwidthMbps);
  }

  /** Arrival time at the server of a small packet sent at `nowMs`. */
  up(nowMs: number, rng: Rng): number {
    const arrives = Math.max(nowMs + this.oneWayMs(rng), this.lastUpMs);
    this.lastUpMs = arrives;
    return arrives;
  }
}
