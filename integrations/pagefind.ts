import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import * as pagefindService from 'pagefind';
import { buildManifest } from '../src/lib/compile/build-manifest.ts';
import type { FilingHead } from '../src/lib/compile/compiled.ts';
import { buildsIndexPages } from '../src/lib/compile/shards.ts';
import { folderMaker, linkOrFalse } from '../src/lib/compile/site-files.ts';
import { PREVIOUS_SITE_ENV, SITE_PARTS_ENV, readSiteRecord, writeSitePart } from '../src/lib/compile/site-record.ts';
import { PROJECT_ROOT } from '../src/lib/records/paths.ts';
import { regionPath } from '../src/lib/records/filing-path.ts';
import { PAGE_IDS_FILE, pageIdKey, type FilterMeta, type FilterName } from '../src/lib/search/filters.ts';

/**
 * Pagefind serves the search page's filters (地区, 年度, 类型: their values,
 * their counts, and the filings that match a choice of them); the words are
 * found by the site's own index (src/lib/search/write-index.ts, docs/search.md).
 * So Pagefind reads no HTML: it is given one short record per filing from the
 * compiled heads, by shard 1 (or a whole build), which holds every filing's
 * head. Its time and memory no longer grow with the size of the pages.
 */

export type FilterHead = Pick<FilingHead, 'id' | 'title' | 'region' | 'department' | 'year' | 'kind'>;

export interface SearchIndexLog {
  info(message: string): void;
  error(message: string): void;
}

/** Pagefind's files the search page never loads: its own search UIs. */
const UNUSED_FILES = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\.(?:js|css)$/;
/** Records sent to the Pagefind service before their answers are awaited. */
const RECORDS_AT_ONCE = 500;

export function pagefind(): AstroIntegration {
  return {
    name: 'gongkai:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const log = logger.fork('gongkai:pagefind');
        // The benchmark runs Pagefind on its own after the build (scripts/pagefind.ts), to measure it alone.
        if (process.env['GONGKAI_PAGEFIND'] === 'off') return log.info('Skipped (GONGKAI_PAGEFIND=off).');
        const { manifest } = buildManifest();
        if (!buildsIndexPages(manifest.shard)) return log.info('Skipped: shard 1 indexes the portal.');
        const site = process.env[PREVIOUS_SITE_ENV];
        const digest = site === undefined ? undefined : readSiteRecord(site)?.filters;
        const { records } = await buildFilterIndex(fileURLToPath(dir), manifest.heads, log, site && digest ? { site, digest } : undefined);
        const parts = process.env[SITE_PARTS_ENV];
        if (parts) writeSitePart(parts, 'filters', records);
      },
    },
  };
}

/** The record of a filing: its page's path in the site (Pagefind adds the base path), a short text, its meta and filters. */
export function filterRecord(head: FilterHead): { url: string; content: string; language: string; meta: Record<keyof FilterMeta, string>; filters: Record<FilterName, string[]> } {
  const region = regionPath(head);
  const meta: FilterMeta = { title: head.title, region: region.join(' '), department: head.department.name, year: String(head.year), kind: head.kind };
  return {
    url: `/${head.id}/`,
    content: `${head.title} ${head.department.name} ${region.join('')}`,
    language: 'zh-cn',
    meta: { ...meta },
    filters: { 地区: region, 年度: [meta.year], 类型: [head.kind] },
  };
}

/** A digest of what Pagefind is given: every record, and its version. */
function recordsDigest(sorted: readonly FilterHead[]): string {
  const { version } = JSON.parse(readFileSync(join(PROJECT_ROOT, 'node_modules', 'pagefind', 'package.json'), 'utf8')) as { version: string };
  const hash = createHash('sha256').update(version);
  for (const head of sorted) hash.update(JSON.stringify(filterRecord(head)));
  return hash.digest('base64url');
}

/**
 * Writes the Pagefind bundle of these filings into `pagefind/` of the site,
 * and beside it the Pagefind id of each page of the own index (its pages are
 * the filings in id order: build-index.ts). When the site being replaced was
 * given the same records (`previous.digest`, from its site record), its
 * bundle is what Pagefind would write again, and is linked from it: a filing
 * whose text changed keeps its record. Returns the digest of the records.
 */
export async function buildFilterIndex(siteDir: string, heads: readonly FilterHead[], log: SearchIndexLog, previous?: { site: string; digest: string }): Promise<{ records: string; linked: boolean }> {
  const start = performance.now();
  const sorted = [...heads].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const outputPath = join(siteDir, 'pagefind');
  rmSync(outputPath, { recursive: true, force: true });
  const records = recordsDigest(sorted);
  if (previous?.digest === records && linkBundle(join(previous.site, 'pagefind'), outputPath)) {
    log.info(`Pagefind: the ${sorted.length} filing records are the site's being replaced: its bundle linked in ${elapsed(start)}.`);
    return { records, linked: true };
  }
  rmSync(outputPath, { recursive: true, force: true });
  try {
    const { index } = assertResponse(await pagefindService.createIndex({ forceLanguage: 'zh-cn' }), log);
    for (let at = 0; at < sorted.length; at += RECORDS_AT_ONCE) {
      const sent = sorted.slice(at, at + RECORDS_AT_ONCE).map((head) => index.addCustomRecord(filterRecord(head)));
      for (const response of await Promise.all(sent)) assertResponse(response, log);
    }
    assertResponse(await index.writeFiles({ outputPath }), log);
  } catch (cause) {
    throw new Error('Failed to run Pagefind.', { cause });
  } finally {
    await pagefindService.close();
  }
  for (const name of readdirSync(outputPath)) if (UNUSED_FILES.test(name)) rmSync(join(outputPath, name));
  const ids = pagefindIdsByUrl(outputPath);
  const byPage = sorted.map((head) => {
    const id = ids.get(`/${head.id}/`);
    if (id === undefined) throw new Error(`Pagefind wrote no fragment for /${head.id}/`);
    return pageIdKey(id);
  });
  writeFileSync(join(outputPath, PAGE_IDS_FILE), JSON.stringify(byPage));
  log.info(`Pagefind took ${elapsed(start)} in all: ${sorted.length} filing records.`);
  return { records, linked: false };
}

/** Links every file of the bundle in `from` into `to`; false when one cannot be (the bundle is then written anew). */
function linkBundle(from: string, to: string): boolean {
  if (!existsSync(from)) return false;
  const makeFolder = folderMaker();
  return readdirSync(from, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .every((entry) => {
      const target = join(to, relative(from, join(entry.parentPath, entry.name)));
      makeFolder(target);
      return linkOrFalse(join(entry.parentPath, entry.name), target);
    });
}

/** What Pagefind writes before the JSON of each fragment file, once unzipped. */
const SIGNATURE = 'pagefind_dcd';

/** The Pagefind id of each record's URL, from the bundle's fragment files: one fragment per file, or a group of them keyed by id. */
export function pagefindIdsByUrl(bundleDir: string): Map<string, string> {
  const ids = new Map<string, string>();
  const dir = join(bundleDir, 'fragment');
  if (!existsSync(dir)) return ids;
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.pf_fragment')) continue;
    const parsed = JSON.parse(unpack(readFileSync(join(dir, name)), name)) as { url?: string } | Record<string, { url: string }>;
    if (typeof parsed.url === 'string') ids.set(parsed.url, name.slice(0, -'.pf_fragment'.length));
    else for (const [id, fragment] of Object.entries(parsed as Record<string, { url: string }>)) ids.set(fragment.url, id);
  }
  return ids;
}

function unpack(bytes: Buffer, name: string): string {
  const text = (b: Buffer) => (b.subarray(0, SIGNATURE.length).toString('latin1') === SIGNATURE ? b.subarray(SIGNATURE.length).toString('utf8') : null);
  const found = text(bytes) ?? text(gunzipSync(bytes));
  if (found === null) throw new Error(`${name}: not a Pagefind fragment (no ${SIGNATURE} signature)`);
  return found;
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
