import { getCollection } from 'astro:content';
import { buildManifest } from '../compile/build-manifest.ts';
import type { CompiledRecord } from '../compile/compiled.ts';
import type { FilingRows } from '../site/previous-year.ts';
import type { FilingSummary } from './filing-loader.ts';

/** Every filing's summary from the content collection, in stable id order. */
export async function getFilings(): Promise<FilingSummary[]> {
  const entries = await getCollection('filings');
  return entries.map((e) => e.data).sort((a, b) => a.id.localeCompare(b.id, 'zh-CN'));
}

/**
 * The compiled record of a filing: validated and checked by the compile
 * step, read from the compiled store by the hash the summary carries. A
 * page never reads the filing's folder, so it publishes what was checked.
 */
export function compiledRecord(summary: Pick<FilingSummary, 'hash'>): CompiledRecord {
  return buildManifest().store.record(summary.hash);
}

/** The row figures of a filing, which the department's next filing of the same kind shows beside its own. */
export function compiledRows(summary: Pick<FilingSummary, 'hash'>): FilingRows {
  return buildManifest().store.rows(summary.hash);
}
