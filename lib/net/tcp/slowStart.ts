/**
 * Slow-start arithmetic on paper: how many round trips a response needs on a
 * connection that starts from `initcwnd` segments and doubles its window every
 * round trip (RFC 5681 §3.1, with the initial window of RFC 6928), when nothing
 * is lost and the receiver's window never binds.
 *
 * After k rounds the sender has sent initcwnd · (2^k − 1) segments, so a response
 * of n segments needs the smallest k with initcwnd · (2^k − 1) ≥ n.
 */
import * as check from '../../validate';

/** Default initial window (segments): RFC 6928. */
export const DEFAULT_INITCWND = 10;
/** Default maximum segment size (bytes): a 1500-byte Ethernet MTU less 40 bytes of IPv4 and TCP headers. */
export const DEFAULT_MSS_BYTES = 1460;

/** Segments needed for `bytes` of payload (at least 1: an empty response still takes a segment). */
export function segmentsFor(bytes: number, mssBytes = DEFAULT_MSS_BYTES): number {
  check.nonNegative('bytes', bytes);
  check.integer('mssBytes', mssBytes, 1);
  return Math.max(1, Math.ceil(bytes / mssBytes));
}

/** Round trips to deliver `segments` starting from a window of `initcwnd` segments. */
export function slowStartRounds(segments: number, initcwnd = DEFAULT_INITCWND): number {
  check.integer('segments', segments, 1);
  check.integer('initcwnd', initcwnd, 1);
  let rounds = 0;
  let sent = 0;
  let window = initcwnd;
  while (sent < segments) {
    sent += window;
    window *= 2;
    rounds++;
  }
  return rounds;
}
