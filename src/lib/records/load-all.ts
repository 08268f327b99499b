import { RecordError, type Problem } from './record-error.ts';
import { findFilingFolders } from './filing-folders.ts';
import { addressConflicts, duplicateDepartmentYear } from './filing-collisions.ts';
import { loadFiling, type Filing } from './load-filing.ts';

/** What every record of a tree gave: the records read, and the problems of those that could not be. */
export interface LoadResult<T> {
  records: T[];
  problems: Problem[];
}

/**
 * Read every filing folder under `contentRoot` with `read`; problems of all
 * filings are collected so one run reports them all, and a department-year
 * filed twice is one of them.
 */
export function loadAll<T extends Parameters<typeof duplicateDepartmentYear>[0]>(root: string, contentRoot: string, read: (dir: string) => T): LoadResult<T> {
  const records: T[] = [];
  const { dirs, problems } = findFilingFolders(root, contentRoot);
  const seen = new Map<string, string>();
  for (const dir of dirs) {
    try {
      const record = read(dir);
      const duplicate = duplicateDepartmentYear(record, seen);
      if (duplicate) problems.push(duplicate);
      else records.push(record);
    } catch (error) {
      if (error instanceof RecordError) problems.push(...error.problems);
      else throw error;
    }
  }
  problems.push(...addressConflicts(records));
  return { records, problems };
}

/** Every filing under `contentRoot`, read whole. */
export function loadAllFilings(root: string, contentRoot: string): { filings: Filing[]; problems: Problem[] } {
  const { records, problems } = loadAll(root, contentRoot, (dir) => loadFiling(dir, { root, contentRoot }));
  return { filings: records, problems };
}
