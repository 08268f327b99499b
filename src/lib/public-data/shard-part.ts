import type { Collected } from './region-year-data.ts';

/**
 * What a shard's build leaves for `npm run merge` beside its pages (v8
 * serialised, removed by the merge): which shard it is, the pages it
 * rendered and the open data of its filings, from which the merge writes
 * the portal's index, data package, feed and sitemap.
 */
export interface ShardPart {
  shard: { index: number; count: number };
  pages: string[];
  collected: Collected;
}

export const SHARD_PART = '.gongkai-shard';
