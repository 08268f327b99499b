import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { FilingHead } from './compiled.ts';
import { DEFAULT_STORE_ROOT } from './compiled-store.ts';

/**
 * What a published site was built from: the compiled hash of each filing it
 * holds, and the files of its pages, kept beside the store (not in the site,
 * which is served) under the site's folder. The next build into that folder
 * links a filing's open data from it when the hash is the same, since those
 * files are a pure function of the hash, and starts its pages from the
 * site's (integrations/carried-pages.ts) instead of copying them from
 * Astro's cache.
 */
export interface SiteRecord {
  /** Filing id → compiled hash. */
  filings: ReadonlyMap<string, string>;
  /** The files Astro wrote for the site's pages, relative to the site. */
  pages: readonly string[];
  /** Each file of the site's own search index (relative to its folder) → a digest of its bytes. */
  index: ReadonlyMap<string, string>;
  /** A digest of the records its Pagefind bundle was made from (integrations/pagefind.ts); none for a site without one. */
  filters?: string;
}

/** What the Astro process of a build tells the site record, each part in a file of its own (SITE_PARTS_ENV names their folder). */
export interface SiteParts {
  pages: string[];
  index: Record<string, string>;
  filters: string;
  /** The paths of the pages rendered (for the sitemap): told to scripts/build.ts, not recorded. */
  rendered: string[];
}

/** What the site record keeps of the parts. */
export type RecordParts = Omit<SiteParts, 'rendered'>;

/** The site a build replaces (set by scripts/build.ts for the Astro process and the writers it starts). */
export const PREVIOUS_SITE_ENV = 'GONGKAI_PREVIOUS_SITE';
/** The folder where the Astro process of a build leaves the parts of the new site's record. */
export const SITE_PARTS_ENV = 'GONGKAI_SITE_PARTS';

const sitePartFile = (folder: string, part: keyof SiteParts) => join(folder, `${part}.json`);
/** The state of the new site's search index (search/index-state.ts), left by its writer beside the parts. */
export const indexStatePart = (folder: string) => join(folder, 'index-state.bin');

/** Leaves one part of the new site's record in `folder`, for scripts/build.ts to record once the site is in place. */
export function writeSitePart<K extends keyof SiteParts>(folder: string, part: K, value: SiteParts[K]): void {
  mkdirSync(folder, { recursive: true });
  writeFileSync(sitePartFile(folder, part), JSON.stringify(value));
}

/** One part left in `folder`; `none` when no process left it (the search index of a shard other than 1). */
function readSitePart<K extends keyof SiteParts>(folder: string, name: K, none: SiteParts[K]): SiteParts[K] {
  try {
    return JSON.parse(readFileSync(sitePartFile(folder, name), 'utf8')) as SiteParts[K];
  } catch {
    return none;
  }
}

/** The paths of the pages Astro rendered, known once Astro has ended. */
export const renderedPages = (folder: string): string[] => readSitePart(folder, 'rendered', []);

/** The parts of the record left in `folder`, once every process that leaves one has ended: the search index's writer may end after Astro. */
export function readSiteParts(folder: string): RecordParts {
  return { pages: readSitePart(folder, 'pages', []), index: readSitePart(folder, 'index', {}), filters: readSitePart(folder, 'filters', '') };
}

const recordFile = (site: string) => join(DEFAULT_STORE_ROOT, '..', 'sites', `${createHash('sha256').update(resolve(site)).digest('hex').slice(0, 24)}.json`);

/** The state of the site's search index, kept beside its record: the next build changes that index instead of making it again. */
export const siteIndexStateFile = (site: string) => `${recordFile(site)}.index-state`;

/**
 * Records what `site` was built from; `indexState` is the file of its search
 * index's state, moved beside the record (none: a site without the index,
 * whose earlier state is removed).
 */
export function writeSiteRecord(site: string, heads: readonly Pick<FilingHead, 'id' | 'hash'>[], parts: RecordParts, indexState?: string): void {
  const file = recordFile(site);
  mkdirSync(dirname(file), { recursive: true });
  if (indexState !== undefined && existsSync(indexState)) renameSync(indexState, siteIndexStateFile(site));
  else rmSync(siteIndexStateFile(site), { force: true });
  const recorded = { pages: parts.pages, index: parts.index, filters: parts.filters };
  writeFileSync(`${file}.${process.pid}`, JSON.stringify({ filings: Object.fromEntries(heads.map((h) => [h.id, h.hash])), ...recorded }));
  renameSync(`${file}.${process.pid}`, file);
}

/** What the site was built from, or nothing when no build recorded it. */
export function readSiteRecord(site: string): SiteRecord | undefined {
  try {
    const { filings, pages, index, filters } = JSON.parse(readFileSync(recordFile(site), 'utf8')) as { filings: Record<string, string> } & Partial<SiteParts> & Pick<SiteParts, 'pages' | 'index'>;
    return { filings: new Map(Object.entries(filings)), pages, index: new Map(Object.entries(index)), ...(filters ? { filters } : {}) };
  } catch {
    return undefined;
  }
}
