import { join } from 'node:path';
import { loadAllFilings } from '../../src/lib/records/load-all.ts';
import type { Filing } from '../../src/lib/records/load-filing.ts';
import { PROJECT_ROOT } from '../../src/lib/records/paths.ts';
import type { Table } from '../../src/lib/records/schema/table.ts';

/** The checks fixture: the complete 永清县 2024 record, every standard table, as published. */
export const COMPLETE_FIXTURE = join(PROJECT_ROOT, 'tests', 'checks', 'fixtures', 'complete');
export const completeLoad = loadAllFilings(PROJECT_ROOT, join(COMPLETE_FIXTURE, 'filings'));
export const completeFiling = completeLoad.filings[0]!;

/** A copy of the complete record, changed by `change`. */
export function variant(change: (filing: Filing) => void): Filing {
  const filing = structuredClone(completeFiling);
  change(filing);
  return filing;
}

export function table(filing: Filing, id: string): Table {
  const found = filing.tables.find((t) => t.id === id);
  if (!found) throw new Error(`no table ${id}`);
  return found;
}
