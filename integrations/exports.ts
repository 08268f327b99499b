import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentRoot } from '../src/lib/records/paths.ts';
import { regionPath } from '../src/lib/records/filing-path.ts';
import { siteConfig } from '../src/lib/site/site-config.ts';
import { absoluteUrl, bulkZipUrl, dataIndexUrl, dataPackageUrl, feedUrl, filingUrl, sitemapUrl, sitePath } from '../src/lib/site/urls.ts';
import { zipFiles } from '../src/lib/public-data/bulk-zip.ts';
import { dataPackage, filingCsvs, packageName, packageResource } from '../src/lib/public-data/data-package.ts';
import type { DataResource } from '../src/lib/public-data/datapackage-schema.ts';
import { atomFeed, type FeedEntry } from '../src/lib/public-data/feed.ts';
import type { PublicFiling } from '../src/lib/public-data/filing-schema.ts';
import { INDEX_SCHEMA_VERSION, type BulkEntry, type FilingsIndex, type IndexEntry } from '../src/lib/public-data/index-schema.ts';
import { jsonSchema, publishedSchemaUrl, publishedSchemas, type SchemaName } from '../src/lib/public-data/json-schemas.ts';
import { portalEntry } from '../src/lib/public-data/portal-entry.ts';
import { recordDates, type RecordDates } from '../src/lib/public-data/record-dates.ts';
import { sitemapFiles } from '../src/lib/public-data/sitemap.ts';
import { buildManifest } from '../src/lib/compile/build-manifest.ts';
import type { CompiledStore } from '../src/lib/compile/compiled-store.ts';

/**
 * Region-years, and filings of each, written at once: a filing is a JSON
 * read and a dozen small writes, so with several in flight the file system
 * works while the next JSON is parsed (CSVs alone, 300 synthetic filings on
 * a shared machine, four runs each: median 3.8 s one at a time, 2.9 s with
 * eight in flight). Most region-years hold a few filings: one at a time,
 * the disk would wait on each zip.
 */
const IN_FLIGHT = 8;

/**
 * Everything of the open data (docs/data.md), from the compiled filings of
 * the build (compile/build-manifest.ts): beside each filing page, its
 * filing.json, CSVs and source documents; for the portal, the index of
 * filings, the data package, the bulk zips, the feed, the sitemap and the
 * JSON Schemas. Written here rather than rendered as Astro endpoints: a
 * filing has a dozen tables, and routing each through the renderer costs
 * more than the filing page.
 */
export function filingExports(): AstroIntegration {
  let base = '/';
  return {
    name: 'gongkai:exports',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        const log = logger.fork('gongkai:exports');
        try {
          await writeOpenData(new Output(fileURLToPath(dir), base), pages, log);
        } catch (cause) {
          throw new Error('Failed to write the open data (CSV, sources, index, data package, zips, feed, sitemap).', { cause });
        }
      },
    },
  };
}

/** The build's output folder, addressed by the site URLs that urls.ts makes (under the base path). */
class Output {
  constructor(
    readonly dir: string,
    private readonly base: string,
  ) {}

  /** The path below the base of a site URL: `/yjsgk/feed.xml` → `feed.xml`. */
  below(url: string): string {
    if (!url.startsWith(this.base)) throw new Error(`expected a URL under the base path ${this.base}, found ${url}`);
    return url.slice(this.base.length);
  }

  async write(url: string, content: string | Uint8Array): Promise<void> {
    const file = join(this.dir, ...this.below(url).split('/'));
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, content);
  }
}

/** Runs `work` on every item, `IN_FLIGHT` at a time. */
async function inFlight<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, items.length) }, worker));
}

const sha256 = (content: string | Uint8Array) => createHash('sha256').update(content).digest('hex');
/** Sorts by a text key in code point order: the same on every machine, whatever its locale. */
const by = <T>(key: (item: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** Filings grouped by their region and year, the unit of a bulk zip. */
function regionYears<T extends { id: string }>(filings: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const filing of filings) {
    const segments = filing.id.split('/');
    const key = [...segments.slice(0, -2), segments.at(-1)!.slice(0, 4)].join('/');
    groups.set(key, [...(groups.get(key) ?? []), filing]);
  }
  return groups;
}

interface Collected {
  resources: DataResource[];
  index: IndexEntry[];
  feed: FeedEntry[];
  bulk: BulkEntry[];
  /** When each filing page last changed, by its path below the base (the sitemap's lastmod). */
  lastmod: Map<string, Date>;
}

/**
 * One region-year: each filing's filing.json, CSVs and sources, then the
 * zip of their JSON and CSVs with a data package of its own. Filings are
 * read from the store group by group, so memory holds a few zips' worth
 * (`IN_FLIGHT` groups at once), not the portal's.
 */
async function writeRegionYear(out: Output, store: CompiledStore, group: readonly { id: string; hash: string }[], dates: Map<string, RecordDates>, collected: Collected): Promise<void> {
  const files = new Map<string, string | Uint8Array>();
  const resources: DataResource[] = [];
  let first: PublicFiling | undefined;
  let newest = 0;
  await inFlight(group, async ({ id, hash }) => {
    const record = store.record(hash);
    const text = record.json;
    const filing = JSON.parse(text) as PublicFiling;
    first ??= filing;
    const folder = out.below(filingUrl(filing));
    const csvs = filingCsvs(filing);
    await Promise.all([
      out.write(`${filingUrl(filing)}filing.json`, text),
      ...csvs.map((c) => out.write(`${filingUrl(filing)}${decodeURI(c.url)}`, c.csv)),
      ...record.sources.map((s) => out.write(`${filingUrl(filing)}${decodeURI(s.url)}`, store.source(s.sha256))),
    ]);
    files.set(`${folder}filing.json`, text);
    for (const c of csvs) files.set(`${folder}${decodeURI(c.url)}`, c.csv);
    resources.push(...csvs.map((c) => packageResource(c, folder)));
    const entry = portalEntry(filing, sha256(text), dates.get(id)!);
    collected.index.push(entry.index);
    collected.feed.push(entry.feed);
    collected.lastmod.set(folder, entry.feed.updated);
    newest = Math.max(newest, entry.feed.updated.getTime());
  });
  const region = regionPath(first!);
  const zipUrl = bulkZipUrl(region, first!.year);
  resources.sort(by((r) => r.path));
  const head = { name: packageName(`${new URL(absoluteUrl(zipUrl)).host}-bulk-${sha256(zipUrl).slice(0, 12)}`), title: `${region.join('')}${first!.year}年`, homepage: absoluteUrl(sitePath('')) };
  files.set('datapackage.json', json(dataPackage(head, resources)));
  const zip = zipFiles(files, new Date(newest));
  await out.write(zipUrl, zip);
  collected.resources.push(...resources);
  collected.bulk.push({ region: first!.region, year: first!.year, url: absoluteUrl(zipUrl), sha256: sha256(zip), filings: group.map((f) => f.id).sort() });
}

async function writeOpenData(out: Output, pages: readonly { pathname: string }[], logger: AstroIntegrationLogger): Promise<void> {
  const start = performance.now();
  const { manifest, store } = buildManifest();
  const filings = manifest.heads.map(({ id, hash }) => ({ id, hash }));
  const ids = filings.map((f) => f.id);
  const dates = recordDates(contentRoot(), ids);
  const collected: Collected = { resources: [], index: [], feed: [], bulk: [], lastmod: new Map() };
  await inFlight([...regionYears(filings).values()], (group) => writeRegionYear(out, store, group, dates, collected));

  const site = absoluteUrl(sitePath(''));
  const schemas = Object.fromEntries((Object.keys(publishedSchemas) as SchemaName[]).map((name) => [name, absoluteUrl(publishedSchemaUrl(name))])) as Record<SchemaName, string>;
  const index: FilingsIndex = {
    schemaVersion: INDEX_SCHEMA_VERSION,
    name: siteConfig.name,
    site,
    dataPackage: absoluteUrl(dataPackageUrl()),
    feed: absoluteUrl(feedUrl()),
    schemas: { filing: schemas.filing, index: schemas.filings, dataPackage: schemas.datapackage },
    filings: collected.index.sort(by((e) => e.id)),
    bulk: collected.bulk.sort(by((b) => b.url)),
  };
  const resources = collected.resources.sort(by((r) => r.path));
  const sitemapPages = pages
    .map((p) => p.pathname.replace(/^\/+/, ''))
    // Pages only (not filing.json or robots.txt), without the not-found page and the printable views, which repeat the filing pages.
    .filter((path) => (path === '' || path.endsWith('/')) && path !== '404/' && !path.endsWith('/print/'))
    .sort()
    .map((path) => ({ loc: absoluteUrl(sitePath(path)), ...(collected.lastmod.has(path) ? { lastmod: collected.lastmod.get(path)! } : {}) }));
  await Promise.all([
    out.write(dataIndexUrl(), json(index)),
    // Minified: the descriptor lists every CSV of the portal with its fields, and grows with it.
    out.write(dataPackageUrl(), `${JSON.stringify(dataPackage({ name: packageName(new URL(site).host + new URL(site).pathname), title: siteConfig.name, homepage: site }, resources))}\n`),
    out.write(feedUrl(), atomFeed({ title: siteConfig.name, site, self: absoluteUrl(feedUrl()) }, collected.feed)),
    ...sitemapFiles(sitemapPages, (part) => absoluteUrl(sitemapUrl(part))).map(({ part, xml }) => out.write(sitemapUrl(part), xml)),
    ...(Object.keys(publishedSchemas) as SchemaName[]).map((name) => out.write(publishedSchemaUrl(name), json(jsonSchema(name)))),
  ]);
  logger.info(
    `Wrote the open data of ${ids.length} filing(s) in ${Math.round(performance.now() - start)} ms: ${resources.length} CSV resources, ${collected.bulk.length} bulk zip(s), the index, data package, feed, sitemap (${sitemapPages.length} pages) and schemas.`,
  );
}
