import { regionPath } from '../records/filing-path.ts';
import type { FilingDeclaration } from '../records/schema/filing.ts';

/**
 * A part of a portal built on its own machine (`npm run build -- --shard
 * K/N`, docs/scale.md). Whole regions go to one shard, so a filing's pages,
 * its department's pages and its region-year's bulk zip are made where its
 * record is; the pages above the regions (home, region lists, glossary,
 * search) and the portal's open data index are made by shard 1, which, like
 * every shard, holds the heads of every filing. `npm run merge` joins them.
 */
export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
  /** The regions whose filings this shard builds, as `省/市/县` paths. */
  regions: string[];
}

const SHARD = /^(\d+)\/(\d+)$/;

/** `2/3` → { index: 2, count: 3 }, or the reason it is not a shard. */
export function parseShard(text: string): { index: number; count: number } | { problem: string } {
  const match = SHARD.exec(text);
  const [index, count] = match ? [Number(match[1]), Number(match[2])] : [NaN, NaN];
  if (!match || count < 1 || index < 1 || index > count) return { problem: `expected --shard K/N with 1 ≤ K ≤ N (such as 2/3), found "${text}"` };
  return { index, count };
}

/** The region a filing's pages belong to: its own, the most specific of its path. */
const regionOf = (f: Pick<FilingDeclaration, 'region'>): string => regionPath(f).join('/');

/**
 * The regions of each of `count` shards: regions largest first, each to the
 * shard with the fewest filings so far (the lowest-numbered on a tie), so
 * that shards are about the same size and every machine computes the same
 * split from the same filings.
 */
export function splitRegions(filings: readonly Pick<FilingDeclaration, 'region'>[], count: number): string[][] {
  const sizes = new Map<string, number>();
  for (const f of filings) sizes.set(regionOf(f), (sizes.get(regionOf(f)) ?? 0) + 1);
  const regions = [...sizes].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0));
  const shards = Array.from({ length: count }, () => ({ regions: [] as string[], filings: 0 }));
  for (const [region, size] of regions) {
    const smallest = shards.reduce((best, shard) => (shard.filings < best.filings ? shard : best));
    smallest.regions.push(region);
    smallest.filings += size;
  }
  return shards.map((s) => s.regions.sort());
}

/** Whether this build makes the pages of a region (`segments` of a region, department or filing): always, without shards. */
export function buildsRegion(shard: Shard | undefined, segments: readonly string[]): boolean {
  return shard === undefined || shard.regions.includes(segments.join('/'));
}

/** Whether this build makes a filing's pages and open data. */
export const buildsFiling = (shard: Shard | undefined, f: Pick<FilingDeclaration, 'region'>): boolean => buildsRegion(shard, regionPath(f));

/** Whether this build makes the pages above the regions: shard 1, or the whole build. */
export const buildsIndexPages = (shard: Shard | undefined): boolean => shard === undefined || shard.index === 1;
