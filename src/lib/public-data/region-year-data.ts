import { createHash } from 'node:crypto';
import { linkSync, mkdirSync } from 'node:fs';
import { copyFile, link, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { regionPath } from '../records/filing-path.ts';
import { absoluteUrl, bulkZipUrl, filingUrl, sitePath } from '../site/urls.ts';
import type { CompiledStore } from '../compile/compiled-store.ts';
import { printAddressUrl } from '../site/print-address.ts';
import { zipFiles } from './bulk-zip.ts';
import { dataPackage, packageName, packageResource } from './data-package.ts';
import type { DataResource } from './datapackage-schema.ts';
import type { FeedEntry } from './feed.ts';
import type { BulkEntry, IndexEntry } from './index-schema.ts';
import { portalEntry, type PortalFiling } from './portal-entry.ts';
import type { CompiledDataFiles } from '../compile/compiled.ts';
import type { RecordDates } from './record-dates.ts';

/**
 * Region-years, and filings of each, written at once: a filing is a JSON
 * read and a dozen small writes, so with several in flight the file system
 * works while the next JSON is parsed (CSVs alone, 300 synthetic filings on
 * a shared machine, four runs each: median 3.8 s one at a time, 2.9 s with
 * eight in flight). Most region-years hold a few filings: one at a time,
 * the disk would wait on each zip.
 */
const IN_FLIGHT = 8;

/** The build's output folder, addressed by the site URLs that urls.ts makes (under the base path). */
export class Output {
  /** Filings whose files were linked from the site being replaced. */
  linked = 0;
  private readonly made = new Set<string>();

  constructor(
    readonly dir: string,
    private readonly base: string,
    /** The site this build replaces and the hash each of its filings was built from: an unchanged filing's files are linked from it. */
    private readonly previous?: { site: string; hashes: ReadonlyMap<string, string> },
  ) {}

  /**
   * When the site being replaced was built from the same compiled filing
   * (`previous` records each filing's hash: compile/site-record.ts), its
   * files are the same bytes: hard-link them from it instead of writing
   * them, and say so. A rebuild after one filing changed writes that
   * filing's files, not the portal's. The links are made by synchronous
   * calls: this process does nothing else meanwhile, and at 10,000 filings
   * (150,000 links) a promise and a trip through libuv's threads for each
   * link cost more than the links (the writer took 18-20 s of a rebuild).
   */
  linkSame(id: string, hash: string, urls: readonly string[]): boolean {
    if (this.previous === undefined || this.previous.hashes.get(id) !== hash) return false;
    const { site } = this.previous;
    try {
      for (const url of urls) linkSync(join(site, ...this.below(url).split('/')), this.fileFor(url));
    } catch {
      // A file gone from the site, or the site on another file system: the filing's files are written instead.
      return false;
    }
    this.linked += 1;
    return true;
  }

  /** The path below the base of a site URL: `/yjsgk/feed.xml` → `feed.xml`. */
  below(url: string): string {
    if (!url.startsWith(this.base)) throw new Error(`expected a URL under the base path ${this.base}, found ${url}`);
    return url.slice(this.base.length);
  }

  /** The file of a site URL in the output folder, its folder made (once: a filing's dozen files share one). */
  private fileFor(url: string): string {
    const file = join(this.dir, ...this.below(url).split('/'));
    const folder = dirname(file);
    if (!this.made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      this.made.add(folder);
    }
    return file;
  }

  async write(url: string, content: string | Uint8Array): Promise<void> {
    await writeFile(this.fileFor(url), content);
  }

  /**
   * Puts a file of the compiled store at a URL: hard-linked (store files are
   * written once and never changed), copied when the store is on another file
   * system. A file already there is replaced, never written through.
   */
  async place(url: string, from: string): Promise<void> {
    const file = this.fileFor(url);
    const beside = `${file}.${process.pid}.tmp`;
    try {
      await link(from, beside);
    } catch {
      await copyFile(from, beside);
    }
    await rename(beside, file);
  }

  /** Writes a file beside and renames it into place: a link already there (to the site being replaced) is replaced, not written through. */
  async replace(url: string, content: string | Uint8Array): Promise<void> {
    const file = this.fileFor(url);
    await writeFile(`${file}.${process.pid}.tmp`, content);
    await rename(`${file}.${process.pid}.tmp`, file);
  }
}

/** Runs `work` on every item, `IN_FLIGHT` at a time. */
export async function inFlight<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, items.length) }, worker));
}

export const sha256 = (content: string | Uint8Array) => createHash('sha256').update(content).digest('hex');
/** Sorts by a text key in code point order: the same on every machine, whatever its locale. */
export const by = <T>(key: (item: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
export const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** Filings grouped by their region and year, the unit of a bulk zip. */
export function regionYears<T extends { id: string }>(filings: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const filing of filings) {
    const segments = filing.id.split('/');
    const key = [...segments.slice(0, -2), segments.at(-1)!.slice(0, 4)].join('/');
    groups.set(key, [...(groups.get(key) ?? []), filing]);
  }
  return groups;
}

export interface Collected {
  resources: DataResource[];
  index: IndexEntry[];
  feed: FeedEntry[];
  bulk: BulkEntry[];
  /** When each filing page last changed, by its path below the base (the sitemap's lastmod). */
  lastmod: Map<string, Date>;
}

/**
 * One region-year: each filing's filing.json, CSVs and sources, then the
 * zip of their JSON and CSVs with a data package of its own. What the
 * portal's files and the zip's key need comes from each filing's data head;
 * the files' text is read from the store only for a filing whose files are
 * not linked from the site being replaced, or for a zip not made before.
 * Filings are read group by group, so memory holds a few zips' worth
 * (`IN_FLIGHT` groups at once), not the portal's.
 */
export async function writeRegionYear(out: Output, store: CompiledStore, group: readonly { id: string; hash: string }[], dates: Map<string, RecordDates>, collected: Collected): Promise<void> {
  /** The SHA-256 of each file of the zip, by its path: made by the compile step, not hashed again here. */
  const digests = new Map<string, string>();
  /** Each filing's folder and its files' text when they were read to be written, for the zip. */
  const filings: { hash: string; folder: string; csvUrls: string[]; files?: CompiledDataFiles }[] = [];
  const resources: DataResource[] = [];
  let first: PortalFiling | undefined;
  let newest = 0;
  await inFlight(group, async ({ id, hash }) => {
    const { entry: filing, csvs, sources, sha256: made } = store.dataHead(hash);
    first ??= filing;
    const folder = out.below(filingUrl(filing));
    const beside = (url: string) => `${filingUrl(filing)}${decodeURI(url)}`;
    const jsonUrl = `${filingUrl(filing)}filing.json`;
    const own = [jsonUrl, ...csvs.map((c) => beside(c.url)), ...sources.map((s) => beside(s.url)), printAddressUrl(filing)];
    const read: (typeof filings)[number] = { hash, folder, csvUrls: csvs.map((c) => decodeURI(c.url)) };
    if (!out.linkSame(id, hash, own)) {
      const files = (read.files = store.dataFiles(hash));
      // A link over a file left by a failed attempt would write through it into the site being replaced: written files replace, never truncate.
      await Promise.all([
        out.replace(jsonUrl, files.json),
        ...csvs.map((c, i) => out.replace(beside(c.url), files.csvs[i]!)),
        ...sources.map((s) => out.place(beside(s.url), store.sourceFile(s.sha256))),
        out.replace(printAddressUrl(filing), files.print),
      ]);
    }
    filings.push(read);
    digests.set(`${folder}filing.json`, made.json);
    csvs.forEach((c, i) => digests.set(`${folder}${decodeURI(c.url)}`, made.csvs[i]!));
    resources.push(...csvs.map((c) => packageResource(c, folder)));
    const entry = portalEntry(filing, made.json, dates.get(id)!);
    collected.index.push(entry.index);
    collected.feed.push(entry.feed);
    collected.lastmod.set(folder, entry.feed.updated);
    newest = Math.max(newest, entry.feed.updated.getTime());
  });
  const region = regionPath(first!);
  const zipUrl = bulkZipUrl(region, first!.year);
  resources.sort(by((r) => r.path));
  const head = { name: packageName(`${new URL(absoluteUrl(zipUrl)).host}-bulk-${sha256(zipUrl).slice(0, 12)}`), title: `${region.join('')}${first!.year}年`, homepage: absoluteUrl(sitePath('')) };
  const descriptor = json(dataPackage(head, resources));
  digests.set('datapackage.json', sha256(descriptor));
  // The zip is a pure function of its files and date: one made by an earlier build for the same inputs is taken as it is.
  const inputs = [...digests].sort(([a], [b]) => (a < b ? -1 : 1)).map(([path, digest]) => `${path}\0${digest}`);
  const zip = store.derived(`bulk-${sha256(`${newest}\n${inputs.join('\n')}`)}.zip`, () => {
    const files = new Map<string, string | Uint8Array>();
    for (const filing of filings) {
      const text = filing.files ?? store.dataFiles(filing.hash);
      files.set(`${filing.folder}filing.json`, text.json);
      filing.csvUrls.forEach((url, i) => files.set(`${filing.folder}${url}`, text.csvs[i]!));
    }
    files.set('datapackage.json', descriptor);
    return zipFiles(files, new Date(newest));
  });
  await out.place(zipUrl, zip.file);
  collected.resources.push(...resources);
  collected.bulk.push({ region: first!.region, year: first!.year, url: absoluteUrl(zipUrl), sha256: zip.sha256, filings: group.map((f) => f.id).sort() });
}
