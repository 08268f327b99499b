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

/** The previous filing of each filing, worked out once for the build's list of filings. */
let index: { list: readonly FilingSummary[]; previous: Map<string, FilingSummary> } | undefined;

export function rememberRows(f: Identity, tables: readonly Table[]): void {
  kept.set(filingId(f), filingRows(tables));
}

/** The department's previous filing of the same kind among `summaries`, with its row figures; undefined when the portal has none. */
export function previousYearRows(f: Identity, summaries: readonly FilingSummary[]): { summary: FilingSummary; rows: FilingRows } | undefined {
  // getFilings() makes a new array of the same summaries on every call: the same first, last and length is the same list.
  if (!index || index.list.length !== summaries.length || index.list[0] !== summaries[0] || index.list.at(-1) !== summaries.at(-1)) {
    index = { list: summaries, previous: previousFilings(summaries) };
  }
  const summary = index.previous.get(filingId(f));
  if (!summary) return undefined;
  let rows = kept.get(summary.id);
  if (!rows) kept.set(summary.id, (rows = filingRows(readRecord(summary).tables)));
  return { summary, rows };
}
