import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** What Pagefind writes before the JSON of each fragment file, once unzipped. */
const SIGNATURE = 'pagefind_dcd';

/** Folders of the site that hold a Pagefind bundle (`pagefind/`, `pagefind/2/` …), as site paths. */
export function bundlePaths(siteDir: string): string[] {
  const found: string[] = [];
  const walk = (path: string) => {
    const dir = join(siteDir, ...path.split('/'));
    if (!existsSync(dir)) return;
    if (existsSync(join(dir, 'pagefind-entry.json'))) found.push(`/${path}/`);
    for (const entry of readdirSync(dir, { withFileTypes: true })) if (entry.isDirectory() && /^\d+$/.test(entry.name)) walk(`${path}/${entry.name}`);
  };
  walk('pagefind');
  return found.sort();
}

/**
 * Page of each result id across every bundle: a search result carries only
 * the id of its page's fragment, and asking the browser for the data of
 * hundreds of results would fetch every page's whole text. Pagefind writes
 * a fragment per file, or a group of them keyed by id.
 */
export function pagefindPageUrls(siteDir: string): Map<string, string> {
  const urls = new Map<string, string>();
  for (const bundle of bundlePaths(siteDir)) {
    const dir = join(siteDir, ...bundle.split('/'), 'fragment');
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      if (!name.endsWith('.pf_fragment')) continue;
      const parsed = JSON.parse(unpack(readFileSync(join(dir, name)), name)) as { url?: string } | Record<string, { url: string }>;
      if (typeof parsed.url === 'string') urls.set(name.slice(0, -'.pf_fragment'.length), parsed.url);
      else for (const [id, fragment] of Object.entries(parsed as Record<string, { url: string }>)) urls.set(id, fragment.url);
    }
  }
  return urls;
}

function unpack(bytes: Buffer, name: string): string {
  const text = (b: Buffer) => (b.subarray(0, SIGNATURE.length).toString('latin1') === SIGNATURE ? b.subarray(SIGNATURE.length).toString('utf8') : null);
  const found = text(bytes) ?? text(gunzipSync(bytes));
  if (found === null) throw new Error(`${name}: not a Pagefind fragment (no ${SIGNATURE} signature)`);
  return found;
}

/** A result's address as a filing id: the site path without slashes at either end, decoded, without query or anchor. */
export function pathOf(url: string): string {
  const path = new URL(url, 'http://site/').pathname;
  return decodeURIComponent(path).replace(/^\/+|\/+$/g, '');
}
