/**
 * A 32-bit hash of an integer key, for the hash-based balancers and the hash ring.
 *
 * The key's low and high 32-bit words are mixed in as two blocks in the manner of
 * MurmurHash3 (Appleby), then the result goes through MurmurHash3's 32-bit
 * finaliser, so that every input bit affects every output bit. Nearby keys
 * (clients 0, 1, 2, …) land far apart, which is what `hash mod N` and the ring
 * need. It is not a cryptographic hash: a client that chose its key on purpose
 * could steer itself to a server.
 */

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;
const TWO_32 = 4294967296;

/** One MurmurHash3 block step: mixes the 32-bit word `k` into the running hash `h`. */
function mixBlock(h: number, k: number): number {
  k = Math.imul(k, C1);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, C2);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/**
 * An unsigned 32-bit hash of the integer `key` (negative keys and keys beyond
 * 2^32, up to 2^53, are fine; a fractional part is ignored). A different `seed`
 * gives an unrelated hash function. Pure and allocation-free.
 */
export function hash32(key: number, seed = 0): number {
  const lo = key | 0;
  const hi = ((key - (key >>> 0)) / TWO_32) | 0;
  let h = mixBlock(seed | 0, lo);
  h = mixBlock(h, hi);
  h ^= 8; // the input length in bytes, as MurmurHash3 adds it
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
