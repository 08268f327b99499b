import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadAllFilings } from '../../src/lib/records/load-all.ts';
import { formatProblem } from '../../src/lib/records/record-error.ts';
import { PROJECT_ROOT } from '../../src/lib/records/paths.ts';

const CONTENT = join(PROJECT_ROOT, 'content', 'filings');

describe('committed filing records', () => {
  const { filings, problems } = loadAllFilings(PROJECT_ROOT, CONTENT);

  it('load with no problems', () => {
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it('include the 永清县 2024 budget with its nine standard tables and 30 project tables', () => {
    const yongqing = filings.find((f) => f.id === '河北省/廊坊市/永清县/316-人力资源和社会保障局/2024-预算');
    expect(yongqing).toBeDefined();
    expect(yongqing!.tables.filter((t) => t.standard).length).toBe(9);
    expect(yongqing!.tables.filter((t) => t.empty && t.standard).map((t) => t.standard)).toEqual(['government-fund-expenditure', 'state-capital-expenditure']);
    expect(yongqing!.projectList).toHaveLength(30);
    const income = yongqing!.tables.find((t) => t.standard === 'income-summary')!;
    expect(income.rows).toHaveLength(23);
    expect(income.rows[0]).toEqual(['1', null, '合计', '25332.93', '24487.92', '24487.92', null, null, null, null, null, null, '845.01']);
  });
});
