import { join } from 'node:path';
import { getCollection } from 'astro:content';
import type { FilingSummary } from './filing-loader.ts';
import { loadFiling, type Filing } from './load-filing.ts';
import { PROJECT_ROOT, contentRoot } from './paths.ts';

/** Every filing's summary from the content collection, in stable id order. */
export async function getFilings(): Promise<FilingSummary[]> {
  const entries = await getCollection('filings');
  return entries.map((e) => e.data).sort((a, b) => a.id.localeCompare(b.id, 'zh-CN'));
}

/**
 * The last records read, by summary: a filing's page and its printable view
 * render one after the other from the same summary, so each record is read
 * once. Keyed by the summary object, so a re-synced collection in `astro dev`
 * is read afresh.
 */
const recent: { summary: FilingSummary; filing: Filing }[] = [];
const RECENT_SIZE = 2;

/** The whole record of a filing (tables, projects, texts), read from its folder. */
export function filingRecord(summary: FilingSummary): Filing {
  const hit = recent.find((r) => r.summary === summary);
  if (hit) return hit.filing;
  const filing = loadFiling(join(PROJECT_ROOT, summary.dir), { root: PROJECT_ROOT, contentRoot: contentRoot() });
  recent.unshift({ summary, filing });
  recent.length = Math.min(recent.length, RECENT_SIZE);
  return filing;
}
