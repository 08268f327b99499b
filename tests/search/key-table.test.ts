import { describe, expect, it } from 'vitest';
import { KeyTable } from '../../src/lib/search/key-table.ts';

describe('the key table of a page', () => {
  it('merges the fields of a key within a group, keeps its groups apart, and lists every entry by key, then group, past growing', () => {
    // Two slots at the start: the table grows several times.
    const table = new KeyTable(1);
    const added: [key: number, group: number, field: number][] = [
      [0xffff_fff0, 3, 1],
      [7, 2, 4],
      [0x8000_0000, 0, 2],
      [7, 0, 1],
      [0xffff_fff0, 3, 4],
      [7, 2, 2],
      [0x0001_0000, 1, 1],
      [0x0000_ffff, 1, 2],
      [7, 1, 1],
    ];
    for (const [key, group, field] of added) table.add(key, group, field);
    expect(table.size).toBe(7);
    const { keys, fields } = table.sorted();
    expect([...keys]).toEqual([7, 7, 7, 0x0000_ffff, 0x0001_0000, 0x8000_0000, 0xffff_fff0]);
    expect([...fields]).toEqual([(0 << 3) | 1, (1 << 3) | 1, (2 << 3) | 6, (1 << 3) | 2, (1 << 3) | 1, (0 << 3) | 2, (3 << 3) | 5]);
  });

  it('sorts many keys as a comparison sort does', () => {
    const table = new KeyTable();
    const expected: number[] = [];
    let seed = 12345;
    for (let i = 0; i < 20000; i++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      const group = i % 4;
      table.add(seed, group, 1);
      expected.push(seed * 8 + group);
    }
    const { keys, fields } = table.sorted();
    expect(Array.from(keys, (key, i) => key * 8 + (fields[i]! >> 3))).toEqual([...new Set(expected)].sort((a, b) => a - b));
  });
});
