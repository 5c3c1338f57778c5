/**
 * `array`, or a copy of it with room for index `index` (at least twice as long, so a table grown
 * one entry at a time is copied a logarithmic number of times). New room is zeroed.
 */
export function withRoom<T extends Int32Array<ArrayBuffer> | Uint8Array<ArrayBuffer>>(array: T, index: number): T {
  if (index < array.length) return array;
  const bigger = new (array.constructor as new (length: number) => T)(Math.max(array.length * 2, index + 1));
  bigger.set(array);
  return bigger;
}
