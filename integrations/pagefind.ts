import type { AstroIntegration } from 'astro';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefindService from 'pagefind';
import { filingKinds } from '../src/lib/records/schema/filing.ts';

/**
 * At most this many filing pages go into one Pagefind bundle. Pagefind holds
 * everything it indexes in memory until it writes the bundle (about 1.7 MiB
 * per filing page: 1.8 GiB for 1,000 pages, 11 GiB for 5,000), so the site is
 * indexed as several bundles, which the search page merges. Its peak memory is
 * then that of the bundles indexed at once, whatever the number of filings:
 * 1.2 GiB for two of 502 pages, on top of the Astro build's own memory when it
 * runs at the build's end. Each bundle costs the search page a few small
 * requests (its metadata and filters, then one index chunk per word searched).
 */
export const PAGES_PER_BUNDLE = 500;

/**
 * Bundles indexed at the same time. Pagefind keeps about one core busy per
 * bundle: two at once took 1,004 filing pages from 38.8 s to 25.2 s on two
 * cores, for 637 instead of 467 MiB (bundles of 251).
 */
const BUNDLES_AT_ONCE = 2;

/**
 * Column headers repeat on every filing of a kind (序号, 科目编码, 栏次 1 2 3 …):
 * they tell no filing from another, yet were a fifth of the indexed text.
 */
const EXCLUDE_SELECTORS = ['thead'];

/** The search page's mount element lists the bundles merged into the first one. */
const SEARCH_PAGE = join('search', 'index.html');
const MERGE_ATTRIBUTE = /data-merge-bundles="[^"]*"/g;

/** Only filing pages (`…/<year>-<kind>/index.html`) carry `data-pagefind-body`; the other pages and the printable views are not read. */
const FILING_DIR = new RegExp(`^\\d{4}-(?:${filingKinds.join('|')})$`);

export interface SearchIndexLog {
  info(message: string): void;
  error(message: string): void;
}

export interface SearchIndexSummary {
  pages: number;
  /** Site paths of the bundles: `/pagefind/`, then `/pagefind/2/` … */
  bundles: string[];
}

/**
 * Builds the Pagefind search index of the finished site (Starlight's pattern):
 * only the `data-pagefind-body` of filing pages is indexed, and figures are
 * kept out of it by `data-pagefind-ignore` on numeric cells.
 */
export function pagefind(): AstroIntegration {
  return {
    name: 'gongkai:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const log = logger.fork('gongkai:pagefind');
        // The benchmark runs Pagefind on its own after the build (scripts/pagefind.ts), to measure it alone.
        if (process.env['GONGKAI_PAGEFIND'] === 'off') return log.info('Skipped (GONGKAI_PAGEFIND=off).');
        await buildSearchIndex(fileURLToPath(dir), log);
      },
    },
  };
}

/** Site path of the n-th bundle (0-based): the first is Pagefind's default, so the UI loads from it. */
function bundlePath(n: number): string {
  return n === 0 ? '/pagefind/' : `/pagefind/${n + 1}/`;
}

/**
 * Splits pages into bundles of at most `perBundle` pages, of even size. As
 * bundles are indexed `atOnce` at a time, their number is rounded up to a
 * multiple of that: the last round then takes no longer than the others.
 */
export function splitIntoBundles<T>(pages: readonly T[], perBundle: number = PAGES_PER_BUNDLE, atOnce: number = BUNDLES_AT_ONCE): T[][] {
  const needed = Math.ceil(pages.length / perBundle);
  const count = needed <= 1 ? 1 : Math.ceil(needed / atOnce) * atOnce;
  const size = Math.ceil(pages.length / count);
  // Rounding the count up to a multiple of atOnce can leave the last bundles with nothing to index (5 pages one per bundle): they are not made.
  const bundles = Array.from({ length: count }, (_, i) => pages.slice(i * size, (i + 1) * size));
  return pages.length === 0 ? bundles.slice(0, 1) : bundles.filter((b) => b.length > 0);
}

/**
 * Indexes the filing pages of a built site into `pagefind/` (and `pagefind/2/` …
 * when there are more than `perBundle`), a few bundles at a time, and writes
 * the list of further bundles into the search page.
 */
export async function buildSearchIndex(siteDir: string, log: SearchIndexLog, perBundle: number = PAGES_PER_BUNDLE): Promise<SearchIndexSummary> {
  const start = performance.now();
  const pages = filingPages(siteDir);
  const groups = splitIntoBundles(pages, perBundle);
  const bundles = groups.map((_, n) => bundlePath(n));
  log.info(`Running Pagefind on ${pages.length} filing pages, in ${groups.length} bundle(s)…`);
  rmSync(join(siteDir, 'pagefind'), { recursive: true, force: true });
  const indexBundle = async (n: number): Promise<void> => {
    const group = groups[n]!;
    const { index } = assertResponse(await pagefindService.createIndex({ forceLanguage: 'zh-cn', excludeSelectors: EXCLUDE_SELECTORS }), log);
    // One glob naming each page of the bundle: Pagefind reads them from disk, as it does for a whole site.
    const { page_count } = assertResponse(await index.addDirectory({ path: siteDir, glob: `{${group.map(globLiteral).join(',')}}` }), log);
    if (page_count !== group.length) throw new Error(`bundle ${bundles[n]} indexed ${page_count} of its ${group.length} pages`);
    const outputPath = join(siteDir, ...bundles[n]!.split('/'));
    assertResponse(await index.writeFiles({ outputPath }), log);
    // Frees the bundle's memory in the Pagefind process before the next one is read.
    await index.deleteIndex();
    if (n > 0) removeUiFiles(outputPath);
    log.info(`Bundle ${bundles[n]}: ${group.length} pages (${elapsed(start)}).`);
  };
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < groups.length) await indexBundle(next++);
  };
  try {
    await Promise.all(Array.from({ length: Math.min(BUNDLES_AT_ONCE, groups.length) }, worker));
  } catch (cause) {
    throw new Error('Failed to run Pagefind.', { cause });
  } finally {
    await pagefindService.close();
  }
  listBundlesOnSearchPage(siteDir, bundles.slice(1));
  log.info(`Pagefind took ${elapsed(start)} in all.`);
  return { pages: pages.length, bundles };
}

/** Filing pages as paths relative to the site, with `/`, in code-point order (so a filing stays in the same bundle as long as the filings before it do). */
function filingPages(siteDir: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory() || (dir === siteDir && entry.name === 'pagefind')) continue;
      const child = join(dir, entry.name);
      if (FILING_DIR.test(entry.name)) found.push(relative(siteDir, join(child, 'index.html')).split(sep).join('/'));
      else walk(child);
    }
  };
  walk(siteDir);
  return found.sort();
}

/**
 * A path as a glob that matches only itself. Pagefind's glob syntax (wax)
 * takes a backslash before these; `!` is literal outside a character class
 * and must not be escaped.
 */
function globLiteral(path: string): string {
  return path.replace(/[\\{}[\]*?,<>$:()]/g, (c) => `\\${c}`);
}

/** A further bundle is only searched through the first one's UI and WebAssembly: its own copies are never loaded. */
function removeUiFiles(bundleDir: string): void {
  for (const name of readdirSync(bundleDir)) {
    if (/^pagefind(?:[-.].*)?\.(?:js|css)$|^wasm\./.test(name)) rmSync(join(bundleDir, name));
  }
}

/**
 * The search page learns which bundles to merge from its own HTML, written
 * here once they exist: no request for a manifest before the first search,
 * and the list cannot disagree with what was indexed.
 */
function listBundlesOnSearchPage(siteDir: string, further: string[]): void {
  const file = join(siteDir, SEARCH_PAGE);
  const html = readFileSync(file, 'utf8');
  const found = html.match(MERGE_ATTRIBUTE)?.length ?? 0;
  if (found !== 1) throw new Error(`${SEARCH_PAGE} should carry one data-merge-bundles attribute, found ${found}`);
  writeFileSync(file, html.replace(MERGE_ATTRIBUTE, `data-merge-bundles="${JSON.stringify(further).replaceAll('"', '&quot;')}"`));
}

function assertResponse<T extends { errors: string[] }>(response: T, log: SearchIndexLog): Required<T> {
  if (response.errors.length > 0) {
    for (const error of response.errors) log.error(`Pagefind: ${error}`);
    throw new Error(`Pagefind reported ${response.errors.length} error(s): ${response.errors.join('; ')}`);
  }
  return response as Required<T>;
}

function elapsed(since: number): string {
  const ms = performance.now() - since;
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}
