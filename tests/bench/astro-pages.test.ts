import { describe, expect, it } from 'vitest';
import { astroPages } from '../../scripts/bench/astro-pages.ts';

describe("an Astro build's page lines", () => {
  it('tells rendered pages from copied ones when the times of rendered pages come after other pages (build.concurrency)', () => {
    const log = [
      '23:41:58 [build] generating static routes ',
      '23:41:58   ├─ /404.html23:41:58   ├─ /about/index.html23:41:58   ├─ /index.html (cached)23:41:58   ├─ /河北省/廊坊市/2020年/index.html',
      '23:41:58   ├─ /河北省/廊坊市/永清县/316-人力资源和社会保障局/2024-预算/index.html (+321ms) ',
      '23:41:59   ├─ /robots.txt (restored)',
      ' (+12ms) ',
      '\u001b[32m23:41:59\u001b[39m   \u001b[32m├─\u001b[39m \u001b[2m/上海市/index.html\u001b[22m \u001b[32m(cached)\u001b[39m',
      '23:42:03 ✓ Completed in 4.76s.',
    ].join('\n');
    expect(astroPages(log)).toEqual({
      rendered: ['404.html', 'about/', '河北省/廊坊市/2020年/', '河北省/廊坊市/永清县/316-人力资源和社会保障局/2024-预算/'].sort(),
      copied: ['', 'robots.txt', '上海市/'].sort(),
    });
  });
});
