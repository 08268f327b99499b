import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { buildFilterIndex, filterRecord, type FilterHead } from '../../integrations/pagefind.ts';
import { PAGE_IDS_FILE } from '../../src/lib/search/filters.ts';

const quiet = { info: () => {}, error: () => {} };
const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function head(county: string, department: string, year: number, kind: '预算' | '决算'): FilterHead {
  return {
    id: `河北省/廊坊市/${county}/1-${department}/${year}-${kind}`,
    title: `${county}${department}${year}年部门${kind}`,
    region: { province: '河北省', city: '廊坊市', county },
    department: { name: `${county}${department}`, shortName: department, units: [], code: '1' },
    year,
    kind,
  } as FilterHead;
}

/** Pagefind's fragment of a result id, as the browser reads it. */
function fragment(bundle: string, id: string): { url: string; content: string; filters: Record<string, string[]>; meta: Record<string, string> } {
  const bytes = gunzipSync(readFileSync(join(bundle, 'fragment', `${id}.pf_fragment`)));
  return JSON.parse(bytes.subarray('pagefind_dcd'.length).toString('utf8'));
}

describe('filterRecord', () => {
  it('gives a filing its page path, a short text, its meta and the filters 地区, 年度, 类型', () => {
    expect(filterRecord(head('永清县', '财政局', 2024, '预算'))).toEqual({
      url: '/河北省/廊坊市/永清县/1-财政局/2024-预算/',
      content: '永清县财政局2024年部门预算 永清县财政局 河北省廊坊市永清县',
      language: 'zh-cn',
      meta: { title: '永清县财政局2024年部门预算', region: '河北省 廊坊市 永清县', department: '永清县财政局', year: '2024', kind: '预算' },
      filters: { 地区: ['河北省', '廊坊市', '永清县'], 年度: ['2024'], 类型: ['预算'] },
    });
  });
});

describe('buildFilterIndex', () => {
  it('writes one record per filing and the Pagefind id of each page of the own index, in id order', async () => {
    const site = mkdtempSync(join(tmpdir(), 'gongkai-filter-index-'));
    made.push(site);
    // Not in id order: the pages of the own index are.
    const heads = [head('霸州市', '人社局', 2021, '预算'), head('永清县', '财政局', 2024, '决算'), head('广阳区', '人社局', 2020, '预算')];
    expect(await buildFilterIndex(site, heads, quiet)).toEqual({ records: expect.stringMatching(/^[\w-]{43}$/), linked: false });
    const bundle = join(site, 'pagefind');
    const ids = JSON.parse(readFileSync(join(bundle, PAGE_IDS_FILE), 'utf8')) as string[];
    const byPage = ids.map((id) => fragment(bundle, `zh-cn_${id}`));
    expect(byPage.map((f) => f.url)).toEqual(['/河北省/廊坊市/广阳区/1-人社局/2020-预算/', '/河北省/廊坊市/永清县/1-财政局/2024-决算/', '/河北省/廊坊市/霸州市/1-人社局/2021-预算/']);
    expect(byPage[1]!.filters).toEqual({ 地区: ['河北省', '廊坊市', '永清县'], 年度: ['2024'], 类型: ['决算'] });
    const entry = JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(Object.values(entry.languages).map((l) => l.page_count)).toEqual([3]);
    // The page loads Pagefind's API only, never its UIs.
    expect(readdirSync(bundle).filter((f) => /\.(js|css)$/.test(f)).sort()).toEqual(['pagefind-worker.js', 'pagefind.js']);
  });

  it('starts afresh: the files of an earlier index are removed', async () => {
    const site = mkdtempSync(join(tmpdir(), 'gongkai-filter-index-'));
    made.push(site);
    await buildFilterIndex(site, [head('永清县', '财政局', 2024, '预算'), head('霸州市', '人社局', 2021, '预算')], quiet);
    const before = readdirSync(join(site, 'pagefind', 'fragment'));
    await buildFilterIndex(site, [head('永清县', '财政局', 2024, '预算')], quiet);
    const after = readdirSync(join(site, 'pagefind', 'fragment'));
    expect([before.length, after.length]).toEqual([2, 1]);
    expect(existsSync(join(site, 'pagefind', PAGE_IDS_FILE))).toBe(true);
  });

  it('links the bundle of the site being replaced when it was made from the same records, and makes it again when not', async () => {
    const [first, same, other] = [0, 1, 2].map(() => mkdtempSync(join(tmpdir(), 'gongkai-filter-index-'))) as [string, string, string];
    made.push(first, same, other);
    const heads = [head('永清县', '财政局', 2024, '预算'), head('霸州市', '人社局', 2021, '预算')];
    const { records } = await buildFilterIndex(first, heads, quiet);
    const files = (site: string) => readdirSync(join(site, 'pagefind'), { recursive: true }).map(String).sort();
    expect(await buildFilterIndex(same, [...heads].reverse(), quiet, { site: first, digest: records })).toEqual({ records, linked: true });
    expect(files(same)).toEqual(files(first));
    expect(statSync(join(same, 'pagefind', PAGE_IDS_FILE)).ino).toBe(statSync(join(first, 'pagefind', PAGE_IDS_FILE)).ino);
    // Another year of one department: another record, so Pagefind runs.
    const changed = await buildFilterIndex(other, [heads[0]!, head('霸州市', '人社局', 2022, '预算')], quiet, { site: first, digest: records });
    expect(changed.linked).toBe(false);
    expect(changed.records).not.toBe(records);
  });
});
