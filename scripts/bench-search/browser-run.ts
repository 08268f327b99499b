import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../tests/helpers/chromium.ts';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { SEARCH_INDEX_DIR } from '../../src/lib/search/index-location.ts';
import { DOCS_FILE, META_FILE } from '../../src/lib/search/layout.ts';
import { bundlePaths, pagefindPageUrls, pathOf } from './pagefind-pages.ts';
import { serveInThread, type ServedSite } from './served-site.ts';
import { serveWithNginx } from './nginx-site.ts';

/** The results a reader sees first: the page asks for their data (title, excerpt) before it shows them. */
export const FIRST_RESULTS = 10;

/** Quiet time after the last response before the page counts as loaded (its search index initialised). */
const QUIET_MS = 150;
const TIMEOUT_MS = 60_000;

export interface BrowserTiming {
  /** Time to first results on a cold page: the search and the data of its first results, once the page has loaded its index. */
  coldMs: number;
  /** The same on the warm page, which has served the queries before this one. */
  warmMs: number;
  /** From opening the cold page until its last request before the search (its index initialised). */
  readyMs: number;
  /** Bytes the browser received from opening the search page (new browser context, empty cache) to the first results. */
  coldBytes: number;
  /** Of those, the bytes the search itself fetched. */
  searchBytes: number;
  coldRequests: number;
}

/** Where a search's time went: with a request of its own in flight, or not (the page's script, or the browser busy elsewhere). */
export interface NetTime {
  /** Time with at least one request in flight. */
  inFlightMs: number;
  /** The longest wait of a request for its first byte. */
  longestWaitMs: number;
}

export interface BrowserResult extends BrowserTiming {
  coldNet: NetTime;
  warmNet: NetTime;
  /** Every result of the cold search, best first, as paths in the site (filing ids). */
  results: string[];
  /** How the warm page's results differ from the cold page's: not at all, in order only, or in the pages found. */
  warmDiffers: 'no' | 'order' | 'pages';
}

/** What the page evaluates: the page's own search function if it has one, else Pagefind's API on the page's own Pagefind. */
interface InPage {
  ms: number;
  /** Pagefind's result ids, all of them; null when the page's own search function answered. */
  ids: string[] | null;
  /** URLs of the first results (Pagefind), or of all results (the page's function). */
  urls: string[];
  /** The page's own index: its further results, unchecked, as page numbers of its docs.json. */
  rest?: number[];
  /** The search's requests: start, end and wait for the first byte (ms); a function of the page could not work them out (see netTime). */
  spans: Span[];
}

type Span = [start: number, end: number, wait: number];

/** Worked out here, not in the page: tsx names the functions of a module, and a named function inside \`inPage\` would call a helper the page does not have. */
function netTime(spans: readonly Span[]): NetTime {
  let inFlightMs = 0;
  let longestWaitMs = 0;
  let end = -Infinity;
  for (const [from, to, wait] of [...spans].sort((a, b) => a[0] - b[0])) {
    inFlightMs += Math.max(0, to - Math.max(from, end));
    end = Math.max(end, to);
    longestWaitMs = Math.max(longestWaitMs, wait);
  }
  return { inFlightMs, longestWaitMs };
}

interface Site {
  meter: ServedSite;
  /** Filing id of each page number of the site's own index (docs.json), empty without one. */
  docs: readonly string[];
  bundles: readonly string[];
  pages: ReadonlyMap<string, string>;
}

/** What serves the site: nginx with deploy/nginx.conf, as a web team installs it, or the project's test server. */
export const HOSTS = ['nginx', 'node'] as const;
export type Host = (typeof HOSTS)[number];

/**
 * Runs each query through the built site's search page in Chromium, twice:
 * cold, in a new browser context (empty cache) that opens the page, waits
 * for it to load its index and searches once; and warm, on one page opened
 * at the start that serves every query in turn.
 */
export async function runInBrowser(siteDir: string, host: Host, queries: readonly string[], progress: (done: number) => void): Promise<BrowserResult[]> {
  const docsFile = join(siteDir, ...SEARCH_INDEX_DIR.split('/'), DOCS_FILE);
  const docs = existsSync(docsFile) ? (JSON.parse(readFileSync(docsFile, 'utf8')) as string[]) : [];
  const meter = host === 'nginx' ? await serveWithNginx(siteDir) : await serveInThread(siteDir);
  const site: Site = { meter, docs, bundles: bundlePaths(siteDir), pages: pagefindPageUrls(siteDir) };
  const browser = await launchChromium();
  try {
    const warmPage = await openSearchPage(await browser.newContext(), site);
    const results: BrowserResult[] = [];
    for (const [i, query] of queries.entries()) {
      const cold = await coldRun(browser, site, query);
      const warm = await search(warmPage, query);
      const paths = resultPaths(cold.found, site, query);
      results.push({ ...cold.timing, warmMs: warm.ms, coldNet: netTime(cold.found.spans), warmNet: netTime(warm.spans), results: paths, warmDiffers: difference(paths, resultPaths(warm, site, query)) });
      progress(i + 1);
    }
    return results;
  } finally {
    await browser.close();
    await site.meter.close();
  }
}

/** Ready when the page has fetched its own index's metadata (search-ui.ts), or else every Pagefind bundle's, which a page on Pagefind merges before it can search. */
const indexLoaded = (bundles: readonly string[]) => (paths: readonly string[]) =>
  paths.some((path) => path === `/${SEARCH_INDEX_DIR}/${META_FILE}`) ||
  bundles.map(encodeURI).every((bundle) => paths.some((path) => path.startsWith(bundle) && /^[^/]+\.pf_meta$/.test(path.slice(bundle.length))));

/** Opens the search page and waits until it has loaded its index and gone quiet. */
async function openSearchPage(context: BrowserContext, site: Site): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${site.meter.origin}/search/`, { waitUntil: 'load', timeout: TIMEOUT_MS });
  await site.meter.settled(QUIET_MS, indexLoaded(site.bundles), TIMEOUT_MS);
  return page;
}

async function coldRun(browser: Browser, site: Site, query: string): Promise<{ timing: Omit<BrowserTiming, 'warmMs'>; found: InPage }> {
  const context = await browser.newContext();
  try {
    await site.meter.reset();
    const opened = performance.now();
    const page = await openSearchPage(context, site);
    const readyMs = performance.now() - opened - QUIET_MS;
    const loaded = await site.meter.read();
    const found = await search(page, query);
    const after = await site.meter.read();
    return { timing: { coldMs: found.ms, readyMs, coldBytes: after.bytes, searchBytes: after.bytes - loaded.bytes, coldRequests: after.paths.length }, found };
  } finally {
    await context.close();
  }
}

function difference(cold: readonly string[], warm: readonly string[]): BrowserResult['warmDiffers'] {
  if (cold.join('\n') === warm.join('\n')) return 'no';
  const pages = (list: readonly string[]) => [...new Set(list)].sort().join('\n');
  return pages(cold) === pages(warm) ? 'order' : 'pages';
}

function resultPaths(found: InPage, site: Site, query: string): string[] {
  const pages = site.pages;
  if (found.ids === null) {
    const rest = (found.rest ?? []).map((n) => {
      const id = site.docs[n];
      if (id === undefined) throw new Error(`"${query}": the search returned page ${n}, which is not in ${DOCS_FILE}`);
      return id;
    });
    return [...found.urls.map(pathOf), ...rest];
  }
  const paths = found.ids.map((id) => {
    const url = pages.get(id);
    if (url === undefined) throw new Error(`"${query}": Pagefind returned result ${id}, which is in no fragment of the built index`);
    return pathOf(url);
  });
  const shown = found.urls.map(pathOf);
  if (shown.some((path, i) => path !== paths[i])) throw new Error(`"${query}": the first results' data (${shown.join(', ')}) are not the pages of their ids (${paths.slice(0, shown.length).join(', ')})`);
  return paths;
}

/** The query run in the page; a search that never answers stops the run with the query named rather than hang it. */
async function search(page: Page, term: string): Promise<InPage> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`"${term}": no results within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
  });
  try {
    return await Promise.race([page.evaluate(inPage, { term, first: FIRST_RESULTS }), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs in the page: the page's own search function if it has one (docs/search.md), else Pagefind's API.
 * No function of its own is named here: tsx would wrap it in a helper the page does not have.
 */
async function inPage({ term, first }: { term: string; first: number }): Promise<InPage> {
  type Pagefind = { search(term: string): Promise<{ results: { id: string; data(): Promise<{ url: string }> }[] }> };
  const own = (globalThis as { gongkaiSearch?: (term: string) => Promise<{ urls: string[]; rest?: () => number[] }> }).gongkaiSearch;
  let pagefind: Pagefind | null = null;
  if (typeof own !== 'function') {
    const script = performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .find((name) => new URL(name).pathname.endsWith('/pagefind.js'));
    if (script === undefined) throw new Error('the search page loaded no pagefind.js');
    // The module the page loaded, so the same instance: with the options and merged bundles the page gave it.
    pagefind = (await import(script)) as Pagefind;
  }
  // Resource entries stop at a buffer of 250 unless cleared: the warm page makes thousands.
  performance.clearResourceTimings();
  const started = performance.now();
  // The time is taken when the first results are ready; the page's list of its other results is asked for after.
  let found: Omit<InPage, 'ms' | 'spans'>;
  let ms: number;
  if (pagefind === null) {
    const answer = await own!(term);
    ms = performance.now() - started;
    found = { ids: null, urls: answer.urls, ...(answer.rest ? { rest: answer.rest() } : {}) };
  } else {
    const response = await pagefind.search(term);
    const data = await Promise.all(response.results.slice(0, first).map((result) => result.data()));
    ms = performance.now() - started;
    found = { ids: response.results.map((result) => result.id), urls: data.map((d) => d.url) };
  }
  const spans = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => e.startTime >= started).map((e): Span => [e.startTime, e.responseEnd, e.responseStart - e.requestStart]);
  return { ...found, ms, spans };
}
