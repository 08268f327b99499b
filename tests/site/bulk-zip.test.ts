import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { zipFiles } from '../../src/lib/public-data/bulk-zip.ts';

const files = new Map<string, string | Uint8Array>([
  ['河北省/廊坊市/永清县/人力资源和社会保障局/2024-预算/filing.json', '{"title":"永清县人力资源和社会保障局2024年部门预算"}'.repeat(50)],
  ['datapackage.json', '{"profile":"tabular-data-package"}'],
  ['empty.csv', new Uint8Array(0)],
]);
const date = new Date('2024-03-05T06:07:08Z');

/** Each central directory entry's name, compression method and DOS time and date fields (APPNOTE 4.3.12). */
function entries(zip: Uint8Array): { name: string; method: number; time: number; date: number }[] {
  const bytes = Buffer.from(zip);
  const found = [];
  for (let at = bytes.readUInt32LE(bytes.length - 22 + 16); bytes.readUInt32LE(at) === 0x02014b50; ) {
    const nameLength = bytes.readUInt16LE(at + 28);
    found.push({ name: bytes.toString('utf8', at + 46, at + 46 + nameLength), method: bytes.readUInt16LE(at + 10), time: bytes.readUInt16LE(at + 12), date: bytes.readUInt16LE(at + 14) });
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return found;
}

describe('zipFiles', () => {
  it('gives back every file as it was, deflated, in path order, stamped with the date in UTC', () => {
    const zip = zipFiles(files, date);
    const read = unzipSync(zip);
    const names = ['datapackage.json', 'empty.csv', '河北省/廊坊市/永清县/人力资源和社会保障局/2024-预算/filing.json'];
    expect(Object.keys(read)).toEqual(names);
    for (const [path, content] of files) expect(strFromU8(read[path]!), path).toBe(typeof content === 'string' ? content : '');
    // 2024-03-05 06:07:08: DOS date (year − 1980) << 9 | month << 5 | day, time hour << 11 | minute << 5 | second / 2.
    const stamp = { method: 8, time: (6 << 11) | (7 << 5) | 4, date: (44 << 9) | (3 << 5) | 5 };
    expect(entries(zip)).toEqual(names.map((name) => ({ name, ...stamp })));
  });

  it('makes the same bytes from the same files, whatever order they come in', () => {
    const reversed = new Map([...files].reverse());
    expect(Buffer.from(zipFiles(reversed, date)).equals(Buffer.from(zipFiles(files, date)))).toBe(true);
  });
});
