/**
 * The feed, the sitemap and robots.txt of the built fixture site parse as
 * XML (or text) a crawler or a feed reader reads, and name every filing
 * and every page at its absolute URL on the configured site.
 */
import { readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, inject, it } from 'vitest';
import type { FilingsIndex } from '../../src/lib/public-data/index-schema.ts';
import { absoluteUrl, dataIndexUrl, feedUrl, sitemapUrl, sitePath } from '../../src/lib/site/urls.ts';
import { siteConfig } from '../../src/lib/site/site-config.ts';
import { allPages } from '../helpers/site-pages.ts';
import { readJson, siteFile } from './public-data-helpers.ts';

const siteDir = inject('siteDir');
const index = readJson(siteFile(siteDir, dataIndexUrl())) as FilingsIndex;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'link', 'url'].includes(name) });

function parse(url: string): Record<string, unknown> {
  const xml = readFileSync(siteFile(siteDir, url), 'utf8');
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml) as Record<string, unknown>;
}

interface AtomEntry {
  id: string;
  title: string;
  link: { '@rel': string; '@type': string; '@href': string }[];
  published: string;
  updated: string;
  category: { '@term': string };
}

describe('feed.xml', () => {
  const feed = parse(feedUrl())['feed'] as { id: string; title: string; updated: string; link: { '@rel': string; '@href': string }[]; entry: AtomEntry[] };

  it('is an Atom feed of the site, linking to itself and to the portal', () => {
    expect([feed.id, feed.title, feed.link.map((l) => [l['@rel'], l['@href']])]).toEqual([
      absoluteUrl(sitePath('')),
      siteConfig.name,
      [
        ['self', absoluteUrl(feedUrl())],
        ['alternate', absoluteUrl(sitePath(''))],
      ],
    ]);
  });

  it('has one entry per filing, with its page, its JSON and its dates, the newest change first', () => {
    const entries = feed.entry.map((e) => ({
      id: e.id,
      title: e.title,
      links: e.link.map((l) => l['@href']),
      updated: e.updated.replace(/Z$/, '.000Z'),
      kind: e.category['@term'],
    }));
    const expected = [...index.filings]
      .sort((a, b) => b.updated.localeCompare(a.updated) || a.url.localeCompare(b.url))
      .map((f) => ({ id: f.url, title: f.title, links: [f.url, f.json], updated: new Date(f.updated).toISOString(), kind: f.kind }));
    expect(entries).toEqual(expected);
    expect(feed.updated).toBe(feed.entry[0]!.updated);
    for (const e of feed.entry) expect(Date.parse(e.published) <= Date.parse(e.updated), e.id).toBe(true);
  });
});

describe('sitemap.xml', () => {
  const sitemap = parse(sitemapUrl())['urlset'] as { url: { loc: string; lastmod?: string }[] };

  it('lists every page of the site but the not-found page and the printable views\' former addresses, at its absolute URL', () => {
    const pages = allPages(siteDir)
      .filter((page) => page !== '/404.html' && !page.endsWith('/print/'))
      .map((page) => absoluteUrl(sitePath(page.slice(1))));
    expect(sitemap.url.map((u) => u.loc).sort()).toEqual(pages.sort());
  });

  it('dates every filing page by its last change, as the index does', () => {
    const dated = sitemap.url.filter((u) => u.lastmod !== undefined).map((u) => [u.loc, u.lastmod]).sort((a, b) => a[0]!.localeCompare(b[0]!));
    expect(dated).toEqual(index.filings.map((f) => [f.url, f.updated]).sort((a, b) => a[0]!.localeCompare(b[0]!)));
  });
});

describe('robots.txt', () => {
  it('lets every page be crawled and names the sitemap', () => {
    expect(readFileSync(siteFile(siteDir, sitePath('robots.txt')), 'utf8')).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(sitemapUrl())}\n`);
  });
});
