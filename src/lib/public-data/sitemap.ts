import { rfc3339, xmlText } from './xml.ts';

export interface SitemapUrl {
  /** Absolute, percent-encoded URL. */
  loc: string;
  lastmod?: Date;
}

/** The sitemap protocol's limit of URLs in one file. */
export const SITEMAP_LIMIT = 50_000;

const XMLNS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

function urlset(urls: readonly SitemapUrl[]): string {
  const entries = urls.map((u) => `  <url><loc>${xmlText(u.loc)}</loc>${u.lastmod ? `<lastmod>${rfc3339(u.lastmod)}</lastmod>` : ''}</url>`);
  return `<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="${XMLNS}">\n${entries.join('\n')}\n</urlset>\n`;
}

/**
 * The sitemap files of the site: up to 50,000 pages one file (part
 * undefined, `sitemap.xml`); beyond, that file is an index of parts 1, 2 …
 * each within the limit. `locate(part)` gives the absolute URL of a part.
 */
export function sitemapFiles(urls: readonly SitemapUrl[], locate: (part: number) => string): { part?: number; xml: string }[] {
  if (urls.length <= SITEMAP_LIMIT) return [{ xml: urlset(urls) }];
  const parts: { part: number; xml: string }[] = [];
  for (let start = 0; start < urls.length; start += SITEMAP_LIMIT) parts.push({ part: parts.length + 1, xml: urlset(urls.slice(start, start + SITEMAP_LIMIT)) });
  const index = parts.map(({ part }) => `  <sitemap><loc>${xmlText(locate(part))}</loc></sitemap>`);
  return [{ xml: `<?xml version="1.0" encoding="utf-8"?>\n<sitemapindex xmlns="${XMLNS}">\n${index.join('\n')}\n</sitemapindex>\n` }, ...parts];
}
