import type { FilingSummary } from '../records/filing-loader.ts';
import { filingId } from '../records/filing-path.ts';
import type { FilingDeclaration } from '../records/schema/filing.ts';
import type { Table } from '../records/schema/table.ts';
import { readRecord } from './figures-store.ts';
import { previousFilings } from './previous-filing.ts';
import { filingRows, type FilingRows } from './previous-year.ts';

type Identity = Pick<FilingDeclaration, 'region' | 'department' | 'year' | 'kind'>;

/**
 * The row figures of the filings rendered so far, by filing id: pages render
 * in id order, so a department's earlier year has usually been rendered and
 * its record is not read again. A few kilobytes a filing.
 */
const kept = new Map<string, FilingRows>();

/** The previous filing of each filing, worked out once for the build's collection of filings. */
let index: { entries: readonly { data: FilingSummary }[]; previous: Map<string, FilingSummary> } | undefined;

export function rememberRows(f: Identity, tables: readonly Table[]): void {
  kept.set(filingId(f), filingRows(tables));
}

/**
 * The department's previous filing of the same kind among the content
 * collection's `entries` (getCollection('filings'), unsorted: each page asks,
 * and sorting 10,000 summaries a page would cost more than the page), with
 * its row figures; undefined when the portal has none.
 */
export function previousYearRows(f: Identity, entries: readonly { data: FilingSummary }[]): { summary: FilingSummary; rows: FilingRows } | undefined {
  // A new array of the same entries on every call: the same length, first and last entry is the same collection.
  if (!index || index.entries.length !== entries.length || index.entries[0] !== entries[0] || index.entries.at(-1) !== entries.at(-1)) {
    index = { entries, previous: previousFilings(entries.map((e) => e.data)) };
  }
  const summary = index.previous.get(filingId(f));
  if (!summary) return undefined;
  let rows = kept.get(summary.id);
  if (!rows) kept.set(summary.id, (rows = filingRows(readRecord(summary).tables)));
  return { summary, rows };
}
