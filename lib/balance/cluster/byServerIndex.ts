/**
 * Per-server state indexed by global server index, sized to cover a pool's members.
 * Pools hold a subset of 0 … servers − 1, so the array runs to the largest member.
 */

type TypedArrayConstructor<T> = new (length: number) => T;

/** A zeroed typed array with one slot per global index up to the largest of `members`. */
export function byServerIndex<T>(members: Int32Array, Type: TypedArrayConstructor<T>): T {
  let max = -1;
  for (let i = 0; i < members.length; i++) if (members[i] > max) max = members[i];
  return new Type(max + 1);
}
