import { describe, expect, it } from 'vitest';
import { useBrowserAndSite } from '../helpers/browser-suite.ts';
import { skipBrowserTests } from '../helpers/chromium.ts';
import { FILING_URL } from '../helpers/page-types.ts';

/** Words that occur only in the 永清县 2024 filing's tables and project titles, typed as a reader would. */
const QUERIES = ['就业见习补贴', '创业担保贷款'];

describe.skipIf(skipBrowserTests)('searching on /search/', () => {
  const site = useBrowserAndSite();

  it.each(QUERIES)('for %s returns the 永清县 2024 filing', async (query) => {
    const context = await site.browser.newContext();
    try {
      const page = await context.newPage();
      const failed: string[] = [];
      page.on('requestfailed', (r) => failed.push(r.url()));
      page.on('request', (r) => {
        if (!r.url().startsWith(site.origin)) failed.push(`off-site request ${r.url()}`);
      });
      await page.goto(new URL('/search/', site.origin).href);
      const results = page.locator('main a[href*="/2024"]');
      expect(await results.count()).toBe(0);
      const input = page.getByRole('searchbox').or(page.locator('input[type="search"], input[type="text"]')).first();
      await input.fill(query);
      await results.first().waitFor({ timeout: 20_000 });
      const hrefs = (await results.evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname))).map((h) => decodeURIComponent(h));
      expect(hrefs.some((h) => h.startsWith(FILING_URL))).toBe(true);
      expect(failed).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
