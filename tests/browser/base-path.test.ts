import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASTRO, isolatedProject } from '../checks/isolated-build.ts';
import { launchChromium, skipBrowserTests } from '../helpers/chromium.ts';
import { fixtureContent } from '../helpers/fixture-content.ts';
import { serveSite } from '../helpers/static-server.ts';

/** Where most 政府网站 mount a column: the portal is built for it and served only there. */
const BASE = '/yjsgk/';
/** content/site.yaml's siteUrl: canonical links are made from it and the base path. */
const SITE_URL = 'https://www.example.gov.cn';

/**
 * The fixture content built with GONGKAI_BASE=/yjsgk/ in a copy of the
 * project. `GONGKAI_TEST_BASE_SITE=<dir>` reuses a site built so earlier.
 */
function buildUnderBase(): { siteDir: string; remove: () => void } {
  const reuse = process.env['GONGKAI_TEST_BASE_SITE'];
  if (reuse) return { siteDir: reuse, remove: () => {} };
  const project = isolatedProject();
  const siteDir = mkdtempSync(join(tmpdir(), 'gongkai-base-path-site-'));
  const remove = () => {
    project.remove();
    rmSync(siteDir, { recursive: true, force: true });
  };
  const result = spawnSync(process.execPath, [ASTRO, 'build', '--outDir', siteDir], {
    cwd: project.dir,
    env: { ...process.env, GONGKAI_CONTENT: fixtureContent().root, GONGKAI_BASE: BASE },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    remove();
    throw new Error(`the site did not build under ${BASE} (astro build exited ${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
  }
  return { siteDir, remove };
}

/**
 * A host that has the site at /yjsgk/ and nothing else: any other path is
 * 404 (as is a missing page inside, with the site's 404 page, as nginx's
 * `error_page 404 /yjsgk/404.html` serves it).
 */
async function serveUnderBase(siteDir: string): Promise<{ origin: string; close: () => Promise<void>; root: string }> {
  const root = mkdtempSync(join(tmpdir(), 'gongkai-base-path-host-'));
  mkdirSync(join(root, ...BASE.split('/').filter(Boolean).slice(0, -1)), { recursive: true });
  symlinkSync(siteDir, join(root, ...BASE.split('/').filter(Boolean)), 'dir');
  symlinkSync(join(siteDir, '404.html'), join(root, '404.html'));
  const served = await serveSite(root);
  return { ...served, root };
}

interface Watch {
  /** Every request the page made, as a path. */
  paths: string[];
  /** Failed requests, responses of 400 or more, requests to other hosts, console errors and uncaught exceptions. */
  problems: string[];
}

function watch(page: Page, origin: string): Watch {
  const seen: Watch = { paths: [], problems: [] };
  page.on('request', (request) => {
    if (!request.url().startsWith(`${origin}/`)) seen.problems.push(`request to another host: ${request.url()}`);
    else seen.paths.push(decodeURIComponent(new URL(request.url()).pathname));
  });
  page.on('response', (response) => {
    if (response.status() >= 400) seen.problems.push(`${response.status()} ${decodeURIComponent(response.url())}`);
  });
  // A request the next click cut short (the favicon, often) is aborted, not failed; a 404 is a response, counted above.
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? '';
    if (reason !== 'net::ERR_ABORTED') seen.problems.push(`failed: ${request.url()} ${reason}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') seen.problems.push(`console error on ${decodeURIComponent(page.url())}: ${message.text()}`);
  });
  page.on('pageerror', (error) => seen.problems.push(`exception on ${decodeURIComponent(page.url())}: ${error.message}`));
  return seen;
}

const path = (page: Page) => decodeURIComponent(new URL(page.url()).pathname);

/** The page's own address on the configured site, and proof its stylesheets were applied (the header's brand colour). */
async function landed(page: Page): Promise<{ path: string; canonical: string | null; styled: boolean }> {
  await page.waitForLoadState('load');
  return {
    path: path(page),
    canonical: await page.evaluate(() => document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null),
    styled: await page.evaluate(() => getComputedStyle(document.querySelector('header.gk-header')!).backgroundColor === 'rgb(139, 0, 0)'),
  };
}

const canonicalOf = (sitePath: string) => new URL(sitePath, SITE_URL).href;

describe.skipIf(skipBrowserTests)(`the portal built for ${BASE} and served only there`, () => {
  const state: { siteDir: string; origin: string; browser: Browser | null; close: () => Promise<void>; remove: () => void } = {
    siteDir: '',
    origin: '',
    browser: null,
    close: async () => {},
    remove: () => {},
  };
  beforeAll(async () => {
    const built = buildUnderBase();
    state.siteDir = built.siteDir;
    const served = await serveUnderBase(built.siteDir);
    state.origin = served.origin;
    state.remove = () => {
      built.remove();
      rmSync(served.root, { recursive: true, force: true });
    };
    state.close = served.close;
    state.browser = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await state.browser?.close();
    await state.close();
    state.remove();
  });

  it('is reached by clicking from the home page through every page type, the downloads and a search, with no 404, no other host and no console error', async () => {
    const context = await state.browser!.newContext();
    try {
      const page = await context.newPage();
      const seen = watch(page, state.origin);
      const home = `${BASE}`;
      const region = `${BASE}河北省/廊坊市/永清县/`;
      const department = `${region}316-人力资源和社会保障局/`;
      const filing = `${department}2024-预算/`;
      const visits: Awaited<ReturnType<typeof landed>>[] = [];
      // Each page is checked as it is reached: a broken link fails here, with the request that failed, not at the next click.
      const arrive = async () => {
        visits.push(await landed(page));
        expect(seen.problems).toEqual([]);
      };
      page.setDefaultTimeout(10_000);

      // Links are followed by their address, as the pages write it: under the base path, or the click finds nothing.
      await page.goto(`${state.origin}${encodeURI(home)}`);
      await arrive();
      await page.locator(`main a[href="${region}"]`).first().click();
      await arrive();
      await page.locator(`main a[href="${region}2024年/"]`).first().click();
      await arrive();
      await page.goBack();
      await page.locator(`main a[href="${department}"]`).first().click();
      await arrive();
      await page.locator(`main a[href="${filing}"]`).first().click();
      await arrive();

      const href = async (selector: string) => (await page.locator(selector).first().getAttribute('href'))!;
      const downloads = { json: await href('main a[href$="/filing.json"]'), csv: await href('main a[href$=".csv"]'), source: await href('main a[href*="/source/"]') };

      await page.locator('header').getByRole('link', { name: '名词解释' }).click();
      await arrive();
      await page.locator('footer').getByRole('link', { name: '关于本平台' }).click();
      await arrive();
      await page.locator('footer').getByRole('link', { name: '网站地图' }).click();
      await arrive();
      await page.locator('header').getByRole('link', { name: '搜索' }).click();
      await arrive();
      await page.getByRole('searchbox').fill('就业见习补贴');
      const result = page.locator('main .pagefind-ui__result-link').first();
      await result.waitFor({ timeout: 20_000 });
      await result.click();
      await page.waitForURL((url) => !url.pathname.endsWith('/search/'));
      await page.waitForLoadState('load');
      const found = path(page);

      expect(visits).toEqual(
        [home, region, `${region}2024年/`, department, filing, `${BASE}glossary/`, `${BASE}about/`, `${BASE}sitemap/`, `${BASE}search/`].map((p) => ({ path: p, canonical: canonicalOf(encodeURI(p)), styled: true })),
      );
      // A filing page under the base path (the words are in more than one filing).
      expect(found).toMatch(/^\/yjsgk\/(?:[^/]+\/){3,5}\d{4}-(?:预算|决算)\/$/);

      const fetched = await Promise.all(
        Object.values(downloads).map(async (url) => {
          const response = await page.request.get(new URL(url, state.origin).href);
          return { url: decodeURIComponent(url), status: response.status(), bytes: (await response.body()).length > 0 };
        }),
      );
      expect(downloads.json).toBe(`${filing}filing.json`);
      expect(fetched.map((f) => ({ ...f, url: f.url.startsWith(filing) }))).toEqual(fetched.map(() => ({ url: true, status: 200, bytes: true })));

      expect(seen.problems).toEqual([]);
      expect(seen.paths.filter((p) => !p.startsWith(BASE))).toEqual([]);
      // The search read the site's own index from under the base path, and nothing of Pagefind until a filter is opened.
      expect(seen.paths).toContain(`${BASE}search/data/meta.json`);
      expect(seen.paths.filter((p) => p.includes('/pagefind/'))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('serves every page sitemap.xml lists, each at the configured site URL and under the base path, and the open data beside it', async () => {
    const context = await state.browser!.newContext();
    try {
      const get = async (path: string) => {
        const response = await context.request.get(`${state.origin}${path}`);
        return { path: decodeURIComponent(path), status: response.status(), text: await response.text() };
      };
      const sitemap = await get(`${BASE}sitemap.xml`);
      const locations = [...sitemap.text.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
      expect(locations.length).toBeGreaterThan(20);
      expect(locations.filter((l) => !l.startsWith(`${SITE_URL}${BASE}`))).toEqual([]);
      const pages = await Promise.all(locations.map((l) => get(new URL(l).pathname)));
      const data = await Promise.all(['feed.xml', 'datapackage.json', 'data/filings.json', 'robots.txt'].map((f) => get(`${BASE}${f}`)));
      expect([sitemap, ...pages, ...data].filter((r) => r.status !== 200).map((r) => `${r.status} ${r.path}`)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('filters with Pagefind loaded from under the base path: 永清县 lists its filings, each under it', async () => {
    const context = await state.browser!.newContext();
    try {
      const page = await context.newPage();
      const seen = watch(page, state.origin);
      await page.goto(`${state.origin}${BASE}search/`);
      await page.locator('.pagefind-ui__filter-block[data-filter="地区"] summary').click();
      await page.getByRole('checkbox', { name: /^永清县 \(\d+\)$/ }).check();
      await page.getByRole('status').filter({ hasText: /^符合所选条件的公开文件共 \d+ 份$/ }).waitFor({ timeout: 20_000 });
      const found = await page.locator('main .pagefind-ui__result-link').evaluateAll((links) => links.map((a) => decodeURIComponent((a as HTMLAnchorElement).pathname)));
      expect(found.length).toBeGreaterThan(0);
      expect(found.filter((p) => !p.startsWith(`${BASE}河北省/廊坊市/永清县/`) || !/\/\d{4}-(?:预算|决算)\/$/.test(p))).toEqual([]);
      expect(seen.paths).toContain(`${BASE}pagefind/pagefind.js`);
      expect(seen.problems).toEqual([]);
      expect(seen.paths.filter((p) => !p.startsWith(BASE))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('answers a missing page with the site 404 page, styled, and nothing outside /yjsgk/', async () => {
    const context = await state.browser!.newContext();
    try {
      const page = await context.newPage();
      const assets: string[] = [];
      page.on('response', (response) => {
        if (response.request().resourceType() !== 'document') assets.push(`${response.status()} ${decodeURIComponent(new URL(response.url()).pathname)}`);
      });
      const response = await page.goto(`${state.origin}${BASE}no-such-page/`);
      expect(response?.status()).toBe(404);
      expect(await page.locator('h1').textContent()).toBe('找不到页面');
      expect(await page.locator('header.gk-header').evaluate((header) => getComputedStyle(header).backgroundColor)).toBe('rgb(139, 0, 0)');
      expect(assets.filter((a) => !a.startsWith(`200 ${BASE}`))).toEqual([]);
      expect(await page.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!).filter((h) => h.startsWith('/') && !h.startsWith('/yjsgk/')))).toEqual([]);
      const outside = await page.request.get(`${state.origin}/search/`);
      expect(outside.status()).toBe(404);
    } finally {
      await context.close();
    }
  });
});
