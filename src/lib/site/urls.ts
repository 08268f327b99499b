import { departmentSegment, filingSegments, regionPath, sourceFileName, urlFor } from '../records/filing-path.ts';
import type { FilingDeclaration } from '../records/schema/filing.ts';
import { siteConfig } from './site-config.ts';

type Identity = Pick<FilingDeclaration, 'region' | 'department' | 'year' | 'kind'>;

/** `/河北省/廊坊市/永清县/316-人力资源和社会保障局/2024-预算/` */
export function filingUrl(f: Identity): string {
  return urlFor(filingSegments(f));
}

/** `/河北省/廊坊市/永清县/316-人力资源和社会保障局/` */
export function departmentUrl(f: Pick<FilingDeclaration, 'region' | 'department'>): string {
  return urlFor([...regionPath(f), departmentSegment(f)]);
}

/** The whole record as JSON (src/pages/[...filing]/filing.json.ts). */
export function jsonUrl(f: Identity): string {
  return `${filingUrl(f)}filing.json`;
}

/** One table as CSV, written by integrations/exports.ts. */
export function csvUrl(f: Identity, tableId: string): string {
  return `${filingUrl(f)}tables/${tableId}.csv`;
}

/** A source document, copied by integrations/exports.ts under source/ by its file name, whatever folder the record keeps it in. */
export function sourceUrl(f: Identity, file: string): string {
  return `${filingUrl(f)}source/${sourceFileName(file)}`;
}

/**
 * A path of the site, given without the leading slash (`search/`,
 * `favicon.svg`), under its base path: `/search/`, or `/yjsgk/search/` when
 * the site is mounted at /yjsgk/ (content/site.yaml, GONGKAI_BASE).
 */
export function sitePath(path: string): string {
  return `${siteConfig.basePath}${path.replace(/^\/+/, '')}`;
}

/** The same page as an absolute address on the configured site URL: canonical links, sitemap, feed. */
export function absoluteUrl(path: string): string {
  return new URL(path, siteConfig.siteUrl).href;
}

export const HOME_URL = sitePath('');
export const SEARCH_URL = sitePath('search/');
export const GLOSSARY_URL = sitePath('glossary/');
export const ABOUT_URL = sitePath('about/');
/** The page listing every kind of page (src/pages/sitemap.astro), which 政府网站 link as 网站地图; sitemap.xml is for search engines. */
export const SITE_MAP_URL = sitePath('sitemap/');
/** Where the search page loads Pagefind from. */
export const PAGEFIND_URL = sitePath('pagefind/');

/** The MIIT filing system, where anyone can look up an ICP备案号. */
export const ICP_FILING_URL = 'https://beian.miit.gov.cn/';

/** The site's own record on the Ministry of Public Security's filing system, by the 14 digits of its 公安机关备案号. */
export function publicSecurityRecordUrl(code: string): string {
  return `http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=${encodeURIComponent(code)}`;
}

/** Every 项目绩效目标表 of a filing, one form a row, as CSV (written by integrations/exports.ts). */
export function projectsCsvUrl(f: Identity): string {
  return `${filingUrl(f)}projects.csv`;
}

/** Every indicator row of a filing's 项目绩效目标表 as CSV (written by integrations/exports.ts). */
export function indicatorsCsvUrl(f: Identity): string {
  return `${filingUrl(f)}project-indicators.csv`;
}

/** The portal's open data (docs/data.md): the index of filings. */
export function dataIndexUrl(): string {
  return sitePath('data/filings.json');
}

/** The Frictionless Data Package descriptor of every table of the portal. */
export function dataPackageUrl(): string {
  return sitePath('datapackage.json');
}

/** A published JSON Schema, by name and version: `/data/schema/filing-1.json`. */
export function schemaUrl(name: string, version: number): string {
  return sitePath(`data/schema/${name}-${version}.json`);
}

/** Every filing of one region (its own departments) and year in one zip: `/data/bulk/河北省/廊坊市/永清县/河北省廊坊市永清县2024年.zip`. */
export function bulkZipUrl(region: readonly string[], year: number): string {
  return `${urlFor(['data', 'bulk', ...region])}${region.join('')}${year}年.zip`;
}

/** The Atom feed of new and changed filings. */
export function feedUrl(): string {
  return sitePath('feed.xml');
}

/** sitemap.xml for search engines, or one part of it when the site has more than 50,000 pages (public-data/sitemap.ts). */
export function sitemapUrl(part?: number): string {
  return sitePath(part === undefined ? 'sitemap.xml' : `sitemap-${part}.xml`);
}

/** The last segment of a region-year page: `2024年` (a place or department name never is a year). */
export const regionYearSegment = (year: number): string => `${year}年`;

/** A region's filings of one year added up: `/河北省/廊坊市/2024年/`. */
export function regionYearUrl(region: readonly string[], year: number): string {
  return urlFor([...region, regionYearSegment(year)]);
}

/** The last segment of a department's 预算 and 决算 of a year side by side; a filing's is `2024-预算` or `2024-决算`. */
export const budgetVsFinalSegment = (year: number): string => `${year}-预算与决算`;

/** `/河北省/…/316-人力资源和社会保障局/2024-预算与决算/` */
export function budgetVsFinalUrl(f: Pick<FilingDeclaration, 'region' | 'department'>, year: number): string {
  return urlFor([...regionPath(f), departmentSegment(f), budgetVsFinalSegment(year)]);
}

/** The 适老化 reading mode's script (public/reading-mode.js), loaded in every page's <head>. */
export const READING_MODE_SCRIPT_URL = sitePath('reading-mode.js');
