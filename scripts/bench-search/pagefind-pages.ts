import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pagefindIdsByUrl } from '../../integrations/pagefind.ts';

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
 * hundreds of results would fetch every page's whole text.
 */
export function pagefindPageUrls(siteDir: string): Map<string, string> {
  const urls = new Map<string, string>();
  for (const bundle of bundlePaths(siteDir)) for (const [url, id] of pagefindIdsByUrl(join(siteDir, ...bundle.split('/')))) urls.set(id, url);
  return urls;
}

/** A result's address as a filing id: the site path without slashes at either end, decoded, without query or anchor. */
export function pathOf(url: string): string {
  const path = new URL(url, 'http://site/').pathname;
  return decodeURIComponent(path).replace(/^\/+|\/+$/g, '');
}
