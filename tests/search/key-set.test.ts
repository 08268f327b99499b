import { describe, expect, it } from 'vitest';
import { listFiles } from '../../src/lib/search/build-index.ts';
import { decodeKeySet, encodeKeySet, hasKey } from '../../src/lib/search/key-set.ts';

describe('a set of keys as a file', () => {
  it('gives back the keys it was made of, from 0 to 2^32 - 1, and says which it holds', () => {
    // A fixed spread of hashes, as the index's keys are: 2,000 of them, plus both ends of the range.
    const keys = new Set<number>([0, 2 ** 32 - 1]);
    for (let i = 1; keys.size < 2002; i++) keys.add(Math.imul(i, 0x9e3779b1) >>> 0);
    const sorted = Uint32Array.from([...keys].sort((a, b) => a - b));
    const bytes = encodeKeySet(sorted);
    expect([...decodeKeySet(bytes)]).toEqual([...sorted]);
    // About log2(2^32 / n) + 1.5 bits a key: 22.5 here, against 32 for the keys as they are.
    expect(bytes.length).toBeLessThan((2002 * 23) / 8);
    expect(hasKey(sorted, sorted[1000]!)).toBe(true);
    expect(hasKey(sorted, sorted[1000]! + 1)).toBe(sorted[1001] === sorted[1000]! + 1);
    expect(hasKey(sorted, 2 ** 32 - 1)).toBe(true);
    expect(hasKey(new Uint32Array(0), 5)).toBe(false);
  });

  it('of no keys, and of one', () => {
    expect([...decodeKeySet(encodeKeySet([]))]).toEqual([]);
    expect([...decodeKeySet(encodeKeySet([123456789]))]).toEqual([123456789]);
  });

  it('cut short is an error naming how many keys it gave', () => {
    const bytes = encodeKeySet(Uint32Array.from([10, 2 ** 20, 2 ** 31, 2 ** 32 - 2]));
    expect(() => decodeKeySet(bytes.subarray(0, bytes.length - 1))).toThrow('a key set cut short: 3 of 4 keys');
    expect(() => decodeKeySet(bytes.subarray(0, 3))).toThrow('a key set of 3 bytes, shorter than its head');
  });
});

describe('the keys whose list has a file of its own, as the index lists them', () => {
  it('are those of the longest lists when there are more than it lists, each list still in its file', () => {
    // Keys 10 to 50 with lists of 1,000, 1,200, 1,300, 1,300 and 1,100 bytes: the first is short enough for its bucket.
    const sizes = new Map([[10, 1000], [20, 1200], [30, 1300], [40, 1300], [50, 1100]]);
    const keys = Uint32Array.from([...sizes.keys()]);
    const offsets = Uint32Array.from([0, ...[...sizes.values()].map((_, i, all) => all.slice(0, i + 1).reduce((a, b) => a + b, 0))]);
    const lists = { keys, offsets, bytes: new Uint8Array(offsets[offsets.length - 1]!) };
    const own = (most: number) => [...decodeKeySet(listFiles(lists, 4, undefined, most).get('own-lists.bin')!)];
    expect(own(10)).toEqual([20, 30, 40, 50]);
    // The two of 1,300 bytes, then the one of 1,200; the one of 1,100 left to its bucket.
    expect(own(3)).toEqual([20, 30, 40]);
    expect([...listFiles(lists, 4, undefined, 3).keys()].filter((path) => path.startsWith('l/')).sort()).toEqual(['l/14.bin', 'l/1e.bin', 'l/28.bin', 'l/32.bin']);
  });
});
