import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { zipFiles } from '../../src/lib/public-data/bulk-zip.ts';
import { centralDirectory } from '../helpers/zip-directory.ts';

const files = new Map<string, string | Uint8Array>([
  ['河北省/廊坊市/永清县/人力资源和社会保障局/2024-预算/filing.json', '{"title":"永清县人力资源和社会保障局2024年部门预算"}'.repeat(50)],
  ['datapackage.json', '{"profile":"tabular-data-package"}'],
  ['empty.csv', new Uint8Array(0)],
]);
const date = new Date('2024-03-05T06:07:08Z');

describe('zipFiles', () => {
  it('gives back every file as it was, deflated, in path order, stamped with the date in UTC', () => {
    const zip = zipFiles(files, date);
    const read = unzipSync(zip);
    const names = ['datapackage.json', 'empty.csv', '河北省/廊坊市/永清县/人力资源和社会保障局/2024-预算/filing.json'];
    expect(Object.keys(read)).toEqual(names);
    for (const [path, content] of files) expect(strFromU8(read[path]!), path).toBe(typeof content === 'string' ? content : '');
    // 2024-03-05 06:07:08: DOS date (year − 1980) << 9 | month << 5 | day, time hour << 11 | minute << 5 | second / 2.
    const stamp = { madeOn: 3, method: 8, time: (6 << 11) | (7 << 5) | 4, date: (44 << 9) | (3 << 5) | 5 };
    // The UTF-8 flag on the Chinese name only.
    expect(centralDirectory(zip)).toEqual(names.map((name, i) => ({ name, utf8: i === 2, ...stamp })));
  });

  it('makes the same bytes from the same files, whatever order they come in', () => {
    const reversed = new Map([...files].reverse());
    expect(Buffer.from(zipFiles(reversed, date)).equals(Buffer.from(zipFiles(files, date)))).toBe(true);
  });
});
