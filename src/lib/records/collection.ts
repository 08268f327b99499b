import { deserialize, serialize } from 'node:v8';
import { getCollection } from 'astro:content';
import type { FilingSummary } from './filing-loader.ts';
import { loadFiling, type Filing } from './load-filing.ts';

/** Every filing's summary from the content collection, in stable id order. */
export async function getFilings(): Promise<FilingSummary[]> {
  const entries = await getCollection('filings');
  return entries.map((e) => e.data).sort((a, b) => a.id.localeCompare(b.id, 'zh-CN'));
}

/**
 * The last records read, by summary: a filing's page and its printable view
 * render one after the other from the same summary, so they share one record.
 * Keyed by the summary object, so a re-synced collection in `astro dev` is
 * read afresh.
 */
const recent: { summary: FilingSummary; filing: Filing }[] = [];
const RECENT_SIZE = 2;

/**
 * Records read from disk and not yet asked for a second time, serialised:
 * Astro renders every filing.json before any filing page, and both need the
 * record. Deserialising is several times faster than reading the folder again
 * (YAML, CSV, validation), and the serialised copies (about 70 KB a filing)
 * live outside the JS heap, so the garbage collector does not walk them. Each
 * read serves exactly one later request, so nothing outlives the build.
 */
const handOver = new Map<string, Buffer>();

/** The whole record of a filing (tables, projects, texts), read from its folder. */
export function filingRecord(summary: FilingSummary): Filing {
  const hit = recent.find((r) => r.summary === summary);
  if (hit) return hit.filing;
  const kept = handOver.get(summary.dir);
  let filing: Filing;
  if (kept) {
    handOver.delete(summary.dir);
    filing = deserialize(kept) as Filing;
  } else {
    filing = loadFiling(summary.read.folder, { root: summary.read.root });
    handOver.set(summary.dir, serialize(filing));
  }
  recent.unshift({ summary, filing });
  recent.length = Math.min(recent.length, RECENT_SIZE);
  return filing;
}
