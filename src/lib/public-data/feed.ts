import { rfc3339, xmlText } from './xml.ts';

export interface FeedEntry {
  /** Absolute URL of the filing page: the entry's id, which never changes for a filing (docs/urls.md). */
  url: string;
  json: string;
  title: string;
  /** One line in Chinese saying what the filing holds. */
  summary: string;
  kind: string;
  published: Date;
  updated: Date;
}

export interface FeedHead {
  title: string;
  /** Absolute URL of the portal (its home page). */
  site: string;
  /** Absolute URL of the feed itself. */
  self: string;
}

/**
 * The newest this many filings are in the feed: readers poll a feed for what
 * is new, and a portal of thousands of filings would otherwise send
 * megabytes each time. data/filings.json lists them all.
 */
export const FEED_ENTRIES = 1000;

/**
 * An Atom feed (RFC 4287) of the filings, newest change first. The feed's
 * own `updated` is its newest entry's, not the build's time: a build of the
 * same records writes the same feed.
 */
export function atomFeed(head: FeedHead, entries: readonly FeedEntry[]): string {
  const newest = [...entries].sort((a, b) => b.updated.getTime() - a.updated.getTime() || a.url.localeCompare(b.url)).slice(0, FEED_ENTRIES);
  const updated = newest[0]?.updated ?? new Date(0);
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <id>${xmlText(head.site)}</id>`,
    `  <title>${xmlText(head.title)}</title>`,
    `  <updated>${rfc3339(updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(head.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(head.site)}"/>`,
    `  <author><name>${xmlText(head.title)}</name></author>`,
    ...newest.flatMap((e) => [
      '  <entry>',
      `    <id>${xmlText(e.url)}</id>`,
      `    <title>${xmlText(e.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xmlText(e.url)}"/>`,
      `    <link rel="alternate" type="application/json" href="${xmlText(e.json)}"/>`,
      `    <published>${rfc3339(e.published)}</published>`,
      `    <updated>${rfc3339(e.updated)}</updated>`,
      `    <category term="${xmlText(e.kind)}"/>`,
      `    <summary>${xmlText(e.summary)}</summary>`,
      '  </entry>',
    ]),
    '</feed>',
  ];
  return `${lines.join('\n')}\n`;
}
