import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildFilterIndex, type FilterHead } from '../../integrations/pagefind.ts';
import { bundlePaths, pagefindPageUrls, pathOf } from '../../scripts/bench-search/pagefind-pages.ts';

describe('the pages of Pagefind results', () => {
  const site = mkdtempSync(join(tmpdir(), 'gongkai-bench-index-'));
  afterAll(() => rmSync(site, { recursive: true, force: true }));

  it('maps every result id to its page, as a filing id', async () => {
    const ids = ['河北省/甲县/1-财政局/2024-预算', '河北省/乙县/1-财政局/2024-预算', '河北省/丙县/2-教育局/2023-决算'];
    const heads = ids.map((id) => {
      const [province, county, department, yearKind] = id.split('/') as [string, string, string, string];
      const [year, kind] = yearKind.split('-') as [string, string];
      return { id, title: id, region: { province, county }, department: { name: department }, year: Number(year), kind } as FilterHead;
    });
    await buildFilterIndex(site, heads, { info: () => {}, error: () => {} });
    expect(bundlePaths(site)).toEqual(['/pagefind/']);
    const urls = pagefindPageUrls(site);
    expect([...urls.values()].map(pathOf).sort()).toEqual([...ids].sort());
    expect([...urls.keys()].filter((id) => !/^zh-cn_[0-9a-f]+$/.test(id))).toEqual([]);
  });

  it('reads a result address as a filing id: decoded, without slashes at the ends, query or anchor', () => {
    expect(pathOf('/%E6%B2%B3%E5%8C%97%E7%9C%81/%E7%94%B2%E5%8E%BF/2024-%E9%A2%84%E7%AE%97/')).toBe('河北省/甲县/2024-预算');
    expect(pathOf('http://127.0.0.1:8080/河北省/甲县/2024-预算/?highlight=x#table-3')).toBe('河北省/甲县/2024-预算');
  });
});
