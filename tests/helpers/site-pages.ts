import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** The file a static server sends for a site URL such as `/河北省/…/2024-预算/`. */
export function pageFile(siteDir: string, url: string): string {
  const path = decodeURIComponent(new URL(url, 'http://site').pathname);
  const file = path.endsWith('/') ? join(siteDir, path, 'index.html') : join(siteDir, path);
  if (!existsSync(file)) throw new Error(`the built site has no page for ${url} (looked for ${file})`);
  return file;
}

export function readPage(siteDir: string, url: string): string {
  return readFileSync(pageFile(siteDir, url), 'utf8');
}

/** URL of every HTML page of the built site (`/…/` for index.html files). */
export function allPages(siteDir: string): string[] {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'pagefind' && entry.name !== '_astro') walk(full);
      } else if (entry.name.endsWith('.html')) {
        const rel = relative(siteDir, full).split(sep).join('/');
        pages.push(`/${rel.endsWith('index.html') ? rel.slice(0, -'index.html'.length) : rel}`);
      }
    }
  };
  walk(siteDir);
  return pages.sort();
}
