import { loadFiling } from '../records/load-filing.ts';
import { RecordError, type Problem } from '../records/record-error.ts';
import type { FilingDeclaration } from '../records/schema/filing.ts';
import { checkFiling } from './check-filing.ts';
import type { Finding } from './finding.ts';

/** What the duplicate department-year check needs of a filing, small enough to pass between threads. */
export type Identity = Pick<FilingDeclaration, 'region' | 'department' | 'year' | 'kind'> & { id: string; dir: string };

export interface DirsResult {
  problems: Problem[];
  /** Findings of each loaded filing, in the order of `identities`. */
  checked: { identity: Identity; findings: Finding[] }[];
}

/** Load and check each filing folder; a folder that cannot be read gives its problems instead of findings. */
export function checkDirs(root: string, contentRoot: string, dirs: readonly string[]): DirsResult {
  const problems: Problem[] = [];
  const checked: DirsResult['checked'] = [];
  for (const dir of dirs) {
    try {
      const filing = loadFiling(dir, { root, contentRoot });
      const { region, department, year, kind, id } = filing;
      checked.push({ identity: { region, department, year, kind, id, dir: filing.dir }, findings: checkFiling(filing) });
    } catch (error) {
      if (error instanceof RecordError) problems.push(...error.problems);
      else throw error;
    }
  }
  return { problems, checked };
}
