import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../tests/helpers/chromium.ts';
import { serveSite } from '../../tests/helpers/static-server.ts';
import { meterHttp, type HttpMeter } from './http-meter.ts';
import { bundlePaths, pagefindPageUrls, pathOf } from './pagefind-pages.ts';

/** The results a reader sees first: the page asks for their data (title, excerpt) before it shows them. */
export const FIRST_RESULTS = 10;

/** Quiet time after the last response before the page counts as loaded (its search index initialised). */
const QUIET_MS = 150;
const TIMEOUT_MS = 60_000;

export interface BrowserTiming {
  /** Time to first results: the search and the data of its first results, in the page, after it has loaded. */
  coldMs: number;
  /** The same query again on the same page: everything it needs is in memory. */
  warmMs: number;
  /** From opening the search page until its last request before the search (its index initialised). */
  readyMs: number;
  /** Bytes the browser received from opening the search page (new browser context, empty cache) to the first results. */
  coldBytes: number;
  /** Of those, the bytes the search itself fetched. */
  searchBytes: number;
  coldRequests: number;
}

export interface BrowserResult extends BrowserTiming {
  /** Every result, best first, as paths in the site (filing ids). */
  results: string[];
}

/** What the page evaluates: the page's own search function if it has one, else Pagefind's API on the page's own Pagefind. */
interface InPage {
  ms: number;
  /** Pagefind's result ids, all of them; null when the page's own search function answered. */
  ids: string[] | null;
  /** URLs of the first results (Pagefind), or of all results (the page's function). */
  urls: string[];
}

/**
 * Runs each query through the built site's search page in Chromium: a new
 * browser context per query (cold cache), the page opened and left to load
 * its index, the query timed, then timed again on the same page (warm).
 */
export async function runInBrowser(siteDir: string, queries: readonly string[], progress: (done: number) => void): Promise<BrowserResult[]> {
  const server = await serveSite(siteDir);
  const meter = await meterHttp(server.origin);
  const bundles = bundlePaths(siteDir);
  const pages = pagefindPageUrls(siteDir);
  const browser = await launchChromium();
  try {
    const results: BrowserResult[] = [];
    for (const [i, query] of queries.entries()) {
      results.push(await runOne(browser, meter, bundles, pages, query));
      progress(i + 1);
    }
    return results;
  } finally {
    await browser.close();
    await meter.close();
    await server.close();
  }
}

/** Ready when every bundle's metadata has been fetched (the page merges them all before it can search), or at once for a site with no bundle. */
const bundlesLoaded = (bundles: readonly string[]) => (paths: readonly string[]) =>
  bundles.map(encodeURI).every((bundle) => paths.some((path) => path.startsWith(bundle) && /^[^/]+\.pf_meta$/.test(path.slice(bundle.length))));

async function runOne(browser: Browser, meter: HttpMeter, bundles: readonly string[], pages: ReadonlyMap<string, string>, query: string): Promise<BrowserResult> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    meter.reset();
    const opened = performance.now();
    await page.goto(`${meter.origin}/search/`, { waitUntil: 'load', timeout: TIMEOUT_MS });
    await meter.settled(QUIET_MS, bundlesLoaded(bundles), TIMEOUT_MS);
    const readyMs = performance.now() - opened - QUIET_MS;
    const loaded = meter.read();
    const cold = await search(page, query);
    const after = meter.read();
    const warm = await search(page, query);
    const timing = { coldMs: cold.ms, warmMs: warm.ms, readyMs, coldBytes: after.bytes, searchBytes: after.bytes - loaded.bytes, coldRequests: after.paths.length };
    return { ...timing, results: resultPaths(cold, pages, query) };
  } finally {
    await context.close();
  }
}

function resultPaths(found: InPage, pages: ReadonlyMap<string, string>, query: string): string[] {
  if (found.ids === null) return found.urls.map(pathOf);
  const paths = found.ids.map((id) => {
    const url = pages.get(id);
    if (url === undefined) throw new Error(`"${query}": Pagefind returned result ${id}, which is in no fragment of the built index`);
    return pathOf(url);
  });
  const shown = found.urls.map(pathOf);
  if (shown.some((path, i) => path !== paths[i])) throw new Error(`"${query}": the first results' data (${shown.join(', ')}) are not the pages of their ids (${paths.slice(0, shown.length).join(', ')})`);
  return paths;
}

async function search(page: Page, term: string): Promise<InPage> {
  const evaluation = page.evaluate(inPage, { term, first: FIRST_RESULTS });
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`"${term}": no results within ${TIMEOUT_MS} ms`)), TIMEOUT_MS).unref());
  return Promise.race([evaluation, timeout]);
}

/** Runs in the page. */
async function inPage({ term, first }: { term: string; first: number }): Promise<InPage> {
  const own = (globalThis as { gongkaiSearch?: (term: string) => Promise<{ urls: string[] }> }).gongkaiSearch;
  if (typeof own === 'function') {
    const started = performance.now();
    const { urls } = await own(term);
    return { ms: performance.now() - started, ids: null, urls };
  }
  const script = performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .find((name) => new URL(name).pathname.endsWith('/pagefind.js'));
  if (script === undefined) throw new Error('the search page loaded no pagefind.js');
  // The module the page loaded, so the same instance: with the options and merged bundles the page gave it.
  const pagefind = (await import(script)) as { search(term: string): Promise<{ results: { id: string; data(): Promise<{ url: string }> }[] }> };
  const started = performance.now();
  const response = await pagefind.search(term);
  const data = await Promise.all(response.results.slice(0, first).map((result) => result.data()));
  return { ms: performance.now() - started, ids: response.results.map((result) => result.id), urls: data.map((d) => d.url) };
}
