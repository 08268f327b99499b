import { siteConfig } from '../site/site-config.ts';
import { absoluteUrl, dataIndexUrl, dataPackageUrl, feedUrl, sitemapUrl, sitePath } from '../site/urls.ts';
import type { CompiledStore } from '../compile/compiled-store.ts';
import { dataPackage, packageName } from './data-package.ts';
import { atomFeed } from './feed.ts';
import { INDEX_SCHEMA_VERSION, type FilingsIndex } from './index-schema.ts';
import { jsonSchema, publishedSchemaUrl, publishedSchemas, type SchemaName } from './json-schemas.ts';
import type { RecordDates } from './record-dates.ts';
import { by, inFlight, json, regionYears, writeRegionYear, type Collected, type Output } from './region-year-data.ts';
import { sitemapFiles } from './sitemap.ts';

/** Each filing's open data and its region-year's zip (region-year-data.ts), for `filings`; what the portal's files list of them. */
export async function writeFilingData(out: Output, store: CompiledStore, filings: readonly { id: string; hash: string }[], dates: Map<string, RecordDates>): Promise<Collected> {
  const collected: Collected = { resources: [], index: [], feed: [], bulk: [], lastmod: new Map() };
  await inFlight([...regionYears(filings).values()], (group) => writeRegionYear(out, store, group, dates, collected));
  return collected;
}

/**
 * What the build takes back from the open-data writer (scripts/write-filing-data.ts):
 * the counts it logs and the sitemap's dates; for a shard, everything
 * collected, from which npm run merge writes the portal's files. At
 * 10,000 filings everything is 120,000 CSV resources with their fields:
 * serialised by the writer and read back by the build, they cost each
 * about a second on a rebuild's critical path.
 */
export interface JoinData {
  filings: number;
  resources: number;
  bulk: number;
  lastmod: Collected['lastmod'];
  collected?: Collected;
}

export const joinData = (collected: Collected, shard: boolean): JoinData => ({
  filings: collected.index.length,
  resources: collected.resources.length,
  bulk: collected.bulk.length,
  lastmod: collected.lastmod,
  ...(shard ? { collected } : {}),
});

/**
 * The paths of the pages a sitemap lists, from the paths a build rendered:
 * pages only (not robots.txt), without the not-found page.
 */
export const sitemapPaths = (rendered: readonly string[]): string[] =>
  rendered
    .map((path) => path.replace(/^\/+/, ''))
    .filter((path) => (path === '' || path.endsWith('/')) && path !== '404/')
    .sort();

/**
 * The portal's own open data: the index of filings, the data package, the
 * feed, the sitemap and the JSON Schemas, from what the filings' data gave
 * (`collected`, of one build or of every shard) and the pages rendered.
 * Returns the number of pages the sitemap lists.
 */
export async function writePortalData(out: Output, collected: Collected, pages: readonly string[]): Promise<number> {
  const [listed] = await Promise.all([writeSitemap(out, collected, pages), writePortalFiles(out, collected)]);
  return listed;
}

/** Of the portal's open data, what the filings alone give: the index of filings, the data package, the feed and the JSON Schemas. */
export async function writePortalFiles(out: Output, collected: Collected): Promise<void> {
  const site = absoluteUrl(sitePath(''));
  const schemas = Object.fromEntries((Object.keys(publishedSchemas) as SchemaName[]).map((name) => [name, absoluteUrl(publishedSchemaUrl(name))])) as Record<SchemaName, string>;
  const index: FilingsIndex = {
    schemaVersion: INDEX_SCHEMA_VERSION,
    name: siteConfig.name,
    site,
    dataPackage: absoluteUrl(dataPackageUrl()),
    feed: absoluteUrl(feedUrl()),
    schemas: { filing: schemas.filing, index: schemas.filings, dataPackage: schemas.datapackage },
    filings: [...collected.index].sort(by((e) => e.id)),
    bulk: [...collected.bulk].sort(by((b) => b.url)),
  };
  const resources = [...collected.resources].sort(by((r) => r.path));
  await Promise.all([
    out.write(dataIndexUrl(), json(index)),
    // Minified: the descriptor lists every CSV of the portal with its fields, and grows with it.
    out.write(dataPackageUrl(), `${JSON.stringify(dataPackage({ name: packageName(new URL(site).host + new URL(site).pathname), title: siteConfig.name, homepage: site }, resources))}\n`),
    out.write(feedUrl(), atomFeed({ title: siteConfig.name, site, self: absoluteUrl(feedUrl()) }, collected.feed)),
    ...(Object.keys(publishedSchemas) as SchemaName[]).map((name) => out.write(publishedSchemaUrl(name), json(jsonSchema(name)))),
  ]);
}

/** The sitemap of the pages rendered, dated from what the filings' data gave; returns the number of pages it lists. */
export async function writeSitemap(out: Output, collected: Pick<Collected, 'lastmod'>, pages: readonly string[]): Promise<number> {
  const sitemapPages = sitemapPaths(pages).map((path) => ({ loc: absoluteUrl(sitePath(path)), ...(collected.lastmod.has(path) ? { lastmod: collected.lastmod.get(path)! } : {}) }));
  await Promise.all(sitemapFiles(sitemapPages, (part) => absoluteUrl(sitemapUrl(part))).map(({ part, xml }) => out.write(sitemapUrl(part), xml)));
  return sitemapPages.length;
}
