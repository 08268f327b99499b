import { loadFiling } from '../records/load-filing.ts';
import { RecordError } from '../records/record-error.ts';
import type { FilingDeclaration } from '../records/schema/filing.ts';
import { checkFiling } from './check-filing.ts';
import type { FolderResult } from './check-cache.ts';

/** What the duplicate department-year check needs of a filing, small enough to pass between threads. */
export type Identity = Pick<FilingDeclaration, 'region' | 'department' | 'year' | 'kind'> & { id: string; dir: string };

/** Load and check each filing folder; a folder that cannot be read gives its problems instead of findings. */
export function checkDirs(root: string, contentRoot: string, dirs: readonly string[]): FolderResult[] {
  return dirs.map((dir) => {
    try {
      const filing = loadFiling(dir, { root, contentRoot });
      const { region, department, year, kind, id } = filing;
      return { problems: [], checked: { identity: { region, department, year, kind, id, dir: filing.dir }, findings: checkFiling(filing) } };
    } catch (error) {
      if (error instanceof RecordError) return { problems: error.problems };
      throw error;
    }
  });
}
