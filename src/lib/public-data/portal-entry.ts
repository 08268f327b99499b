import { regionPath } from '../records/filing-path.ts';
import { absoluteUrl, bulkZipUrl, jsonUrl } from '../site/urls.ts';
import type { FeedEntry } from './feed.ts';
import type { PublicFiling } from './filing-schema.ts';
import type { IndexEntry } from './index-schema.ts';
import type { RecordDates } from './record-dates.ts';
import { rfc3339 } from './xml.ts';

/** A date the source states (YYYY-MM-DD), as the start of that day in China. */
const chinaDay = (date: string) => new Date(`${date}T00:00:00+08:00`);

/** What the portal's entry of a filing is made of: a few fields of its filing.json, and how many tables and project forms it has. */
export type PortalFiling = Pick<PublicFiling, 'id' | 'title' | 'region' | 'department' | 'year' | 'kind' | 'url' | 'published'> & { tables: number; projects: number };

export function portalFiling(filing: PublicFiling): PortalFiling {
  const { id, title, region, department, year, kind, url, published } = filing;
  return { id, title, region, department, year, kind, url, ...(published === undefined ? {} : { published }), tables: filing.tables.length, projects: filing.projects.length };
}

/**
 * What the index, the feed and the sitemap say of one filing. A filing is
 * published on the date its source states, else when its record was first
 * committed; it is updated when its record last changed, and never before
 * it was published.
 */
export function portalEntry(filing: PortalFiling, jsonSha256: string, dates: RecordDates): { index: IndexEntry; feed: FeedEntry } {
  const published = filing.published ? chinaDay(filing.published) : dates.first;
  const updated = new Date(Math.max(published.getTime(), dates.updated.getTime()));
  const json = absoluteUrl(jsonUrl(filing));
  const index: IndexEntry = {
    id: filing.id,
    title: filing.title,
    region: filing.region,
    department: { ...(filing.department.code ? { code: filing.department.code } : {}), name: filing.department.name },
    year: filing.year,
    kind: filing.kind,
    url: filing.url,
    json,
    sha256: jsonSha256,
    ...(filing.published ? { published: filing.published } : {}),
    updated: rfc3339(updated),
    bulk: absoluteUrl(bulkZipUrl(regionPath(filing), filing.year)),
  };
  const parts = [filing.tables > 0 ? `${filing.tables} 张公开表格` : '', filing.projects > 0 ? `${filing.projects} 张项目绩效目标表` : ''].filter(Boolean);
  const feed: FeedEntry = {
    url: filing.url,
    json,
    title: filing.title,
    summary: `${filing.department.name} ${filing.year}年部门${filing.kind}${parts.length > 0 ? `：${parts.join('，')}` : ''}`,
    kind: filing.kind,
    published,
    updated,
  };
  return { index, feed };
}
