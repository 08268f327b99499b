import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildSearchIndex, type SearchIndexSummary } from '../../integrations/pagefind.ts';
import { useBrowserAndSite } from '../helpers/browser-suite.ts';
import { launchChromium, skipBrowserTests } from '../helpers/chromium.ts';
import { FILING_URL, REGION_URL } from '../helpers/page-types.ts';
import { serveSite } from '../helpers/static-server.ts';

/** Words that occur only in the 永清县 2024 filing's tables and project titles, typed as a reader would. */
const QUERIES = ['就业见习补贴', '创业担保贷款'];

/** Opens /search/, types the query and waits for the first result; collects failed and off-site requests. */
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
  expect(await results(page).count()).toBe(0);
  const input = page.getByRole('searchbox').or(page.locator('input[type="search"], input[type="text"]')).first();
  await input.fill(query);
  await results(page).first().waitFor({ timeout: 20_000 });
  return { page, failed };
}

const results = (page: Page) => page.locator('main .pagefind-ui__result-link');

/** The pages found, once each (a result's sub-results link to headings of the same page). */
async function resultPaths(page: Page): Promise<string[]> {
  const hrefs = await results(page).evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
  return [...new Set(hrefs.map((h) => decodeURIComponent(h)))];
}

describe.skipIf(skipBrowserTests)('searching on /search/', () => {
  const site = useBrowserAndSite();

  it.each(QUERIES)('for %s returns the 永清县 2024 filing', async (query) => {
    const context = await site.browser.newContext();
    try {
      const { page, failed } = await search(context, site.origin, query);
      expect((await resultPaths(page)).some((h) => h.startsWith(FILING_URL))).toBe(true);
      expect(failed).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

/**
 * The same site indexed one filing per bundle, as a site of thousands of
 * filings is indexed 500 per bundle: one search must cover every
 * bundle, and a filter must narrow the results of all of them.
 */
describe.skipIf(skipBrowserTests)('searching a site indexed in several bundles', () => {
  const state: { dir: string; origin: string; browser: Browser | null; close: (() => Promise<void>) | null; index: SearchIndexSummary | null } = {
    dir: '',
    origin: '',
    browser: null,
    close: null,
    index: null,
  };
  beforeAll(async () => {
    state.dir = mkdtempSync(join(tmpdir(), 'gongkai-search-bundles-'));
    cpSync(inject('siteDir'), state.dir, { recursive: true });
    state.index = await buildSearchIndex(state.dir, { info: () => {}, error: (m) => console.error(m) }, 1);
    const served = await serveSite(state.dir);
    state.origin = served.origin;
    state.close = served.close;
    state.browser = await launchChromium();
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.close?.();
    if (state.dir) rmSync(state.dir, { recursive: true, force: true });
  });

  it('writes one bundle per filing page', () => {
    expect(state.index?.pages).toBeGreaterThan(1);
    expect(state.index?.bundles).toHaveLength(state.index?.pages ?? 0);
    expect(state.index?.bundles.slice(0, 2)).toEqual(['/pagefind/', '/pagefind/2/']);
  });

  it.each(QUERIES)('for %s returns the 永清县 2024 filing from its bundle', async (query) => {
    const context = await state.browser!.newContext();
    try {
      const { page, failed } = await search(context, state.origin, query);
      expect((await resultPaths(page)).some((h) => h.startsWith(FILING_URL))).toBe(true);
      // The result keeps its page's title and an excerpt with the words found, which come from the bundle's fragments.
      const result = page.locator('main .pagefind-ui__result').filter({ has: page.locator(`a[href^="${encodeURI(FILING_URL)}"]`) }).first();
      await expect.poll(() => result.locator('.pagefind-ui__result-title').first().textContent()).toMatch(/^永清县人力资源和社会保障局2024年部门预算/);
      expect(await result.locator('.pagefind-ui__result-excerpt mark').count()).toBeGreaterThan(0);
      expect(failed).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('finds words of every filing, and the 地区 filter narrows the results of all bundles', async () => {
    const context = await state.browser!.newContext();
    try {
      // 社会保障 is in every filing of the fixture site (all are 人力资源和社会保障 departments).
      const { page, failed } = await search(context, state.origin, '社会保障');
      await expect.poll(async () => (await resultPaths(page)).length, { timeout: 20_000 }).toBe(state.index?.pages);
      await page.getByText('地区', { exact: true }).first().click();
      const county = REGION_URL.split('/').filter(Boolean).at(-1)!;
      await page.getByRole('checkbox', { name: new RegExp(`^${county} \\(1\\)$`) }).check();
      await expect.poll(async () => resultPaths(page), { timeout: 20_000 }).toEqual([FILING_URL]);
      expect(failed).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
