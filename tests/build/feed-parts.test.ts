/**
 * The parts of the feed and the sitemap at sizes the fixture site does not
 * reach: the feed's limit, the sitemap split in parts, text XML cannot hold.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { FEED_ENTRIES, atomFeed, type FeedEntry } from '../../src/lib/public-data/feed.ts';
import { SITEMAP_LIMIT, sitemapFiles } from '../../src/lib/public-data/sitemap.ts';
import { tableCsv } from '../../src/lib/site/exports.ts';

const parser = new XMLParser({ isArray: (name) => ['entry', 'url', 'sitemap'].includes(name) });

function entry(n: number): FeedEntry {
  const day = new Date(Date.UTC(2024, 0, 1) + n * 60_000);
  return { url: `https://example.gov.cn/f/${n}/`, json: `https://example.gov.cn/f/${n}/filing.json`, title: `第${n}号`, summary: 's', kind: '预算', published: day, updated: day };
}

describe('atomFeed', () => {
  it('keeps the newest entries only, newest first', () => {
    const xml = atomFeed({ title: 't', site: 'https://example.gov.cn/', self: 'https://example.gov.cn/feed.xml' }, Array.from({ length: FEED_ENTRIES + 5 }, (_, n) => entry(n)));
    const ids = (parser.parse(xml).feed.entry as { id: string }[]).map((e) => e.id);
    expect(ids.length).toBe(FEED_ENTRIES);
    expect([ids[0], ids.at(-1)]).toEqual([`https://example.gov.cn/f/${FEED_ENTRIES + 4}/`, 'https://example.gov.cn/f/5/']);
  });

  it('stays well-formed whatever a title holds: markup is escaped, characters XML cannot hold are dropped', () => {
    const xml = atomFeed({ title: 'a & b', site: 'https://example.gov.cn/', self: 'https://example.gov.cn/feed.xml' }, [{ ...entry(1), title: '<b>三公</b> "经费"\u0001\u000b & \uFFFE' }]);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('    <title>&lt;b&gt;三公&lt;/b&gt; &quot;经费&quot; &amp; </title>\n');
    expect(new XMLParser({ trimValues: false }).parse(xml).feed.entry.title).toBe('<b>三公</b> "经费" & ');
  });
});

describe('sitemapFiles', () => {
  const locate = (part: number) => `https://example.gov.cn/sitemap-${part}.xml`;

  it('is one file up to the protocol limit', () => {
    const files = sitemapFiles([{ loc: 'https://example.gov.cn/' }], locate);
    expect(files.map((f) => f.part)).toEqual([undefined]);
  });

  it('beyond it, is an index of parts that each stay within the limit', () => {
    const urls = Array.from({ length: SITEMAP_LIMIT + 1 }, (_, n) => ({ loc: `https://example.gov.cn/${n}/` }));
    const [index, ...parts] = sitemapFiles(urls, locate);
    expect(parser.parse(index!.xml).sitemapindex.sitemap).toEqual([{ loc: locate(1) }, { loc: locate(2) }]);
    expect(parts.map((p) => [p.part, parser.parse(p.xml).urlset.url.length])).toEqual([
      [1, SITEMAP_LIMIT],
      [2, 1],
    ]);
  });
});

describe('tableCsv', () => {
  it('writes a sign alone as it is, and guards text that starts a formula', () => {
    const csv = tableCsv({ columns: [{ header: ['比较符'], type: 'text' }, { header: ['说明'], type: 'text' }], rows: [['=', '-'], ['=1+1', '-x']] });
    expect(csv).toBe("\uFEFF比较符,说明\r\n=,-\r\n'=1+1,'-x\r\n");
  });
});
