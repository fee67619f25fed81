/**
 * The stack's L4: connections from the client side to the server.
 *
 * - Client side: every connection holds an ephemeral port from the moment it opens
 *   until TIME_WAIT ends after the client closes it (Linux: 60 s). With no port
 *   free, opening fails at once ("cannot assign requested address").
 * - Reuse: an idle keep-alive connection is taken before a new one is opened, the
 *   longest-idle first, so every pooled connection reaches its request limit and
 *   closes; none lingers forever at the bottom of the pool.
 * - Server side: at most `maxConnections` accepted at once. A connection beyond that
 *   waits in the accept backlog (the kernel completed its handshake; the
 *   application has not accepted it); with the backlog full it is refused.
 *
 * Simplifications: all clients share one egress address and one pool (a NAT gateway
 * or a sidecar proxy); a refused connection releases its port at once (an RST, no
 * TIME_WAIT), while Linux by default drops the SYN and lets the client retry; idle
 * connections never time out.
 */
import { FifoQueue } from '../../sim/fifoQueue';
import { LevelMeter } from '../../sim/measures/levelMeter';

export interface ConnectionLimits {
  /** Ephemeral ports on the client side. */
  ports: number;
  /** How long a closed port stays in TIME_WAIT (ms). */
  timeWaitMs: number;
  /** Connections the server accepts at once (Infinity for no limit). */
  maxConnections: number;
  /** Established connections allowed to wait for the server to accept them. */
  backlog: number;
}

export type AcceptResult = 'accepted' | 'queued' | 'refused';

const CLIENT_ONLY = 0;
const QUEUED = 1;
const ACCEPTED = 2;
const CLOSED = 3;

/**
 * The stack's L4 connections: client ephemeral ports held until TIME_WAIT ends,
 * idle keep-alive connections reused longest-idle first, and at most
 * `maxConnections` accepted at once by the server; times in ms.
 */
export class StackConnections {
  /** Client ports held: open connections plus TIME_WAIT. */
  readonly portsHeld: LevelMeter;
  /** Connections the server has accepted. */
  readonly serverOpen: LevelMeter;
  /** Connections opened, refused for want of a port, and refused by a full backlog. */
  opened = 0;
  noPort = 0;
  backlogRefused = 0;
  /** Requests each connection has carried. */
  readonly uses: number[] = [];
  private readonly state: number[] = [];
  private readonly idle = new FifoQueue();
  private readonly backlogQueue = new FifoQueue();
  private waiting = 0;
  private readonly timeWaitEnds = new FifoQueue();

  constructor(
    private readonly limits: ConnectionLimits,
    bucketMs: number,
    /** Called when a queued connection is accepted. */
    private readonly onAccept: (conn: number, nowMs: number) => void,
  ) {
    this.portsHeld = new LevelMeter(bucketMs);
    this.serverOpen = new LevelMeter(bucketMs);
  }

  /** The longest-idle pooled connection, or -1 when none is idle. */
  takeIdle(): number {
    if (this.idle.length === 0) return -1;
    this.idle.shift();
    return this.idle.lastJob;
  }

  /** Opens a connection on a free port; -1 when every port is held. */
  open(nowMs: number): number {
    this.releasePorts(nowMs);
    if (this.portsHeld.level >= this.limits.ports) {
      this.noPort++;
      return -1;
    }
    this.portsHeld.add(nowMs, 1);
    this.opened++;
    this.uses.push(0);
    this.state.push(CLIENT_ONLY);
    return this.uses.length - 1;
  }

  /** The server side of a connection whose handshake just completed. */
  accept(conn: number, nowMs: number): AcceptResult {
    if (this.serverOpen.level < this.limits.maxConnections) {
      this.serverOpen.add(nowMs, 1);
      this.state[conn] = ACCEPTED;
      return 'accepted';
    }
    if (this.waiting < this.limits.backlog) {
      this.backlogQueue.push(conn, 0);
      this.waiting++;
      this.state[conn] = QUEUED;
      return 'queued';
    }
    this.backlogRefused++;
    this.state[conn] = CLOSED;
    this.releasePorts(nowMs);
    this.portsHeld.add(nowMs, -1);
    return 'refused';
  }

  /** A request on `conn` is done: keep it for the next one, or close it. */
  finish(conn: number, nowMs: number, keep: boolean): void {
    this.uses[conn]++;
    if (keep) this.idle.push(conn, 0);
    else this.close(conn, nowMs);
  }

  /** The client closes `conn`: its port enters TIME_WAIT and the server's slot frees. */
  close(conn: number, nowMs: number): void {
    const was = this.state[conn];
    if (was === CLOSED) return;
    this.state[conn] = CLOSED;
    this.releasePorts(nowMs);
    this.timeWaitEnds.push(conn, nowMs + this.limits.timeWaitMs);
    if (this.limits.timeWaitMs === 0) this.releasePorts(nowMs);
    if (was === QUEUED) this.waiting--;
    if (was === ACCEPTED) {
      this.serverOpen.add(nowMs, -1);
      this.acceptWaiting(nowMs);
    }
  }

  /** Closes every idle pooled connection (the client drops its pool). */
  closeIdle(nowMs: number): void {
    while (this.idle.length > 0) {
      this.idle.shift();
      this.close(this.idle.lastJob, nowMs);
    }
  }

  /** Brings the port and connection records up to `nowMs`. */
  advance(nowMs: number): void {
    this.releasePorts(nowMs);
    this.portsHeld.advance(nowMs);
    this.serverOpen.advance(nowMs);
  }

  private acceptWaiting(nowMs: number): void {
    while (this.backlogQueue.length > 0 && this.serverOpen.level < this.limits.maxConnections) {
      this.backlogQueue.shift();
      const conn = this.backlogQueue.lastJob;
      if (this.state[conn] !== QUEUED) continue;
      this.waiting--;
      this.state[conn] = ACCEPTED;
      this.serverOpen.add(nowMs, 1);
      this.onAccept(conn, nowMs);
    }
  }

  /** Ports whose TIME_WAIT has ended by `nowMs` become free, each at its own moment. */
  private releasePorts(nowMs: number): void {
    while (this.timeWaitEnds.length > 0 && this.timeWaitEnds.firstServiceMs <= nowMs) {
      this.timeWaitEnds.shift();
      this.portsHeld.add(this.timeWaitEnds.lastServiceMs, -1);
    }
  }
}
