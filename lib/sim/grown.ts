/** Typed arrays that grow by copying: the columns of simulation records and per-bucket tallies. */
export type TypedColumn = Float64Array | Int32Array | Uint8Array | Int8Array;

/** A copy of `values` with room for at least `size` entries, doubling at least, so growth costs O(1) amortised. */
export function grown<T extends TypedColumn>(values: T, size: number): T {
  const next = new (values.constructor as new (length: number) => T)(Math.max(size, values.length * 2, 64));
  next.set(values);
  return next;
}
