import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserAndSite } from '../helpers/browser-suite.ts';
import { skipBrowserTests } from '../helpers/chromium.ts';
import { FILING_URL } from '../helpers/page-types.ts';

/** Opens /search/, types the query and waits until the status line says what was found; collects failed and off-site requests. */
async function search(context: BrowserContext, origin: string, query: string): Promise<{ page: Page; failed: string[] }> {
  const page = await context.newPage();
  const failed: string[] = [];
  page.on('requestfailed', (r) => failed.push(r.url()));
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(origin)) failed.push(`off-site request ${r.url()}`);
  });
  await page.goto(new URL('/search/', origin).href);
  await page.getByRole('searchbox').fill(query);
  await page.getByRole('status').filter({ hasText: /找到/ }).waitFor({ timeout: 20_000 });
  return { page, failed };
}

const links = (page: Page) => page.locator('main .pagefind-ui__result-link').evaluateAll((as) => as.map((a) => decodeURIComponent((a as HTMLAnchorElement).pathname + (a as HTMLAnchorElement).hash)));

describe.skipIf(skipBrowserTests)('searching on /search/', () => {
  const site = useBrowserAndSite();

  it('for 劳务费 finds only pages that say 劳务费, each excerpt marking the whole word', async () => {
    const context = await site.browser.newContext();
    try {
      const { page, failed } = await search(context, site.origin, '劳务费');
      const found = await links(page);
      expect(found.length).toBeGreaterThan(0);
      for (const link of found) {
        const html = await (await page.request.get(new URL(encodeURI(link.split('#')[0]!), site.origin).href)).text();
        expect(html.includes('劳务费'), link).toBe(true);
      }
      const marks = await page.locator('.pagefind-ui__result-excerpt mark').allTextContents();
      expect(new Set(marks)).toEqual(new Set(['劳务费']));
      expect(failed).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('for an amount of a table finds the filing and links to that table', async () => {
    const context = await site.browser.newContext();
    try {
      const filing = await (await context.newPage()).goto(new URL(encodeURI(FILING_URL), site.origin).href);
      const html = (await filing!.text()).replace(/\n/g, ' ');
      // The first amount of the filing's first standard table, as its page prints it, and that table's anchor.
      const table = /<div class="gk-table[^"]*" id="(table-[^"]+)">.*?<td class="gk-table__num[^"]*"[^>]*>(\d{3,}\.\d\d)<\/td>/.exec(html);
      expect(table).not.toBeNull();
      const [, anchor, amount] = table!;
      const { page, failed } = await search(context, site.origin, amount!);
      expect(await links(page)).toContain(`${FILING_URL}#${anchor}`);
      expect(failed).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('for a made-up word says 没有找到 and suggests terms', async () => {
    const context = await site.browser.newContext();
    try {
      const { page, failed } = await search(context, site.origin, '劳务派遣费补贴款');
      expect(await page.getByRole('status').textContent()).toBe('没有找到“劳务派遣费补贴款”的相关结果');
      expect(await page.locator('main .pagefind-ui__result').count()).toBe(0);
      await expect.poll(() => page.locator('.gk-search__suggestions a').count()).toBeGreaterThan(0);
      expect(failed).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
