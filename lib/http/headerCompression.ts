/**
 * Header bytes on the wire, with and without compression.
 *
 * HTTP/1.1 sends every header block in full, as text. HPACK (HTTP/2, RFC 7541)
 * and QPACK (HTTP/3, RFC 9204) keep a table of header fields already sent on the
 * connection, so a repeated field (cookie, user agent, accept lists) becomes a
 * small index. Modelled simply: a connection's first header block in each
 * direction is sent in full, later ones at `ratio` of their size. Chromium's
 * SPDY whitepaper reported header compression shrinking request headers by
 * about 88% and response headers by about 85%; the default ratio 0.15 sits there.
 * Not modelled: the Huffman coding of the first block, the dynamic table's size
 * limit, QPACK's blocked streams.
 */
import * as check from '../validate';

/** Default size of a later header block relative to the first (compressed). */
export const DEFAULT_HEADER_RATIO = 0.15;

/**
 * Bytes of each of `count` header blocks of `fullBytes`, in the order sent on one
 * connection: all full when `ratio` is null (no compression), else the first
 * full (unless the connection sent one before: `firstOnConnection` false) and the
 * rest `ceil(fullBytes × ratio)`.
 */
export function headerBlockBytes(count: number, fullBytes: number, ratio: number | null, firstOnConnection = true): number[] {
  check.integer('count', count, 0);
  check.nonNegative('header bytes', fullBytes);
  if (ratio === null) return new Array<number>(count).fill(fullBytes);
  const later = Math.ceil(fullBytes * check.inRange('headerRatio', ratio, 0, 1));
  return Array.from({ length: count }, (_, i) => (i === 0 && firstOnConnection ? fullBytes : later));
}
