/**
 * Which response the server sends the next packet of, when several share one
 * connection: 'round-robin' takes the streams in turn, a packet each (HTTP/2's
 * default when every stream has the same weight, RFC 9113 §5.3), 'sequential'
 * finishes one stream before starting the next, in the order they became ready.
 */
export type StreamScheduling = 'round-robin' | 'sequential';

/**
 * Chooses the stream whose response the server sends the next packet of:
 * round robin over the ready streams, or one stream at a time (`sequential`).
 */
export class StreamScheduler {
  private readonly active: number[] = [];
  private turn = 0;

  constructor(public policy: StreamScheduling = 'round-robin') {}

  /** The server may now send `stream`. */
  add(stream: number): void {
    this.active.push(stream);
  }

  /** The stream whose packet goes next, or -1 when none has data; streams without data left are dropped. */
  next(hasUnsent: (stream: number) => boolean): number {
    const { active } = this;
    while (active.length > 0) {
      if (this.turn >= active.length) this.turn = 0;
      const stream = active[this.turn];
      if (!hasUnsent(stream)) {
        active.splice(this.turn, 1);
        continue;
      }
      if (this.policy === 'round-robin') this.turn++;
      return stream;
    }
    return -1;
  }
}
