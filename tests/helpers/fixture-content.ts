import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/lib/records/paths.ts';

/** The real 永清县 2024 record, the one record every site test is written against. */
export const YONGQING_2024 = '河北省/廊坊市/永清县/316-人力资源和社会保障局/2024-预算';

const REAL_CONTENT = join(PROJECT_ROOT, 'content', 'filings');
const MINIMAL_CONTENT = join(PROJECT_ROOT, 'tests', 'fixtures', 'minimal', 'filings');

/**
 * Content root of the fixture site: the real filings once the imported
 * 永清县 record is in the repository, the hand-written excerpt before that.
 * Tests that need the full record (30 projects, search terms) check `isReal`.
 */
export function fixtureContent(): { root: string; isReal: boolean } {
  if (existsSync(join(REAL_CONTENT, YONGQING_2024, 'filing.yaml'))) return { root: REAL_CONTENT, isReal: true };
  return { root: MINIMAL_CONTENT, isReal: false };
}
