/** Types for quickselect 2.0.0 (Floyd–Rivest selection, in place). */
declare module 'quickselect' {
  /**
   * Rearranges `arr[left..right]` so that `arr[k]` holds the value it would hold if that
   * range were sorted, smaller values before it and larger after.
   */
  function quickselect<T>(arr: { [index: number]: T; length: number }, k: number, left?: number, right?: number, compare?: (a: T, b: T) => number): void;
  export = quickselect;
}
