import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSiteRecord, writeSiteRecord } from '../../src/lib/compile/site-record.ts';
import { Output } from '../../src/lib/public-data/region-year-data.ts';

const temp = mkdtempSync(join(tmpdir(), 'gongkai-site-record-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('the record of what a site was built from', () => {
  it('gives back each filing’s hash, the files of its pages and the digests of its search index for that site folder only', () => {
    writeSiteRecord(
      join(temp, 'dist'),
      [
        { id: '河北省/廊坊市/永清县/316-人力资源和社会保障局/2024-预算', hash: 'h1' },
        { id: '上海市/普陀区/财政局/2024-决算', hash: 'h2' },
      ],
      { pages: ['index.html', '河北省/廊坊市/永清县/316-人力资源和社会保障局/2024-预算/index.html'], index: { 'meta.json': 'd1' }, filters: 'r1' },
    );
    const record = readSiteRecord(join(temp, 'dist'))!;
    expect([...record.filings]).toEqual([
      ['河北省/廊坊市/永清县/316-人力资源和社会保障局/2024-预算', 'h1'],
      ['上海市/普陀区/财政局/2024-决算', 'h2'],
    ]);
    expect(record.pages).toEqual(['index.html', '河北省/廊坊市/永清县/316-人力资源和社会保障局/2024-预算/index.html']);
    expect([...record.index]).toEqual([['meta.json', 'd1']]);
    expect(record.filters).toBe('r1');
    expect(readSiteRecord(join(temp, 'other'))).toBeUndefined();
  });
});

describe('linking an unchanged filing’s files from the site being replaced', () => {
  const previous = join(temp, 'previous');
  mkdirSync(join(previous, 'a'), { recursive: true });
  writeFileSync(join(previous, 'a', 'filing.json'), 'old');
  const hashes = new Map([['a', 'h1']]);

  it('links them when the filing was built from the same hash', async () => {
    const out = new Output(join(temp, 'same'), '/', { site: previous, hashes });
    expect([await out.linkSame('a', 'h1', ['/a/filing.json']), out.linked]).toEqual([true, 1]);
    expect(statSync(join(temp, 'same', 'a', 'filing.json')).ino).toBe(statSync(join(previous, 'a', 'filing.json')).ino);
  });

  it('links nothing for another hash, and a file written after a link that failed half-way leaves the site being replaced as it was', async () => {
    const out = new Output(join(temp, 'changed'), '/', { site: previous, hashes });
    expect(await out.linkSame('a', 'h2', ['/a/filing.json'])).toBe(false);
    // The first file links, the second is missing from the previous site: the filing is written instead.
    expect(await out.linkSame('a', 'h1', ['/a/filing.json', '/a/table.csv'])).toBe(false);
    await out.replace('/a/filing.json', 'new');
    expect([readFileSync(join(temp, 'changed', 'a', 'filing.json'), 'utf8'), readFileSync(join(previous, 'a', 'filing.json'), 'utf8'), out.linked]).toEqual(['new', 'old', 0]);
  });
});
