import { describe, expect, it } from 'vitest';
import { ByteTable } from './byte-table';

describe('ByteTable', () => {
  it('numbers byte strings in the order added and finds them from any buffer, through growth', () => {
    const table = new ByteTable();
    const names = Array.from({ length: 20_000 }, (_, i) => `name-${i}.example`);
    names.forEach((name, i) => {
      // Each added from the middle of a larger buffer, as lines of a list are.
      const buffer = Buffer.from(`xx,${name},yy`);
      expect(table.add(buffer, 3, 3 + name.length)).toBe(i);
    });
    expect(table.size).toBe(names.length);
    for (const [i, name] of names.entries()) expect(table.find(Buffer.from(name), 0, name.length)).toBe(i);
    for (const miss of ['name-20000.example', 'name-1.exampl', '', 'ame-1.example']) expect(table.find(Buffer.from(miss), 0, miss.length)).toBe(-1);
  });

  it('tells apart entries that are prefixes of one another and the empty string', () => {
    const table = new ByteTable();
    const words = ['', 'a', 'ab', 'abc', 'b'];
    for (const w of words) table.add(Buffer.from(w), 0, w.length);
    for (const [i, w] of words.entries()) expect(table.find(Buffer.from(`[${w}]`), 1, 1 + w.length)).toBe(i);
  });

  it('answers alike whatever random start its hash takes (two tables of the same names)', () => {
    const names = Array.from({ length: 500 }, (_, i) => `d${i}.example`);
    const a = new ByteTable();
    const b = new ByteTable();
    for (const name of names) {
      a.add(Buffer.from(name), 0, name.length);
      b.add(Buffer.from(name), 0, name.length);
    }
    for (const [i, name] of names.entries()) {
      expect(a.find(Buffer.from(name), 0, name.length)).toBe(i);
      expect(b.find(Buffer.from(name), 0, name.length)).toBe(i);
    }
  });
});
