import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../integrations/pagefind.ts';
import { bundlePaths, pagefindPageUrls, pathOf } from '../../scripts/bench-search/pagefind-pages.ts';

describe('the pages of Pagefind results', () => {
  const site = mkdtempSync(join(tmpdir(), 'gongkai-bench-index-'));
  afterAll(() => rmSync(site, { recursive: true, force: true }));

  it('maps every result id of every bundle to its page, as a filing id', async () => {
    mkdirSync(join(site, 'search'));
    writeFileSync(join(site, 'search', 'index.html'), '<!doctype html><html lang="zh-CN"><body><div id="gk-search" data-merge-bundles="[]"></div></body></html>');
    const ids = ['河北省/甲县/财政局/2024-预算', '河北省/乙县/财政局/2024-预算', '河北省/丙县/教育局/2023-决算'];
    for (const id of ids) {
      mkdirSync(join(site, ...id.split('/')), { recursive: true });
      writeFileSync(join(site, ...id.split('/'), 'index.html'), `<!doctype html><html lang="zh-CN"><body><main data-pagefind-body><h1>${id}</h1><p>劳务费</p></main></body></html>`);
    }
    await buildSearchIndex(site, { info: () => {}, error: () => {} }, 1);
    expect(bundlePaths(site)).toEqual(['/pagefind/', '/pagefind/2/', '/pagefind/3/']);
    const urls = pagefindPageUrls(site);
    expect([...urls.values()].map(pathOf).sort()).toEqual([...ids].sort());
    expect([...urls.keys()].filter((id) => !/^zh-cn_[0-9a-f]+$/.test(id))).toEqual([]);
  });

  it('reads a result address as a filing id: decoded, without slashes at the ends, query or anchor', () => {
    expect(pathOf('/%E6%B2%B3%E5%8C%97%E7%9C%81/%E7%94%B2%E5%8E%BF/2024-%E9%A2%84%E7%AE%97/')).toBe('河北省/甲县/2024-预算');
    expect(pathOf('http://127.0.0.1:8080/河北省/甲县/2024-预算/?highlight=x#table-3')).toBe('河北省/甲县/2024-预算');
  });
});
