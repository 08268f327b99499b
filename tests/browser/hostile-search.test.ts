import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_NAME, writeHostileContent } from '../checks/hostile-record.ts';
import { ASTRO, isolatedProject, type IsolatedProject } from '../checks/isolated-build.ts';
import { launchChromium, skipBrowserTests } from '../helpers/chromium.ts';
import { serveSite } from '../helpers/static-server.ts';

/**
 * Script on the portal's domain: whatever text a record carries, no page of
 * the built site runs it, above all the search page, where record text
 * (titles, region names as filters, excerpts, headings) arrives from the
 * search index and Pagefind's filters and is put on the page by a script. The
 * site is built from the hostile content tree (hostile text in every field
 * of a record, tests/checks/hostile-record.ts); the search page is driven as
 * a reader would: words that hit the hostile text, every filter checked in
 * turn, a query in the address.
 */

/** Words of the hostile text and of the records, each found in titles, cells, notes, headings or Markdown. */
const QUERIES = ['onerror', 'script', 'constructor', 'javascript', 'mark', 'alert', '公务用车', '人力资源', '上年结转'];

/** The elements the search page makes, and those of its own template: anything else in it was injected. */
const SEARCH_ELEMENTS = ['DIV', 'FORM', 'LABEL', 'INPUT', 'FIELDSET', 'LEGEND', 'DETAILS', 'SUMMARY', 'P', 'OL', 'LI', 'A', 'MARK', 'BUTTON'];

/**
 * Runs in every page before its own scripts: records each element added to
 * the search form that the form does not make, each element given an `on…`
 * attribute, and each script added without a source of the site's own.
 */
function watchForInjection(allowed: string[]): void {
  const found: string[] = [];
  (window as unknown as { injected: string[] }).injected = found;
  const inspect = (element: Element) => {
    for (const el of [element, ...element.querySelectorAll('*')]) {
      if (el.closest('#gk-search') && !allowed.includes(el.tagName)) found.push(el.outerHTML);
      const handlers = [...el.attributes].filter((a) => /^on/i.test(a.name));
      if (handlers.length > 0) found.push(el.outerHTML);
      if (el.tagName === 'SCRIPT' && !/^\/_astro\/|^\/pagefind\//.test(new URL((el as HTMLScriptElement).src || 'inline:', location.href).pathname)) found.push(el.outerHTML);
    }
  };
  new MutationObserver((records) => {
    // The parser's own elements are the built page's, which the static test reads (tests/checks/hostile.test.ts).
    if (document.readyState === 'loading') return;
    for (const record of records) {
      if (record.type === 'attributes' && record.target instanceof Element && /^on/i.test(record.attributeName ?? '')) found.push(record.target.outerHTML);
      for (const node of record.addedNodes) if (node instanceof Element) inspect(node);
    }
  }).observe(document, { childList: true, subtree: true, attributes: true });
}

interface Watched {
  page: Page;
  dialogs: string[];
  errors: string[];
}

async function open(context: BrowserContext, url: string): Promise<Watched> {
  const page = await context.newPage();
  const watched: Watched = { page, dialogs: [], errors: [] };
  page.on('dialog', (dialog) => {
    watched.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => watched.errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') watched.errors.push(message.text());
  });
  await page.goto(url);
  return watched;
}

const injected = (page: Page) => page.evaluate(() => (window as unknown as { injected: string[] }).injected);
const results = (page: Page) => page.locator('.pagefind-ui__results');

/** Searches as the form is submitted, and waits until the results are on the page. */
async function search(page: Page, query: string): Promise<void> {
  await page.locator('#gk-search-input').fill(query);
  await page.locator('#gk-search-input').press('Enter');
  await settled(page);
}

/** A search marks its results busy as it starts (the form's submit and a filter's change start it at once) and clears that when they are shown. */
const settled = (page: Page) => page.waitForFunction(() => !document.querySelector('.pagefind-ui__results')?.hasAttribute('aria-busy'));

/** Every page of the site but those that only send the reader on (the printable view's old address): the page they lead to is in the list. */
function htmlPages(siteDir: string): string[] {
  return readdirSync(siteDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html') && !/<meta http-equiv="refresh"/.test(readFileSync(join(e.parentPath, e.name), 'utf8')))
    .map((e) => `/${relative(siteDir, join(e.parentPath, e.name)).split(sep).join('/')}`.replace(/index\.html$/, ''));
}

describe.skipIf(skipBrowserTests)('hostile record text on the built site', () => {
  let project: IsolatedProject;
  let temp = '';
  let siteDir = '';
  let origin = '';
  let close: (() => Promise<void>) | null = null;
  let browser: Browser | null = null;

  beforeAll(async () => {
    temp = mkdtempSync(join(tmpdir(), 'gongkai-hostile-search-'));
    const content = writeHostileContent(temp);
    project = isolatedProject();
    siteDir = join(temp, 'dist');
    const build = project.run([ASTRO, 'build', '--outDir', siteDir], content);
    if (build.status !== 0) throw new Error(`the hostile site did not build:\n${build.output}`);
    ({ origin, close } = await serveSite(siteDir));
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await close?.();
    project?.remove();
    if (temp) rmSync(temp, { recursive: true, force: true });
  });

  const withContext = async (check: (context: BrowserContext) => Promise<void>) => {
    const context = await browser!.newContext();
    await context.addInitScript(watchForInjection, SEARCH_ELEMENTS);
    try {
      await check(context);
    } finally {
      await context.close();
    }
  };

  it('searching words of the hostile text, and checking every filter in turn, runs nothing and injects nothing', async () => {
    await withContext(async (context) => {
      const { page, dialogs, errors } = await open(context, new URL('/search/', origin).href);
      const excerpts: string[] = [];
      const found: Record<string, number> = {};
      for (const query of QUERIES) {
        await search(page, query);
        found[query] = await page.locator('.pagefind-ui__result').count();
        excerpts.push(...(await page.locator('.pagefind-ui__result-excerpt').allTextContents()));
        const closed = page.locator('.pagefind-ui__filter-block:not([open]) summary');
        while ((await closed.count()) > 0) await closed.first().click();
        // Opening a filter loads Pagefind, which gives the values.
        await page.locator('.pagefind-ui__filter-checkbox').first().waitFor();
        const boxes = page.locator('.pagefind-ui__filter-checkbox');
        for (let i = 0; i < (await boxes.count()); i++) {
          await boxes.nth(i).check();
          await settled(page);
          await boxes.nth(i).uncheck();
          await settled(page);
        }
      }
      await search(page, '');
      expect({ dialogs, errors, injected: await injected(page) }).toEqual({ dialogs: [], errors: [], injected: [] });
      expect(Object.entries(found).filter(([, count]) => count === 0)).toEqual([]);
      // The hostile text was there to be run, and is shown as text: in excerpts, and in the filters.
      expect(excerpts.filter((e) => e.includes("<img src=x onerror=alert('img')>")).length).toBeGreaterThan(0);
      // Filter values are the records' text as written (Pagefind is given them as data, not read from HTML).
      expect(await page.locator('.pagefind-ui__filter-label').allTextContents()).toEqual([
        '河北省 (1)',
        `河北省${HOSTILE_NAME} (1)`,
        '廊坊市 (1)',
        `廊坊市${HOSTILE_NAME} (1)`,
        '永清县 (1)',
        `永清县${HOSTILE_NAME} (1)`,
        '2024 (2)',
        '预算 (2)',
      ]);
    });
  });

  it('shows a query from the address as text', async () => {
    await withContext(async (context) => {
      const query = `<img src=x onerror=alert('q')>"><script>alert('q2')</script>`;
      const { page, dialogs, errors } = await open(context, `${new URL('/search/', origin).href}?q=${encodeURIComponent(query)}`);
      await page.locator('.pagefind-ui__result, .pagefind-ui__message:not(:empty)').first().waitFor();
      await settled(page);
      expect({ dialogs, errors, injected: await injected(page) }).toEqual({ dialogs: [], errors: [], injected: [] });
      expect(await page.locator('.pagefind-ui__message').textContent()).toMatch(new RegExp(`^(找到 \\d+ 个|没有找到)“${query.replace(/[()]/g, '\\$&')}”的相关结果$`));
      expect(await results(page).locator('img, script').count()).toBe(0);
    });
  });

  it('no page of the site runs the hostile text', async () => {
    const pages = htmlPages(siteDir);
    expect(pages.length).toBeGreaterThan(10);
    await withContext(async (context) => {
      const problems: { url: string; dialogs: string[]; errors: string[]; injected: string[] }[] = [];
      // One tab goes from page to page (a new one costs Chromium a renderer each time); what it hears is put down to the page it is on.
      const { page, dialogs, errors } = await open(context, 'about:blank');
      for (const path of pages) {
        dialogs.length = 0;
        errors.length = 0;
        await page.goto(new URL(encodeURI(path), origin).href);
        const found = { url: path, dialogs: [...dialogs], errors: [...errors], injected: await injected(page) };
        if (found.dialogs.length + found.errors.length + found.injected.length > 0) problems.push(found);
      }
      await page.close();
      expect(problems).toEqual([]);
    });
  });
});
